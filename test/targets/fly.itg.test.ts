/**
 * The `fly` deploy target against the sim's Machines API over HTTP with the real client:
 * rolling updates by digest under leases, a machine failing its health checks, leases held by
 * someone else, 429s, restarts and bad input.
 */
import { describe, expect, it } from 'vitest';
import { flyClientOf } from '../../core/targets/create.js';
import { FlyTarget, FlyTargetRefused } from '../../core/targets/fly.js';
import { systemClock } from '../../core/util/clock.js';
import { InputError } from '../../core/util/errors.js';
import { TargetNotUpdatable } from '../../core/targets/target.js';
import { APP_MACHINES, FLY_APP, flyWorld, WORKER_MACHINE } from '../helpers/fly-world.js';

const FOLLOW = { timeoutMs: 30_000, intervalMs: 20 };
/** The machine id a Machines API call named. */
const machineOf = (call: { params: unknown }): unknown => (call.params as { id?: unknown }).id;

describe('deploy target fly', () => {
  it.concurrent(
    'describes the process group: image by digest, environment, machines settled',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const state = await w.target.describe();
      expect(state).toMatchObject({
        kind: 'fly',
        arn: `fly:${FLY_APP}:app`,
        name: FLY_APP,
        url: `https://${FLY_APP}.fly.dev`,
        image: w.flyImage('v1.4.2'),
        imageByDigest: w.flyImage('v1.4.2'),
        status: '3 started',
        secrets: {},
      });
      expect(state.environment).toMatchObject({ NODE_ENV: 'production' });
      expect(await w.target.preflight()).toMatchObject({ updatable: true, busy: false });
    },
  );

  it.concurrent(
    'rolls a new image out one machine at a time, leased, and the worker group is never touched',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const started = await w.target.switchImage(w.ecrImage('v1.5.0'), { wait: FOLLOW });
      // Planned, not yet applied: switchImage changes nothing.
      expect(w.sim.mutatingCalls({ service: 'fly' })).toEqual([]);
      expect(started).toMatchObject({
        kind: 'switch',
        image: w.flyImage('v1.5.0'),
        previous: w.flyImage('v1.4.2'),
      });
      const result = await w.target.follow(started, FOLLOW);
      expect(result).toEqual({ ok: true, id: started.id, status: 'SUCCEEDED' });
      expect(w.versions()).toEqual(['v1.5.0', 'v1.5.0', 'v1.5.0']);
      expect(await w.version()).toBe('v1.5.0');
      const machines = w.sim.fly.machines(FLY_APP);
      expect(machines.every((m) => m.lease === undefined)).toBe(true);
      expect(machines.find((m) => m.id === WORKER_MACHINE)!.history).toHaveLength(1);
      // One machine at a time: lease, update, release — in machine order.
      const mutating = w.sim
        .mutatingCalls({ service: 'fly' })
        .map((c) => `${c.operation} ${String(machineOf(c))}`);
      expect(mutating).toEqual(
        APP_MACHINES.flatMap((id) => [
          `acquireLease ${id}`,
          `updateMachine ${id}`,
          `releaseLease ${id}`,
        ]),
      );
      // Environment and everything else in the config kept.
      const after = await w.target.describe();
      expect(after.image).toBe(w.flyImage('v1.5.0'));
      expect(after.environment['APP_BASE_URL']).toBe('https://drop-staging.fly.dev');
    },
  );

  it.concurrent(
    'the second of three machines fails its health check: the first is put back, the third never changed, red naming the machine',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const [first, second, third] = APP_MACHINES;
      w.sim.fly.failChecks(FLY_APP, second, 'v1.5.0');
      const result = await w.target.follow(
        await w.target.switchImage(w.ecrImage('v1.5.0'), { wait: FOLLOW }),
        FOLLOW,
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.status).toBe('ROLLED_BACK');
      expect(result.emergency).toBe(false);
      expect(result.message).toMatch(
        new RegExp(
          `^Fly machine ${second} \\(arn\\) failed on .*: its health checks did not pass within .*: alive critical .*; the update stopped there, ${first}, ${second} put back on .* and healthy, ${third} never changed$`,
        ),
      );
      expect(w.versions()).toEqual(['v1.4.2', 'v1.4.2', 'v1.4.2']);
      const machines = new Map(w.sim.fly.machines(FLY_APP).map((m) => [m.id, m]));
      const old = w.flyImage('v1.4.2');
      const next = w.flyImage('v1.5.0');
      expect(machines.get(first)!.history).toEqual([old, next, old]);
      expect(machines.get(second)!.history).toEqual([old, next, old]);
      expect(machines.get(third)!.history).toEqual([old]);
      expect([...machines.values()].every((m) => m.lease === undefined)).toBe(true);
      expect(await w.version()).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'an image that fails on every machine stops at the first, which is put back',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const result = await w.target.follow(
        await w.target.switchImage(w.ecrImage('v1.5.1-broken'), { wait: FOLLOW }),
        FOLLOW,
      );
      expect(result.ok).toBe(false);
      expect(w.versions()).toEqual(['v1.4.2', 'v1.4.2', 'v1.4.2']);
      const updates = w.sim.calls({ service: 'fly', operation: 'updateMachine' });
      expect(updates.map((c) => machineOf(c))).toEqual([APP_MACHINES[0], APP_MACHINES[0]]);
    },
  );

  it.concurrent(
    'an image not pushed to registry.fly.io is refused at the first machine, nothing changed',
    async ({ onTestFinished }) => {
      // The registry is not asked first here: the machine's own pull is what refuses.
      const w = await flyWorld(onTestFinished, { checkRegistry: false });
      const missing = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web@sha256:${'e'.repeat(64)}`;
      const result = await w.target.follow(await w.target.switchImage(missing), FOLLOW);
      expect(result).toMatchObject({ ok: false, status: 'FAILED', emergency: false });
      if (result.ok) return;
      expect(result.message).toMatch(/manifest unknown .*; no machine was changed$/);
      expect(w.versions()).toEqual(['v1.4.2', 'v1.4.2', 'v1.4.2']);
    },
  );

  it.concurrent(
    "a digest registry.fly.io does not hold is refused before any change, naming build-push's registries",
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const digest = `sha256:${'e'.repeat(64)}`;
      await expect(
        w.target.switchImage(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web@${digest}`),
      ).rejects.toSatisfy(
        (e) =>
          e instanceof FlyTargetRefused &&
          e.message.startsWith(`registry.fly.io/${FLY_APP}@${digest} is not in Fly's registry`) &&
          e.message.includes('registries: ecr, fly'),
      );
      expect(w.sim.calls({ service: 'fly', operation: 'getManifest' }).length).toBeGreaterThan(0);
      expect(w.sim.mutatingCalls({ service: 'fly' })).toEqual([]);
      // A digest it holds goes through the same look-up.
      const started = await w.target.switchImage(w.ecrImage('v1.5.0'), { wait: FOLLOW });
      expect((await w.target.follow(started, FOLLOW)).ok).toBe(true);
    },
  );

  it.concurrent(
    'a lease held by someone else is waited out, then the update goes through',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      // 20 modelled minutes: 3.6 s real, still held when a loaded machine gets to look.
      w.sim.fly.holdLease(FLY_APP, APP_MACHINES[1], 'someone@example.com', 1_200_000);
      const leased = Date.now();
      const check = await w.target.preflight();
      expect(check).toMatchObject({ updatable: false, busy: true });
      expect(check.reason).toMatch(
        new RegExp(
          `machine ${APP_MACHINES[1]} is leased by someone@example.com \\("flyctl deploy"\\)`,
        ),
      );
      await w.target.waitUntilUpdatable({ timeoutMs: 20_000, intervalMs: 50 });
      // It returned because the lease lapsed (3.6 s after it was taken), not before.
      expect(Date.now() - leased).toBeGreaterThanOrEqual(w.sim.scaled(1_200_000));
      expect(w.sim.fly.machines(FLY_APP)[1]!.lease).toBeUndefined();
      expect(
        w.logger.lines.some((l) =>
          /Waiting up to .* leased by someone@example\.com|IN_PROGRESS: .*someone@example\.com/.test(
            l.message,
          ),
        ),
      ).toBe(true);
      const result = await w.target.follow(
        await w.target.switchImage(w.ecrImage('v1.5.0')),
        FOLLOW,
      );
      expect(result.ok).toBe(true);
    },
  );

  it.concurrent(
    'a lease held beyond the deadline is refused before any change, naming the holder',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      w.sim.fly.holdLease(FLY_APP, APP_MACHINES[2], 'someone@example.com', 3_600_000);
      await expect(w.target.waitUntilUpdatable({ timeoutMs: 300, intervalMs: 50 })).rejects.toThrow(
        /leased by someone@example\.com/,
      );
      await expect(w.target.switchImage(w.ecrImage('v1.5.0'))).rejects.toSatisfy(
        (e) => e instanceof TargetNotUpdatable && /leased by someone@example\.com/.test(e.message),
      );
      expect(w.sim.mutatingCalls({ service: 'fly' })).toEqual([]);
    },
  );

  it.concurrent(
    'a machine in the failed state is refused at once, named, not waited for until the deadline',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished, { states: { [APP_MACHINES[1]]: 'failed' } });
      const named = new RegExp(
        `machine ${APP_MACHINES[1]} \\(arn\\) is failed and will not settle by waiting: look at it \\(fly machine status ${APP_MACHINES[1]} -a ${FLY_APP}\\)`,
      );
      const check = await w.target.preflight();
      expect(check).toMatchObject({ updatable: false, busy: false });
      expect(check.reason).toMatch(named);
      const asked = Date.now();
      // A wait of a modelled hour (20 s real at most) ends at the first look.
      await expect(
        w.target.waitUntilUpdatable({ timeoutMs: 20_000, intervalMs: 50 }),
      ).rejects.toSatisfy((e) => e instanceof TargetNotUpdatable && named.test(e.message));
      expect(Date.now() - asked).toBeLessThan(5_000);
      await expect(w.target.switchImage(w.ecrImage('v1.5.0'))).rejects.toSatisfy(
        (e) => e instanceof TargetNotUpdatable && named.test(e.message),
      );
      expect(w.sim.mutatingCalls({ service: 'fly' })).toEqual([]);
    },
  );

  it.concurrent(
    'a lease taken by someone else between the plan and the update stops there, nothing changed',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const started = await w.target.switchImage(w.ecrImage('v1.5.0'));
      w.sim.fly.holdLease(FLY_APP, APP_MACHINES[0], 'someone@example.com', 3_600_000);
      const result = await w.target.follow(started, FOLLOW);
      expect(result).toMatchObject({ ok: false, status: 'FAILED' });
      if (result.ok) return;
      expect(result.message).toMatch(/lease currently held by someone@example\.com/);
      expect(w.sim.calls({ service: 'fly', operation: 'updateMachine' })).toEqual([]);
    },
  );

  it.concurrent(
    "429s are waited out for Fly's retry-after, and each update applied once",
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      w.sim.setFaults({
        seed: 5,
        rules: [{ service: 'fly', kind: 'throttle', rate: 0.15, retryAfterSeconds: 1 }],
      });
      const result = await w.target.follow(
        await w.target.switchImage(w.ecrImage('v1.5.0')),
        FOLLOW,
      );
      expect(result.ok).toBe(true);
      const calls = w.sim.calls({ service: 'fly' });
      const throttled = calls.filter((c) => c.fault === 'throttle');
      expect(throttled.length).toBeGreaterThan(0);
      // Each 429 was followed by its retry no sooner than retry-after.
      for (const refused of throttled) {
        const retry = calls.find(
          (c) =>
            c.time > refused.time &&
            c.operation === refused.operation &&
            machineOf(c) === machineOf(refused),
        );
        if (retry) expect(retry.time - refused.time).toBeGreaterThanOrEqual(990);
      }
      expect(
        w.logger.lines.some((l) =>
          /Fly .*: attempt 1\/6 failed .*429.*retrying in 1000ms/.test(l.message),
        ),
      ).toBe(true);
      const applied = calls.filter((c) => c.operation === 'updateMachine' && c.status === 200);
      expect(applied).toHaveLength(3);
      expect(w.versions()).toEqual(['v1.5.0', 'v1.5.0', 'v1.5.0']);
    },
  );

  it.concurrent(
    'restarts each machine in turn (machines read the app secrets when they start)',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const before = await w.target.describe();
      const started = await w.target.restart();
      expect(started).toMatchObject({ kind: 'restart', image: before.image });
      const result = await w.target.follow(started, FOLLOW);
      expect(result.ok).toBe(true);
      expect(
        w.sim.calls({ service: 'fly', operation: 'restartMachine' }).map((c) => machineOf(c)),
      ).toEqual([...APP_MACHINES]);
      expect(w.sim.calls({ service: 'fly', operation: 'updateMachine' })).toEqual([]);
      expect((await w.target.describe()).image).toBe(before.image);
    },
  );

  it.concurrent.for([
    {
      name: 'a refused token',
      options: { token: 'not-a-token-of-this-org' },
      error:
        /Fly refused the API token \(401: You must be authenticated to view this\.\); set the FLY_API_TOKEN secret/,
    },
    {
      name: 'an app that does not exist',
      options: { app: 'drop-stagign' },
      error: /Fly has no app drop-stagign for this token \(404: app not found\); fix target\.app/,
    },
    {
      name: 'a process group without machines',
      options: { processGroup: 'web' },
      error:
        /Fly app drop-staging has no machines in process group "web" \(its groups: app, worker\); fix target\.process-group/,
    },
  ])('$name is a clear error before any change', async ({ options, error }, { onTestFinished }) => {
    const w = await flyWorld(onTestFinished, options);
    await expect(w.target.preflight()).rejects.toSatisfy(
      (e) => e instanceof FlyTargetRefused && error.test(e.message),
    );
    await expect(w.target.switchImage(w.ecrImage('v1.5.0'))).rejects.toThrow(error);
    expect(w.sim.mutatingCalls({ service: 'fly' })).toEqual([]);
    // The token is never in what the target says.
    for (const line of w.logger.lines) expect(line.message).not.toContain(w.sim.fly.token);
  });

  it.concurrent(
    'a missing token is an input error at the first call, before any change',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const deps = { clock: systemClock, logger: w.logger };
      const api = flyClientOf(FLY_APP, deps, { requestTimeoutMs: 5_000 }, '');
      const target = new FlyTarget(
        api,
        { app: FLY_APP, 'process-group': 'app', 'wait-timeout-ms': 5_000 },
        deps,
      );
      await expect(target.preflight()).rejects.toSatisfy(
        (e) =>
          e instanceof InputError &&
          /^input "fly-api-token": is required for Fly app drop-staging: pass secrets\.FLY_API_TOKEN/.test(
            e.message,
          ),
      );
      expect(w.sim.calls({ service: 'fly' })).toEqual([]);
    },
  );
});
