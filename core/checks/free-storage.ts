import { metricStatistics } from '../aws/cloudwatch.js';
import { databaseInstance, metricWindow } from './fields.js';
import { freeStorageSchema } from './schemas/free-storage.js';
import { defineCheck } from './types.js';

const GIB = 1024 ** 3;

/** The runbook's weekly "RDS FreeStorageSpace, alert if < 2 GB". */
export const freeStorage = defineCheck({
  ...freeStorageSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(check, { env, aws, clock, logger, signal }) {
    const instance = databaseInstance(env);
    if (typeof instance !== 'string') return instance;
    const points = await metricStatistics(
      aws.cloudWatch,
      {
        namespace: 'AWS/RDS',
        metric: 'FreeStorageSpace',
        dimensions: { DBInstanceIdentifier: instance },
        ...metricWindow(check.window, clock.now()),
        statistics: ['Minimum'],
      },
      { clock, logger, signal },
    );
    const values = points.flatMap((p) => (p.Minimum === undefined ? [] : [p.Minimum]));
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
