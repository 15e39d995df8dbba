import { z } from 'zod';
import { appRunnerDimensions, metricStatistics } from '../aws/cloudwatch.js';
import { onlyOnAppRunner } from './target-of.js';
import { metricWindow, positiveDurationField } from './fields.js';
import { defineCheck } from './types.js';

/** App Runner's RequestLatency p99 over a window: the highest p99 of the window's periods. */
export const latencyP99 = defineCheck({
  type: 'latency-p99',
  description: 'RequestLatency p99 over the window stays at or below max-ms.',
  shape: {
    'max-ms': z.int().positive({ message: 'expected a number of milliseconds greater than 0' }),
    window: positiveDurationField.default('1h'),
  },
  defaultTimeoutMs: 30_000,
  group: 'Application',
  async run(check, { env, aws, clock, logger, signal }) {
    const unavailable = onlyOnAppRunner({ env }, 'App Runner request metrics (AWS/AppRunner)');
    if (unavailable) return unavailable;
    const points = await metricStatistics(
      aws.cloudWatch,
      {
        namespace: 'AWS/AppRunner',
        metric: 'RequestLatency',
        dimensions: appRunnerDimensions(env['service-arn']),
        ...metricWindow(check.window, clock.now()),
        percentiles: ['p99'],
      },
      { clock, logger, signal },
    );
    const values = points.flatMap((p) => {
      const v = p.ExtendedStatistics?.['p99'];
      return v === undefined ? [] : [v];
    });
    if (values.length === 0)
      return {
        status: 'warn',
        line: `no data: no RequestLatency in the last ${check.window} (no traffic?)`,
        observed: { datapoints: 0 },
      };
    const p99 = Math.round(Math.max(...values));
    const observed = { p99Ms: p99, datapoints: values.length, window: check.window };
    if (p99 <= check['max-ms'])
      return {
        status: 'pass',
        line: `p99 latency ${p99} ms in the last ${check.window} (limit ${check['max-ms']} ms)`,
        observed,
      };
    return {
      status: 'fail',
      line: `p99 latency ${p99} ms in the last ${check.window}, above ${check['max-ms']} ms: look for slow queries (pg_stat_statements) and the instance's CPU`,
      observed,
    };
  },
});
