import type { DBInstance } from '@aws-sdk/client-rds';
import type { CheckContext, CheckOutcome } from './types.js';

/**
 * The configured RDS instance as DescribeDBInstances sees it, or the outcome to report when
 * there is none (not configured: error; not found: fail, with what to fix).
 */
export async function describeDatabase(
  ctx: Pick<CheckContext, 'env' | 'aws' | 'clock' | 'logger'>,
): Promise<{ instance: DBInstance } | { outcome: CheckOutcome }> {
  const id = ctx.env.database?.instance;
  if (!id)
    return {
      outcome: {
        status: 'error',
        line: 'database.instance is not set for this environment; add it to the configuration',
      },
    };
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
