import { readAuditEntries, writeAuditEntry } from '../audit/audit-log.js';

/**
 * A restore drill as the audit log keeps it: `action='restore_drill'`,
 * `resource_type='rds_db_instance'`, `resource_id=<source instance>`. The go-live gate's
 * `restore-verified` check and the monthly summary read these rows (readRestoreDrills).
 */
export const RESTORE_DRILL_ACTION = 'restore_drill';
export const RESTORE_DRILL_RESOURCE = 'rds_db_instance';

export interface RestoreDrillRecord {
  /** The source instance. */
  instance: string;
  environment: string;
  result: 'pass' | 'fail';
  snapshot: string;
  snapshotTime: string;
  drillInstance: string;
  /** RestoreDBInstanceFromDBSnapshot accepted → instance available: the measured RTO. */
  restoreMs: number | undefined;
  /** DeleteDBInstance → gone. */
  deleteMs: number | undefined;
  /** Each verification query's value, by name (e.g. users: 3). */
  values: Record<string, unknown>;
  finishedAt: string;
  problem?: string | undefined;
}

export async function recordRestoreDrill(
  databaseUrl: string,
  record: RestoreDrillRecord,
  who: { actor: string; runUrl: string },
): Promise<string> {
  return writeAuditEntry(databaseUrl, {
    action: RESTORE_DRILL_ACTION,
    resourceType: RESTORE_DRILL_RESOURCE,
    resourceId: record.instance,
    details: {
      environment: record.environment,
      result: record.result,
      snapshot: record.snapshot,
      snapshot_time: record.snapshotTime,
      drill_instance: record.drillInstance,
      restore_ms: record.restoreMs,
      delete_ms: record.deleteMs,
      values: record.values,
      finished_at: record.finishedAt,
      ...(record.problem ? { problem: record.problem } : {}),
    },
    actor: who.actor,
    runUrl: who.runUrl,
  });
}

/** The last drills of an instance, newest first (for restore-verified and the summary). */
export async function readRestoreDrills(
  databaseUrl: string,
  instance: string,
  limit = 12,
): Promise<(RestoreDrillRecord & { at: Date })[]> {
  const rows = await readAuditEntries(databaseUrl, {
    action: RESTORE_DRILL_ACTION,
    resourceType: RESTORE_DRILL_RESOURCE,
    limit: 500,
  });
  return rows
    .filter((r) => r.resource_id === instance)
    .slice(0, limit)
    .map((r) => {
      const d = r.details;
      const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
      return {
        at: r.created_at,
        instance: r.resource_id,
        environment: String(d['environment'] ?? ''),
        result: d['result'] === 'pass' ? 'pass' : 'fail',
        snapshot: String(d['snapshot'] ?? ''),
        snapshotTime: String(d['snapshot_time'] ?? ''),
        drillInstance: String(d['drill_instance'] ?? ''),
        restoreMs: num(d['restore_ms']),
        deleteMs: num(d['delete_ms']),
        values: (d['values'] ?? {}) as Record<string, unknown>,
        finishedAt: String(d['finished_at'] ?? ''),
        problem: typeof d['problem'] === 'string' ? d['problem'] : undefined,
      };
    });
}
