import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { pgClient } from '../util/pg-client.js';
import { errorMessage } from '../util/errors.js';

/**
 * The resource type of deploy, rollback and restart rows, whatever the platform: history reads
 * them back by it. The name dates from when App Runner was the only target and is kept so that
 * older rows still count.
 */
export const DEPLOY_RESOURCE_TYPE = 'app_runner_service';

export interface AuditEntry {
  action: string;
  resourceType: string;
  resourceId: string;
  details: Record<string, unknown>;
  actor: string;
  runUrl: string;
}

/**
 * The runbooks' audit_log table: id, action, resource_type, resource_id, details (jsonb),
 * plus actor, run_url and created_at. The application may already own an audit_log table
 * with only the runbook's columns; then actor and run URL go into details.
 */
export const AUDIT_TABLE_DDL = `CREATE TABLE IF NOT EXISTS audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  actor text,
  run_url text,
  created_at timestamptz NOT NULL DEFAULT now()
)`;

export async function writeAuditEntry(databaseUrl: string, entry: AuditEntry): Promise<string> {
  const client = await pgClient({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 10_000,
  });
  await client.connect();
  try {
    await ensureTable(client);
    const columns = await client.query<{
      column_name: string;
      column_default: string | null;
      data_type: string;
    }>(
      `SELECT column_name, column_default, data_type FROM information_schema.columns
        WHERE table_name = 'audit_log' AND table_schema = current_schema()`,
    );
    const present = new Map(columns.rows.map((c) => [c.column_name, c]));
    const id = randomUUID();
    const row: Record<string, unknown> = {
      action: entry.action,
      resource_type: entry.resourceType,
      resource_id: entry.resourceId,
      details: JSON.stringify({
        ...entry.details,
        ...(present.has('actor') ? {} : { actor: entry.actor }),
        ...(present.has('run_url') ? {} : { run_url: entry.runUrl }),
      }),
    };
    if (present.has('actor')) row['actor'] = entry.actor;
    if (present.has('run_url')) row['run_url'] = entry.runUrl;
    const idColumn = present.get('id');
    if (idColumn && idColumn.column_default === null)
      row['id'] = idColumn.data_type === 'uuid' || idColumn.data_type === 'text' ? id : undefined;
    const names = Object.keys(row).filter((k) => row[k] !== undefined);
    try {
      const result = await client.query<{ id: string }>(
        `INSERT INTO audit_log (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id::text`,
        names.map((n) => row[n]),
      );
      return result.rows[0]?.id ?? id;
    } catch (error) {
      if (!isPermissionDenied(error)) throw error;
      const who = await whoAmI(client);
      throw new Error(
        `this role may not write audit_log (${errorMessage(error)}); GRANT INSERT ON audit_log TO ${who.user} (SELECT too, for rollback's history)`,
        { cause: error },
      );
    }
  } finally {
    await client.end();
  }
}

function isPermissionDenied(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '42501';
}

async function whoAmI(client: pg.Client): Promise<{ user: string; schema: string }> {
  const out = await client.query<{ user: string; schema: string | null }>(
    'SELECT current_user AS user, current_schema() AS schema',
  );
  return { user: out.rows[0]?.user ?? 'the role', schema: out.rows[0]?.schema ?? 'public' };
}

/**
 * Creates audit_log only when it is missing: a role that may only INSERT into an existing
 * table must not need CREATE on the schema (CREATE TABLE IF NOT EXISTS checks it anyway).
 */
async function ensureTable(client: pg.Client): Promise<void> {
  const exists = await client.query<{ present: boolean }>(
    `SELECT to_regclass('audit_log') IS NOT NULL AS present`,
  );
  if (exists.rows[0]?.present) return;
  try {
    await client.query(AUDIT_TABLE_DDL);
  } catch (error) {
    if (!isPermissionDenied(error)) throw error;
    const who = await whoAmI(client);
    throw new Error(
      `audit_log does not exist and this role may not create it: ${errorMessage(error)}; create it once as the schema's owner, or GRANT CREATE ON SCHEMA ${who.schema} TO ${who.user}`,
      { cause: error },
    );
  }
}

export interface AuditRow {
  id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  details: Record<string, unknown>;
  actor: string | null;
  run_url: string | null;
  created_at: Date;
}

/** Newest first; used by rollback as a second source of history and by the demo. */
export async function readAuditEntries(
  databaseUrl: string,
  filter: { resourceType?: string; action?: string; limit?: number } = {},
): Promise<AuditRow[]> {
  const client = await pgClient({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    const exists = await client.query<{ present: boolean }>(
      `SELECT to_regclass('audit_log') IS NOT NULL AS present`,
    );
    if (!exists.rows[0]?.present) return [];
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.resourceType) where.push(`a.resource_type = $${values.push(filter.resourceType)}`);
    if (filter.action) where.push(`a.action = $${values.push(filter.action)}`);
    // to_jsonb: an application-owned audit_log may lack actor, run_url or created_at.
    const result = await client.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(a) AS row FROM audit_log a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
      values,
    );
    const rows = result.rows.map(({ row }) => ({
      id: String(row['id']),
      action: String(row['action']),
      resource_type: String(row['resource_type']),
      resource_id: String(row['resource_id']),
      details: (row['details'] ?? {}) as Record<string, unknown>,
      actor: (row['actor'] as string | undefined) ?? null,
      run_url: (row['run_url'] as string | undefined) ?? null,
      created_at: new Date(
        String(
          row['created_at'] ?? (row['details'] as Record<string, unknown> | undefined)?.['at'] ?? 0,
        ),
      ),
    }));
    return rows
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())
      .slice(0, filter.limit ?? 100);
  } finally {
    await client.end();
  }
}
