/**
 * `sql` checks against a real PostgreSQL holding Drop-like tables: open AML alerts fail and
 * list their ids; a writing query is refused by the READ ONLY transaction; a missing
 * database-url is that check's error.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkItemSchema } from '../../core/checks/registry.js';
import { runCheckList } from '../../core/checks/run-checks.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import { DROP_TABLES } from '../helpers/drop-tables.js';
import { bareCheckContext } from '../helpers/check-context.js';

describe('sql checks', () => {
  let db: LocalPostgres;
  beforeAll(async () => {
    db = await startPostgres();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(DROP_TABLES);
    await client.end();
  });
  afterAll(() => db.stop());

  const context = (databaseUrl?: string) =>
    bareCheckContext({ secrets: databaseUrl ? { databaseUrl } : {} });
  const item = (name: string, query: string, extra: Record<string, unknown> = {}) =>
    checkItemSchema.parse({ type: 'sql', name, query, ...extra });

  it('fails on open AML alerts and lists their ids; passes the others', async () => {
    const results = await runCheckList(
      [
        item('open-aml-alerts', "SELECT id FROM aml_alerts WHERE status = 'open' ORDER BY id"),
        item(
          'kyc-stuck-pending',
          "SELECT id FROM users WHERE kyc_status = 'pending' AND created_at < now() - interval '24 hours'",
          { 'max-rows': 1 },
        ),
        item('pending-str-filings', "SELECT id FROM str_reports WHERE status = 'pending'"),
      ],
      context(db.url),
    );
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['sql-open-aml-alerts', 'fail'],
      ['sql-kyc-stuck-pending', 'pass'],
      ['sql-pending-str-filings', 'pass'],
    ]);
    expect(results[0]?.observed).toMatchObject({ rows: 2, ids: ['2', '3'] });
    expect(results[0]?.line).toContain('ids 2, 3');
  });

  it('a writing query is refused by PostgreSQL in the READ ONLY transaction and changes nothing', async () => {
    const [result] = await runCheckList(
      [item('sneaky', "DELETE FROM aml_alerts WHERE status = 'open' RETURNING id")],
      context(db.url),
    );
    expect(result?.status).toBe('error');
    expect(result?.line).toMatch(/PostgreSQL refused the query in the READ ONLY transaction/);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const left = await client.query(
      "SELECT count(*)::int AS n FROM aml_alerts WHERE status = 'open'",
    );
    await client.end();
    expect(left.rows[0]).toEqual({ n: 2 });
  });

  it('a query past its deadline is stopped by the statement timeout', async () => {
    const [result] = await runCheckList(
      [item('slow', 'SELECT pg_sleep(5)', { timeout: '2s' })],
      context(db.url),
    );
    expect(result?.status).toBe('error');
    expect(result?.durationMs).toBeLessThan(3_000);
  });

  it('without database-url the check is an error saying so, and the URL is never shown', async () => {
    const [result] = await runCheckList([item('open-aml-alerts', 'SELECT 1')], context());
    expect(result).toMatchObject({ status: 'error' });
    expect(result?.line).toMatch(/database-url is empty/);
  });
});
