/**
 * RDS instance states through the real SDK: modifications queued in PendingModifiedValues,
 * ApplyImmediately applying every one of them (a queued class change ends with a reboot, a
 * storage change with storage-optimization), and ModifyDBInstance refused with
 * InvalidDBInstanceState in the states RDS refuses it in, changing nothing. Every answer is
 * checked against RDS's output shapes (sim/models/rds.json) by the sim under vitest.
 */
import {
  CreateDBSnapshotCommand,
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseNotReady, RdsInstance } from '../../core/aws/rds.js';
import type { SecretsStore } from '../../core/aws/secrets-manager.js';
import { RdsMasterPassword } from '../../core/rotation/database.js';
import { RotationRefused, rdsMasterPasswordDriver } from '../../core/rotation/drivers.js';
import type { SecretConfig } from '../../core/rotation/types.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { sdkError } from './helpers.js';

const ID = 'drop-db';
let sim: SimHandle | undefined;
let rds: RDSClient | undefined;

async function start(
  durations: Partial<Record<'masterPassword', string>> = {},
): Promise<{ sim: SimHandle; rds: RDSClient }> {
  const fixture = loadFixture();
  sim = await startSim({
    timeScale: 0.01,
    fixture: { ...fixture, durations: { ...fixture.durations, ...durations } },
  });
  rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
  return { sim, rds };
}
afterEach(async () => {
  rds?.destroy();
  await sim?.stop();
  sim = undefined;
  rds = undefined;
});

async function describeDb(client: RDSClient): Promise<DBInstance> {
  const out = await client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: ID }));
  return out.DBInstances![0]!;
}

/** Moves the sim's clock by `minutes` of modelled time. */
const after = (s: SimHandle, minutes: number): void => s.advance(s.scaled(minutes * 60_000));

