/**
 * restore-database through the built bundle against the sim, drop-db backed by a real
 * PostgreSQL: rows written at T1 and deleted by a bad DELETE at T2 are back in an instance
 * restored to T1+30s (inspect), and after the cut-over the original host and port serve them,
 * the replaced instance kept; a cut-over killed after its first rename, run again, ends with
 * one instance under the original name and nothing deleted; bad input changes nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  CreateDBSnapshotCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { runActionBundle } from '../../sim/run-action.js';
import { waitFor } from '../sim/helpers.js';

const MINUTE = 60_000;
const PASSWORD = 'sim-master-Passw0rd';
const RESTORE = `    restore:
      verify:
        - name: users
          sql: SELECT count(*) FROM users
        - name: t1-rows
          sql: SELECT count(*) FROM users WHERE email LIKE 't1-%'
`;

interface World {
  s: SimHandle;
  rds: RDSClient;
  workspace: string;
  /** The service's DATABASE_URL: the original instance's host and port. */
  appUrl: string;
}

async function world(onTestFinished: (fn: () => Promise<void>) => void): Promise<World> {
  const fixture = withPostgres(loadFixture());
  fixture.rds.instances[0]!.securityGroups = ['sg-0a1b2c3d4e5f60718'];
  fixture.rds.instances.push({
    ...structuredClone(fixture.rds.instances[0]!),
    id: 'other-db',
    postgres: undefined,
    manualSnapshots: [],
    automatedSnapshots: { count: 0, every: 86_400_000, latestAgo: 0 },
  });
  fixture.rds.instanceQuota = 10;
  // Restore 12 min → 1.4 s, rename 2 min → 0.24 s, snapshot 4 min → 0.5 s.
  const s = await startSim({ fixture, timeScale: 0.002 });
  // The test reads (DescribeDBInstances), and its two setup calls name what they create (a
  // repeat is refused, never doubled): the SDK's retries cover a kept-alive socket the sim
  // closed just as the next request went out (read ECONNRESET on a loaded machine).
  const rds = new RDSClient(s.clientConfig({ maxAttempts: 3 }));
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'restore-db-'));
  await writeFile(
    path.join(workspace, 'apprunner-ops.yml'),
    `version: 1\nenvironments:\n${environmentYaml(s, 'production', s.service('drop-web').arn, {
      database: '      instance: drop-db\n      snapshot-timeout: 5m',
    })}${RESTORE}`,
  );
  onTestFinished(async () => {
    rds.destroy();
    await s.stop();
    await rm(workspace, { recursive: true, force: true });
  });
  const db = await describe1(rds, 'drop-db');
  const appUrl = `postgres://${db!.MasterUsername}:${PASSWORD}@${db!.Endpoint!.Address}:${db!.Endpoint!.Port}/${db!.DBName}`;
  return { s, rds, workspace, appUrl };
}

async function describe1(rds: RDSClient, id: string): Promise<DBInstance | undefined> {
  try {
    return (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })))
      .DBInstances?.[0];
  } catch {
    return undefined;
  }
}

async function ids(rds: RDSClient): Promise<string[]> {
  const out = await rds.send(new DescribeDBInstancesCommand({}));
  return (out.DBInstances ?? []).map((i) => i.DBInstanceIdentifier ?? '').sort();
}

