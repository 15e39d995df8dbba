import { databaseInstance, metricWindow } from './fields.js';
import { rdsStatistic } from './rds-instance.js';
import { freeStorageSchema } from './schemas/free-storage.js';
import { defineCheck } from './types.js';

const GIB = 1024 ** 3;

/** The runbook's weekly "RDS FreeStorageSpace, alert if < 2 GB". */
export const freeStorage = defineCheck({
  ...freeStorageSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(check, ctx) {
    const instance = databaseInstance(ctx.env);
    if (typeof instance !== 'string') return instance;
    const points = await rdsStatistic(ctx, {
      instance,
      metric: 'FreeStorageSpace',
      statistic: 'Minimum',
      window: metricWindow(check.window, ctx.clock.now()),
    });
    const values = points.map((p) => p.value);
    if (values.length === 0)
      return {
        status: 'warn',
        line: `no data: CloudWatch has no FreeStorageSpace for ${instance} in the last ${check.window}`,
        observed: { instance, datapoints: 0 },
      };
    const minBytes = Math.min(...values);
    const gib = Math.round((minBytes / GIB) * 100) / 100;
    const observed = {
      instance,
      minFreeBytes: minBytes,
      minFreeGiB: gib,
      datapoints: values.length,
    };
    if (gib >= check['min-gib'])
      return {
        status: 'pass',
        line: `${instance} has at least ${gib} GiB free (minimum over ${check.window}; limit ${check['min-gib']} GiB)`,
        observed,
      };
    return {
      status: 'fail',
      line: `${instance} went down to ${gib} GiB free in the last ${check.window}, below ${check['min-gib']} GiB: grow the allocated storage or turn on storage autoscaling`,
      observed,
    };
  },
});
