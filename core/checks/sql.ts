import type pg from 'pg';
import { pgClient } from '../util/pg-client.js';
import { errorMessage } from '../util/errors.js';
import { remainingMs } from './fields.js';
import { sqlSchema } from './schemas/sql.js';
import { defineCheck } from './types.js';

const LISTED = 20;

/**
 * Cancels what a backend runs (pg_cancel_backend over a second connection, allowed for one's
 * own role): closing the first connection's socket leaves its query running on the server.
 * Bounded by its own connect and query timeouts; a failure is logged, not thrown.
 */
async function cancelBackend(
  config: pg.ClientConfig,
  pid: number,
  logger: { warning(message: string): void },
): Promise<void> {
  const canceller = await pgClient({
    ...config,
    connectionTimeoutMillis: 5_000,
    query_timeout: 5_000,
  });
  try {
    await canceller.connect();
    await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
  } catch (error) {
    logger.warning(`sql check: cancelling backend ${pid} failed: ${errorMessage(error)}`);
  } finally {
    await canceller.end().catch(() => {});
  }
}

/** The connection's own settings, which a single statement cannot undo for itself. */
function sessionOptions(timeoutMs: number): string {
  const ms = Math.floor(timeoutMs);
  return `-c default_transaction_read_only=on -c statement_timeout=${ms} -c idle_in_transaction_session_timeout=${ms}`;
}

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
 * more rows than max-rows is a fail, and the report lists the first rows' ids. The session is
 * read only with a statement timeout from its start (connection options), the query goes by
 * the extended protocol (one statement, so it cannot end its transaction and write after), and
 * at the deadline its backend is cancelled: it can change nothing and outlive nothing.
 */
export const sql = defineCheck({
  ...sqlSchema,
  defaultTimeoutMs: 30_000,
  group: 'Application',
  async run(check, { secrets, clock, deadline, signal, logger }) {
    if (!secrets.databaseUrl)
      return {
        status: 'error',
        line: 'database-url is empty: sql checks need a read-only database URL (set the database-url input from a secret)',
      };
    const timeoutMs = Math.max(1_000, remainingMs(deadline, clock.now(), 1_000));
    const config = {
      connectionString: secrets.databaseUrl,
      connectionTimeoutMillis: timeoutMs,
      application_name: 'apprunner-ops sql check',
      // Read only and the timeout are the session's, set before the query: a statement can
      // end a transaction it is in, but not change what the next one starts with for itself.
      options: sessionOptions(timeoutMs),
    };
    const client = await pgClient(config);
    let pid: number | undefined;
    let cancelled: Promise<void> | undefined;
    // At the deadline the backend itself is cancelled (a closed socket leaves it running).
    const onAbort = (): void => {
      cancelled ??= (
        pid === undefined ? Promise.resolve() : cancelBackend(config, pid, logger)
      ).finally(() => client.end().catch(() => {}));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const evidence = { query: check.query };
    try {
      await client.connect();
      const mode = await client.query<{ on: string; pid: number }>(
        "SELECT current_setting('default_transaction_read_only') AS on, pg_backend_pid() AS pid",
      );
      pid = mode.rows[0]?.pid;
      if (mode.rows[0]?.on !== 'on')
        return {
          status: 'error',
          line: `${check.name}: the session is not read only (default_transaction_read_only is ${mode.rows[0]?.on ?? 'unknown'}); remove "options" from the database-url`,
          evidence,
        };
      // The extended protocol: PostgreSQL refuses more than one statement in it.
      // (`queryMode` is pg's since 8.12; its type declarations do not list it yet.)
      const extended = { text: check.query, queryMode: 'extended' } as pg.QueryConfig;
      const result: pg.QueryResult = await client.query(extended);
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
      await cancelled;
      await client.end().catch(() => {});
    }
  },
});
