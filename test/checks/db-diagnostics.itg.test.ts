/**
 * The database diagnostics against a real PostgreSQL behind the sim's drop-db: a session idle in
 * a transaction (holding a row lock) and a session blocked by it. The run's clock is 11 minutes
 * ahead of PostgreSQL's, which makes the idle session 11 minutes old without waiting (the checks
 * judge ages with the run's clock, as they would a sim clock advanced by a test).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkItemSchema } from '../../core/checks/registry.js';
import { runCheckList, type CheckResult } from '../../core/checks/run-checks.js';
import { systemClock } from '../../core/util/clock.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { simCheckContext, simEnvironment } from '../helpers/check-context.js';
import { waitFor } from '../sim/helpers.js';

const MINUTE = 60_000;
let s: SimHandle;
beforeAll(async () => {
  s = await startSim({ fixture: withPostgres(loadFixture()), timeScale: 0.01 });
});
afterAll(async () => {
  await s.stop();
});

function diagnose(
  items: Record<string, unknown>[],
  aheadMs: number,
  databaseUrl: string | undefined = s.database('drop-db').masterUrl,
): Promise<CheckResult[]> {
  const env = simEnvironment(s, s.service('drop-web').arn, { database: { instance: 'drop-db' } });
  const ctx = simCheckContext(s, { env, secrets: databaseUrl ? { databaseUrl } : {} });
  return runCheckList(
    items.map((i) => checkItemSchema.parse(i)),
    { ...ctx, clock: { ...systemClock, now: () => Date.now() + aheadMs } },
  );
}

const byType = (results: CheckResult[], type: string): CheckResult =>
  results.find((r) => r.id.startsWith(type))!;

describe('database diagnostics (connections, long-queries, blocking)', () => {
  it('finds a session idle in transaction for 10 minutes and the query it blocks, naming pids, without query text', async () => {
    const url = s.database('drop-db').masterUrl;
    const holder = new pg.Client({ connectionString: url });
    const waiter = new pg.Client({ connectionString: url });
    await holder.connect();
    await waiter.connect();
    try {
      const holderPid = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
        .rows[0]!.pid;
      const waiterPid = (await waiter.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
        .rows[0]!.pid;
      await holder.query('BEGIN');
      await holder.query("UPDATE users SET email = 'secret-ada@example.com' WHERE id = 1");
      // Blocks on the holder's row lock until the holder ends its transaction.
      const blocked = waiter
        .query("UPDATE users SET email = 'secret-grace@example.com' WHERE id = 1")
        .catch(() => undefined);
      const all = [{ type: 'connections' }, { type: 'long-queries' }, { type: 'blocking' }];
      // Wait until PostgreSQL shows the waiter blocked (a real lock wait, not a guess).
      await waitFor('the waiter to be blocked', async () => {
        const r = byType(
          await diagnose([{ type: 'blocking', 'waiting-longer-than': '0s' }], 0),
          'blocking',
        );
        return r.status === 'fail' ? r : undefined;
      });
      const results = await diagnose(all, 11 * MINUTE);
      const connections = byType(results, 'connections');
      expect(connections.status, connections.line).toBe('fail');
      expect(connections.line).toMatch(
        new RegExp(`idle in transaction longer than 5m: pid ${holderPid} \\(\\w+\\) for 11m`),
      );
      const blocking = byType(results, 'blocking');
      expect(blocking.status, blocking.line).toBe('fail');
      expect(blocking.line).toMatch(
        new RegExp(
          `pid ${waiterPid} \\(\\w+\\) waits 11m.* on pid ${holderPid} \\(\\w+\\), idle in transaction`,
        ),
      );
      const long = byType(results, 'long-queries');
      expect(long.status, long.line).toBe('fail');
      expect(long.line).toMatch(new RegExp(`pid ${waiterPid} \\(\\w+\\) running 11m`));
      // No query text anywhere in what is reported, by default.
      expect(JSON.stringify(results)).not.toContain('secret-');
      expect(JSON.stringify(results)).not.toContain('UPDATE');
      // With show-text, long-queries shows it.
      const shown = byType(
        await diagnose([{ type: 'long-queries', 'show-text': true }], 11 * MINUTE),
        'long-queries',
      );
      expect(shown.line).toContain("UPDATE users SET email = 'secret-grace@example.com'");
      await holder.query('ROLLBACK');
      await blocked;
    } finally {
      await holder.end().catch(() => undefined);
      await waiter.end().catch(() => undefined);
    }
    // Nothing waiting, nothing idle in a transaction: all green, once PostgreSQL has ended the
    // two backends (a client's end() returns before its backend leaves pg_stat_activity, and
    // on a loaded machine the released UPDATE can still show as active for a moment).
    const green = async () =>
      diagnose(
        [{ type: 'connections' }, { type: 'long-queries' }, { type: 'blocking' }],
        11 * MINUTE,
      );
    await waitFor('the two sessions to end', async () =>
      (await green()).every((r) => r.status === 'pass') ? true : undefined,
    ).catch(() => undefined);
    const after = await green();
    expect(after.map((r) => [r.status, r.line])).toEqual([
      ['pass', expect.stringMatching(/^\d+ of 100 connections in use/)],
      ['pass', 'no query running longer than 5m'],
      ['pass', 'no session waits for a lock'],
    ]);
  });

  it('is an error, not a pass, without a database URL or when it cannot log in', async () => {
    const [none] = await diagnose([{ type: 'blocking' }], 0, '');
    expect(none!.status).toBe('error');
    expect(none!.line).toMatch(/needs the database-url input/);
    const [refused] = await diagnose(
      [{ type: 'connections' }],
      0,
      s.database('drop-db').urlFor('nobody', 'wrong-password'),
    );
    expect(refused!.status).toBe('error');
    expect(refused!.line).toMatch(/reading pg_stat_activity failed/);
  });
});

describe('replication-lag (CloudWatch ReplicaLag of each read replica)', () => {
  it('fails on a replica lagging more than max-seconds, naming it; passes within it', async ({
    onTestFinished,
  }) => {
    const fixture = loadFixture();
    fixture.rds.instances.push({
      ...structuredClone(fixture.rds.instances[0]!),
      id: 'drop-db-replica',
      readReplicaOf: 'drop-db',
      manualSnapshots: [],
      automatedSnapshots: { count: 0, every: 86_400_000, latestAgo: 0 },
    });
    fixture.cloudwatch.replicaLagSeconds = { 'drop-db-replica': 120 };
    const sim = await startSim({ fixture, timeScale: 0.01 });
    onTestFinished(() => sim.stop());
    const env = simEnvironment(sim, sim.service('drop-web').arn, {
      database: { instance: 'drop-db' },
    });
    const run = async (item: Record<string, unknown>): Promise<CheckResult> =>
      (
        await runCheckList(
          [checkItemSchema.parse({ type: 'replication-lag', ...item })],
          simCheckContext(sim, { env }),
        )
      )[0]!;
    const lagging = await run({});
    expect(lagging.status, lagging.line).toBe('fail');
    expect(lagging.line).toBe('replication lag above 60s in the last 15m: drop-db-replica 120s');
    const within = await run({ 'max-seconds': 300 });
    expect(within.status, within.line).toBe('pass');
    expect(within.line).toBe('replication lag at most 300s: drop-db-replica 120s');
  });
});

describe('storage-growth (days until full at the last 7 days’ growth)', () => {
  it('fails when the storage fills within min-days, passes when it does not grow', async ({
    onTestFinished,
  }) => {
    const fixture = loadFixture();
    // 4 GiB free, 0.5 GiB used a day: full in about 8 days.
    fixture.cloudwatch.freeStorageGiB = { 'drop-db': 4 };
    fixture.cloudwatch.storageGrowthGiBPerDay = { 'drop-db': 0.5 };
    // Real days: the check reads daily datapoints over the last 7 days.
    const sim = await startSim({ fixture, timeScale: 1 });
    onTestFinished(() => sim.stop());
    const env = simEnvironment(sim, sim.service('drop-web').arn, {
      database: { instance: 'drop-db' },
    });
    const run = async (): Promise<CheckResult> =>
      (
        await runCheckList(
          [checkItemSchema.parse({ type: 'storage-growth' })],
          simCheckContext(sim, { env }),
        )
      )[0]!;
    const filling = await run();
    expect(filling.status, filling.line).toBe('fail');
    expect(filling.line).toMatch(
      /drop-db: 4\.\d+ GiB free, 0\.5 GiB used a day .*full in about [89] days \(< 30\)/,
    );
    sim.fixture.cloudwatch.storageGrowthGiBPerDay = {};
    const flat = await run();
    expect(flat.status, flat.line).toBe('pass');
  });
});
