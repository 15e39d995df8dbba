/**
 * Secrets Manager as the field has it: an RDS-managed secret rotates on RDS's own schedule
 * (every 7 days by default), changing the real database password; LastChangedDate moves on
 * every change of a secret (a label moved, a tag added or removed), not only on new values; a
 * tag request AWS refuses changes nothing.
 */
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretVersionStageCommand,
  type DescribeSecretResponse,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { sdkError, waitFor } from './helpers.js';

let sim: SimHandle;
let sm: SecretsManagerClient;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MANAGED_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-0a1b2c3d-MaNaGd';
const PLAIN = 'drop/production/jwt-secret';

beforeAll(async () => {
  const fixture = withPostgres(loadFixture());
  const db = fixture.rds.instances[0]!;
  db.manageMasterUserPassword = true;
  db.masterUserSecret = { secretArn: MANAGED_ARN, status: 'active' };
  fixture.secretsmanager.secrets.push(
    {
      name: 'rds!db-0a1b2c3d',
      suffix: 'MaNaGd',
      rdsMasterSecretOf: db.id,
      owningService: 'rds',
      rotationEnabled: true,
      createdAgo: 30 * DAY,
      lastChangedAgo: 2 * DAY,
    },
    {
      name: PLAIN,
      value: 'seeded-jwt',
      rotationEnabled: false,
      createdAgo: 30 * DAY,
      lastChangedAgo: 10 * DAY,
    },
  );
  // Time scale 1: seven days of the schedule are seven days of the sim's clock.
  sim = await startSim({ fixture, timeScale: 1 });
  sm = new SecretsManagerClient(sim.clientConfig({ maxAttempts: 1 }));
});
afterAll(async () => {
  sm.destroy();
  await sim.stop();
});

const describeSecret = (id: string): Promise<DescribeSecretResponse> =>
  sm.send(new DescribeSecretCommand({ SecretId: id }));

async function password(): Promise<string> {
  const out = await sm.send(new GetSecretValueCommand({ SecretId: MANAGED_ARN }));
  return (JSON.parse(out.SecretString!) as { password: string }).password;
}

describe('an RDS-managed secret rotates on its own schedule', () => {
  it('shows a 7-day rule and no Lambda function, and rotates the database password every 7 days', async () => {
    const d = await describeSecret(MANAGED_ARN);
    expect(d).toMatchObject({
      OwningService: 'rds',
      RotationEnabled: true,
      RotationRules: { AutomaticallyAfterDays: 7 },
    });
    expect(d.RotationLambdaARN).toBeUndefined();
    const db = sim.database('drop-db');
    const first = await password();
    expect(await db.canLogin(db.masterUsername, first)).toBe(true);

    sim.advance(7 * DAY - HOUR);
    expect(await password()).toBe(first);
    expect((await describeSecret(MANAGED_ARN)).LastRotatedDate).toEqual(d.LastRotatedDate);

    sim.advance(2 * HOUR);
    const second = await waitFor('the scheduled rotation', async () => {
      const now = await password();
      return now !== first ? now : undefined;
    });
    expect(await db.canLogin(db.masterUsername, second)).toBe(true);
    expect(await db.canLogin(db.masterUsername, first)).toBe(false);
    const after = await describeSecret(MANAGED_ARN);
    expect(after.LastRotatedDate!.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - HOUR);
    expect(after.LastChangedDate).toEqual(after.LastRotatedDate);
    const previous = await sm.send(
      new GetSecretValueCommand({ SecretId: MANAGED_ARN, VersionStage: 'AWSPREVIOUS' }),
    );
    expect(JSON.parse(previous.SecretString!)).toMatchObject({ password: first });

    // And again seven days later, not before.
    sim.advance(7 * DAY - 2 * HOUR);
    expect(await password()).toBe(second);
    sim.advance(2 * HOUR);
    const third = await waitFor('the next scheduled rotation', async () => {
      const now = await password();
      return now !== second ? now : undefined;
    });
    expect(await db.canLogin(db.masterUsername, third)).toBe(true);
  });
});

