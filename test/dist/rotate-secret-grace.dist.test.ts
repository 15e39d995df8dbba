/**
 * The previous JWT key's grace period, through the built rotate-secret bundle: after
 * `grace-days` the next run replaces the previous key with an unknowable one (never an empty or
 * known value an app could be tricked into verifying with), once, and redeploys so the service
 * stops holding it. Within the grace period, and in a dry run, nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsPolicy, policyGaps } from '../workflows/iam-policy.js';
import {
  ROTATION_SECRETS_YAML,
  startRotationWorld,
  type RotationWorld,
} from '../../sim/rotation-world.js';
import type { ActionRun } from '../../sim/run-action.js';
import { everythingRecorded } from '../helpers/rotation-records.js';

const PREVIOUS = 'drop/production/jwt-secret-previous';
// The world seeds the previous key 100 days old; JWT_SECRET has grace-days 7.
const SEEDED_PREVIOUS = 'sim-older-jwt-secret-value';

const previousVersions = (world: RotationWorld) => world.sim.secret(PREVIOUS).versions;
const puts = (world: RotationWorld, secret: string) =>
  world.sim
    .calls({ operation: 'PutSecretValue' })
    .filter((c) => String((c.params as Record<string, unknown>)['SecretId']).includes(secret));

/** The calls of every world here: docs/iam-policy-rotate.json must allow each (retiring the
 * previous key is a path rotate-secret.dist.test.ts, which checks the other direction, skips). */
const called: { service: string; operation: string }[] = [];
afterAll(() => {
  expect(called.length).toBeGreaterThan(0);
  expect(policyGaps([docsPolicy('iam-policy-rotate.json')], called).denied).toEqual([]);
});

describe('rotate-secret retires the previous key after grace-days', () => {
  let world: RotationWorld;
  const runs: ActionRun[] = [];
  beforeAll(async () => {
    world = await startRotationWorld();
  }, 60_000);
  afterAll(async () => {
    const text = await everythingRecorded(world, runs);
    const values = [PREVIOUS, 'drop/production/jwt-secret'].flatMap((id) =>
      world.sim.secret(id).versions.flatMap((v) => (v.value ? [v.value] : [])),
    );
    called.push(...world.sim.calls());
    await world.stop();
    expect(values.filter((v) => text.includes(v))).toEqual([]);
  });

  it('dry run: names the previous key past its grace period and changes nothing', async () => {
    const run = await world.rotate({ secret: 'DATABASE_URL', 'dry-run': 'true' }, { runId: '501' });
    runs.push(run);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.summary).toContain(
      'previous key of JWT_SECRET (drop/production/jwt-secret-previous) is 100 days old, past grace-days 7: replace it with an unknowable key, then the rotation’s redeploy',
    );
    expect(world.sim.secret(PREVIOUS).current).toBe(SEEDED_PREVIOUS);
    expect(puts(world, PREVIOUS)).toEqual([]);
  });

  it('the next rotation retires it once, with an unknowable value, before its redeploy', async () => {
    const run = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '502' });
    runs.push(run);
    expect(run.exitCode, run.stdout).toBe(0);
    const current = previousVersions(world).find((v) => v.stages.includes('AWSCURRENT'))!;
    expect(current.id).toMatch(/^retired-[0-9a-f]{40}$/);
    expect(current.value).not.toBe(SEEDED_PREVIOUS);
    expect(current.value).not.toBe(world.sim.secret('drop/production/jwt-secret').current);
    expect(Buffer.from(current.value!, 'base64').length).toBe(48);
    expect(run.summary).toContain('### Previous keys retired');
    expect(run.summary).toContain(
      'previous key of JWT_SECRET (drop/production/jwt-secret-previous) retired after 100 days (grace-days 7)',
    );
    // Retired before the one redeploy that picks both changes up.
    const order = world.sim
      .calls()
      .filter((c) => ['PutSecretValue', 'StartDeployment'].includes(c.operation))
      .map((c) =>
        c.operation === 'StartDeployment'
          ? 'StartDeployment'
          : String((c.params as Record<string, unknown>)['SecretId']),
      );
    expect(order.indexOf(PREVIOUS)).toBeLessThan(order.indexOf('StartDeployment'));
    expect(order.filter((o) => o === 'StartDeployment')).toHaveLength(1);

    // A later run finds it retired and leaves it alone.
    const again = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '503' });
    runs.push(again);
    expect(again.exitCode, again.stdout).toBe(0);
    expect(previousVersions(world).find((v) => v.stages.includes('AWSCURRENT'))!.id).toBe(
      current.id,
    );
    expect(puts(world, PREVIOUS)).toHaveLength(1);
  });

  it('within the grace period: a rotation of JWT_SECRET writes the old key, and the next run keeps it', async () => {
    const old = world.sim.secret('drop/production/jwt-secret').current!;
    const jwt = await world.rotate({ secret: 'JWT_SECRET' }, { runId: '504' });
    runs.push(jwt);
    expect(jwt.exitCode, jwt.stdout).toBe(0);
    expect(world.sim.secret(PREVIOUS).current).toBe(old);
    const next = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '505' });
    runs.push(next);
    expect(next.exitCode, next.stdout).toBe(0);
    expect(world.sim.secret(PREVIOUS).current).toBe(old);
    expect(next.summary).not.toContain('Previous keys retired');
  });
});

describe('rotate-secret retires an expired previous key when nothing else is due', () => {
  let world: RotationWorld;
  beforeAll(async () => {
    // JWT_SECRET not due for a year; DATABASE_URL not listed: `due` rotates nothing.
    world = await startRotationWorld({
      secretsYaml: ROTATION_SECRETS_YAML.split('      - name: DATABASE_URL')[0]!.replace(
        'rotate-every-days: 30',
        'rotate-every-days: 365',
      ),
    });
  }, 60_000);
  afterAll(async () => {
    called.push(...world.sim.calls());
    await world.stop();
  });

  it('retires it and redeploys on its own, so the service stops holding the old key', async () => {
    const run = await world.rotate({ secret: 'due' }, { runId: '601' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['rotated']).toBe('');
    expect(world.sim.secret(PREVIOUS).current).not.toBe(SEEDED_PREVIOUS);
    expect(run.summary).toContain(
      'Retired 1 previous key(s) in production; the service is healthy without them',
    );
    expect(world.sim.service('drop-web').operations[0]).toMatchObject({
      type: 'START_DEPLOYMENT',
      status: 'SUCCEEDED',
    });
  });
});