describe('ModifyDBInstance and the states it leads to', () => {
  it('queues a class change without ApplyImmediately; a later ApplyImmediately applies it with a reboot', async () => {
    const { sim: s, rds: client } = await start();
    const before = await describeDb(client);
    expect(before.DBInstanceClass).toBe('db.t4g.small');
    const queued = await client.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: ID, DBInstanceClass: 'db.t4g.medium' }),
    );
    expect(queued.DBInstance?.DBInstanceStatus).toBe('available');
    expect(queued.DBInstance?.PendingModifiedValues).toEqual({ DBInstanceClass: 'db.t4g.medium' });
    after(s, 60);
    expect((await describeDb(client)).PendingModifiedValues).toEqual({
      DBInstanceClass: 'db.t4g.medium',
    });

    // A password change with ApplyImmediately: RDS applies every pending modification.
    const now = await client.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: ID,
        MasterUserPassword: 'a-new-Password-1',
        ApplyImmediately: true,
      }),
    );
    expect(now.DBInstance?.DBInstanceStatus).toBe('modifying');
    expect(now.DBInstance?.PendingModifiedValues).toEqual({
      DBInstanceClass: 'db.t4g.medium',
      MasterUserPassword: '****',
    });
    after(s, 10);
    const rebooting = await describeDb(client);
    expect(rebooting.DBInstanceStatus).toBe('rebooting');
    expect(rebooting.DBInstanceClass).toBe('db.t4g.medium');
    after(s, 1);
    const done = await describeDb(client);
    expect(done.DBInstanceStatus).toBe('available');
    expect(done.PendingModifiedValues).toEqual({});
  });

  it('applies a storage change at once with ApplyImmediately: modifying, then storage-optimization for hours', async () => {
    const { sim: s, rds: client } = await start();
    const out = await client.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: ID,
        AllocatedStorage: 40,
        ApplyImmediately: true,
      }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe('modifying');
    expect(out.DBInstance?.PendingModifiedValues).toEqual({ AllocatedStorage: 40 });
    after(s, 10);
    const optimizing = await describeDb(client);
    expect(optimizing.DBInstanceStatus).toBe('storage-optimization');
    expect(optimizing.AllocatedStorage).toBe(40);
    expect(optimizing.PendingModifiedValues).toEqual({});

    // The instance serves: a snapshot and a password change are taken; more storage is not.
    await client.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: ID, DBSnapshotIdentifier: 'during' }),
    );
    const refused = await sdkError(
      client.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: ID,
          AllocatedStorage: 60,
          ApplyImmediately: true,
        }),
      ),
    );
    expect(refused).toMatchObject({ name: 'InvalidParameterCombination' });
    expect(refused.message).toMatch(/previous storage change is being optimized/);
    const password = await client.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: ID, MasterUserPassword: 'pw-Second-22' }),
    );
    expect(password.DBInstance?.DBInstanceStatus).toBe('resetting-master-credentials');
    after(s, 1);
    // The password applied; the storage is still being optimized.
    expect((await describeDb(client)).DBInstanceStatus).toBe('storage-optimization');
    after(s, 6 * 60);
    const done = await describeDb(client);
    expect(done.DBInstanceStatus).toBe('available');
    expect(done.AllocatedStorage).toBe(40);
  });

  it.each([
    ['backing-up', (s: SimHandle) => s.setInstanceStatus(ID, 'backing-up')],
    ['modifying', (s: SimHandle) => s.setInstanceStatus(ID, 'modifying')],
    [
      'resetting-master-credentials',
      (s: SimHandle) => s.setInstanceStatus(ID, 'resetting-master-credentials'),
    ],
    ['rebooting', (s: SimHandle) => s.setInstanceStatus(ID, 'rebooting')],
  ])(
    'refuses every modification while the instance is %s, and changes nothing',
    async (status, put) => {
      const { sim: s, rds: client } = await start();
      put(s);
      for (const change of [
        { MasterUserPassword: 'a-new-Password-1' },
        { DBInstanceClass: 'db.t4g.medium' },
        { AllocatedStorage: 40, ApplyImmediately: true },
      ]) {
        const error = await sdkError(
          client.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: ID, ...change })),
        );
        expect(error).toMatchObject({ name: 'InvalidDBInstanceStateFault' });
        expect(error.message).toBe(
          `Database instance is not in available state (it is ${status}).`,
        );
      }
      const after = await describeDb(client);
      expect(after.DBInstanceStatus).toBe(status);
      expect(after.PendingModifiedValues).toEqual({});
      expect(after.DBInstanceClass).toBe('db.t4g.small');
    },
  );

  it('refuses while a snapshot keeps a single-AZ instance backing-up, and takes the change once it is available', async () => {
    const { sim: s, rds: client } = await start();
    await client.send(
      new CreateDBSnapshotCommand({ DBInstanceIdentifier: ID, DBSnapshotIdentifier: 'pre' }),
    );
    expect((await describeDb(client)).DBInstanceStatus).toBe('backing-up');
    const error = await sdkError(
      client.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: ID,
          MasterUserPassword: 'pw-Third-333',
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'InvalidDBInstanceStateFault' });
    after(s, 1);
    expect((await describeDb(client)).DBInstanceStatus).toBe('available');
    const out = await client.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: ID, MasterUserPassword: 'pw-Third-333' }),
    );
    expect(out.DBInstance?.DBInstanceStatus).toBe('resetting-master-credentials');
  });

  it('refuses a smaller storage and an unknown class before anything changes', async () => {
    const { rds: client } = await start();
    const smaller = await sdkError(
      client.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: ID, AllocatedStorage: 10 })),
    );
    expect(smaller).toMatchObject({ name: 'InvalidParameterValue' });
    const unknown = await sdkError(
      client.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: ID,
          DBInstanceClass: 'large',
          MasterUserPassword: 'a-new-Password-1',
        }),
      ),
    );
    expect(unknown).toMatchObject({ name: 'InvalidParameterCombination' });
    const db = await describeDb(client);
    expect(db.DBInstanceStatus).toBe('available');
    expect(db.PendingModifiedValues).toEqual({});
  });
});