describe('LastChangedDate moves on every change', () => {
  it('moves on a label moved, a tag added and a tag removed; Tags shows what is there', async () => {
    const changed = async (): Promise<number> =>
      (await describeSecret(PLAIN)).LastChangedDate!.getTime();
    const before = await changed();

    sim.advance(HOUR);
    await sm.send(
      new TagResourceCommand({
        SecretId: PLAIN,
        Tags: [
          { Key: 'team', Value: 'payments' },
          { Key: 'env', Value: 'production' },
        ],
      }),
    );
    const tagged = await changed();
    expect(tagged).toBeGreaterThanOrEqual(before + HOUR);
    expect((await describeSecret(PLAIN)).Tags).toEqual([
      { Key: 'team', Value: 'payments' },
      { Key: 'env', Value: 'production' },
    ]);

    sim.advance(HOUR);
    await sm.send(
      new TagResourceCommand({ SecretId: PLAIN, Tags: [{ Key: 'team', Value: 'platform' }] }),
    );
    const retagged = await changed();
    expect(retagged).toBeGreaterThanOrEqual(tagged + HOUR);
    expect((await describeSecret(PLAIN)).Tags).toEqual([
      { Key: 'team', Value: 'platform' },
      { Key: 'env', Value: 'production' },
    ]);

    sim.advance(HOUR);
    await sm.send(new UntagResourceCommand({ SecretId: PLAIN, TagKeys: ['team', 'absent'] }));
    const untagged = await changed();
    expect(untagged).toBeGreaterThanOrEqual(retagged + HOUR);
    expect((await describeSecret(PLAIN)).Tags).toEqual([{ Key: 'env', Value: 'production' }]);

    // A label moved (no new value) moves it too.
    const put = await sm.send(
      new PutSecretValueCommand({
        SecretId: PLAIN,
        SecretString: 'next-jwt',
        VersionStages: ['AWSPENDING'],
      }),
    );
    sim.advance(HOUR);
    const current = Object.entries((await describeSecret(PLAIN)).VersionIdsToStages!).find(
      ([, s]) => s.includes('AWSCURRENT'),
    )![0];
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: PLAIN,
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: put.VersionId,
        RemoveFromVersionId: current,
      }),
    );
    expect(await changed()).toBeGreaterThanOrEqual(untagged + HOUR);
  });

  it('refuses what AWS refuses, before anything changes', async () => {
    const state = async (): Promise<unknown> => {
      const d = await describeSecret(PLAIN);
      return { tags: d.Tags, changed: d.LastChangedDate };
    };
    const before = await state();
    sim.advance(HOUR);
    const refusals: [TagResourceCommand | UntagResourceCommand, string][] = [
      // The model's limits: a key over 128 characters, an empty key.
      [
        new TagResourceCommand({ SecretId: PLAIN, Tags: [{ Key: 'k'.repeat(129), Value: 'v' }] }),
        'ValidationException',
      ],
      [
        new TagResourceCommand({ SecretId: PLAIN, Tags: [{ Key: '', Value: 'v' }] }),
        'ValidationException',
      ],
      [
        new UntagResourceCommand({ SecretId: PLAIN, TagKeys: ['k'.repeat(129)] }),
        'ValidationException',
      ],
      // Secrets Manager's own: AWS's prefix, and more than 50 tags on a secret.
      [
        new TagResourceCommand({ SecretId: PLAIN, Tags: [{ Key: 'aws:owner', Value: 'me' }] }),
        'InvalidParameterException',
      ],
      [
        new TagResourceCommand({
          SecretId: PLAIN,
          Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
        }),
        'InvalidParameterException',
      ],
    ];
    for (const [command, code] of refusals) {
      const e = await sdkError(sm.send(command as TagResourceCommand));
      expect(e.name, e.message).toBe(code);
      expect(e.status).toBe(400);
    }
    const missing = await sdkError(
      sm.send(new TagResourceCommand({ SecretId: 'drop/production/absent', Tags: [] })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(await state()).toEqual(before);
  });
});
