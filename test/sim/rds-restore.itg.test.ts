import {
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { DEFAULT_SECURITY_GROUP } from '../../sim/services/rds-restore-ops.js';
import { sdkError, waitFor } from './helpers.js';

let sim: SimHandle;
let rds: RDSClient;

beforeAll(async () => {
  const fixture = withPostgres(loadFixture());
  fixture.rds.instances[0]!.parameterGroup = 'drop-postgres16';
  fixture.rds.instanceQuota = 3;
  sim = await startSim({ fixture, timeScale: 0.001 });
  rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
});
afterAll(async () => {
  rds.destroy();
  await sim.stop();
});

async function describe1(id: string): Promise<DBInstance | undefined> {
  try {
    const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    return out.DBInstances?.[0];
  } catch (error) {
    if ((error as Error).name === 'DBInstanceNotFoundFault') return undefined;
    throw error;
  }
}

async function query(db: DBInstance, sql: string): Promise<unknown[]> {
  const client = new pg.Client({
    host: db.Endpoint!.Address,
    port: db.Endpoint!.Port,
    database: db.DBName,
    user: db.MasterUsername,
    password: 'sim-master-Passw0rd',
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('RDS restore and delete with real data', () => {
  it('restores a snapshot’s data on its own endpoint, with the settings passed, and deletes it', async () => {
    const source = (await describe1('drop-db'))!;
    // Data written after the snapshot must not be in the restore.
    const snap = await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db',
        DBSnapshotIdentifier: 'before-extra-user',
      }),
    );
    expect(snap.DBSnapshot?.Status).toBe('creating');
    await query(source, "INSERT INTO users (email) VALUES ('late@example.com')");
    await waitFor('snapshot available', () =>
      sim
        .snapshots('drop-db')
        .find((s) => s.id === 'before-extra-user' && s.status === 'available'),
    );
    const out = await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'Drop-DB-drill-20261122',
        DBSnapshotIdentifier: 'before-extra-user',
        DBSubnetGroupName: 'drop-db-subnets',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
        DBParameterGroupName: 'drop-postgres16',
        PubliclyAccessible: false,
        DBInstanceClass: 'db.t4g.micro',
        Tags: [{ Key: 'apprunner-ops:drill', Value: 'true' }],
      }),
    );
    const id = 'drop-db-drill-20261122';
    expect(out.DBInstance).toMatchObject({
      DBInstanceIdentifier: id,
      DBInstanceStatus: 'creating',
      DBInstanceClass: 'db.t4g.micro',
      PubliclyAccessible: false,
      DeletionProtection: false,
      DBSubnetGroup: { DBSubnetGroupName: 'drop-db-subnets' },
      VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0a1b2c3d4e5f60718', Status: 'active' }],
      DBParameterGroups: [expect.objectContaining({ DBParameterGroupName: 'drop-postgres16' })],
      TagList: [{ Key: 'apprunner-ops:drill', Value: 'true' }],
    });
    const restored = await waitFor('restore available', async () => {
      const d = await describe1(id);
      return d?.DBInstanceStatus === 'available' ? d : undefined;
    });
    expect(restored.Endpoint!.Port).not.toBe(source.Endpoint!.Port);
    expect(restored.DBName).toBe(source.DBName);
    expect(await query(restored, 'SELECT COUNT(*)::int AS n FROM users')).toEqual([{ n: 3 }]);
    expect(await query(source, 'SELECT COUNT(*)::int AS n FROM users')).toEqual([{ n: 4 }]);

    // AWS insists on a decision about the final snapshot.
    expect(
      await sdkError(rds.send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: id }))),
    ).toMatchObject({
      name: 'InvalidParameterCombination',
    });
    const del = await rds.send(
      new DeleteDBInstanceCommand({ DBInstanceIdentifier: id, SkipFinalSnapshot: true }),
    );
    expect(del.DBInstance?.DBInstanceStatus).toBe('deleting');
    await expect(query(restored, 'SELECT 1')).rejects.toThrow();
    await waitFor('restore gone', async () => (await describe1(id)) === undefined);
  });

  it('restores into the default security and parameter groups, public, when not told otherwise', async () => {
    const automated = sim.snapshots('drop-db').find((s) => s.type === 'automated')!;
    const out = await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'careless-restore',
        DBSnapshotIdentifier: automated.id,
      }),
    );
    expect(out.DBInstance).toMatchObject({
      PubliclyAccessible: true,
      DBInstanceClass: 'db.t4g.small',
      DBSubnetGroup: { DBSubnetGroupName: 'default' },
      VpcSecurityGroups: [{ VpcSecurityGroupId: DEFAULT_SECURITY_GROUP, Status: 'active' }],
      DBParameterGroups: [expect.objectContaining({ DBParameterGroupName: 'default.postgres16' })],
    });
    await rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: 'careless-restore',
        SkipFinalSnapshot: true,
      }),
    );
  });

  it('a restore keeps the master password of its snapshot; changing it changes only the restore', async () => {
    const canLogin = async (db: DBInstance, password: string): Promise<boolean> => {
      const client = new pg.Client({
        host: db.Endpoint!.Address,
        port: db.Endpoint!.Port,
        database: db.DBName,
        user: db.MasterUsername,
        password,
        connectionTimeoutMillis: 5_000,
      });
      try {
        await client.connect();
        await client.query('SELECT count(*) FROM users');
        return true;
      } catch {
        return false;
      } finally {
        await client.end().catch(() => undefined);
      }
    };
    const setPassword = async (id: string, password: string): Promise<DBInstance> => {
      await rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: id,
          MasterUserPassword: password,
          ApplyImmediately: true,
        }),
      );
      return waitFor(`${id}'s new password`, async () => {
        const now = await describe1(id);
        return now?.DBInstanceStatus === 'available' &&
          !now.PendingModifiedValues?.MasterUserPassword
          ? now
          : undefined;
      });
    };
    const before = sim.database('drop-db').masterPassword;
    await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db',
        DBSnapshotIdentifier: 'before-rotation',
      }),
    );
    await waitFor('snapshot available', () =>
      sim.snapshots('drop-db').find((s) => s.id === 'before-rotation' && s.status === 'available'),
    );
    const source = await setPassword('drop-db', 'rotated-since-the-snapshot');
    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db-old-creds',
        DBSnapshotIdentifier: 'before-rotation',
        DBSubnetGroupName: 'drop-db-subnets',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
        DBParameterGroupName: 'drop-postgres16',
      }),
    );
    const restored = await waitFor('restore available', async () => {
      const now = await describe1('drop-db-old-creds');
      return now?.DBInstanceStatus === 'available' ? now : undefined;
    });
    expect(await canLogin(restored, before)).toBe(true);
    expect(await canLogin(restored, 'rotated-since-the-snapshot')).toBe(false);
    await setPassword('drop-db-old-creds', 'the-drills-own-password');
    expect(await canLogin(restored, 'the-drills-own-password')).toBe(true);
    expect(await canLogin(restored, before)).toBe(false);
    expect(await canLogin(source, 'rotated-since-the-snapshot')).toBe(true);
    expect(await canLogin(source, 'the-drills-own-password')).toBe(false);
    // Put the source back for the other tests.
    await setPassword('drop-db', before);
    await rds.send(
      new DeleteDBInstanceCommand({
        DBInstanceIdentifier: 'drop-db-old-creds',
        SkipFinalSnapshot: true,
      }),
    );
    await waitFor('restore gone', async () =>
      (await describe1('drop-db-old-creds')) ? undefined : true,
    );
  });

  it('refuses what RDS refuses: protected source, unknown groups, quota', async () => {
    expect(
      await sdkError(
        rds.send(
          new DeleteDBInstanceCommand({ DBInstanceIdentifier: 'drop-db', SkipFinalSnapshot: true }),
        ),
      ),
    ).toMatchObject({
      name: 'InvalidParameterCombination',
      message: expect.stringMatching(/deletion protection/),
    });
    const automated = sim.snapshots('drop-db').find((s) => s.type === 'automated')!;
    expect(
      await sdkError(
        rds.send(
          new RestoreDBInstanceFromDBSnapshotCommand({
            DBInstanceIdentifier: 'x-drill',
            DBSnapshotIdentifier: automated.id,
            DBSubnetGroupName: 'nope',
          }),
        ),
      ),
    ).toMatchObject({ name: 'DBSubnetGroupNotFoundFault', status: 404 });
    // Quota 3: restores fill what is free (earlier tests' instances may still be deleting),
    // and the first one past the quota is refused; the account never holds more than 3.
    let refused: unknown;
    for (const id of ['q-1', 'q-2', 'q-3', 'q-4']) {
      const attempt = rds.send(
        new RestoreDBInstanceFromDBSnapshotCommand({
          DBInstanceIdentifier: id,
          DBSnapshotIdentifier: automated.id,
        }),
      );
      refused = await attempt.then(
        () => undefined,
        (error: unknown) => error,
      );
      if (refused) break;
    }
    expect(refused).toMatchObject({ name: 'InstanceQuotaExceededFault' });
    const { DBInstances = [] } = await rds.send(new DescribeDBInstancesCommand({}));
    expect(DBInstances.length).toBeLessThanOrEqual(3);
    expect(
      sim
        .mutatingCalls({ service: 'rds' })
        .filter(
          (c) =>
            c.operation === 'DeleteDBInstance' &&
            !c.error &&
            JSON.stringify(c.params).includes('"drop-db"'),
        ),
    ).toEqual([]);
  });
});