// The suite's RDS steps against each state, through the same SDK client and the sim: the
// snapshot before a deploy, and the rotation's master-password change (its preflight, the
// change and the wait for it). The drill restores a new instance and waits for it to be
// available itself (test/checks/snapshot-restore.itg.test.ts).
describe("the suite's RDS steps in each state", () => {
  const deps = () => ({ clock: systemClock, logger: recordingLogger() });
  const STATES = [
    'available',
    'storage-optimization',
    'backing-up',
    'modifying',
    'rebooting',
    'resetting-master-credentials',
  ] as const;

  it.each(STATES)('the snapshot before a deploy, on an instance that is %s', async (status) => {
    const { sim: s, rds: client } = await start();
    s.setInstanceStatus(ID, status);
    const instance = new RdsInstance(client, ID, deps());
    if (status === 'available' || status === 'storage-optimization') {
      await instance.assertAvailable();
      // And RDS takes the snapshot in that state.
      expect(await instance.createSnapshot('pre-deploy')).toBe('pre-deploy');
      return;
    }
    const error = await instance.assertAvailable().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseNotReady);
    expect((error as Error).message).toBe(
      `RDS instance ${ID} is "${status}", and a snapshot needs it "available" (or "storage-optimization"); wait for it to finish, or run with snapshot: false if you accept deploying without one`,
    );
    // What RDS would have answered had the step gone on.
    const refused = await sdkError(
      client.send(
        new CreateDBSnapshotCommand({ DBInstanceIdentifier: ID, DBSnapshotIdentifier: 'x' }),
      ),
    );
    expect(refused.name).toBe('InvalidDBInstanceStateFault');
  });

  const secret = { name: 'DATABASE_URL', kind: 'rds-master-password' } as SecretConfig;
  const driverFor = (client: RDSClient) =>
    rdsMasterPasswordDriver(secret, {
      secrets: {} as SecretsStore,
      rds: new RdsMasterPassword(client, ID, deps()),
      ...deps(),
      loginTimeoutMs: 1_000,
      passwordTimeoutMs: 10_000,
      pollIntervalMs: 20,
    });
  // The fixture's instance is not backed by PostgreSQL: a preflight that passes the state
  // check goes on to log in as the master user with the current URL, which fails on this
  // unused port.
  const current = async (client: RDSClient): Promise<string> =>
    `postgres://${(await describeDb(client)).MasterUsername}:old-Password-1@127.0.0.1:9/drop`;

  it.each(STATES)("the rotation's preflight, on an instance that is %s", async (status) => {
    const { sim: s, rds: client } = await start();
    s.setInstanceStatus(ID, status);
    const error = await driverFor(client)
      .preflight(await current(client), false)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(RotationRefused);
    if (status === 'available' || status === 'storage-optimization')
      expect((error as Error).message).toMatch(/the current DATABASE_URL does not log in/);
    else
      expect((error as Error).message).toBe(
        `DATABASE_URL: RDS instance ${ID} is ${status}; RDS changes the master password only when the instance is available (or storage-optimization) — run again once it is (aws rds describe-db-instances --db-instance-identifier ${ID})`,
      );
  });

  it("the rotation's password change leaves a queued class change queued: no reboot", async () => {
    const { sim: s, rds: client } = await start();
    await client.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: ID, DBInstanceClass: 'db.t4g.medium' }),
    );
    const password = new RdsMasterPassword(client, ID, deps());
    await password.set('a-new-Password-1', async () => false);
    const during = await describeDb(client);
    expect(during.DBInstanceStatus).toBe('resetting-master-credentials');
    expect(during.PendingModifiedValues).toEqual({
      DBInstanceClass: 'db.t4g.medium',
      MasterUserPassword: '****',
    });
    after(s, 1);
    await password.waitApplied(10_000, 20);
    const done = await describeDb(client);
    expect(done.DBInstanceStatus).toBe('available');
    expect(done.DBInstanceClass).toBe('db.t4g.small');
    expect(done.PendingModifiedValues).toEqual({ DBInstanceClass: 'db.t4g.medium' });
  });

  it("the rotation's password change during storage-optimization: applied, and the wait ends while the storage is still optimized", async () => {
    const { sim: s, rds: client } = await start();
    await client.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: ID,
        AllocatedStorage: 40,
        ApplyImmediately: true,
      }),
    );
    after(s, 10);
    expect((await describeDb(client)).DBInstanceStatus).toBe('storage-optimization');
    const password = new RdsMasterPassword(client, ID, deps());
    await password.set('a-new-Password-1', async () => false);
    after(s, 1);
    await password.waitApplied(10_000, 20);
    const done = await describeDb(client);
    expect(done.DBInstanceStatus).toBe('storage-optimization');
    expect(done.PendingModifiedValues).toEqual({});
  });

  it("the rotation's wait for the password has a deadline and says what it waited for", async () => {
    // RDS takes 6 h of modelled time to apply it: 216 s at this time scale, longer than the
    // test may run, so no poll of the 300 ms wait can see it applied however late it comes
    // (with the default 30 s, RDS applied it 300 ms after the change: at the wait's deadline).
    const { rds: client } = await start({ masterPassword: '6h' });
    const password = new RdsMasterPassword(client, ID, deps());
    await password.set('a-new-Password-1', async () => false);
    // The sim's clock is not moved: RDS never applies it within the deadline.
    await expect(password.waitApplied(300, 20)).rejects.toThrow(
      /gave up after 300ms waiting for RDS instance drop-db to apply the new master password; last seen: resetting-master-credentials, password pending/,
    );
    const after = await describeDb(client);
    expect(after.DBInstanceStatus).toBe('resetting-master-credentials');
    expect(after.PendingModifiedValues).toEqual({ MasterUserPassword: '****' });
  });
});
