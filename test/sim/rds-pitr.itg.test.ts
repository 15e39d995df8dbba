/**
 * RestoreDBInstanceToPointInTime over a real PostgreSQL: the restored data is the source's as it
 * was at the time asked for, and endpoints follow instance names through a rename swap.
 */
import {
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  RestoreDBInstanceToPointInTimeCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { sdkError, waitFor } from './helpers.js';

let sim: SimHandle;
let rds: RDSClient;
const PASSWORD = 'sim-master-Passw0rd';
const MINUTE = 60_000;

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

async function describe1(id: string): Promise<DBInstance> {
  const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
  return out.DBInstances![0]!;
}

async function query(db: DBInstance, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({
    host: db.Endpoint!.Address,
    port: db.Endpoint!.Port,
    database: db.DBName,
    user: db.MasterUsername,
    password: PASSWORD,
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const emails = async (db: DBInstance): Promise<string[]> =>
  (await query(db, 'SELECT email FROM users ORDER BY email')).map((r) => String(r['email']));

async function available(id: string): Promise<DBInstance> {
  return waitFor(`${id} available`, async () => {
    sim.advance(MINUTE);
    const db = await describe1(id);
    return db.DBInstanceStatus === 'available' ? db : undefined;
  });
}

describe('RDS point-in-time restore with real data', () => {
  it('restores the rows written before the time and none written after it', async () => {
    const source = await describe1('drop-db');
    await query(source, "INSERT INTO users (email) VALUES ('t1@example.com')");
    await query(
      source,
      "UPDATE users SET email = 'ada-renamed@example.com' WHERE email = 'ada@example.com'",
    );
    const t1 = await simNow();
    sim.advance(2 * MINUTE);
    // The bad writes at T2: a DELETE, an UPDATE, an INSERT, a TRUNCATE of another table.
    await query(source, "DELETE FROM users WHERE email IN ('t1@example.com', 'grace@example.com')");
    await query(
      source,
      "UPDATE users SET email = 'linus-bad@example.com' WHERE email = 'linus@example.com'",
    );
    await query(source, "INSERT INTO users (email) VALUES ('t2@example.com')");
    await query(source, 'TRUNCATE transactions');
    // A table created after history began is covered too.
    await query(source, 'CREATE TABLE notes (id int primary key, body text)');
    sim.advance(10 * MINUTE);

    const before = await emails(source);
    expect(before).toEqual(['ada-renamed@example.com', 'linus-bad@example.com', 't2@example.com']);
    const out = await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'drop-db',
        TargetDBInstanceIdentifier: 'drop-db-pitr',
        RestoreTime: new Date(t1 + 30_000),
        DBSubnetGroupName: 'drop-db-subnets',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
        PubliclyAccessible: false,
        Tags: [{ Key: 'managed-by', Value: 'apprunner-ops' }],
      }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe('creating');
    const restored = await available('drop-db-pitr');
    expect(restored.Endpoint!.Port).not.toBe(source.Endpoint!.Port);
    expect(await emails(restored)).toEqual([
      'ada-renamed@example.com',
      'grace@example.com',
      'linus@example.com',
      't1@example.com',
    ]);
    expect(await query(restored, 'SELECT count(*)::int AS n FROM transactions')).toEqual([
      { n: 2 },
    ]);
    // The current instance is untouched.
    expect(await emails(source)).toEqual(before);
    // The history itself is not the customer's to read.
    const hidden = await sdkErrorOf(() => query(source, 'SELECT count(*) FROM rds_sim.changes'));
    expect(hidden).toMatch(/permission denied/);
  });

  it('refuses a time outside the window, both time inputs, and a taken name, creating nothing', async () => {
    const count = (await rds.send(new DescribeDBInstancesCommand({}))).DBInstances!.length;
    const base = {
      SourceDBInstanceIdentifier: 'drop-db',
      TargetDBInstanceIdentifier: 'drop-db-bad',
    };
    const now = await simNow();
    const future = await sdkError(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({ ...base, RestoreTime: new Date(now + MINUTE) }),
      ),
    );
    expect(future.name).toBe('InvalidRestoreFault');
    const tooOld = await sdkError(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          ...base,
          RestoreTime: new Date(now - 8 * 86_400_000),
        }),
      ),
    );
    expect(tooOld.name).toBe('InvalidRestoreFault');
    const both = await sdkError(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          ...base,
          RestoreTime: new Date(now - 10 * MINUTE),
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(both.name).toBe('InvalidParameterCombination');
    const taken = await sdkError(
      rds.send(
        new RestoreDBInstanceToPointInTimeCommand({
          ...base,
          TargetDBInstanceIdentifier: 'drop-db',
          UseLatestRestorableTime: true,
        }),
      ),
    );
    expect(taken.name).toBe('DBInstanceAlreadyExistsFault');
    expect((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances!.length).toBe(count);
  });

  it('swaps names by two renames, the original endpoint then reaching the restored data', async () => {
    const original = await describe1('drop-db');
    const currentRows = await emails(original);
    await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'drop-db',
        NewDBInstanceIdentifier: 'drop-db-replaced-1',
        ApplyImmediately: true,
      }),
    );
    expect((await describe1('drop-db')).DBInstanceStatus).toBe('renaming');
    const replaced = await available('drop-db-replaced-1');
    // Nobody has the name: its endpoint refuses connections.
    await expect(query(original, 'SELECT 1')).rejects.toThrow();
    await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'drop-db-pitr',
        NewDBInstanceIdentifier: 'drop-db',
        ApplyImmediately: true,
      }),
    );
    const swapped = await available('drop-db');
    expect(swapped.Endpoint).toEqual(original.Endpoint);
    // The same connection settings as before now read the restored data.
    expect(await emails(original)).toContain('grace@example.com');
    expect(await emails(replaced)).toEqual(currentRows);
  });
});

/** The sim's time, read as RDS shows it: LatestRestorableTime trails it by five minutes. */
async function simNow(): Promise<number> {
  return (await describe1('drop-db')).LatestRestorableTime!.getTime() + 5 * MINUTE;
}

async function sdkErrorOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}
