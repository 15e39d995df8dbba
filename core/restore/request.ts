/** What a restore-database run is asked to do, read and checked before anything is called. */
import { InputError } from '../util/errors.js';

export const RESTORE_MODES = ['inspect', 'cut-over'] as const;
export type RestoreMode = (typeof RESTORE_MODES)[number];

/** `to`: a time (ISO 8601 with a zone), the latest restorable time, or a snapshot id. */
export type RestoreTarget =
  { kind: 'time'; at: Date } | { kind: 'latest' } | { kind: 'snapshot'; id: string };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const SNAPSHOT_ID = /^(?:rds:)?[A-Za-z](?!.*--)[A-Za-z0-9-]{0,254}(?<!-)$/;

/**
 * Reads `to`. A value that starts like a date but is not a full ISO 8601 time with a zone is
 * refused (not taken for a snapshot id): "2026-12-06 10:00" in a zone nobody named would
 * restore to the wrong hour.
 */
export function parseRestoreTarget(raw: string): RestoreTarget {
  const value = raw.trim();
  if (value === 'latest') return { kind: 'latest' };
  if (/^\d/.test(value)) {
    const at = Date.parse(value);
    if (!ISO.test(value) || Number.isNaN(at))
      throw new InputError(
        'to',
        `"${value}" is not an ISO 8601 time with a zone; write e.g. 2026-12-06T09:30:00Z (or latest, or a snapshot id)`,
      );
    return { kind: 'time', at: new Date(at) };
  }
  if (!SNAPSHOT_ID.test(value))
    throw new InputError(
      'to',
      `"${value}" is neither an ISO 8601 time (2026-12-06T09:30:00Z), latest, nor an RDS snapshot id (letters, digits, hyphens, starting with a letter)`,
    );
  return { kind: 'snapshot', id: value.toLowerCase() };
}

export interface RestoreTiming {
  restoreTimeoutMs: number;
  renameTimeoutMs: number;
  snapshotTimeoutMs: number;
  pollIntervalMs: number;
}

export interface RestoreRequest {
  config: string;
  environment: string;
  to: RestoreTarget;
  mode: RestoreMode;
  reason: string;
  dryRun: boolean;
  /** DATABASE_URL-style credentials for the verification queries (host and port replaced). */
  databaseUrl: string | undefined;
  auditDatabaseUrl: string | undefined;
  betterstackToken: string | undefined;
  pollIntervalMs: number | undefined;
}

/** Input combinations that are wrong whatever AWS holds. */
export function checkRequest(request: RestoreRequest): void {
  if (request.mode === 'cut-over' && request.dryRun)
    throw new InputError(
      'dry-run',
      'a cut-over cannot be a dry run: run mode inspect with dry-run to see the plan, then cut-over without it',
    );
  if (request.reason.trim().length < 3)
    throw new InputError('reason', 'say why the database is restored (it goes to the audit row)');
}
