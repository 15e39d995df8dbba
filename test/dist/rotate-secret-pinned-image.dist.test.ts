/**
 * A rotation's redeploy runs the digest that was running, through the built bundle: a tag moved
 * to an unreviewed build between the last deploy and the rotation never ships with the new
 * secret (App Runner's StartDeployment pulls what a tag names now; ECS re-resolves it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startRotationWorld, type RotationWorld } from '../../sim/rotation-world.js';

const JWT = 'drop/production/jwt-secret';
const worlds: RotationWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

const UNREVIEWED = { tags: ['v1.4.2', 'latest'], version: 'v9.9.9-unreviewed' };

describe('a rotation on a service configured by tag, the tag moved since it was deployed', () => {
  it('ECS Express: the redeploy runs the digest that was running, not what the tag names now', async () => {
    const world = await startRotationWorld({ ecs: true });
    worlds.push(world);
    const before = world.sim.ecs.service('drop-web').running;
    expect(before.image).toMatch(/drop-web:v1\.4\.2$/);
    const moved = world.sim.pushImage('drop-web', UNREVIEWED);
    expect(moved.digest).not.toBe(before.digest);
    const oldKey = world.sim.secret(JWT).current;

    const run = await world.rotate({ secret: 'JWT_SECRET' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(world.sim.secret(JWT).current).not.toBe(oldKey);
    const after = world.sim.ecs.service('drop-web');
    expect(after.running.version).toBe('v1.4.2');
    expect(after.running.digest).toBe(before.digest);
    // Pinned from then on: a later restart cannot pull the moved tag either.
    expect(after.current.image).toMatch(new RegExp(`drop-web@${before.digest}$`));
    expect(run.stdout).toMatch(
      /every redeploy runs \S+drop-web@sha256:[0-9a-f]{64} \(what runs now\)/,
    );
  });

  it('App Runner, which does not report the digest a tag pulled: stops before any change, naming the fix', async () => {
    const world = await startRotationWorld({ byTag: true });
    worlds.push(world);
    const before = world.sim.service('drop-web').running;
    world.sim.pushImage('drop-web', UNREVIEWED);
    const oldKey = world.sim.secret(JWT).current;
    world.sim.clearCalls();

    const run = await world.rotate({ secret: 'JWT_SECRET' });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.join('\n')).toMatch(
      /runs by tag \(\S+drop-web:v1\.4\.2\) and App Runner does not report which digest it pulled.*apprunner-ops deploy --image <tag>.*nothing was changed/,
    );
    expect(world.sim.mutatingCalls({ service: 'secretsmanager' })).toEqual([]);
    expect(world.sim.mutatingCalls({ service: 'apprunner' })).toEqual([]);
    expect(world.sim.secret(JWT).current).toBe(oldKey);
    expect(world.sim.service('drop-web').running.digest).toBe(before.digest);
  });

  it('App Runner configured by digest (as a deploy leaves it): the redeploy runs that digest', async () => {
    const world = await startRotationWorld();
    worlds.push(world);
    const before = world.sim.service('drop-web').running;
    world.sim.pushImage('drop-web', UNREVIEWED);
    const run = await world.rotate({ secret: 'JWT_SECRET' });
    expect(run.exitCode, run.stdout).toBe(0);
    const after = world.sim.service('drop-web').running;
    expect(after.version).toBe('v1.4.2');
    expect(after.digest).toBe(before.digest);
    expect(after.env['JWT_SECRET']).toBe(world.sim.secret(JWT).current);
  });
});
