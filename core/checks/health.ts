import { smokeTest } from '../health/smoke-test.js';
import { remainingMs } from './fields.js';
import { healthSchema } from './schemas/health.js';
import { defineCheck } from './types.js';

/** The environment's health checks (`health.checks`), through the smoke-test core. */
export const health = defineCheck({
  ...healthSchema,
  defaultTimeoutMs: 60_000,
  group: 'Application',
  async run(_check, { env, clock, logger, deadline, signal }) {
    const report = await smokeTest(
      {
        checks: env.health.checks,
        baseUrl: new URL(env.health['base-url']),
        timeoutMs: Math.max(1_000, remainingMs(deadline, clock.now(), 500)),
        intervalMs: 1_000,
      },
      { clock, logger, signal },
    );
    const failed = report.checks.filter((c) => !c.passed);
    const observed = {
      checks: report.checks.map((c) => ({
        name: c.name,
        url: c.url,
        passed: c.passed,
        status: c.status,
        latencyMs: c.latencyMs,
        attempts: c.attempts,
      })),
    };
    if (failed.length === 0)
      return {
        status: 'pass',
        line: `${report.checks.length} health checks pass (${report.checks.map((c) => `${c.name} ${c.status ?? ''}`.trim()).join(', ')})`,
        observed,
      };
    return {
      status: 'fail',
      line: `${failed.length} of ${report.checks.length} health checks fail: ${failed.map((c) => `${c.name} (${c.lastReason ?? 'failed'})`).join('; ')}`,
      observed,
    };
  },
});
