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
  const openAlerts = async (): Promise<number> => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const left = await client.query(
      "SELECT count(*)::int AS n FROM aml_alerts WHERE status = 'open'",
    );
    await client.end();
    return (left.rows[0] as { n: number }).n;
  };
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
    expect(await openAlerts()).toBe(2);
  });

  it('a query past its deadline is stopped by the statement timeout', async () => {
    const [result] = await runCheckList(
      [item('slow', 'SELECT pg_sleep(5)', { timeout: '2s' })],
      context(db.url),
    );
    expect(result?.status).toBe('error');
    expect(result?.durationMs).toBeLessThan(3_000);
  });

  it('refuses a query of more than one statement when the configuration is read, naming the line', () => {
    for (const query of [
      'COMMIT; DELETE FROM aml_alerts',
      'SET TRANSACTION READ WRITE; DELETE FROM aml_alerts; COMMIT',
      'SET LOCAL statement_timeout = 0; SELECT pg_sleep(45)',
    ]) {
      const parsed = checkItemSchema.safeParse({ type: 'sql', name: 'sneaky', query });
      expect(parsed.success, query).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['query']);
      expect(parsed.error?.issues[0]?.message).toMatch(
        /holds [23] SQL statements \(the second starts on line 1 of the query\); an sql check runs exactly one/,
      );
    }
    // Semicolons in strings, identifiers, comments and dollar quotes, and one at the end, are one statement.
    for (const query of [
      "SELECT id FROM aml_alerts WHERE note = 'a;b' ;",
      'SELECT 1 AS "x;y" -- trailing; comment',
      'SELECT $fn$ a; b $fn$ /* ; */',
    ])
      expect(checkItemSchema.safeParse({ type: 'sql', name: 'ok', query }).success, query).toBe(
        true,
      );
  });

  it('a multi-statement query that reaches the check anyway is refused by PostgreSQL and changes nothing', async () => {
    const sneaky = {
      ...item('sneaky', 'SELECT 1'),
      query: "COMMIT; DELETE FROM aml_alerts WHERE status = 'open'",
    } as ReturnType<typeof item>;
    const [result] = await runCheckList([sneaky], context(db.url));
    expect(result?.status).toBe('error');
    expect(result?.line).toMatch(/cannot insert multiple commands into a prepared statement/);
    expect(await openAlerts()).toBe(2);
  });

  it('a query that lifts its own statement timeout is cancelled on the backend at the deadline', async () => {
    const [result] = await runCheckList(
      [
        item('escape', "SELECT set_config('statement_timeout', '0', false), pg_sleep(45)", {
          timeout: '2s',
        }),
      ],
      context(db.url),
    );
    expect(result?.status).toBe('error');
    expect(result?.durationMs).toBeLessThan(3_500);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    let sleeping = 1;
    for (let i = 0; i < 40 && sleeping > 0; i++) {
      sleeping = (
        (
          await client.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%pg_sleep(45)%' AND state = 'active' AND pid <> pg_backend_pid()",
          )
        ).rows[0] as { n: number }
      ).n;
      if (sleeping > 0) await new Promise((r) => setTimeout(r, 100));
    }
    await client.end();
    expect(sleeping, 'the pg_sleep backend still runs').toBe(0);
  });

  it('without database-url the check is an error saying so, and the URL is never shown', async () => {
    const [result] = await runCheckList([item('open-aml-alerts', 'SELECT 1')], context());
    expect(result).toMatchObject({ status: 'error' });
    expect(result?.line).toMatch(/database-url is empty/);
  });
});
