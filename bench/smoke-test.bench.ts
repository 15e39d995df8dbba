/**
 * smoke-test: the bundle's cold start (median of repeated runs against an instant local
 * endpoint, next to `node -e 0`) and the wall time of 20 concurrent checks against endpoints
 * that each answer in 100 ms (target: under 0.5 s).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { smokeTest } from '../core/health/smoke-test.js';
import { healthChecksSchema } from '../core/health/check-schema.js';
import { systemClock } from '../core/util/clock.js';
import { recordingLogger } from '../core/util/logger.js';
import { median, runnerEnvironment, timeProcess, type BenchResult } from './stats.js';

const RUNS = 15;

async function server(delayMs: number): Promise<{ url: string; close: () => void }> {
  const s = http.createServer((_req, res) => {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{"status":"ok","version":"v1"}}');
    }, delayMs);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, close: () => s.close() };
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const instant = await server(0);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-smoke-'));
  const env = {
    ...(await runnerEnvironment(tmp)),
    INPUT_CONFIG: '.github/apprunner-ops.yml',
    INPUT_CHECKS: `- name: health\n  url: ${instant.url}/api/health`,
    INPUT_TIMEOUT: '10s',
    INPUT_INTERVAL: '1s',
  };
  const bundle = path.join(import.meta.dirname, '../actions/smoke-test/dist/index.js');
  const node: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    node.push((await timeProcess(['-e', '0'], env)).ms);
    const run = await timeProcess([bundle], env);
    if (run.code !== 0) throw new Error(`smoke-test bundle exited ${run.code} in the benchmark`);
    cold.push(run.ms);
  }
  instant.close();
  results.push({ name: `node -e 0 (median of ${RUNS})`, value: median(node), unit: 'ms' });
  results.push({
    name: `smoke-test bundle, one check, spawn to exit (median of ${RUNS})`,
    value: median(cold),
    unit: 'ms',
  });

  const slow = await server(100);
  const checks = healthChecksSchema.parse(
    Array.from({ length: 20 }, (_, i) => ({ name: `c${i}`, url: `${slow.url}/c${i}` })),
  );
  const walls: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const report = await smokeTest(
      { checks, timeoutMs: 10_000, intervalMs: 1000 },
      { clock: systemClock, logger: recordingLogger() },
    );
    if (!report.passed) throw new Error('concurrent checks failed in the benchmark');
    walls.push(performance.now() - started);
  }
  slow.close();
  const wall = median(walls);
  results.push({
    name: '20 concurrent checks, 100 ms endpoints (median of 5)',
    value: wall,
    unit: 'ms',
    target: '< 500 ms',
    ok: wall < 500,
  });
  return results;
}
