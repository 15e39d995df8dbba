import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditEntries, writeAuditEntry } from '../../core/audit/audit-log.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';

// The audit log is written by a role that may only INSERT (and SELECT) into audit_log: the
// table is created only when it is missing, and a missing grant is named.

let db: LocalPostgres;
const entry = {
  action: 'deploy_succeeded',
  resourceType: 'app_runner_service',
  resourceId: 'production',
  details: { tag: 'v1.5.0' },
  actor: 'octocat',
  runUrl: 'https://github.com/example/drop/actions/runs/1',
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
function as(user: string): string {
  const url = new URL(db.url);
  url.username = user;
  url.password = 'writer-pass';
  return url.href;
}

beforeAll(async () => {
  db = await startPostgres();
  await admin(async (c) => {
    const name = new URL(db.url).pathname.slice(1);
    await c.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await c.query(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`);
    await c.query(`CREATE ROLE audit_writer LOGIN PASSWORD 'writer-pass'`);
    await c.query(`CREATE ROLE audit_nobody LOGIN PASSWORD 'writer-pass'`);
    await c.query(`GRANT CONNECT ON DATABASE ${name} TO audit_writer, audit_nobody`);
    await c.query(`GRANT USAGE ON SCHEMA public TO audit_writer, audit_nobody`);
  });
});
afterAll(async () => {
  await db?.stop();
});

describe('audit log with an INSERT-only role', () => {
  it('says which grant is needed when the table is missing and cannot be created', async () => {
    await expect(writeAuditEntry(as('audit_nobody'), entry)).rejects.toThrow(
      /audit_log does not exist and this role may not create it: .*GRANT CREATE ON SCHEMA public TO audit_nobody/,
    );
  });

  it('writes a row without creating anything once the table exists', async () => {
    // The owner creates the table once (as the runbooks do), then grants only INSERT and SELECT.
    await writeAuditEntry(db.url, { ...entry, action: 'setup' });
    await admin((c) => c.query(`GRANT INSERT, SELECT ON audit_log TO audit_writer`));
    const id = await writeAuditEntry(as('audit_writer'), entry);
    const rows = await readAuditEntries(db.url, { action: 'deploy_succeeded' });
    expect(rows.map((r) => r.id)).toContain(id);
  });

  it('says which grant is missing when INSERT is refused', async () => {
    await expect(writeAuditEntry(as('audit_nobody'), entry)).rejects.toThrow(
      /GRANT INSERT ON audit_log TO audit_nobody/,
    );
  });
});
