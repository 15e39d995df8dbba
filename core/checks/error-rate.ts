import { percent } from '../util/percent.js';
import { serviceTraffic } from './load-balancer.js';
import { metricWindow } from './fields.js';
import { errorRateSchema } from './schemas/error-rate.js';
import { defineCheck } from './types.js';

/**
 * 5xx ÷ requests over a window (the runbooks' SLA "error rate"): App Runner's
 * 5xxStatusResponses ÷ Requests, or on ECS Express the load balancer's
 * HTTPCode_Target_5XX_Count ÷ RequestCount of the service's target groups. 5xx datapoints are
 * absent until the first 5xx: missing means zero, not "no data"; no requests at all is "no data".
 */
export const errorRate = defineCheck({
  ...errorRateSchema,
  defaultTimeoutMs: 30_000,
  group: 'Application',
  async run(check, ctx) {
    const traffic = await serviceTraffic(ctx, metricWindow(check.window, ctx.clock.now()));
    const { periods, source } = traffic;
    const requests = periods.reduce((n, p) => n + p.requests, 0);
    const errors = periods.reduce((n, p) => n + p.errors, 0);
    if (requests === 0)
      return {
        status: 'warn',
        line: `no data: no requests reached the service in the last ${check.window}`,
        observed: { requests: 0, errors, metrics: source },
      };
    const rate = percent(errors / requests);
    const observed = {
      requests,
      errors,
      errorPercent: rate,
      window: check.window,
      metrics: source,
    };
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
