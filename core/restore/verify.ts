/** The restore's verification queries, run read-only on one instance's endpoint. */
import { clientAt, credentialsFromUrl } from '../drill/verify.js';
import { errorMessage } from '../util/errors.js';
import type { RestoreQuery } from './schema.js';

export interface Endpoint {
  host: string;
  port: number;
}

/** One query's answer: its first value as text, or why there is none. */
export type Answer = { value: string } | { error: string };

/** One row of the side-by-side table. */
export interface Comparison {
  name: string;
  sql: string;
  current: Answer;
  restored: Answer;
  same: boolean;
}

const text = (raw: unknown): string =>
  raw === null || raw === undefined
    ? 'NULL'
    : raw instanceof Date
      ? raw.toISOString()
      : String(raw);

/**
 * Runs `queries` on `endpoint` with the URL's user, password, database and sslmode, in a
 * read-only transaction with a statement timeout. A login that fails answers every query with
 * the failure (the password is never part of it: pg does not echo it).
 */
export async function runQueries(
  endpoint: Endpoint,
  databaseUrl: string,
  queries: readonly RestoreQuery[],
  timeoutMs: number,
): Promise<Map<string, Answer>> {
  const c = credentialsFromUrl(databaseUrl);
  const answers = new Map<string, Answer>();
  const client = await clientAt(endpoint.host, endpoint.port, c, timeoutMs);
  try {
    await client.connect();
  } catch (error) {
    const why = `cannot log in at ${endpoint.host}:${endpoint.port}: ${errorMessage(error)}`;
    for (const q of queries) answers.set(q.name, { error: why });
    return answers;
  }
  try {
    for (const q of queries) {
      try {
        await client.query('BEGIN READ ONLY');
        const res = await client.query({ text: q.sql, rowMode: 'array' });
        const first = (res.rows as unknown[][])[0]?.[0];
        answers.set(q.name, { value: text(first) });
      } catch (error) {
        answers.set(q.name, { error: errorMessage(error) });
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return answers;
}

export function compare(
  queries: readonly RestoreQuery[],
  current: Map<string, Answer>,
  restored: Map<string, Answer>,
): Comparison[] {
  return queries.map((q) => {
    const a = current.get(q.name) ?? { error: 'not run' };
    const b = restored.get(q.name) ?? { error: 'not run' };
    return {
      name: q.name,
      sql: q.sql,
      current: a,
      restored: b,
      same: 'value' in a && 'value' in b && a.value === b.value,
    };
  });
}

export const shown = (a: Answer): string => ('value' in a ? a.value : `error: ${a.error}`);
