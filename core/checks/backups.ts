import { formatDuration, parseDuration } from '../util/duration.js';
import { describeDatabase } from './rds-instance.js';
import { backupsSchema } from './schemas/backups.js';
import { defineCheck } from './types.js';

/** The runbook's "backups running, point-in-time recovery works". */
export const backups = defineCheck({
  ...backupsSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(check, ctx) {
    const found = await describeDatabase(ctx);
    if ('outcome' in found) return found.outcome;
    const db = found.instance;
    const id = db.DBInstanceIdentifier ?? '';
    const retention = db.BackupRetentionPeriod ?? 0;
    const latest = db.LatestRestorableTime;
    const maxLag = parseDuration(check['max-restore-lag']) ?? 900_000;
    const lagMs = latest ? ctx.clock.now() - latest.getTime() : undefined;
    const observed = {
      instance: id,
      backupRetentionPeriod: retention,
      latestRestorableTime: latest?.toISOString() ?? null,
      restoreLagMs: lagMs ?? null,
    };
    const problems: string[] = [];
    if (retention < check['min-retention-days'])
      problems.push(
        retention === 0
          ? 'automated backups are off (BackupRetentionPeriod 0); set a retention period of at least 1 day'
          : `backup retention is ${retention} day(s), below ${check['min-retention-days']}`,
      );
    if (lagMs === undefined) problems.push('RDS reports no LatestRestorableTime');
    else if (lagMs > maxLag)
      problems.push(
        `LatestRestorableTime is ${formatDuration(lagMs)} old (limit ${formatDuration(maxLag)}): point-in-time recovery is behind; check the instance's backup status`,
      );
    if (problems.length > 0)
      return { status: 'fail', line: `${id}: ${problems.join('; ')}`, observed };
    return {
      status: 'pass',
      line: `${id} keeps ${retention} day(s) of backups; restorable to ${formatDuration(lagMs ?? 0)} ago`,
      observed,
    };
  },
});
