/**
 * Bundles every action with ncc into actions/<name>/dist/: src/main.ts, or src/entry.ts for an
 * action with a post step (src/post.ts). One bundle holds both steps: entry.ts imports main.ts,
 * or post.ts when dist/post/index.js, written here, loaded it (core/action/post-state.ts). Two
 * bundles built the shared modules twice: a post bundle took half of its main's build time.
 * `--out DIR` writes to DIR/<name>/dist instead (the generated-files check builds into a
 * temporary place and compares). `--minify` is for measuring only (bench/cold-start.bench.ts):
 * the committed bundles stay readable.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { asciiOnly } from './ascii-bundle.js';
import { POST_STEP_MARK } from '../core/action/post-state.js';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc') as (
  input: string,
  options: Record<string, unknown>,
) => Promise<{ code: string; assets: Record<string, { source: Buffer | string }> }>;

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function listActions(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, 'actions'), { withFileTypes: true });
  return entries
    .filter(
      (e) => e.isDirectory() && existsSync(path.join(ROOT, 'actions', e.name, 'src', 'main.ts')),
    )
    .map((e) => e.name)
    .sort();
}

/** One entry into outDir: index.js, the chunks of its dynamic imports, and other assets. */
export async function bundle(
  entry: string,
  outDir: string,
  options: { minify?: boolean } = {},
): Promise<void> {
  const { code, assets } = await ncc(entry, {
    license: 'licenses.txt',
    quiet: true,
    minify: options.minify ?? false,
    sourceMap: false,
    target: 'es2022',
    // Types are checked by `npm run typecheck`, once for the whole project; see
    // actions/tsconfig.json and cli/tsconfig.json for the module settings this needs.
    transpileOnly: true,
    // ncc's default on-disk cache is keyed by the folder of the clone and by entry, so a fresh
    // clone never reads it, and writing it cost 13 % more CPU and 115 MB per bundle.
    cache: false,
  });
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  // ASCII only: a start of a bundle then costs less (scripts/ascii-bundle.ts).
  await writeFile(path.join(outDir, 'index.js'), asciiOnly(code, path.join(outDir, 'index.js')));
  for (const [name, asset] of Object.entries(assets)) {
    const file = path.join(outDir, name);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(
      file,
      name.endsWith('.js') ? asciiOnly(String(asset.source), file) : asset.source,
    );
  }
}

/** action.yml's `post:` file: marks the process as the post step, then loads the one bundle. */
export function postEntry(): string {
  return [
    '// The post step of this action (action.yml runs.post), written by scripts/build-actions.ts:',
    '// the bundle in ../index.js runs its post step when this mark is set (core/action/post-state.ts).',
    `globalThis[Symbol.for(${JSON.stringify(Symbol.keyFor(POST_STEP_MARK))})] = true;`,
    "await import('../index.js');",
    '',
  ].join('\n');
}

/** Runs `node args` to its end; its `error` (it never started) ends the wait as its exit does. */
export function runNode(args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) =>
      resolve(code === 0 ? undefined : `exited with ${code ?? signal}`),
    );
  });
}

/**
 * ncc keeps what it compiled in memory: five AWS-heavy bundles in one process pass Node's
 * default heap. So each action is built in a process of its own when there are several, as
 * many at once as the machine has cores (each build is one busy core).
 */
export async function buildActions(
  outRoot?: string,
  only?: string[],
  options: { minify?: boolean } = {},
): Promise<string[]> {
  const names = (await listActions()).filter((n) => !only?.length || only.includes(n));
  if (names.length > 1) {
    const queue = [...names];
    const failed: string[] = [];
    const worker = async (): Promise<void> => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const args = ['--import', 'tsx', fileURLToPath(import.meta.url), name];
        if (outRoot) args.push('--out', outRoot);
        if (options.minify) args.push('--minify');
        const problem = await runNode(args);
        if (problem) failed.push(`actions/${name} (${problem})`);
      }
    };
    const parallel = Math.max(1, Math.min(names.length, os.availableParallelism()));
    await Promise.all(Array.from({ length: parallel }, worker));
    if (failed.length > 0) throw new Error(`building ${failed.join(', ')} failed (see above)`);
    return names;
  }
  for (const name of names) {
    const started = performance.now();
    const dist = outRoot
      ? path.join(outRoot, name, 'dist')
      : path.join(ROOT, 'actions', name, 'dist');
    const src = path.join(ROOT, 'actions', name, 'src');
    try {
      if (existsSync(path.join(src, 'post.ts'))) {
        if (!existsSync(path.join(src, 'entry.ts')))
          throw new Error(
            `actions/${name}/src has post.ts but no entry.ts: copy actions/deploy/src/entry.ts (it runs main.ts, or post.ts in the post step)`,
          );
        await bundle(path.join(src, 'entry.ts'), dist, options);
        await mkdir(path.join(dist, 'post'), { recursive: true });
        await writeFile(path.join(dist, 'post', 'index.js'), postEntry());
      } else {
        await bundle(path.join(src, 'main.ts'), dist, options);
      }
    } catch (error) {
      // ncc's errors carry its own minified source in the stack; the message is what matters.
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        `building actions/${name} failed:\n${message.split('\n').slice(0, 40).join('\n')}`,
        { cause: error },
      );
    }
    console.log(`built actions/${name}/dist in ${Math.round(performance.now() - started)} ms`);
  }
  return names;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
  const only = args.filter((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  try {
    await buildActions(out, only, { minify: args.includes('--minify') });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
