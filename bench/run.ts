/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or those named) and prints figures
 * with their targets. Exits 1 when a target is missed.
 *
 * `npm run bench -- --quick`: only the benches that have a quick mode (a faster sim clock,
 * one sample), their figures printed without judging targets: a check that the benches run
 * to their end (test/unit/bench-quick.test.ts runs it).
 *
 * The process ends when the results are printed. Anything a bench leaves open (a server, a
 * socket, a timer) is a defect of that bench: it is named and the exit code is 1, rather than
 * the process hanging.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { printResults, type BenchResult } from './stats.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => a !== '--quick');
const files = (await readdir(import.meta.dirname)).filter((f) => f.endsWith('.bench.ts')).sort();
let missed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  const module = (await import(path.join(import.meta.dirname, file))) as {
    run: (options?: { quick: boolean }) => Promise<BenchResult[]>;
    /** The bench has a quick mode. */
    quick?: boolean;
  };
  if (quick && module.quick !== true) continue;
  const results = await module.run({ quick });
  printResults(
    quick ? `${name} (quick: targets not judged)` : name,
    quick ? results.map(({ ok: _ok, ...r }) => r) : results,
  );
  if (!quick) missed += results.filter((r) => r.ok === false).length;
}
if (missed > 0) {
  console.error(`\n${missed} target(s) missed`);
  process.exitCode = 1;
}
// Unref'd: it fires only when something a bench left open keeps the process alive.
setTimeout(() => {
  console.error(
    `\nbench: still open after the results, ending the process: ${process.getActiveResourcesInfo().join(', ')}`,
  );
  process.exit(1);
}, 2_000).unref();
