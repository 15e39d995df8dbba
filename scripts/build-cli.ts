/**
 * Bundles the command line (cli/run.ts) with ncc into cli/dist/, as the actions are bundled:
 * the installed package runs plain JavaScript and needs none of the devDependencies (no tsx,
 * no TypeScript compile on each run). Each command is a chunk of its own, loaded when chosen
 * (cli/commands/index.ts), so `--help` starts without the AWS clients.
 * `--out DIR` writes to DIR instead (the generated-files check compares a fresh build).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, ROOT } from './build-actions.js';

export const CLI_DIST = path.join(ROOT, 'cli', 'dist');

export async function buildCli(outDir = CLI_DIST): Promise<void> {
  const started = performance.now();
  await bundle(path.join(ROOT, 'cli', 'run.ts'), outDir);
  console.log(
    `built ${path.relative(ROOT, outDir) || outDir} in ${Math.round(performance.now() - started)} ms`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outAt = process.argv.indexOf('--out');
  try {
    await buildCli(outAt >= 0 ? path.resolve(process.argv[outAt + 1] ?? '') : CLI_DIST);
  } catch (error) {
    console.error(`building cli/dist failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  }
}
