/**
 * The runbooks' database diagnostics (SEV procedures: connection-pool exhaustion, idle
 * connections, slow and blocking queries) as read-only checks over pg_stat_activity. Each
 * connects through pgClient with a read-only session and a statement timeout, and judges ages
 * with the run's clock (the gate's and the sim's), not the server's. No query text is reported
 * unless a check asks for it: queries may hold personal data.
 */
import type pg from 'pg';
import { parseDuration, formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import { pgClient } from '../util/pg-client.js';
import { remainingMs } from './fields.js';
import { blockingSchema, connectionsSchema, longQueriesSchema } from './schemas/db-diagnostics.js';
import { defineCheck, type CheckContext, type CheckOutcome } from './types.js';

const LISTED = 10;

interface Session {
  pid: number;
  usename: string | null;
  state: string | null;
  state_change: Date | null;
  query_start: Date | null;
  query: string | null;
  blockers: number[] | null;
}

/** The checks of this file; each names its session after itself (application_name). */
const DIAGNOSTIC_TYPES = ['connections', 'long-queries', 'blocking'] as const;

/**
 * Every client session but the diagnostics' own, read in one query. An error answer says why (never the
 * URL); a session list that could not be read is an error, not a pass.
 */
async function sessions(
  ctx: CheckContext,
  check: string,
): Promise<{ rows: Session[]; maxConnections: number } | CheckOutcome> {
  const url = ctx.secrets.databaseUrl;
  if (!url)
    return {
      status: 'error',
      line: `${check} needs the database-url input (a role that may read pg_stat_activity, e.g. the master user or one with pg_monitor)`,
    };
  const timeoutMs = Math.max(1_000, remainingMs(ctx.deadline, ctx.clock.now(), 1_000));
  const client: pg.Client = await pgClient({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    application_name: `apprunner-ops ${check}`,
    options: `-c default_transaction_read_only=on -c statement_timeout=${Math.floor(timeoutMs)}`,
  });
  try {
    await client.connect();
    const max = await client.query<{ max: string }>(
      `SELECT current_setting('max_connections') AS max`,
    );
    const res = await client.query<Session>(
      `SELECT pid, usename, state, state_change, query_start, left(query, 200) AS query,
              pg_blocking_pids(pid) AS blockers
         FROM pg_stat_activity
        WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
          AND application_name NOT IN ($1, $2, $3)`,
      // The diagnostics run side by side: one's session reading pg_stat_activity is not a
      // query of the application's, so none counts the others' (or itself).
      DIAGNOSTIC_TYPES.map((type) => `apprunner-ops ${type}`),
    );
    return { rows: res.rows, maxConnections: Number(max.rows[0]!.max) };
  } catch (error) {
    return {
      status: 'error',
      line: `${check}: reading pg_stat_activity failed: ${errorMessage(error)}`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

const ageMs = (ctx: CheckContext, since: Date | null): number =>
  since ? Math.max(0, ctx.clock.now() - since.getTime()) : 0;

const who = (s: Session): string => `pid ${s.pid} (${s.usename ?? 'unknown user'})`;

export const connections = defineCheck({
  ...connectionsSchema,
  defaultTimeoutMs: 30_000,
  group: 'Database',
  async run(check, ctx) {
    const read = await sessions(ctx, 'connections');
    if ('status' in read) return read;
    const limit = parseDuration(check['idle-in-transaction']) ?? 300_000;
    const byState = new Map<string, number>();
    for (const s of read.rows)
      byState.set(s.state ?? 'unknown', (byState.get(s.state ?? 'unknown') ?? 0) + 1);
    // This check's own session counts too: it is one of max_connections.
    const used = read.rows.length + 1;
    const percent = Math.round((used / read.maxConnections) * 100);
    const idle = read.rows
      .filter((s) => (s.state ?? '').startsWith('idle in transaction'))
      .map((s) => ({ s, age: ageMs(ctx, s.state_change) }))
      .filter((x) => x.age > limit)
      .sort((a, b) => b.age - a.age);
    const states = [...byState].map(([state, n]) => `${n} ${state}`).join(', ');
    const observed = {
      used,
      maxConnections: read.maxConnections,
      byState: Object.fromEntries(byState),
      idleInTransaction: idle.map((x) => ({ pid: x.s.pid, user: x.s.usename, ageMs: x.age })),
    };
    const problems: string[] = [];
    if (percent > check['max-used-percent'])
      problems.push(
        `${used} of ${read.maxConnections} connections in use (${percent}% > ${check['max-used-percent']}%)`,
      );
    if (idle.length > 0)
      problems.push(
        `${idle.length} session(s) idle in transaction longer than ${check['idle-in-transaction']}: ${idle
          .slice(0, LISTED)
          .map((x) => `${who(x.s)} for ${formatDuration(x.age)}`)
          .join(', ')}`,
      );
    return problems.length > 0
      ? { status: 'fail', line: `${problems.join('; ')} (${states})`, observed }
      : {
          status: 'pass',
          line: `${used} of ${read.maxConnections} connections in use (${percent}%): ${states || 'none'}`,
          observed,
        };
  },
});

export const longQueries = defineCheck({
  ...longQueriesSchema,
  defaultTimeoutMs: 30_000,
  group: 'Database',
  async run(check, ctx) {
    const read = await sessions(ctx, 'long-queries');
    if ('status' in read) return read;
    const limit = parseDuration(check['longer-than']) ?? 300_000;
    const long = read.rows
      .filter((s) => s.state === 'active')
      .map((s) => ({ s, age: ageMs(ctx, s.query_start) }))
      .filter((x) => x.age > limit)
      .sort((a, b) => b.age - a.age);
    const describe = (x: { s: Session; age: number }): string =>
      `${who(x.s)} running ${formatDuration(x.age)}${check['show-text'] ? `: ${x.s.query ?? ''}` : ''}`;
    const observed = {
      queries: long.map((x) => ({
        pid: x.s.pid,
        user: x.s.usename,
        ageMs: x.age,
        ...(check['show-text'] ? { query: x.s.query } : {}),
      })),
    };
    return long.length > 0
      ? {
          status: 'fail',
          line: `${long.length} query(ies) running longer than ${check['longer-than']}: ${long.slice(0, LISTED).map(describe).join('; ')}`,
          observed,
        }
      : { status: 'pass', line: `no query running longer than ${check['longer-than']}`, observed };
  },
});

export const blocking = defineCheck({
  ...blockingSchema,
  defaultTimeoutMs: 30_000,
  group: 'Database',
  async run(check, ctx) {
    const read = await sessions(ctx, 'blocking');
    if ('status' in read) return read;
    const limit = parseDuration(check['waiting-longer-than']) ?? 30_000;
    const byPid = new Map(read.rows.map((s) => [s.pid, s]));
    const waits = read.rows
      .filter((s) => (s.blockers ?? []).length > 0)
      .map((s) => ({ s, age: ageMs(ctx, s.state_change ?? s.query_start) }))
      .filter((x) => x.age >= limit)
      .sort((a, b) => b.age - a.age);
    const blocker = (pid: number): string => {
      const b = byPid.get(pid);
      return b ? `${who(b)}, ${b.state ?? 'unknown state'}` : `pid ${pid}`;
    };
    const observed = {
      waits: waits.map((x) => ({
        pid: x.s.pid,
        user: x.s.usename,
        waitingMs: x.age,
        blockedBy: x.s.blockers,
      })),
    };
    return waits.length > 0
      ? {
          status: 'fail',
          line: `${waits.length} session(s) waiting for a lock: ${waits
            .slice(0, LISTED)
            .map(
              (x) =>
                `${who(x.s)} waits ${formatDuration(x.age)} on ${(x.s.blockers ?? []).map(blocker).join(' and ')}`,
            )
            .join('; ')}`,
          observed,
        }
      : { status: 'pass', line: 'no session waits for a lock', observed };
  },
});
