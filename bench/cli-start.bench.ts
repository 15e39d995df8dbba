/**
 * cli-start: `apprunner-ops --help` and `--version` from spawn to exit, on the runner's Node
 * (sim/runner-node.ts), next to `node -e 0` on the same Node. Target: --help under 300 ms; the
 * ratio to `node -e 0` is the figure that does not depend on how busy the machine is.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { runnerNode } from '../sim/runner-node.js';
import { median, type BenchResult } from './stats.js';

const RUNS = 15;
const BIN = path.join(import.meta.dirname, '..', 'bin', 'apprunner-ops.mjs');

function time(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(runnerNode(), args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

export async function run(): Promise<BenchResult[]> {
  const node: number[] = [];
  const help: number[] = [];
  const version: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    node.push(await time(['-e', '0']));
    help.push(await time([BIN, '--help']));
    version.push(await time([BIN, '--version']));
  }
  const helpMs = median(help);
  return [
    { name: `node -e 0 (median of ${RUNS})`, value: median(node), unit: 'ms' },
    {
      name: `apprunner-ops --help, spawn to exit (median of ${RUNS})`,
      value: helpMs,
      unit: 'ms',
      target: '< 300 ms',
      ok: helpMs < 300,
    },
    {
      name: `apprunner-ops --version (reads git for the commit)`,
      value: median(version),
      unit: 'ms',
    },
    { name: '--help ÷ node -e 0', value: helpMs / median(node), unit: '×' },
  ];
}
