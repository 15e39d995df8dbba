/**
 * The monthly restore drill through the built ops-check bundle, against the sim with drop-db
 * backed by a real PostgreSQL: a green drill restores real data, counts `users`, deletes its
 * instance and records the restore time in audit_log; a cancelled run (SIGINT while the drill
 * instance is being created, as GitHub cancels a job) leaves an instance that the bundle's
 * post step deletes; a leftover of an earlier lost runner is deleted by the next run, and an
 * instance that only looks like a drill is never touched.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readRestoreDrills } from '../../core/drill/record.js';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { runActionBundle } from '../../sim/run-action.js';
import { waitFor } from '../sim/helpers.js';

const DRILL = `    checks:
      monthly:
        - type: snapshot-restore
          poll-interval: 20ms
          ssl: false
          queries:
            - name: users
              sql: SELECT COUNT(*) FROM users
              expect: { greater-than: 0 }
`;

let s: SimHandle;
let workspace: string;
let rds: RDSClient;
beforeAll(async () => {
  const fixture = withPostgres(loadFixture());
  fixture.rds.instances[0]!.securityGroups = ['sg-0a1b2c3d4e5f60718', 'sg-0fedcba987654321f'];
  // Restore 12 min → 1.4 s, delete 4 min → 0.5 s.
  s = await startSim({ fixture, timeScale: 0.002 });
  rds = new RDSClient(s.clientConfig({ maxAttempts: 1 }));
  workspace = await mkdtemp(path.join(os.tmpdir(), 'ops-drill-'));
  await writeFile(
    path.join(workspace, 'apprunner-ops.yml'),
    `version: 1\nenvironments:\n${environmentYaml(s, 'production', s.service('drop-web').arn, {
      database: '      instance: drop-db',
    })}${DRILL}`,
  );
});
afterAll(async () => {
  rds.destroy();
  await s.stop();
  await rm(workspace, { recursive: true, force: true });
});
beforeEach(async () => {
  expect(await instanceIds()).toEqual(['drop-db']);
  s.clearCalls();
});

async function instanceIds(): Promise<string[]> {
  const out = await rds.send(new DescribeDBInstancesCommand({}));
  return (out.DBInstances ?? []).map((i) => i.DBInstanceIdentifier ?? '').sort();
}

function monthly(options: { cancelOn?: RegExp } = {}) {
  const db = s.database('drop-db');
  return runActionBundle({
    action: 'ops-check',
    cwd: workspace,
    env: s.env,
    inputs: {
      config: 'apprunner-ops.yml',
      environment: 'production',
      schedule: 'monthly',
      'database-url': db.masterUrl,
      'audit-database-url': db.adminUrl,
      'open-issue': 'false',
    },
    ...options,
  });
}

describe('the restore drill through the ops-check bundle', () => {
  it('restores real data, counts users, deletes the drill instance and records the restore time', async () => {
    const run = await monthly();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['passed']).toBe('true');
    expect(run.summary).toMatch(/snapshot-restore/);
    expect(run.summary).toMatch(/verified users = [1-9]\d*/);
    expect(await instanceIds()).toEqual(['drop-db']);
    const [record] = await readRestoreDrills(s.database('drop-db').adminUrl, 'drop-db', 1);
    expect(record).toMatchObject({ result: 'pass', environment: 'production' });
    expect(record!.restoreMs).toBeGreaterThan(0);
    expect(Number(record!.values['users'])).toBeGreaterThan(0);
    // The post step found nothing left to delete.
    expect(run.post?.stdout ?? '').not.toMatch(/Deleted drill instance/);
  });

  it('a cancelled run (SIGINT while the drill instance is being created): the post step deletes it', async () => {
    const run = await monthly({
      // once RDS accepted the restore and the wait for the instance is under way
      cancelOn: /Waiting up to \S+ for drill instance \S+ to be available/,
    });
    expect(run.signal ?? run.exitCode).not.toBe(0);
    expect(run.post, 'action.yml declares a post step').toBeDefined();
    expect(run.post!.stdout).toMatch(/Deleted drill instance\(s\) drop-db-drill-\d{8}/);
    expect(await instanceIds()).toEqual(['drop-db']);
    expect(
      s
        .calls({ service: 'rds', operation: 'DeleteDBInstance' })
        .map((c) => (c.params as Record<string, unknown>)['DBInstanceIdentifier']),
    ).toEqual([expect.stringMatching(/^drop-db-drill-\d{8}$/)]);
  });

  it('deletes a leftover of a lost runner first, and never an instance that only looks like a drill', async () => {
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
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db-drill-20260901',
        DBSnapshotIdentifier: automated.id,
      }),
    );
    const run = await monthly();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.summary).toMatch(
      /first deleted leftover drill instance\(s\) drop-db-drill-20261001/,
    );
    expect(await instanceIds()).toEqual(['drop-db', 'drop-db-drill-20260901']);
    await rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: 'drop-db-drill-20260901',
        SkipFinalSnapshot: true,
      }),
    );
    await waitFor('the look-alike to go', async () =>
      (await instanceIds()).length === 1 ? true : undefined,
    );
  });

  it("logs in with a fresh master password of its own when the source's changed since the snapshot, and never prints it", async () => {
    const before = s.database('drop-db').masterPassword;
    await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'drop-db',
        MasterUserPassword: 'rotated-after-the-snapshot-1',
        ApplyImmediately: true,
      }),
    );
    await waitFor('the new source password to apply', async () => {
      const out = await rds.send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' }),
      );
      const pending = out.DBInstances?.[0]?.PendingModifiedValues?.MasterUserPassword;
      return !pending && s.database('drop-db').masterPassword === 'rotated-after-the-snapshot-1'
        ? true
        : undefined;
    });
    s.clearCalls();
    const run = await monthly();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.summary).toMatch(/verified users = [1-9]\d*/);
    const modified = s.calls({ service: 'rds', operation: 'ModifyDBInstance' });
    expect(
      modified.map((c) => (c.params as Record<string, unknown>)['DBInstanceIdentifier']),
    ).toEqual([expect.stringMatching(/^drop-db-drill-\d{8}$/)]);
    const fresh = String((modified[0]!.params as Record<string, unknown>)['MasterUserPassword']);
    expect(fresh.length).toBeGreaterThanOrEqual(24);
    for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)])
      expect(text).not.toContain(fresh);
    expect(await instanceIds()).toEqual(['drop-db']);
    // The source still has its own (rotated) password: the drill never touched it.
    expect(s.database('drop-db').masterPassword).toBe('rotated-after-the-snapshot-1');
    expect(before).not.toBe('rotated-after-the-snapshot-1');
  });

  it("leaves alone an instance that is not a drill but holds today's drill name, and never suggests deleting it", async () => {
    const today = `drop-db-drill-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`;
    const automated = s.snapshots('drop-db').find((x) => x.type === 'automated')!;
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: today,
        DBSnapshotIdentifier: automated.id,
      }),
    );
    const run = await monthly();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(`the drill instance name ${today} is taken by an instance that is not a drill`),
    );
    expect(`${run.stdout}${run.summary}`).not.toMatch(/delete-db-instance/);
    expect(await instanceIds()).toEqual(['drop-db', today]);
    expect(s.calls({ service: 'rds', operation: 'RestoreDBInstanceFromDBSnapshot' })).toHaveLength(
      1,
    );
    await rds.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: today, SkipFinalSnapshot: true }),
    );
    await waitFor("the colleague's instance to go", async () =>
      (await instanceIds()).length === 1 ? true : undefined,
    );
  });
});
