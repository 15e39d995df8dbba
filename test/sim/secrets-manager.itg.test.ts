import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { sdkError } from './helpers.js';

let sim: SimHandle;
let sm: SecretsManagerClient;
const T = (n: number): string => `token-${String(n).padStart(26, '0')}-abcdef`;

beforeAll(async () => {
  const fixture = loadFixture();
  fixture.secretsmanager.secrets.push(
    {
      name: 'drop/production/jwt-secret',
      value: 'seeded-jwt',
      rotationEnabled: false,
      createdAgo: 1e9,
      lastChangedAgo: 40 * 86_400_000,
    },
    {
      name: 'drop/production/auto',
      value: 'x',
      rotationEnabled: true,
      createdAgo: 1e9,
      lastChangedAgo: 1000,
      lastRotatedAgo: 1000,
    },
    {
      name: 'drop/production/database-url',
      databaseUrlOf: 'drop-db',
      suffix: 'AbCdEf',
      rotationEnabled: false,
      createdAgo: 1e9,
      lastChangedAgo: 1e6,
    },
  );
  sim = await startSim({ fixture, timeScale: 0.002 });
  sm = new SecretsManagerClient(sim.clientConfig({ maxAttempts: 1 }));
});
afterAll(async () => {
  sm.destroy();
  await sim.stop();
});

const stages = async (id: string): Promise<Record<string, string[]>> =>
  (await sm.send(new DescribeSecretCommand({ SecretId: id }))).VersionIdsToStages ?? {};

