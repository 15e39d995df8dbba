import { metricStatistics } from '../aws/cloudwatch.js';
import { latencyRequests } from './load-balancer.js';
import { metricWindow } from './fields.js';
import { latencyP99Schema } from './schemas/latency-p99.js';
import { defineCheck } from './types.js';

/**
 * The service's p99 latency over a window, the highest p99 of the window's periods: App
 * Runner's RequestLatency, or on ECS Express the load balancer's TargetResponseTime of each of
 * the service's target groups (seconds, shown in ms).
 */
export const latencyP99 = defineCheck({
  ...latencyP99Schema,
  defaultTimeoutMs: 30_000,
  group: 'Application',
  async run(check, ctx) {
    const { clock, logger, signal } = ctx;
    const asked = await latencyRequests(ctx, metricWindow(check.window, clock.now()));
    const answers = await Promise.all(
      asked.requests.map((request) =>
        metricStatistics(ctx.aws.cloudWatch, request, { clock, logger, signal }),
      ),
    );
    const values = answers.flat().flatMap((p) => {
      const v = p.ExtendedStatistics?.['p99'];
      return v === undefined ? [] : [v * asked.toMs];
    });
    if (values.length === 0)
      return {
        status: 'warn',
        line: `no data: no ${asked.metric} in the last ${check.window} (no traffic?)`,
        observed: { datapoints: 0, metric: asked.metric },
      };
    const p99 = Math.round(Math.max(...values));
    const observed = {
      p99Ms: p99,
      datapoints: values.length,
      window: check.window,
      metric: asked.metric,
    };
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
