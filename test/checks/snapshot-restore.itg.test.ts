import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkItemSchema } from '../../core/checks/registry.js';
import { runCheckList, type CheckResult } from '../../core/checks/run-checks.js';
import { readRestoreDrills } from '../../core/drill/record.js';
import { cleanupDrillsAfterChecks } from '../../core/drill/post-step.js';
import { drillInstanceId } from '../../core/drill/rds-drill.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { simCheckContext, simEnvironment } from '../helpers/check-context.js';
import { waitFor } from '../sim/helpers.js';
import { policyGaps, type PolicyDocument } from '../workflows/iam-policy.js';
import { readFileSync } from 'node:fs';

const TIME_SCALE = 0.002; // restore 12m → 1.44 s, delete 4m → 0.48 s
const DRILL_ID = drillInstanceId('drop-db', new Date());
/** The fixture's restore duration (one test holds restores in `creating` for a while). */
const RESTORE_MS = loadFixture().durations.restore;
const QUERIES = [
  { name: 'users', sql: 'SELECT COUNT(*) FROM users', expect: { 'greater-than': 0 } },
  {
    name: 'audit-log-fresh',
    sql: 'SELECT MAX(updated_at) FROM audit_log',
    expect: { 'not-older-than-snapshot-by': '1d' },
  },
];
const FAST = { 'poll-interval': '20ms', ssl: false };

// One sim (with its PostgreSQL) for the whole file: starting one costs seconds. Each test
// leaves only drop-db behind, which the next one checks.
let s: SimHandle;
beforeAll(async () => {
  const fixture = withPostgres(loadFixture());
  fixture.rds.instances[0]!.parameterGroup = 'drop-postgres16';
  fixture.rds.instances[0]!.securityGroups = ['sg-0a1b2c3d4e5f60718', 'sg-0fedcba987654321f'];
  s = await startSim({ fixture, timeScale: TIME_SCALE });
});
afterAll(async () => {
  await s.stop();
});
beforeEach(async () => {
  s.clearCalls();
  s.failRestores(undefined);
  s.fixture.rds.instanceQuota = 40;
  s.fixture.durations.restore = RESTORE_MS;
  expect(await instanceIds(s)).toEqual(['drop-db']);
});

function drill(s: SimHandle, item: Record<string, unknown> = {}): Promise<CheckResult> {
  const db = s.database('drop-db');
  const env = simEnvironment(s, s.service('drop-web').arn, { database: { instance: 'drop-db' } });
  const ctx = simCheckContext(s, {
    env,
    secrets: { databaseUrl: db.masterUrl, auditDatabaseUrl: db.masterUrl },
  });
  return runCheckList(
    [checkItemSchema.parse({ type: 'snapshot-restore', queries: QUERIES, ...FAST, ...item })],
    ctx,
  ).then((r) => r[0]!);
}

async function instanceIds(s: SimHandle): Promise<string[]> {
  const rds = new RDSClient(s.clientConfig({ maxAttempts: 1 }));
  const out = await rds.send(new DescribeDBInstancesCommand({}));
  rds.destroy();
  return (out.DBInstances ?? []).map((i) => i.DBInstanceIdentifier!);
}

/** No call that changes anything names the source instance. */
function sourceUntouched(s: SimHandle): void {
  const touching = s
    .mutatingCalls({ service: 'rds' })
    .filter((c) => (c.params as Record<string, unknown>)['DBInstanceIdentifier'] === 'drop-db');
  expect(touching).toEqual([]);
}

