/**
 * A restored RDS instance keeps the login roles and passwords of its snapshot, or of its point
 * in time, as RDS does: a password changed on the source since does not open the restore, the
 * old one does, a role created since does not exist there, and a change on the restore leaves
 * the source alone.
 */
import {
  CreateDBSnapshotCommand,
  DeleteDBInstanceCommand,
  DescribeDBInstancesCommand,
  RDSClient,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { waitFor } from './helpers.js';

let sim: SimHandle;
let rds: RDSClient;
const MASTER_PASSWORD = 'sim-master-Passw0rd';
const MINUTE = 60_000;
const NETWORK = {
  DBSubnetGroupName: 'drop-db-subnets',
  VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
};

beforeAll(async () => {
  const fixture = withPostgres(loadFixture());
  fixture.rds.instanceQuota = 5;
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

// Copying a database (and undoing its later history) takes real seconds on a loaded machine.
const COPY_WAIT = { timeoutMs: 60_000 };

async function available(id: string): Promise<DBInstance> {
  return waitFor(
    `${id} available`,
    async () => {
      sim.advance(MINUTE);
      const db = await describe1(id);
      return db?.DBInstanceStatus === 'available' ? db : undefined;
    },
    COPY_WAIT,
  );
}

/** Runs `sql` on `db` as `user`; the rows, or the error's message. */
async function as(
  db: DBInstance,
  user: string,
  password: string,
  sql = 'SELECT count(*)::int AS n FROM users',
): Promise<unknown> {
  const client = new pg.Client({
    host: db.Endpoint!.Address,
    port: db.Endpoint!.Port,
    database: db.DBName,
    user,
    password,
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
    // Several statements answer with one result each: the last one's rows.
    const result = (await client.query(sql)) as pg.QueryResult | pg.QueryResult[];
    return (Array.isArray(result) ? result.at(-1)! : result).rows;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const master = (db: DBInstance, sql: string): Promise<unknown> =>
  as(db, db.MasterUsername!, MASTER_PASSWORD, sql);

async function remove(id: string): Promise<void> {
  await rds.send(
    new DeleteDBInstanceCommand({ DBInstanceIdentifier: id, SkipFinalSnapshot: true }),
  );
  await waitFor(
    `${id} gone`,
    async () => {
      sim.advance(MINUTE);
      return (await describe1(id)) ? undefined : true;
    },
    COPY_WAIT,
  );
}

const THREE_USERS = [{ n: 3 }];

describe('a restore keeps its time’s roles and passwords', () => {
  it('from a snapshot: the old password opens it, the new one and a later role do not', async () => {
    const source = (await describe1('drop-db'))!;
    expect(
      await master(
        source,
        `CREATE ROLE app_reader LOGIN PASSWORD 'reader-before-snapshot'; GRANT SELECT ON users TO app_reader`,
      ),
    ).toEqual([]);
    await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db',
        DBSnapshotIdentifier: 'with-app-reader',
      }),
    );
    await waitFor(
      'snapshot available',
      () => {
        sim.advance(MINUTE);
        return sim
          .snapshots('drop-db')
          .find((s) => s.id === 'with-app-reader' && s.status === 'available');
      },
      COPY_WAIT,
    );
    // After the snapshot: the role's password changes and a new role appears, through SQL.
    await master(
      source,
      `ALTER ROLE app_reader PASSWORD 'reader-after-snapshot'; CREATE ROLE app_late LOGIN PASSWORD 'late-role-pass'; GRANT SELECT ON users TO app_late`,
    );
    expect(await as(source, 'app_reader', 'reader-after-snapshot')).toEqual(THREE_USERS);
    expect(await as(source, 'app_late', 'late-role-pass')).toEqual(THREE_USERS);

    await rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: 'roles-from-snapshot',
        DBSnapshotIdentifier: 'with-app-reader',
        ...NETWORK,
      }),
    );
    const restored = await available('roles-from-snapshot');
    expect(await as(restored, 'app_reader', 'reader-before-snapshot')).toEqual(THREE_USERS);
    expect(await as(restored, 'app_reader', 'reader-after-snapshot')).toMatch(
      /password authentication failed/,
    );
    expect(await as(restored, 'app_late', 'late-role-pass')).toMatch(
      /password authentication failed/,
    );
    // The source is as it was: its own password, not the snapshot's.
    expect(await as(source, 'app_reader', 'reader-after-snapshot')).toEqual(THREE_USERS);
    expect(await as(source, 'app_reader', 'reader-before-snapshot')).toMatch(
      /password authentication failed/,
    );
    await remove('roles-from-snapshot');
  });

  it('to a point in time: the password of that time, whatever changed since', async () => {
    const source = (await describe1('drop-db'))!;
    await master(
      source,
      `CREATE ROLE app_writer LOGIN PASSWORD 'writer-at-t1'; GRANT SELECT ON users TO app_writer`,
    );
    // The sim reads roles on its own (a quarter second), not only at snapshots.
    await waitFor('the sim to have read app_writer', () =>
      sim.database('drop-db').knownRoles().includes('app_writer'),
    );
    const t1 = (await describe1('drop-db'))!.LatestRestorableTime!.getTime() + 5 * MINUTE;
    sim.advance(2 * MINUTE);
    await master(source, `ALTER ROLE app_writer PASSWORD 'writer-at-t2'`);
    sim.advance(10 * MINUTE);
    expect(await as(source, 'app_writer', 'writer-at-t2')).toEqual(THREE_USERS);

    const restoreTo = async (id: string, time: number): Promise<DBInstance> => {
      await rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          SourceDBInstanceIdentifier: 'drop-db',
          TargetDBInstanceIdentifier: id,
          RestoreTime: new Date(time),
          ...NETWORK,
        }),
      );
      return available(id);
    };
    const atT1 = await restoreTo('roles-at-t1', t1 + 30_000);
    expect(await as(atT1, 'app_writer', 'writer-at-t1')).toEqual(THREE_USERS);
    expect(await as(atT1, 'app_writer', 'writer-at-t2')).toMatch(/password authentication failed/);
    const atT2 = await restoreTo('roles-at-t2', t1 + 3 * MINUTE);
    expect(await as(atT2, 'app_writer', 'writer-at-t2')).toEqual(THREE_USERS);
    expect(await as(atT2, 'app_writer', 'writer-at-t1')).toMatch(/password authentication failed/);
    // Before the role existed, it does not exist on the restore.
    const before = await restoreTo('roles-before', t1 - 30 * MINUTE);
    expect(await as(before, 'app_writer', 'writer-at-t1')).toMatch(
      /password authentication failed/,
    );
    // The master user logs in everywhere with its (unchanged) password.
    for (const db of [atT1, atT2, before])
      expect(await master(db, 'SELECT count(*)::int AS n FROM users')).toEqual(THREE_USERS);
    for (const id of ['roles-at-t1', 'roles-at-t2', 'roles-before']) await remove(id);
  });
});
