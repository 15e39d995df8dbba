/**
 * `npm run bench [name…]`: runs every bench/*.bench.ts (or those named) and prints figures
 * with their targets. Exits 1 when a target is missed.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { printResults, type BenchResult } from './stats.js';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const only = process.argv.slice(2);
const files = (await readdir(import.meta.dirname)).filter((f) => f.endsWith('.bench.ts')).sort();
let missed = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  const module = (await import(path.join(import.meta.dirname, file))) as {
    run: () => Promise<BenchResult[]>;
  };
  const results = await module.run();
  printResults(name, results);
  missed += results.filter((r) => r.ok === false).length;
}
if (missed > 0) {
  console.error(`\n${missed} target(s) missed`);
  process.exitCode = 1;
}
