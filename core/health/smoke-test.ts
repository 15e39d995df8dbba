import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import type { HealthCheck } from './check-schema.js';
import { buildReport, type SmokeReport } from './report.js';
import { runChecks, type FailureLimit, type RunChecksOptions } from './run-checks.js';

export interface SmokeTestParams {
  checks: readonly HealthCheck[];
  baseUrl?: URL;
  expectVersion?: { values: readonly string[]; path: string };
  timeoutMs: number;
  intervalMs: number;
  failureLimit?: FailureLimit;
}

/** Runs the checks and builds the report; shared by smoke-test, deploy and rollback. */
export async function smokeTest(
  params: SmokeTestParams,
  deps: { clock: Clock; logger: Logger; probe?: RunChecksOptions['probe']; signal?: AbortSignal },
): Promise<SmokeReport> {
  const started = deps.clock.now();
  const results = await runChecks(params.checks, {
    ...(params.baseUrl ? { baseUrl: params.baseUrl } : {}),
    ...(params.expectVersion ? { expectVersion: params.expectVersion } : {}),
    timeoutMs: params.timeoutMs,
    intervalMs: params.intervalMs,
    ...(params.failureLimit ? { failureLimit: params.failureLimit } : {}),
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.probe ? { probe: deps.probe } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  return buildReport(results, started, deps.clock.now(), params.expectVersion?.values.join(' or '));
}
