import type pg from 'pg';
import { pgClient } from '../util/pg-client.js';
import { z } from 'zod';
import { errorMessage } from '../util/errors.js';
import { remainingMs } from './fields.js';
import { defineCheck } from './types.js';

const LISTED = 20;

/**
 * The statements in SQL text, each with the line it starts on (1-based): split at `;` outside
 * quotes ('…', "…", E'…', $tag$…$tag$) and comments (--, nested /* … *\/). Empty statements
 * (a trailing `;`, a comment alone) do not count. Used to refuse, when the configuration is
 * read, a query PostgreSQL's extended protocol would refuse when it runs.
 */
export function sqlStatements(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let start = 0;
  let meaningful = false;
  let startLine = 1;
  let line = 1;
  const flush = (end: number): void => {
    if (meaningful) out.push({ line: startLine, text: text.slice(start, end).trim() });
    start = end + 1;
    meaningful = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === '-' && text[i + 1] === '-') {
      while (i < text.length && text[i] !== '\n') i++;
      i--;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      for (i += 2; i < text.length && depth > 0; i++) {
        if (text[i] === '\n') line++;
        else if (text[i] === '/' && text[i + 1] === '*') {
          depth++;
          i++;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i++;
        }
      }
      i--;
      continue;
    }
    if (c === ';') {
      flush(i);
      continue;
    }
    if (!meaningful) startLine = line;
    meaningful = true;
    if (c === "'" || c === '"') {
      // A doubled quote is a quote inside; E'' strings may escape one with a backslash.
      const escapes = c === "'" && /[eE]/.test(text[i - 1] ?? '');
      for (i++; i < text.length; i++) {
        if (text[i] === '\n') line++;
        if (escapes && text[i] === '\\') i++;
        else if (text[i] === c) {
          if (text[i + 1] === c) i++;
          else break;
        }
      }
      continue;
    }
    const dollar = c === '$' ? /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i)) : null;
    if (dollar) {
      const close = text.indexOf(dollar[0], i + dollar[0].length);
      const end = close < 0 ? text.length : close + dollar[0].length;
      line += (text.slice(i, end).match(/\n/g) ?? []).length;
      i = end - 1;
    }
  }
  flush(text.length);
  return out;
}

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
  type: 'sql',
  description: 'A read-only query; more rows than max-rows is a failure, listing the first ids.',
  shape: {
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase name like open-aml-alerts' }),
    query: z
      .string()
      .min(1)
      .superRefine((query, ctx) => {
        const statements = sqlStatements(query);
        if (statements.length === 1) return;
        ctx.addIssue({
          code: 'custom',
          message:
            statements.length === 0
              ? 'holds no SQL statement; write one SELECT'
              : `holds ${statements.length} SQL statements (the second starts on line ${statements[1]!.line} of the query); an sql check runs exactly one, so it cannot end its read-only transaction or lift its timeout: keep the one SELECT`,
        });
      }),
    'max-rows': z.int().min(0).default(0).describe('Fail when the query returns more rows.'),
    'id-column': z.string().min(1).default('id').describe('Column listed for the first rows.'),
  },
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