async function exec(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const count = async (url: string, sql: string): Promise<number> =>
  Number((await exec(url, `SELECT (${sql})::int AS n`))[0]!['n']);

async function endpointUrl(w: World, id: string): Promise<string> {
  const db = (await describe1(w.rds, id))!;
  return `postgres://${db.MasterUsername}:${PASSWORD}@${db.Endpoint!.Address}:${db.Endpoint!.Port}/${db.DBName}`;
}

/** The sim's time, read as RDS shows it: LatestRestorableTime trails it by five minutes. */
async function simNow(w: World): Promise<number> {
  return (await describe1(w.rds, 'drop-db'))!.LatestRestorableTime!.getTime() + 5 * MINUTE;
}

/** Rows at T1, a bad DELETE of them at T2 = T1 + 2 min; returns T1 + 30 s. */
async function badDelete(w: World): Promise<Date> {
  for (const n of [1, 2, 3])
    await exec(w.appUrl, `INSERT INTO users (email) VALUES ('t1-${n}@example.com')`);
  const t1 = await simNow(w);
  w.s.advance(2 * MINUTE);
  await exec(w.appUrl, `DELETE FROM users WHERE email LIKE 't1-%'`);
  // Past LatestRestorableTime (five minutes behind) for T1 + 30 s.
  w.s.advance(10 * MINUTE);
  return new Date(t1 + 30_000);
}

function restore(w: World, inputs: Record<string, string>, options: { killOn?: RegExp } = {}) {
  return runActionBundle({
    action: 'restore-database',
    cwd: w.workspace,
    env: { ...w.s.env, BETTERSTACK_API_URL: `${w.s.url}/betterstack` },
    inputs: {
      config: 'apprunner-ops.yml',
      environment: 'production',
      reason: 'INC-123: bad DELETE on users',
      'database-url': w.appUrl,
      'betterstack-token': w.s.env['SIM_BETTERSTACK_TOKEN'] ?? '',
      'poll-interval': '20ms',
      ...inputs,
    },
    timeoutMs: 120_000,
    ...options,
  });
}

describe('restore-database (bundle, sim, real PostgreSQL)', () => {
  it('inspect shows the deleted rows in the restore only; cut-over serves them on the original host name and keeps the replaced instance', async ({
    onTestFinished,
  }) => {
    const w = await world(onTestFinished);
    const to = await badDelete(w);
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(0);

    const inspect = await restore(w, { to: to.toISOString(), mode: 'inspect' });
    expect(inspect.exitCode, inspect.stdout).toBe(0);
    const restored = inspect.outputs['restored-instance']!;
    expect(restored).toMatch(/^drop-db-restored-\d{14}$/);
    expect(inspect.outputs['restore-to']).toBe(to.toISOString());
    expect(inspect.outputs['forensics-snapshot']).toMatch(/^drop-db-forensics-\d{8}-\d{4}$/);
    expect(inspect.summary).toMatch(/\| t1-rows \| 0 \| 3 \| differs \|/);
    expect(
      await count(
        await endpointUrl(w, restored),
        "SELECT count(*) FROM users WHERE email LIKE 't1-%'",
      ),
    ).toBe(3);
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(0);
    expect(await ids(w.rds)).toEqual(['drop-db', restored, 'other-db']);
    const settings = (await describe1(w.rds, restored))!;
    expect(settings.PubliclyAccessible).toBe(false);
    expect(settings.DBSubnetGroup?.DBSubnetGroupName).toBe('drop-db-subnets');
    expect(settings.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId)).toEqual([
      'sg-0a1b2c3d4e5f60718',
    ]);
    expect(settings.TagList).toContainEqual({ Key: 'apprunner-ops:restore-of', Value: 'drop-db' });

    const cut = await restore(w, { to: inspect.outputs['restore-to']!, mode: 'cut-over' });
    expect(cut.exitCode, cut.stdout).toBe(0);
    const replaced = cut.outputs['replaced-instance']!;
    expect(replaced).toMatch(/^drop-db-replaced-\d{14}$/);
    // The service's unchanged DATABASE_URL now reads the restored data.
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(3);
    expect(await ids(w.rds)).toEqual(['drop-db', replaced, 'other-db']);
    expect(
      await count(
        await endpointUrl(w, replaced),
        "SELECT count(*) FROM users WHERE email LIKE 't1-%'",
      ),
    ).toBe(0);
    expect(cut.summary).toContain(
      `aws rds delete-db-instance --db-instance-identifier ${replaced}`,
    );
    expect(cut.summary).toMatch(/\| t1-rows \| 3 \| 3 \| same \|/);
    // The maintenance window was opened and closed again.
    expect(cut.stdout).toMatch(/maintenance window: paused 2001001, 2001002/);
    expect(w.s.betterstack.monitors().every((m) => !m.paused)).toBe(true);
    expect(w.s.mutatingCalls().some((c) => c.operation === 'DeleteDBInstance')).toBe(false);
  });

  it('a cut-over killed after its first rename, run again, ends with one instance under the name and nothing deleted', async ({
    onTestFinished,
  }) => {
    const w = await world(onTestFinished);
    const to = await badDelete(w);
    const killed = await restore(
      w,
      { to: to.toISOString(), mode: 'cut-over' },
      { killOn: /renaming drop-db to drop-db-replaced-/ },
    );
    expect(killed.signal).toBe('SIGKILL');
    const again = await restore(w, { to: to.toISOString(), mode: 'cut-over' });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/renamed drop-db-replaced-\d{14} back to drop-db/);
    const all = await ids(w.rds);
    expect(all.filter((id) => id === 'drop-db')).toHaveLength(1);
    // The original, the restore (now drop-db), the replaced one: nothing deleted.
    expect(all).toHaveLength(3);
    expect(all.filter((id) => /^drop-db-replaced-/.test(id))).toHaveLength(1);
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(3);
    expect(w.s.mutatingCalls().some((c) => c.operation === 'DeleteDBInstance')).toBe(false);
  });

  it('a cut-over whose second rename is refused renames the current instance back under its name', async ({
    onTestFinished,
  }) => {
    const w = await world(onTestFinished);
    const to = await badDelete(w);
    const inspect = await restore(w, { to: to.toISOString(), mode: 'inspect' });
    expect(inspect.exitCode, inspect.stdout).toBe(0);
    const restored = inspect.outputs['restored-instance']!;
    const running = restore(w, { to: to.toISOString(), mode: 'cut-over' });
    // Once the first rename is under way, the restored instance breaks: RDS refuses to rename it.
    await waitFor(
      'the first rename to start',
      async () => (await describe1(w.rds, 'drop-db'))?.DBInstanceStatus === 'renaming' || undefined,
      { timeoutMs: 60_000, intervalMs: 5 },
    );
    w.s.setInstanceStatus(restored, 'incompatible-parameters');
    const cut = await running;
    expect(cut.exitCode).toBe(1);
    expect(cut.stdout).toMatch(/cut-over failed/);
    expect(cut.summary).toMatch(
      /drop-db-replaced-\d{14} was renamed back to drop-db: it serves under its own name again/,
    );
    expect(await ids(w.rds)).toEqual(['drop-db', restored, 'other-db']);
    // The current data, under the original host name.
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(0);
    expect(w.s.mutatingCalls().some((c) => c.operation === 'DeleteDBInstance')).toBe(false);
  });

  it('refuses bad input before any change', async ({ onTestFinished }) => {
    const w = await world(onTestFinished);
    await w.rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'other-db',
        DBSnapshotIdentifier: 'other-db-manual',
      }),
    );
    w.s.advance(10 * MINUTE);
    const now = await simNow(w);
    // An instance that is not ours holds the name a restore to this time would take.
    const taken = new Date(now - 20 * MINUTE);
    const stamp = taken.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    await w.rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: `drop-db-restored-${stamp}`,
        DBSnapshotIdentifier: 'other-db-manual',
        DBSubnetGroupName: 'drop-db-subnets',
      }),
    );
    w.s.clearCalls();
    const before = await ids(w.rds);
    const cases: [Record<string, string>, RegExp][] = [
      [{ to: new Date(now + 3_600_000).toISOString() }, /input "to": .* is in the future/],
      [
        { to: new Date(now - 30 * 86_400_000).toISOString() },
        /input "to": .* outside the restore window/,
      ],
      [{ to: '2026-12-06 10:00' }, /input "to": .* not an ISO 8601 time with a zone/],
      [
        { to: 'other-db-manual' },
        /input "to": snapshot other-db-manual is of instance other-db, not of drop-db/,
      ],
      [
        { to: 'latest', mode: 'cut-over', 'dry-run': 'true' },
        /input "dry-run": a cut-over cannot be a dry run/,
      ],
      [
        { to: taken.toISOString() },
        /input "to": the restored instance's name drop-db-restored-\d{14} is taken/,
      ],
    ];
    for (const [inputs, message] of cases) {
      const run = await restore(w, { mode: 'inspect', ...inputs });
      expect(run.exitCode, JSON.stringify(inputs)).toBe(1);
      expect(run.stdout).toMatch(message);
    }
    expect(w.s.mutatingCalls()).toEqual([]);
    expect(await ids(w.rds)).toEqual(before);
  });
});