describe('snapshot-restore (the monthly restore drill) against the sim', () => {
  it('restores the newest automated snapshot privately, counts real rows, deletes it and records the RTO', async () => {
    const r = await drill(s);
    expect(r.status, r.line).toBe('pass');
    const newest = s
      .snapshots('drop-db')
      .filter((x) => x.type === 'automated')
      .sort((a, b) => b.startedAt - a.startedAt)[0]!;
    expect(r.observed).toMatchObject({
      snapshot: newest.id,
      drillInstance: DRILL_ID,
      values: { users: 3 },
      leftoversDeleted: [],
    });
    // The measured restore time covers the modelled one.
    expect(r.observed!['restoreMs']).toBeGreaterThanOrEqual(s.scaled(12 * 60_000) - 20);
    expect(r.line).toMatch(/verified users = 3, audit-log-fresh = /);
    expect(r.line).toMatch(/drill instance deleted in .*recorded in audit_log \(restore_drill\)/);

    const [restore] = s.calls({ service: 'rds', operation: 'RestoreDBInstanceFromDBSnapshot' });
    expect(restore!.params).toMatchObject({
      DBInstanceIdentifier: DRILL_ID,
      DBSnapshotIdentifier: newest.id,
      DBSubnetGroupName: 'drop-db-subnets',
      VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718', 'sg-0fedcba987654321f'],
      DBParameterGroupName: 'drop-postgres16',
      PubliclyAccessible: 'false',
      DBInstanceClass: 'db.t4g.micro',
      Tags: expect.arrayContaining([{ Key: 'apprunner-ops:drill', Value: 'true' }]),
    });
    const [del] = s.calls({ service: 'rds', operation: 'DeleteDBInstance' });
    expect(del!.params).toMatchObject({
      DBInstanceIdentifier: DRILL_ID,
      SkipFinalSnapshot: 'true',
    });
    expect(await instanceIds(s)).toEqual(['drop-db']);
    sourceUntouched(s);

    const [row] = await readRestoreDrills(s.database('drop-db').masterUrl, 'drop-db');
    expect(row).toMatchObject({
      result: 'pass',
      snapshot: newest.id,
      drillInstance: DRILL_ID,
      values: { users: 3 },
    });
    expect(row!.restoreMs).toBe(r.observed!['restoreMs']);
    // docs/iam-policy-ops-monthly.json allows every call the drill made.
    const policy = JSON.parse(
      readFileSync(
        path.join(import.meta.dirname, '../../docs/iam-policy-ops-monthly.json'),
        'utf8',
      ),
    ) as PolicyDocument;
    // Both ways: no call denied, nothing allowed that no call needed (the master secret is read
    // only when master-secret is configured).
    expect(
      policyGaps([policy], s.calls(), [
        'DrillReadsTheMasterSecretWhenConfigured',
        // from: pitr only (the point-in-time drill below).
        'DrillPointInTimeRestoreOnlyIntoTaggedDrillInstances',
        'DrillPointInTimeRestoreReadsTheSourceAndGroups',
      ]),
    ).toEqual({
      denied: [],
      unneeded: [],
    });
    // The password is nowhere in what the check reports.
    expect(JSON.stringify(r)).not.toContain(s.database('drop-db').masterPassword);
  });

  it('fails when a verification query does not meet its expectation, and still deletes the drill', async () => {
    const r = await drill(s, {
      queries: [{ name: 'users', sql: 'SELECT COUNT(*) FROM users', expect: { 'at-least': 1000 } }],
    });
    expect(r.status).toBe('fail');
    expect(r.line).toMatch(
      /restore drill failed: users = 3, expected >= 1000.*drill instance deleted/,
    );
    expect(await instanceIds(s)).toEqual(['drop-db']);
    sourceUntouched(s);
  });

  it('a refused restore (instance quota) is red and leaves nothing behind', async () => {
    s.fixture.rds.instanceQuota = 1;
    const r = await drill(s);
    expect(r.status).toBe('fail');
    expect(r.line).toMatch(/restore drill failed: .*maximum number of DB instances/);
    expect(await instanceIds(s)).toEqual(['drop-db']);
    sourceUntouched(s);
  });

  it('a restore that ends in a broken state is red and is deleted', async () => {
    s.failRestores('incompatible-restore');
    const r = await drill(s);
    expect(r.status).toBe('fail');
    expect(r.line).toMatch(/ended in state "incompatible-restore".*drill instance deleted/);
    expect(await instanceIds(s)).toEqual(['drop-db']);
    sourceUntouched(s);
  });

  it('a drill aborted by its deadline while creating still deletes its instance', async () => {
    // A 10-hour restore (72 s real): the 5 s deadline falls while it is creating, however long
    // the drill takes to get there on a loaded machine (600 ms could pass before it started).
    const restore = s.fixture.durations.restore;
    s.fixture.durations.restore = 10 * 3_600_000;
    const r = await drill(s, { timeout: '5s' }).finally(() => {
      s.fixture.durations.restore = restore;
    });
    expect(r.status).toBe('error');
    expect(r.line).toMatch(/no answer within 5(\.0)?s/);
    // The abort ends the wait; the drill's own clean-up deletes what it created.
    // (The drill may not have asked for the restore yet when the runner gave up on it.)
    await waitFor(
      'the aborted drill to delete its instance',
      async () =>
        s.calls({ service: 'rds', operation: 'DeleteDBInstance' }).length > 0 &&
        (await instanceIds(s)).length === 1
          ? true
          : undefined,
      { timeoutMs: 20_000 },
    );
    expect(s.calls({ service: 'rds', operation: 'DeleteDBInstance' })).toHaveLength(1);
    sourceUntouched(s);
  });

  it('a killed drill (SIGKILL while creating) leaves an instance the post step’s cleanup deletes; a later run deletes a leftover first', async () => {
    // The drill's restore stays `creating` until this test advances the clock: with the
    // fixture's 12 minutes (1.44 s here) a loaded machine let the whole drill run to its end
    // before a poll saw it creating.
    const heldMs = 86_400_000;
    s.fixture.durations.restore = heldMs;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'fixtures/run-drill.ts'),
        JSON.stringify({
          item: { type: 'snapshot-restore', queries: QUERIES, ...FAST },
          env: {
            region: s.region,
            'service-arn': s.service('drop-web').arn,
            'ecr-repository': 'drop-web',
            database: { instance: 'drop-db' },
            health: {
              'base-url': 'https://drop.example.com',
              checks: [{ name: 'api', path: '/' }],
            },
          },
          databaseUrl: s.database('drop-db').masterUrl,
        }),
      ],
      { env: { ...process.env, ...s.env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // `error` (the child never started) ends the wait as `exit` does.
    const exited = new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.once('error', () => resolve());
    });
    const rds = new RDSClient(s.clientConfig({ maxAttempts: 1 }));
    await waitFor(
      'the drill instance to be creating',
      async () => {
        const out = await rds.send(new DescribeDBInstancesCommand({}));
        return out.DBInstances?.some(
          (i) => i.DBInstanceIdentifier === DRILL_ID && i.DBInstanceStatus === 'creating',
        );
      },
      { timeoutMs: 30_000 },
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\nchild said:\n${output}`);
    });
    child.kill('SIGKILL');
    await exited;
    expect(output).not.toMatch(/result:/);
    expect(await instanceIds(s)).toContain(DRILL_ID);
    // The held restore ends (RDS refuses to delete an instance while it is creating).
    s.fixture.durations.restore = RESTORE_MS;
    s.advance(s.scaled(heldMs));

    // The post step: find drills by tag and delete them.
    const logger = recordingLogger();
    const deleted = await cleanupDrillsAfterChecks(
      [{ type: 'snapshot-restore', 'poll-interval': '20ms' }],
      simEnvironment(s, s.service('drop-web').arn, { database: { instance: 'drop-db' } }),
      rds,
      { clock: systemClock, logger },
    );
    expect(logger.lines.map((l) => l.message)).toContain(
      `Deleted drill instance(s) ${DRILL_ID} after the run`,
    );
    expect(deleted).toEqual([DRILL_ID]);
    expect(await instanceIds(s)).toEqual(['drop-db']);

    // A leftover from a run killed before any post step: the next run deletes it first.
    const automated = s.snapshots('drop-db').find((x) => x.type === 'automated')!;
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db-drill-20261001',
        DBSnapshotIdentifier: automated.id,
        DBSubnetGroupName: 'drop-db-subnets',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
        Tags: [{ Key: 'apprunner-ops:drill', Value: 'true' }],
      }),
    );
    // Not a drill (no tag): never touched, even though its name looks like one.
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db-drill-20260901',
        DBSnapshotIdentifier: automated.id,
      }),
    );
    rds.destroy();
    const r = await drill(s);
    expect(r.status, r.line).toBe('pass');
    expect(r.line).toMatch(/first deleted leftover drill instance\(s\) drop-db-drill-20261001/);
    expect(r.observed!['leftoversDeleted']).toEqual(['drop-db-drill-20261001']);
    expect((await instanceIds(s)).sort()).toEqual(['drop-db', 'drop-db-drill-20260901']);
    sourceUntouched(s);
    const cleanup = new RDSClient(s.clientConfig({ maxAttempts: 1 }));
    await cleanup.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: 'drop-db-drill-20260901',
        SkipFinalSnapshot: true,
      }),
    );
    await waitFor('the untagged look-alike to go', async () =>
      (await instanceIds(s)).length === 1 ? true : undefined,
    );
    cleanup.destroy();
  });

  it('refuses to start without credentials, before any change', async () => {
    const env = simEnvironment(s, s.service('drop-web').arn, { database: { instance: 'drop-db' } });
    const [r] = await runCheckList(
      [checkItemSchema.parse({ type: 'snapshot-restore', queries: QUERIES })],
      simCheckContext(s, { env, secrets: {} }),
    );
    expect(r!.status).toBe('error');
    expect(r!.line).toMatch(/set master-secret on the check, or give the job a database-url/);
    expect(s.mutatingCalls()).toEqual([]);
  });

  it('from: pitr restores the data as of pitr-age ago (a row written since is absent), and pitr-tested reads its record', async () => {
    const db = s.database('drop-db');
    const env = simEnvironment(s, s.service('drop-web').arn, { database: { instance: 'drop-db' } });
    const ctx = simCheckContext(s, {
      env,
      secrets: { databaseUrl: db.masterUrl, auditDatabaseUrl: db.masterUrl },
    });
    const gate = async (): Promise<CheckResult> =>
      (await runCheckList([checkItemSchema.parse({ type: 'pitr-tested' })], ctx))[0]!;
    // Snapshot drills are on record from the tests above, but no point-in-time one.
    expect((await gate()).line).toMatch(/no point-in-time restore drill of drop-db on record/);
    const pg = await import('pg');
    // A session of its own per statement: copying the database needs it idle.
    const exec = async (sql: string): Promise<void> => {
      const client = new pg.default.Client({ connectionString: db.masterUrl });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    };
    await exec("INSERT INTO users (email) VALUES ('after-pitr@example.com')");
    try {
      const r = await drill(s, {
        from: 'pitr',
        'pitr-age': '1h',
        queries: [
          ...QUERIES,
          {
            name: 'written-since',
            sql: "SELECT COUNT(*) FROM users WHERE email = 'after-pitr@example.com'",
            expect: { equals: 0 },
          },
        ],
      });
      expect(r.status, r.line).toBe('pass');
      expect(r.observed).toMatchObject({ values: { users: 3, 'written-since': '0' } });
      expect(String(r.observed!['snapshot'])).toMatch(/^pitr:\d{4}-/);
      const [restore] = s.calls({ service: 'rds', operation: 'RestoreDBInstanceToPointInTime' });
      expect(restore!.params).toMatchObject({
        SourceDBInstanceIdentifier: 'drop-db',
        TargetDBInstanceIdentifier: DRILL_ID,
        DBSubnetGroupName: 'drop-db-subnets',
        PubliclyAccessible: 'false',
      });
      expect(await instanceIds(s)).toEqual(['drop-db']);
      const passed = await gate();
      expect(passed.status, passed.line).toBe('pass');
      expect(passed.line).toMatch(
        /point-in-time restore drill succeeded 0 day\(s\) ago \(drop-db\)/,
      );
    } finally {
      await exec("DELETE FROM users WHERE email = 'after-pitr@example.com'");
    }
  });
});
