import {
  CreateDBSnapshotCommand,
  DeleteDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
  type DBSnapshot,
} from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { sdkError, waitFor } from './helpers.js';

let sim: SimHandle;
let rds: RDSClient;

beforeEach(async () => {
  // 0.002: a 4-minute snapshot takes ~0.5 s.
  sim = await startSim({ timeScale: 0.002 });
  rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
});
afterEach(async () => {
  rds.destroy();
  await sim.stop();
});

async function snapshot(id: string): Promise<DBSnapshot> {
  const out = await rds.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id }));
  return out.DBSnapshots![0]!;
}

describe('RDS stand-in (awsQuery) through @aws-sdk/client-rds', () => {
  it('describes the instance with nested elements and lists parsed', async () => {
    const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' }));
    const db = out.DBInstances?.[0];
    expect(out.DBInstances).toHaveLength(1);
    expect(db?.DBInstanceIdentifier).toBe('drop-db');
    expect(db?.DBInstanceStatus).toBe('available');
    expect(db?.Engine).toBe('postgres');
    expect(db?.EngineVersion).toBe('16.4');
    expect(db?.DBInstanceClass).toBe('db.t4g.small');
    expect(db?.Endpoint?.Address).toMatch(/^drop-db\.c[0-9a-f]+\.eu-west-1\.rds\.amazonaws\.com$/);
    expect(db?.Endpoint?.Port).toBe(5432);
    expect(db?.PubliclyAccessible).toBe(false);
    expect(db?.MultiAZ).toBe(false);
    expect(db?.StorageEncrypted).toBe(true);
    expect(db?.BackupRetentionPeriod).toBe(7);
    expect(db?.VpcSecurityGroups).toEqual([
      { VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', Status: 'active' },
    ]);
    expect(db?.DBParameterGroups?.[0]?.DBParameterGroupName).toBe('default.postgres16');
    expect(db?.InstanceCreateTime).toBeInstanceOf(Date);
    expect(db?.DBInstanceArn).toBe('arn:aws:rds:eu-west-1:123456789012:db:drop-db');
    expect(db?.DBSubnetGroup?.VpcId).toMatch(/^vpc-/);

    const missing = await sdkError(
      rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' })),
    );
    expect(missing).toMatchObject({ name: 'DBInstanceNotFoundFault', status: 404 });
  });

  it('lists automated snapshots with ISO timestamps parsed, and pages with Marker', async () => {
    const first = await rds.send(
      new DescribeDBSnapshotsCommand({
        DBInstanceIdentifier: 'drop-db',
        SnapshotType: 'automated',
        MaxRecords: 20,
      }),
    );
    expect(first.DBSnapshots).toHaveLength(7);
    expect(first.Marker).toBeUndefined();
    const newest = first
      .DBSnapshots!.map((s) => s.SnapshotCreateTime!.getTime())
      .sort((a, b) => b - a)[0]!;
    // The fixture's newest automated snapshot is 5 hours old.
    expect(Date.now() - newest).toBeGreaterThan(5 * 3_600_000 - 60_000);
    expect(Date.now() - newest).toBeLessThan(5 * 3_600_000 + 60_000);
    expect(
      first.DBSnapshots?.every((s) => s.SnapshotType === 'automated' && s.Status === 'available'),
    ).toBe(true);
    expect(first.DBSnapshots?.[0]?.DBSnapshotIdentifier).toMatch(
      /^rds:drop-db-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/,
    );
    expect(first.DBSnapshots?.[0]?.PercentProgress).toBe(100);

    const manual = await rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'drop-db', SnapshotType: 'manual' }),
    );
    expect(manual.DBSnapshots?.map((s) => s.DBSnapshotIdentifier)).toEqual([
      'pre-deploy-v1-4-1',
      'pre-deploy-v1-4-2',
    ]);

    // Marker pagination: create enough snapshots to need two pages of 20.
    for (let i = 0; i < 15; i++) {
      sim.setInstanceStatus('drop-db', 'available');
      await rds.send(
        new CreateDBSnapshotCommand({
          DBInstanceIdentifier: 'drop-db',
          DBSnapshotIdentifier: `bulk-${i}`,
        }),
      );
    }
    const ids: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await rds.send(
        new DescribeDBSnapshotsCommand({
          DBInstanceIdentifier: 'drop-db',
          MaxRecords: 20,
          Marker: marker,
        }),
      );
      ids.push(...page.DBSnapshots!.map((s) => s.DBSnapshotIdentifier!));
      marker = page.Marker;
      pages++;
    } while (marker);
    expect(pages).toBe(2);
    expect(new Set(ids).size).toBe(24);

    const tooSmall = await sdkError(rds.send(new DescribeDBSnapshotsCommand({ MaxRecords: 5 })));
    expect(tooSmall.name).toBe('InvalidParameterValue');
  });

  it('creates a snapshot: creating with rising progress and no SnapshotCreateTime, then available', async () => {
    const created = await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db',
        DBSnapshotIdentifier: 'pre-deploy-v1-5-0',
        Tags: [{ Key: 'apprunner-ops', Value: 'pre-deploy' }],
      }),
    );
    expect(created.DBSnapshot?.Status).toBe('creating');
    expect(created.DBSnapshot?.SnapshotType).toBe('manual');
    expect(created.DBSnapshot?.SnapshotCreateTime).toBeUndefined();
    expect(created.DBSnapshot?.TagList).toEqual([{ Key: 'apprunner-ops', Value: 'pre-deploy' }]);
    const db = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' }));
    expect(db.DBInstances?.[0]?.DBInstanceStatus).toBe('backing-up');

    const progress: number[] = [];
    const done = await waitFor('the snapshot to be available', async () => {
      const s = await snapshot('pre-deploy-v1-5-0');
      progress.push(s.PercentProgress!);
      return s.Status === 'available' ? s : undefined;
    });
    expect(done.PercentProgress).toBe(100);
    expect(done.SnapshotCreateTime).toBeInstanceOf(Date);
    expect(progress.some((p) => p > 0 && p < 100)).toBe(true);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(
      sim.snapshots('drop-db').find((s) => s.id === 'pre-deploy-v1-5-0')?.percentProgress,
    ).toBe(100);
    const after = await rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' }),
    );
    expect(after.DBInstances?.[0]?.DBInstanceStatus).toBe('available');
  });

  it('answers the real faults of CreateDBSnapshot', async () => {
    const create = (id: string, instance = 'drop-db') =>
      sdkError(
        rds.send(
          new CreateDBSnapshotCommand({ DBInstanceIdentifier: instance, DBSnapshotIdentifier: id }),
        ),
      );
    expect(await create('pre-deploy-v1-4-2')).toMatchObject({
      name: 'DBSnapshotAlreadyExistsFault',
      status: 400,
    });
    expect(await create('x', 'nope')).toMatchObject({
      name: 'DBInstanceNotFoundFault',
      status: 404,
    });
    for (const bad of [
      '1starts-with-digit',
      'double--hyphen',
      'trailing-',
      'has_underscore',
      'a'.repeat(256),
    ])
      expect((await create(bad)).name, bad).toBe('InvalidParameterValue');
    sim.setInstanceStatus('drop-db', 'modifying');
    const state = await create('pre-deploy-x');
    expect(state).toMatchObject({ name: 'InvalidDBInstanceStateFault', status: 400 });
    expect(state.message).toMatch(/not currently in the available or storage-optimization state/);
  });

  it('refuses past the manual snapshot quota', async () => {
    const small = await startSim({
      fixture: {
        rds: {
          manualSnapshotQuota: 2,
          instances: [
            {
              id: 'db',
              multiAz: true,
              manualSnapshots: [
                { id: 'one', ago: '1d' },
                { id: 'two', ago: '1h' },
              ],
            },
          ],
        },
      },
    });
    try {
      const client = new RDSClient(small.clientConfig({ maxAttempts: 1 }));
      const error = await sdkError(
        client.send(
          new CreateDBSnapshotCommand({
            DBInstanceIdentifier: 'db',
            DBSnapshotIdentifier: 'three',
          }),
        ),
      );
      expect(error).toMatchObject({ name: 'SnapshotQuotaExceededFault', status: 400 });
      await client.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 'one' }));
      const ok = await client.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: 'db', DBSnapshotIdentifier: 'three' }),
      );
      expect(ok.DBSnapshot?.DBSnapshotIdentifier).toBe('three');
      client.destroy();
    } finally {
      await small.stop();
    }
  });

  it('deletes manual snapshots only', async () => {
    const out = await rds.send(
      new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 'pre-deploy-v1-4-1' }),
    );
    expect(out.DBSnapshot?.Status).toBe('deleted');
    expect(out.DBSnapshot?.DBSnapshotIdentifier).toBe('pre-deploy-v1-4-1');
    expect(await sdkError(snapshot('pre-deploy-v1-4-1'))).toMatchObject({
      name: 'DBSnapshotNotFoundFault',
      status: 404,
    });
    expect(
      await sdkError(
        rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: 'pre-deploy-v1-4-1' })),
      ),
    ).toMatchObject({
      name: 'DBSnapshotNotFoundFault',
    });
    const automated = sim.snapshots('drop-db').find((s) => s.type === 'automated')!;
    expect(
      await sdkError(rds.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: automated.id }))),
    ).toMatchObject({
      name: 'InvalidDBSnapshotStateFault',
      status: 400,
    });
    expect(sim.mutatingCalls({ service: 'rds' }).map((c) => c.operation)).toEqual([
      'DeleteDBSnapshot',
      'DeleteDBSnapshot',
      'DeleteDBSnapshot',
    ]);
  });
});

describe('STS stand-in', () => {
  it('answers GetCallerIdentity with the fixture account', async () => {
    const sts = new STSClient(sim.clientConfig({ maxAttempts: 1 }));
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('123456789012');
    expect(out.Arn).toMatch(/^arn:aws:sts::123456789012:assumed-role\//);
    expect(out.UserId).toMatch(/^AROA/);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    sts.destroy();
  });
});
