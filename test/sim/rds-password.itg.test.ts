import { AppRunnerClient, StartDeploymentCommand } from '@aws-sdk/client-apprunner';
import {
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { sdkError, waitFor } from './helpers.js';

let sim: SimHandle;
let rds: RDSClient;
let sm: SecretsManagerClient;
let apprunner: AppRunnerClient;
const DB_URL_ARN =
  'arn:aws:secretsmanager:eu-west-1:123456789012:secret:drop/production/database-url-AbCdEf';

beforeAll(async () => {
  const fixture = withPostgres(loadFixture());
  fixture.secretsmanager.secrets.push({
    name: 'drop/production/database-url',
    suffix: 'AbCdEf',
    databaseUrlOf: 'drop-db',
    rotationEnabled: false,
    createdAgo: 1e9,
    lastChangedAgo: 1e6,
  });
  fixture.rds.instances.push({
    ...structuredClone(fixture.rds.instances[0]!),
    id: 'drop-managed-db',
    manageMasterUserPassword: true,
    masterUserSecret: {
      secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1-AbCdEf',
      status: 'active',
    },
    postgres: undefined,
  });
  sim = await startSim({ fixture, timeScale: 0.01 });
  rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
  sm = new SecretsManagerClient(sim.clientConfig({ maxAttempts: 1 }));
  apprunner = new AppRunnerClient(sim.clientConfig({ maxAttempts: 1 }));
}, 60_000);
afterAll(async () => {
  rds.destroy();
  sm.destroy();
  apprunner.destroy();
  await sim?.stop();
});

async function health(): Promise<{ status: number; db: unknown }> {
  const res = await fetch(`${sim.serviceUrl('drop-web')}/api/health`);
  const body = (await res.json()) as { data: { checks: { db: { status: string } } } };
  return { status: res.status, db: body.data.checks.db.status };
}

describe('the master password through RDS, the real PostgreSQL and the app', () => {
  it('applies MasterUserPassword after a pending period; the app breaks until a redeploy reads the new URL', async () => {
    expect(await health()).toEqual({ status: 200, db: 'pass' });
    const db = sim.database('drop-db');
    const oldPassword = db.masterPassword;
    const newPassword = 'n3w-Pass%word#with?odd&chars';
    const out = await rds.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: 'drop-db',
        MasterUserPassword: newPassword,
        ApplyImmediately: true,
      }),
    );
    expect(out.DBInstance?.PendingModifiedValues?.MasterUserPassword).toBe('****');
    expect(out.DBInstance?.DBInstanceStatus).toBe('resetting-master-credentials');
    expect(await db.canLogin(db.masterUsername, oldPassword)).toBe(true);
    await waitFor('the password to be applied', async () => {
      const d = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' }));
      return d.DBInstances![0]!.PendingModifiedValues?.MasterUserPassword === undefined;
    });
    expect(await db.canLogin(db.masterUsername, newPassword)).toBe(true);
    expect(await db.canLogin(db.masterUsername, oldPassword)).toBe(false);
    // The app still holds the URL it read at its last deployment.
    expect(await health()).toEqual({ status: 503, db: 'fail' });
    await sm.send(
      new PutSecretValueCommand({
        SecretId: DB_URL_ARN,
        SecretString: db.urlFor(db.masterUsername, newPassword),
      }),
    );
    expect(await health()).toEqual({ status: 503, db: 'fail' });
    const { OperationId } = await apprunner.send(
      new StartDeploymentCommand({ ServiceArn: sim.service('drop-web').arn }),
    );
    await waitFor(
      'the deployment',
      () =>
        sim.service('drop-web').operations.find((o) => o.id === OperationId)?.status ===
        'SUCCEEDED',
    );
    expect(await health()).toEqual({ status: 200, db: 'pass' });
  });

  it('refuses passwords RDS refuses, and any password while RDS manages it', async () => {
    for (const bad of [
      'short',
      'has/slash-long',
      'has@at-long-enough',
      'has"quote-long',
      'has space-long',
    ])
      expect(
        await sdkError(
          rds.send(
            new ModifyDBInstanceCommand({
              DBInstanceIdentifier: 'drop-db',
              MasterUserPassword: bad,
            }),
          ),
        ),
      ).toMatchObject({ name: 'InvalidParameterValue' });
    expect(
      await sdkError(
        rds.send(
          new ModifyDBInstanceCommand({
            DBInstanceIdentifier: 'drop-managed-db',
            MasterUserPassword: 'a-good-password',
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidParameterCombination' });
  });
});
