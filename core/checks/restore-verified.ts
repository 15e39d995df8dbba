import { restoreVerifiedSchema } from './schemas/restore-verified.js';
import { defineCheck } from './types.js';

const DAY = 86_400_000;
const SUCCESS = new Set(['pass', 'passed', 'success', 'succeeded', 'ok', 'verified']);

/** A drill row counts as successful when its details say so (`status`, `outcome` or `result`). */
function succeeded(details: Record<string, unknown>): boolean {
  if (details['ok'] === true) return true;
  return ['status', 'outcome', 'result'].some((key) =>
    SUCCESS.has(String(details[key] ?? '').toLowerCase()),
  );
}

/**
 * The runbook's "last backup verified, point-in-time recovery tested": the monthly restore
 * drill (snapshot-restore) writes an audit_log row with action 'restore_drill'; this reads them.
 */
export const restoreVerified = defineCheck({
  ...restoreVerifiedSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(check, ctx) {
    const url = ctx.secrets.databaseUrl;
    if (!url)
      return {
        status: 'error',
        line: 'restore-verified needs the database-url input (read access to audit_log)',
      };
    // Loaded on use: the registry is imported by every action that reads the configuration.
    const { readAuditEntries } = await import('../audit/audit-log.js');
    // Every drill on record (the table is read whole), then this environment's database only:
    // a green drill of another instance says nothing about this one.
    const instance = ctx.env.database?.instance;
    const rows = (
      await readAuditEntries(url, { action: 'restore_drill', limit: Number.MAX_SAFE_INTEGER })
    ).filter((r) => !instance || r.resource_id === instance);
    if (rows.length === 0)
      return {
        status: 'error',
        line: `no restore drill${instance ? ` of ${instance}` : ''} on record; run the monthly snapshot-restore check first`,
        observed: { drills: 0 },
      };
    const good = rows.find((r) => succeeded(r.details));
    const now = ctx.clock.now();
    const observed = {
      drills: rows.length,
      newest: {
        at: rows[0]!.created_at.toISOString(),
        id: rows[0]!.id,
        ok: succeeded(rows[0]!.details),
      },
      newestSuccessful: good ? good.created_at.toISOString() : null,
    };
    if (!good)
      return {
        status: 'fail',
        line: `none of the ${rows.length} restore drill(s) on record succeeded; fix the restore and run the drill again`,
        observed,
      };
    const ageDays = Math.floor((now - good.created_at.getTime()) / DAY);
    if (ageDays > check['max-age-days'])
      return {
        status: 'fail',
        line: `the last successful restore drill was ${ageDays} days ago (limit ${check['max-age-days']}); run it again`,
        observed,
      };
    return {
      status: 'pass',
      line: `restore drill succeeded ${ageDays} day(s) ago (${good.resource_id})`,
      observed,
    };
  },
});
