/**
 * What this copy of apprunner-ops is: its version, the commit it was built from and the
 * repository it is released from. The repository is written once, in package.json's
 * `repository`; docs, examples, `init` and the release notes take it from there (a test holds
 * the docs to it).
 *
 * The commit comes from the checkout when this copy is one (a clone runs what HEAD is), or
 * from build-info.json, which `npm pack` writes into the package (scripts/build-info.mjs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SuiteIdentity {
  version: string;
  /** owner/name on GitHub. */
  repository: string;
  /** Full commit SHA, or undefined when neither a checkout nor build-info.json says it. */
  commit: string | undefined;
  /** Where the commit came from, for --version. */
  commitSource: 'checkout' | 'package' | 'unknown';
  /** The package's folder: the clone, or where npm installed it. */
  root: string;
}

/**
 * The package's folder, found by walking up from this module: the sources sit in cli/, the
 * bundle in cli/dist/, and both must find the same root.
 */
export function packageRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string };
      if (pkg.name === 'apprunner-ops') return dir;
    }
    if (path.dirname(dir) === dir)
      throw new Error(`no apprunner-ops package.json above ${from}: the package is incomplete`);
  }
}

/** `git+https://github.com/owner/name.git`, `github:owner/name` or `owner/name` → owner/name. */
export function repositoryName(field: unknown): string {
  const url = typeof field === 'string' ? field : (field as { url?: unknown } | undefined)?.url;
  const match =
    typeof url === 'string'
      ? /^(?:github:|(?:git\+)?https:\/\/github\.com\/|git@github\.com:)?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(
          url,
        )
      : null;
  if (!match?.[1])
    throw new Error(`package.json repository: expected a GitHub repository, got ${String(url)}`);
  return match[1];
}

let cached: SuiteIdentity | undefined;

export function suiteIdentity(): SuiteIdentity {
  if (cached) return cached;
  const root = packageRoot();
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
    repository?: unknown;
  };
  let commit: string | undefined;
  let commitSource: SuiteIdentity['commitSource'] = 'unknown';
  if (existsSync(path.join(root, '.git'))) {
    try {
      commit = execFileSync('git', ['rev-parse', 'HEAD'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
      commitSource = 'checkout';
    } catch {
      commit = undefined;
    }
  }
  const info = path.join(root, 'build-info.json');
  if (!commit && existsSync(info)) {
    const parsed = JSON.parse(readFileSync(info, 'utf8')) as { commit?: unknown };
    if (typeof parsed.commit === 'string' && /^[0-9a-f]{40}$/.test(parsed.commit)) {
      commit = parsed.commit;
      commitSource = 'package';
    }
  }
  cached = {
    version: pkg.version,
    repository: repositoryName(pkg.repository),
    commit,
    commitSource,
    root,
  };
  return cached;
}

/**
 * The identity plus whether its commit is the release `v<version>`: a packed release says so
 * in build-info.json (`tag`), a checkout when `git tag --points-at HEAD` lists the tag.
 */
export function releasedSuite(): SuiteIdentity & { released: boolean } {
  const suite = suiteIdentity();
  const tag = `v${suite.version}`;
  let released = false;
  if (suite.commitSource === 'checkout') {
    try {
      released = execFileSync('git', ['tag', '--points-at', 'HEAD'], {
        cwd: suite.root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .split('\n')
        .includes(tag);
    } catch {
      released = false;
    }
  } else if (suite.commitSource === 'package') {
    const info = JSON.parse(readFileSync(path.join(suite.root, 'build-info.json'), 'utf8')) as {
      tags?: unknown;
    };
    released = Array.isArray(info.tags) && info.tags.includes(tag);
  }
  return { ...suite, released };
}
