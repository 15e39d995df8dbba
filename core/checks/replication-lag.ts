import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { awsCall } from '../aws/call.js';
import { databaseInstance, metricWindow } from './fields.js';
import { rdsStatistic } from './rds-instance.js';
import { replicationLagSchema } from './schemas/db-diagnostics.js';
import { defineCheck } from './types.js';

/**
 * The runbooks' "replication lag": the replicas RDS lists for the environment's database, each
 * one's CloudWatch ReplicaLag. A replica without datapoints is an error (its lag is unknown),
 * never a pass; no replica at all passes and says so.
 */
export const replicationLag = defineCheck({
  ...replicationLagSchema,
  defaultTimeoutMs: 30_000,
  group: 'Database',
  async run(check, { env, aws, clock, logger, signal }) {
    const instance = databaseInstance(env);
    if (typeof instance !== 'string') return instance;
    const deps = { clock, logger, signal };
    const out = await awsCall(
      'DescribeDBInstances',
      () =>
        aws.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: instance }), {
          abortSignal: signal,
        }),
      deps,
    );
    const replicas = out.DBInstances?.[0]?.ReadReplicaDBInstanceIdentifiers ?? [];
    if (replicas.length === 0)
      return {
        status: 'pass',
        line: `${instance} has no read replica`,
        observed: { replicas: [] },
      };
    const lags = await Promise.all(
      replicas.map(async (replica) => {
        const points = await rdsStatistic(
          { aws, ...deps },
          {
            instance: replica,
            metric: 'ReplicaLag',
            statistic: 'Maximum',
            window: metricWindow(check.window, clock.now()),
          },
        );
        const values = points.map((p) => p.value);
        return { replica, max: values.length > 0 ? Math.max(...values) : undefined };
      }),
    );
    const observed = {
      replicas: lags.map((l) => ({ id: l.replica, maxLagSeconds: l.max ?? null })),
    };
    const unknown = lags.filter((l) => l.max === undefined);
    if (unknown.length > 0)
      return {
        status: 'error',
        line: `no ReplicaLag datapoints in the last ${check.window} for ${unknown.map((l) => l.replica).join(', ')}: its lag is unknown`,
        observed,
      };
    const behind = lags.filter((l) => l.max! > check['max-seconds']);
    const all = lags.map((l) => `${l.replica} ${l.max}s`).join(', ');
    return behind.length > 0
      ? {
          status: 'fail',
          line: `replication lag above ${check['max-seconds']}s in the last ${check.window}: ${behind.map((l) => `${l.replica} ${l.max}s`).join(', ')}`,
          observed,
        }
      : {
          status: 'pass',
          line: `replication lag at most ${check['max-seconds']}s: ${all}`,
          observed,
        };
  },
});
