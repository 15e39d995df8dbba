import { pitrTestedSchema, restoreVerifiedSchema } from './schemas/restore-verified.js';
import { defineCheck, type CheckContext, type CheckOutcome } from './types.js';

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
 * The verdict on the drills on record for this environment's database: the newest successful
 * one among those `kind` accepts must be at most `maxAgeDays` old.
 */
export async function drillVerdict(
  ctx: CheckContext,
  maxAgeDays: number,
  kind: {
    /** The check's name, for its lines. */
    check: string;
    /** "restore drill", "point-in-time restore drill". */
    what: string;
    accepts: (details: Record<string, unknown>) => boolean;
    /** How to get such a drill on record. */
    howTo: string;
  },
): Promise<CheckOutcome> {
  const url = ctx.secrets.databaseUrl;
  if (!url)
    return {
      status: 'error',
      line: `${kind.check} needs the database-url input (read access to audit_log)`,
    };
  // Loaded on use: the registry is imported by every action that reads the configuration.
  const { readAuditEntries } = await import('../audit/audit-log.js');
  // Every drill on record (the table is read whole), then this environment's database only:
  // a green drill of another instance says nothing about this one.
  const instance = ctx.env.database?.instance;
  const rows = (
    await readAuditEntries(url, { action: 'restore_drill', limit: Number.MAX_SAFE_INTEGER })
  ).filter((r) => (!instance || r.resource_id === instance) && kind.accepts(r.details));
  if (rows.length === 0)
    return {
      status: 'error',
      line: `no ${kind.what}${instance ? ` of ${instance}` : ''} on record; ${kind.howTo}`,
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
      line: `none of the ${rows.length} ${kind.what}(s) on record succeeded; fix the restore and run the drill again`,
      observed,
    };
  const ageDays = Math.floor((now - good.created_at.getTime()) / DAY);
  if (ageDays > maxAgeDays)
    return {
      status: 'fail',
      line: `the last successful ${kind.what} was ${ageDays} days ago (limit ${maxAgeDays}); run it again`,
      observed,
    };
  return {
    status: 'pass',
    line: `${kind.what} succeeded ${ageDays} day(s) ago (${good.resource_id})`,
    observed,
  };
}

/**
 * The runbook's "last backup verified": the monthly restore drill (snapshot-restore) writes an
 * audit_log row with action 'restore_drill'; this reads them.
 */
export const restoreVerified = defineCheck({
  ...restoreVerifiedSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  run: (check, ctx) =>
    drillVerdict(ctx, check['max-age-days'], {
      check: 'restore-verified',
      what: 'restore drill',
      accepts: () => true,
      howTo: 'run the monthly snapshot-restore check first',
    }),
});

/** A point-in-time drill's record: snapshot-restore with from: pitr records `pitr:<time>`. */
const isPitrDrill = (details: Record<string, unknown>): boolean =>
  String(details['snapshot'] ?? '').startsWith('pitr:');

/**
 * The go-live item "point-in-time recovery tested": a snapshot-restore drill with `from: pitr`
 * passed within max-age-days.
 */
export const pitrTested = defineCheck({
  ...pitrTestedSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  run: (check, ctx) =>
    drillVerdict(ctx, check['max-age-days'], {
      check: 'pitr-tested',
      what: 'point-in-time restore drill',
      accepts: isPitrDrill,
      howTo: 'run the monthly snapshot-restore check with from: pitr first',
    }),
});
