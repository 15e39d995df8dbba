/**
 * A rotation of a Fly environment's secret, through the built rotate-secret bundle: Fly machines
 * read the app's own secrets (not Secrets Manager), so the redeploy sets the app's secrets to
 * the new AWSCURRENT (`fly secrets` semantics) and restarts every machine, which then runs the
 * new value. No value is printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { environmentYaml, startDeployWorld, type DeployWorld } from '../../sim/deploy-world.js';
import { rotationFixture } from '../../sim/rotation-world.js';
import { runActionBundle } from '../../sim/run-action.js';
import type { Fixture } from '../../sim/index.js';
import { APP_MACHINES, FLY_APP, flyFixture, onFly } from '../helpers/fly-world.js';

const JWT = 'drop/production/jwt-secret';
const JWT_PREVIOUS = 'drop/production/jwt-secret-previous';
const SECRETS = `    secrets:
      - name: JWT_SECRET
        secret-id: ${JWT}
        kind: random
        length: 48
        rotate-every-days: 30
        previous-secret-id: ${JWT_PREVIOUS}
        grace-days: 7
`;

const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

describe('rotate-secret on a Fly environment', () => {
  it('sets the app secret to the new value and restarts every machine, which runs it', async () => {
    const fixture = { ...rotationFixture(), fly: flyFixture().fly } as Fixture;
    const w = await startDeployWorld({ fixture, timeScale: 0.005 }, (sim) =>
      onFly(
        `version: 1\nenvironments:\n${environmentYaml(sim, 'production', sim.services()[0]!.arn)}${SECRETS}`,
        sim,
      ),
    );
    worlds.push(w);
    const oldKey = w.sim.secret(JWT).current!;
    const before = new Map(w.sim.fly.machines(FLY_APP).map((m) => [m.id, m]));
    const run = await runActionBundle({
      action: 'rotate-secret',
      cwd: w.workspace,
      env: w.env,
      inputs: {
        config: 'apprunner-ops.yml',
        environment: 'production',
        reason: 'scheduled rotation',
        secret: 'JWT_SECRET',
        'poll-interval': '100ms',
        'verify-timeout': '5s',
        'fly-api-token': w.sim.fly.token,
      },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const newKey = w.sim.secret(JWT).current!;
    expect(newKey).not.toBe(oldKey);
    // The app's secrets hold AWSCURRENT (and the previous key), set in one request.
    const secrets = w.sim.fly.secrets(FLY_APP);
    expect(secrets['JWT_SECRET']).toBe(newKey);
    expect(secrets['JWT_SECRET_PREVIOUS']).toBe(oldKey);
    expect(secrets['SESSION_SECRET']).toBe('staging-session-secret');
    expect(w.sim.calls({ service: 'fly', operation: 'updateSecrets' })).toHaveLength(1);
    // Every machine of the group restarted after that, and its instance read the new value.
    const calls = w.sim.mutatingCalls({ service: 'fly' }).filter((c) => !c.fault && !c.error);
    const set = calls.findIndex((c) => c.operation === 'updateSecrets');
    const restarts = calls
      .map((c, i) => ({ op: c.operation, i, id: (c.params as { id?: string }).id }))
      .filter((c) => c.op === 'restartMachine');
    expect(restarts.map((c) => c.id)).toEqual([...APP_MACHINES]);
    expect(restarts.every((c) => c.i > set)).toBe(true);
    for (const m of w.sim.fly.machines(FLY_APP).filter((x) => x.processGroup === 'app')) {
      expect(m.state).toBe('started');
      expect(m.secretsSeen['JWT_SECRET']).toBe(newKey);
      expect(m.image).toBe(before.get(m.id)!.image);
    }
    // No value in what the run said.
    const said = [
      ...run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')),
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
    ].join('\n');
    for (const value of [newKey, oldKey, w.sim.fly.token]) expect(said).not.toContain(value);
    expect(run.stdout).toMatch(/Fly app drop-staging: secrets JWT_SECRET, JWT_SECRET_PREVIOUS set/);
  });
});
