import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Wall time of one child process from spawn to exit, in ms. */
export function timeProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ ms: number; code: number | null }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code }));
  });
}

/**
 * The files and variables a bundle needs to run as the runner runs it (outputs, state,
 * summary, RUNNER_TEMP), in `dir`; the caller adds the INPUT_* variables.
 */
export async function runnerEnvironment(dir: string): Promise<Record<string, string>> {
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
  };
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
  return { PATH: process.env['PATH'] ?? '', ...files, RUNNER_TEMP: dir };
}

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
  note?: string;
}

export function printResults(title: string, results: readonly BenchResult[]): void {
  console.log(`\n${title}`);
  for (const r of results) {
    const verdict = r.ok === undefined ? '' : r.ok ? '  ✓' : '  ✗ MISSED';
    console.log(
      `  ${r.name.padEnd(58)} ${r.value.toFixed(r.unit === 'ms' ? 0 : 2).padStart(9)} ${r.unit.padEnd(3)}${r.target ? `  (target ${r.target})` : ''}${verdict}${r.note ? `  ${r.note}` : ''}`,
    );
  }
}
