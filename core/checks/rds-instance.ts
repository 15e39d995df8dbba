import type { DBInstance } from '@aws-sdk/client-rds';
import { metricStatistics } from '../aws/cloudwatch.js';
import { databaseInstance } from './fields.js';
import type { CheckContext, CheckOutcome } from './types.js';

/**
 * The configured RDS instance as DescribeDBInstances sees it, or the outcome to report when
 * there is none (not configured: error; not found: fail, with what to fix).
 */
export async function describeDatabase(
  ctx: Pick<CheckContext, 'env' | 'aws' | 'clock' | 'logger'>,
): Promise<{ instance: DBInstance } | { outcome: CheckOutcome }> {
  const id = databaseInstance(ctx.env);
  if (typeof id !== 'string') return { outcome: id };
  // Loaded here, not at the top: every action that reads the configuration imports the check
  // registry, and only the ones that run checks should load the RDS client.
  const { describeDbInstance } = await import('../aws/rds.js');
  const instance = await describeDbInstance(ctx.aws.rds, id, ctx);
  if (instance) return { instance };
  return {
    outcome: {
      status: 'fail',
      line: `RDS instance ${id} does not exist; check database.instance in the configuration`,
      observed: { instance: id },
    },
  };
}

/**
 * One statistic of an RDS instance's CloudWatch metric (AWS/RDS by DBInstanceIdentifier) over a
 * window: the datapoints that carry it, oldest first.
 */
export async function rdsStatistic(
  ctx: Pick<CheckContext, 'aws' | 'clock' | 'logger' | 'signal'>,
  request: {
    instance: string;
    metric: string;
    statistic: 'Minimum' | 'Maximum';
    window: { start: number; end: number; periodSeconds: number };
  },
): Promise<{ at: Date | undefined; value: number }[]> {
  const { aws, clock, logger, signal } = ctx;
  const points = await metricStatistics(
    aws.cloudWatch,
    {
      namespace: 'AWS/RDS',
      metric: request.metric,
      dimensions: { DBInstanceIdentifier: request.instance },
      ...request.window,
      statistics: [request.statistic],
    },
    { clock, logger, signal },
  );
  return points.flatMap((p) => {
    const value = p[request.statistic];
    return value === undefined ? [] : [{ at: p.Timestamp, value }];
  });
}
