import { z } from 'zod';
import { appRunnerTraffic } from '../aws/cloudwatch.js';
import { onlyOnAppRunner } from './target-of.js';
import { metricWindow, positiveDurationField } from './fields.js';
import { defineCheck } from './types.js';

/** Percent with two decimals, for lines people read. */
export const percent = (ratio: number): number => Math.round(ratio * 10_000) / 100;

/**
 * App Runner's 5xxStatusResponses ÷ Requests over a window (the runbooks' SLA "error rate").
 * 5xx datapoints are absent until the first 5xx: missing means zero, not "no data"; no
 * Requests at all is "no data".
 */
export const errorRate = defineCheck({
  type: 'error-rate',
  description: 'The share of requests answered 5xx over the window stays at or below max-percent.',
  shape: {
    'max-percent': z.number().min(0).max(100).default(1),
    window: positiveDurationField.default('1h'),
  },
  defaultTimeoutMs: 30_000,
  group: 'Application',
  async run(check, { env, aws, clock, logger, signal }) {
    const unavailable = onlyOnAppRunner({ env }, 'App Runner request metrics (AWS/AppRunner)');
    if (unavailable) return unavailable;
    const periods = await appRunnerTraffic(
      aws.cloudWatch,
      env['service-arn'],
      metricWindow(check.window, clock.now()),
      { clock, logger, signal },
    );
    const requests = periods.reduce((n, p) => n + p.requests, 0);
    const errors = periods.reduce((n, p) => n + p.errors, 0);
    if (requests === 0)
      return {
        status: 'warn',
        line: `no data: no requests reached the service in the last ${check.window}`,
        observed: { requests: 0, errors },
      };
    const rate = percent(errors / requests);
    const observed = { requests, errors, errorPercent: rate, window: check.window };
    if (rate <= check['max-percent'])
      return {
        status: 'pass',
        line: `${rate} % of ${requests} requests answered 5xx in the last ${check.window} (limit ${check['max-percent']} %)`,
        observed,
      };
    return {
      status: 'fail',
      line: `${rate} % of ${requests} requests answered 5xx in the last ${check.window}, above ${check['max-percent']} %: read the application logs and consider a rollback`,
      observed,
    };
  },
});
