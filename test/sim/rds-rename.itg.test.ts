/** RDS renames an instance (ModifyDBInstance NewDBInstanceIdentifier) as AWS does. */
import {
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
  type DBInstance,
} from '@aws-sdk/client-rds';
import { expect, it } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { sdkError, waitFor } from './helpers.js';

async function world(
  onTestFinished: (fn: () => Promise<void>) => void,
): Promise<{ sim: SimHandle; rds: RDSClient }> {
  const fixture = loadFixture();
  fixture.rds.instances.push({ ...structuredClone(fixture.rds.instances[0]!), id: 'drop-db-old' });
  const sim = await startSim({ fixture, timeScale: 0.005 });
  const rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
  onTestFinished(async () => {
    rds.destroy();
    await sim.stop();
  });
  return { sim, rds };
}

const describe = async (rds: RDSClient, id: string): Promise<DBInstance> =>
  (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances![0]!;

it('renames an instance: renaming meanwhile, then only the new name, its endpoint following it', async ({
  onTestFinished,
}) => {
  const { rds } = await world(onTestFinished);
  const before = await describe(rds, 'drop-db');
  expect(before.Endpoint?.Address).toMatch(
    /^drop-db\.c[0-9a-f]{11}\.eu-west-1\.rds\.amazonaws\.com$/,
  );
  const out = await rds.send(
    new ModifyDBInstanceCommand({
      DBInstanceIdentifier: 'drop-db',
      NewDBInstanceIdentifier: 'Drop-DB-2026',
      ApplyImmediately: true,
    }),
  );
  expect(out.DBInstance?.DBInstanceIdentifier).toBe('drop-db');
  expect(out.DBInstance?.DBInstanceStatus).toBe('renaming');
  expect(out.DBInstance?.PendingModifiedValues?.DBInstanceIdentifier).toBe('drop-db-2026');
  expect((await describe(rds, 'drop-db')).DBInstanceStatus).toBe('renaming');
  // The new name is taken while the rename runs.
  expect(
    await sdkError(
      rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: 'drop-db-old',
          NewDBInstanceIdentifier: 'drop-db-2026',
          ApplyImmediately: true,
        }),
      ),
    ),
  ).toMatchObject({ name: 'DBInstanceAlreadyExistsFault', status: 400 });

  const after = await waitFor('the rename to finish', async () => {
    const all = (await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    return all.find((i) => i.DBInstanceIdentifier === 'drop-db-2026');
  });
  expect(after.DBInstanceStatus).toBe('available');
  expect(after.PendingModifiedValues).toEqual({});
  expect(after.DbiResourceId).toBe(before.DbiResourceId);
  expect(after.DBInstanceArn).toBe('arn:aws:rds:eu-west-1:123456789012:db:drop-db-2026');
  expect(after.Endpoint?.Address).toMatch(
    /^drop-db-2026\.c[0-9a-f]{11}\.eu-west-1\.rds\.amazonaws\.com$/,
  );
  expect(await sdkError(describe(rds, 'drop-db'))).toMatchObject({
    name: 'DBInstanceNotFoundFault',
    status: 404,
  });
  const other = await describe(rds, 'drop-db-old');
  expect(other.DBInstanceStatus).toBe('available');
  expect(other.PendingModifiedValues).toEqual({});
});

it.for([
  [
    'a name another instance has',
    { NewDBInstanceIdentifier: 'DROP-DB-OLD', ApplyImmediately: true },
    'DBInstanceAlreadyExists',
    'DB instance already exists',
  ],
  [
    'its own name',
    { NewDBInstanceIdentifier: 'drop-db', ApplyImmediately: true },
    'DBInstanceAlreadyExists',
    'DB instance already exists',
  ],
  [
    'an invalid identifier',
    { NewDBInstanceIdentifier: 'drop--db', ApplyImmediately: true },
    'InvalidParameterValue',
    'The parameter NewDBInstanceIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.',
  ],
] as const)(
  'refuses a rename to %s and changes nothing',
  async ([, params, code, message], { onTestFinished }) => {
    const { rds } = await world(onTestFinished);
    const error = await sdkError(
      rds.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'drop-db', ...params })),
    );
    expect(error).toMatchObject({ status: 400, message });
    expect(error.name.replace(/Fault$/, '')).toBe(code);
    const still = await describe(rds, 'drop-db');
    expect(still.DBInstanceStatus).toBe('available');
    expect(still.PendingModifiedValues).toEqual({});
  },
);

it('keeps a rename without ApplyImmediately pending for the maintenance window', async ({
  onTestFinished,
}) => {
  const { rds } = await world(onTestFinished);
  await rds.send(
    new ModifyDBInstanceCommand({
      DBInstanceIdentifier: 'drop-db',
      NewDBInstanceIdentifier: 'drop-db-2',
    }),
  );
  const now = await describe(rds, 'drop-db');
  expect(now.DBInstanceStatus).toBe('available');
  expect(now.PendingModifiedValues?.DBInstanceIdentifier).toBe('drop-db-2');
});
