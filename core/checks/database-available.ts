import { describeDatabase } from './rds-instance.js';
import { databaseAvailableSchema } from './schemas/database-available.js';
import { defineCheck } from './types.js';

/** The runbook's "RDS available" (go-live Infrastructure, launch day phase 1). */
export const databaseAvailable = defineCheck({
  ...databaseAvailableSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(_check, ctx) {
    const found = await describeDatabase(ctx);
    if ('outcome' in found) return found.outcome;
    const id = found.instance.DBInstanceIdentifier ?? '';
    const status = found.instance.DBInstanceStatus ?? 'unknown';
    const observed = { instance: id, status, engine: found.instance.EngineVersion };
    if (status === 'available') return { status: 'pass', line: `${id} is available`, observed };
    return {
      status: 'fail',
      line: `${id} is "${status}", expected "available"; wait for the operation on it to finish`,
      observed,
    };
  },
});
