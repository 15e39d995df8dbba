import type pg from 'pg';
import { pgClient } from '../util/pg-client.js';
import { parseDuration, formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import type { DrillQuery } from './schema.js';

/** How to log in to the restored instance. The password never leaves this object. */
export interface DrillCredentials {
  user: string;
  password: string;
  database: string;
  ssl: boolean | { rejectUnauthorized: boolean };
}

/**
 * Credentials from a DATABASE_URL-style URL: its user, password, database and sslmode; the
 * host and port are the restored instance's, not the URL's.
 */
export function credentialsFromUrl(databaseUrl: string): DrillCredentials {
  const url = new URL(databaseUrl);
  const sslmode = url.searchParams.get('sslmode');
  return {
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres',
    ssl:
      sslmode === null || sslmode === 'disable' || sslmode === 'allow' || sslmode === 'prefer'
        ? false
        : { rejectUnauthorized: sslmode === 'verify-full' || sslmode === 'verify-ca' },
  };
}

/**
 * A client of the database at `host`:`port` with `c`, every wait (connecting, a statement, a
 * query) bounded by `timeoutMs`.
 */
export function clientAt(
  host: string,
  port: number,
  c: DrillCredentials,
  timeoutMs: number,
): Promise<pg.Client> {
  return pgClient({
    host,
    port,
    user: c.user,
    password: c.password,
    database: c.database,
    ssl: c.ssl,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs,
  });
}

export interface QueryResult {
  name: string;
  sql: string;
  value: string | number | boolean | null;
  ok: boolean;
  /** What was expected, in words, e.g. "> 0". */
  expected: string;
  problem?: string;
}

function expectation(q: DrillQuery): string {
  const e = q.expect;
  if (e['greater-than'] !== undefined) return `> ${e['greater-than']}`;
  if (e['at-least'] !== undefined) return `>= ${e['at-least']}`;
  if (e.equals !== undefined) return `= ${String(e.equals)}`;
  return `not older than the snapshot by more than ${e['not-older-than-snapshot-by']}`;
}

function judge(
  q: DrillQuery,
  raw: unknown,
  snapshotTime: Date,
): { value: QueryResult['value']; ok: boolean; problem?: string } {
  const e = q.expect;
  if (e['not-older-than-snapshot-by'] !== undefined) {
    if (raw === null || raw === undefined)
      return { value: null, ok: false, problem: 'no value (empty table?)' };
    const at = raw instanceof Date ? raw : new Date(String(raw));
    if (Number.isNaN(at.getTime()))
      return { value: String(raw), ok: false, problem: 'not a timestamp' };
    const limit = parseDuration(e['not-older-than-snapshot-by']) ?? 0;
    const lag = snapshotTime.getTime() - at.getTime();
    return {
      value: at.toISOString(),
      ok: lag <= limit,
      ...(lag > limit ? { problem: `${formatDuration(lag)} older than the snapshot` } : {}),
    };
  }
  if (e.equals !== undefined) {
    const value =
      typeof raw === 'number' || typeof raw === 'boolean'
        ? raw
        : raw === null || raw === undefined
          ? null
          : String(raw);
    return { value, ok: String(value) === String(e.equals) };
  }
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (raw === null || raw === undefined || Number.isNaN(n))
    return {
      value: raw === undefined ? null : (raw as string | null),
      ok: false,
      problem: 'not a number',
    };
  const ok = e['greater-than'] !== undefined ? n > e['greater-than'] : n >= (e['at-least'] ?? 0);
  return { value: n, ok };
}

/**
 * Logs in to the restored instance and runs the verification queries, read-only, each with
 * a statement timeout. A login failure is a failed drill (a restore you cannot log in to
 * does not restore service).
 */
export async function verifyRestore(input: {
  host: string;
  port: number;
  credentials: DrillCredentials;
  queries: readonly DrillQuery[];
  snapshotTime: Date;
  timeoutMs: number;
}): Promise<{ connected: boolean; results: QueryResult[]; problem?: string }> {
  const { credentials: c } = input;
  const client = await clientAt(input.host, input.port, c, input.timeoutMs);
  try {
    await client.connect();
  } catch (error) {
    // The message may name the user, never the password (pg does not echo it).
    return {
      connected: false,
      results: [],
      problem: `cannot log in to the restored instance as ${c.user}: ${errorMessage(error)}`,
    };
  }
  const results: QueryResult[] = [];
  try {
    await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
    for (const q of input.queries) {
      try {
        const res = await client.query({ text: q.sql, rowMode: 'array' });
        const raw = (res.rows[0] as unknown[] | undefined)?.[0];
        const verdict = judge(q, typeof raw === 'bigint' ? Number(raw) : raw, input.snapshotTime);
        results.push({ name: q.name, sql: q.sql, expected: expectation(q), ...verdict });
      } catch (error) {
        results.push({
          name: q.name,
          sql: q.sql,
          expected: expectation(q),
          value: null,
          ok: false,
          problem: errorMessage(error),
        });
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return { connected: true, results };
}