describe('Secrets Manager stand-in (awsJson1_1) through @aws-sdk/client-secrets-manager', () => {
  it('describes a seeded secret with dates, rotation flag and labels; finds it by name, ARN or partial ARN', async () => {
    const d = await sm.send(new DescribeSecretCommand({ SecretId: 'drop/production/jwt-secret' }));
    expect(d.ARN).toMatch(
      /^arn:aws:secretsmanager:eu-west-1:123456789012:secret:drop\/production\/jwt-secret-[A-Za-z]{6}$/,
    );
    expect(d.RotationEnabled).toBe(false);
    expect(d.LastChangedDate!.getTime()).toBeLessThan(Date.now() - 39 * 86_400_000);
    expect(d.LastRotatedDate).toBeUndefined();
    expect(Object.values(d.VersionIdsToStages!)).toEqual([['AWSCURRENT']]);
    const byArn = await sm.send(new GetSecretValueCommand({ SecretId: d.ARN }));
    expect(byArn.SecretString).toBe('seeded-jwt');
    const partial = await sm.send(new GetSecretValueCommand({ SecretId: d.ARN!.slice(0, -7) }));
    expect(partial.VersionId).toBe(byArn.VersionId);
    const auto = await sm.send(new DescribeSecretCommand({ SecretId: 'drop/production/auto' }));
    expect(auto.RotationEnabled).toBe(true);
    expect(auto.LastRotatedDate).toBeInstanceOf(Date);
    const db = await sm.send(
      new GetSecretValueCommand({
        SecretId:
          'arn:aws:secretsmanager:eu-west-1:123456789012:secret:drop/production/database-url-AbCdEf',
      }),
    );
    expect(db.SecretString).toMatch(/^postgres:\/\/drop_admin:sim-master-Passw0rd@drop-db\./);
  });

  it('follows the rotation contract: pending, move current (old becomes previous), get by stage or version', async () => {
    const id = 'drop/production/jwt-secret';
    const before = await sm.send(new GetSecretValueCommand({ SecretId: id }));
    const put = await sm.send(
      new PutSecretValueCommand({
        SecretId: id,
        ClientRequestToken: T(1),
        SecretString: 'new-jwt',
        VersionStages: ['AWSPENDING'],
      }),
    );
    expect(put.VersionId).toBe(T(1));
    expect(put.VersionStages).toEqual(['AWSPENDING']);
    // Same token, same value: accepted again; same token, another value: refused.
    await sm.send(
      new PutSecretValueCommand({
        SecretId: id,
        ClientRequestToken: T(1),
        SecretString: 'new-jwt',
        VersionStages: ['AWSPENDING'],
      }),
    );
    expect(
      await sdkError(
        sm.send(
          new PutSecretValueCommand({
            SecretId: id,
            ClientRequestToken: T(1),
            SecretString: 'other',
            VersionStages: ['AWSPENDING'],
          }),
        ),
      ),
    ).toMatchObject({ name: 'ResourceExistsException', status: 400 });
    expect(
      (await sm.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSPENDING' })))
        .SecretString,
    ).toBe('new-jwt');
    // Moving AWSCURRENT must name the version it leaves.
    expect(
      await sdkError(
        sm.send(
          new UpdateSecretVersionStageCommand({
            SecretId: id,
            VersionStage: 'AWSCURRENT',
            MoveToVersionId: T(1),
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidParameterException' });
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: id,
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: T(1),
        RemoveFromVersionId: before.VersionId,
      }),
    );
    expect(await stages(id)).toEqual({
      [before.VersionId!]: ['AWSPREVIOUS'],
      [T(1)]: ['AWSPENDING', 'AWSCURRENT'],
    });
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: id,
        VersionStage: 'AWSPENDING',
        RemoveFromVersionId: T(1),
      }),
    );
    expect((await sm.send(new GetSecretValueCommand({ SecretId: id }))).SecretString).toBe(
      'new-jwt',
    );
    expect(
      (await sm.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSPREVIOUS' })))
        .SecretString,
    ).toBe('seeded-jwt');
    expect(
      (await sm.send(new GetSecretValueCommand({ SecretId: id, VersionId: before.VersionId })))
        .SecretString,
    ).toBe('seeded-jwt');
    // AWSCURRENT cannot just be removed.
    expect(
      await sdkError(
        sm.send(
          new UpdateSecretVersionStageCommand({
            SecretId: id,
            VersionStage: 'AWSCURRENT',
            RemoveFromVersionId: T(1),
          }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidParameterException' });
    // Undo: move it back; the version it leaves becomes AWSPREVIOUS.
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: id,
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: before.VersionId,
        RemoveFromVersionId: T(1),
      }),
    );
    expect(await stages(id)).toEqual({
      [before.VersionId!]: ['AWSCURRENT'],
      [T(1)]: ['AWSPREVIOUS'],
    });
  });

  it('lists versions (deprecated ones only on request) and reports errors by their real names', async () => {
    const id = 'drop/production/jwt-secret';
    await sm.send(
      new PutSecretValueCommand({ SecretId: id, ClientRequestToken: T(2), SecretString: 'v2' }),
    );
    await sm.send(
      new PutSecretValueCommand({ SecretId: id, ClientRequestToken: T(3), SecretString: 'v3' }),
    );
    const listed = await sm.send(new ListSecretVersionIdsCommand({ SecretId: id }));
    expect(listed.Versions!.map((v) => v.VersionId).sort()).toEqual([T(2), T(3)].sort());
    const all = await sm.send(
      new ListSecretVersionIdsCommand({ SecretId: id, IncludeDeprecated: true }),
    );
    expect(all.Versions).toHaveLength(4);
    expect(await sdkError(sm.send(new GetSecretValueCommand({ SecretId: 'nope' })))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(
      await sdkError(
        sm.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSPENDING' })),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(
      await sdkError(
        sm.send(
          new PutSecretValueCommand({
            SecretId: id,
            ClientRequestToken: 'short',
            SecretString: 'x',
          }),
        ),
      ),
    ).toMatchObject({ name: 'ValidationException' });
    expect(
      await sdkError(sm.send(new CreateSecretCommand({ Name: id, SecretString: 'x' }))),
    ).toMatchObject({ name: 'ResourceExistsException' });
  });

  it('creates secrets and generates passwords within the requested alphabet', async () => {
    const created = await sm.send(
      new CreateSecretCommand({
        Name: 'drop/staging/new',
        SecretString: 'v',
        ClientRequestToken: T(9),
      }),
    );
    expect(created.VersionId).toBe(T(9));
    expect(await stages('drop/staging/new')).toEqual({ [T(9)]: ['AWSCURRENT'] });
    const pw = await sm.send(
      new GetRandomPasswordCommand({ PasswordLength: 40, ExcludeCharacters: '/@"\'\\ ' }),
    );
    expect(pw.RandomPassword).toHaveLength(40);
    expect(pw.RandomPassword).not.toMatch(/[/@"'\\ ]/);
    const none = await sm.send(
      new GetRandomPasswordCommand({ PasswordLength: 20, ExcludePunctuation: true }),
    );
    expect(none.RandomPassword).toMatch(/^[A-Za-z0-9]{20}$/);
  });
  it('moves LastChangedDate on every change of the secret: a new version, and a label moved or removed', async () => {
    const id = 'drop/production/database-url';
    const changed = async (): Promise<number> =>
      (await sm.send(new DescribeSecretCommand({ SecretId: id }))).LastChangedDate!.getTime();
    const seeded = await changed();
    sim.advance(60_000);
    await sm.send(
      new PutSecretValueCommand({
        SecretId: id,
        ClientRequestToken: T(90),
        SecretString: 'postgres://u:p@db/drop',
        VersionStages: ['AWSPENDING'],
      }),
    );
    const afterPut = await changed();
    expect(afterPut).toBeGreaterThan(seeded);
    sim.advance(60_000);
    // Only a label changes: AWSPENDING is taken off the version, no value is written.
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: id,
        VersionStage: 'AWSPENDING',
        RemoveFromVersionId: T(90),
      }),
    );
    const afterLabel = await changed();
    expect(afterLabel).toBeGreaterThanOrEqual(afterPut + 60_000);
  });
});
