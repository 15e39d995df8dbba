import type pg from 'pg';
import { pgClient } from '../util/pg-client.js';
import { errorMessage } from '../util/errors.js';
import { remainingMs } from './fields.js';
import { sqlSchema } from './schemas/sql.js';
import { defineCheck } from './types.js';

const LISTED = 20;

/** What PostgreSQL's error means for the person reading the report (never the URL). */
function explain(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = errorMessage(error);
  if (code === '25006')
    return `PostgreSQL refused the query in the READ ONLY transaction (${message}): sql checks may only read`;
  if (code === '57014') return `the query ran past its statement timeout (${message})`;
  if (code === '28P01' || code === '28000') return `the database refused the login (${message})`;
  return `the query failed: ${message}`;
}

/**
 * A read-only query (the runbook's open AML alerts, stuck KYC applicants, pending STR filings):
 * more rows than max-rows is a fail, and the report lists the first rows' ids. It runs in a
 * READ ONLY transaction with a statement timeout and is rolled back, so it can change nothing.
 */
export const sql = defineCheck({
  ...sqlSchema,
  defaultTimeoutMs: 30_000,
  group: 'Application',
  async run(check, { secrets, clock, deadline, signal }) {
    if (!secrets.databaseUrl)
      return {
        status: 'error',
        line: 'database-url is empty: sql checks need a read-only database URL (set the database-url input from a secret)',
      };
    const timeoutMs = Math.max(1_000, remainingMs(deadline, clock.now(), 1_000));
    const client = await pgClient({
      connectionString: secrets.databaseUrl,
      connectionTimeoutMillis: timeoutMs,
      application_name: 'apprunner-ops sql check',
    });
    const onAbort = (): void => void client.end().catch(() => {});
    signal.addEventListener('abort', onAbort, { once: true });
    const evidence = { query: check.query };
    try {
      await client.connect();
      await client.query('BEGIN READ ONLY');
      await client.query(`SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`);
      let result: pg.QueryResult;
      try {
        result = await client.query(check.query);
      } finally {
        await client.query('ROLLBACK').catch(() => {});
      }
      const rows = result.rows as Record<string, unknown>[];
      const ids = rows.slice(0, LISTED).map((r) => String(r[check['id-column']] ?? '?'));
      const observed = { rows: rows.length, ids, maxRows: check['max-rows'] };
      if (rows.length <= check['max-rows'])
        return {
          status: 'pass',
          line: `${check.name}: ${rows.length} rows (limit ${check['max-rows']})`,
          observed,
          evidence,
        };
      return {
        status: 'fail',
        line: `${check.name}: ${rows.length} rows, more than ${check['max-rows']}; ${check['id-column']}s ${ids.join(', ')}${rows.length > LISTED ? ', …' : ''}`,
        observed,
        evidence,
      };
    } catch (error) {
      return { status: 'error', line: `${check.name}: ${explain(error)}`, evidence };
    } finally {
      signal.removeEventListener('abort', onAbort);
      await client.end().catch(() => {});
    }
  },
});
