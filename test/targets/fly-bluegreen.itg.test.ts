/**
 * The `fly` target's bluegreen strategy against the sim's Machines API with the real client:
 * the calls in Fly's order, and the app's URL answering from the new machines only once they
 * took the traffic.
 */
import { describe, expect, it } from 'vitest';
import { FlyTarget } from '../../core/targets/fly.js';
import { systemClock } from '../../core/util/clock.js';
import { APP_MACHINES, FLY_APP, flyWorld, type FlyWorld } from '../helpers/fly-world.js';

const FOLLOW = { timeoutMs: 30_000, intervalMs: 20 };

/** The app's `app` machines deployed bluegreen, a modelled minute to wait for each. */
const bluegreen = (w: FlyWorld): FlyTarget =>
  new FlyTarget(
    w.api,
    {
      app: FLY_APP,
      'process-group': 'app',
      'wait-timeout-ms': w.sim.scaled(60_000) + 1_000,
      strategy: 'bluegreen',
    },
    { clock: systemClock, logger: w.logger },
  );

describe('deploy target fly, bluegreen', () => {
  it.concurrent(
    'the greens take the traffic, then the blues are destroyed',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const target = bluegreen(w);
      const result = await target.follow(await target.switchImage(w.ecrImage('v1.5.0')), FOLLOW);
      expect(result, w.logger.lines.map((l) => l.message).join('\n')).toMatchObject({ ok: true });
      const live = w.sim.fly
        .machines(FLY_APP)
        .filter((m) => m.processGroup === 'app' && m.state !== 'destroyed');
      expect(live.map((m) => [m.running.version, m.cordoned, m.state])).toEqual(
        live.map(() => ['v1.5.0', false, 'started']),
      );
      expect(await w.version()).toBe('v1.5.0');
      expect((await target.describe()).imageByDigest).toBe(w.flyImage('v1.5.0'));
      expect(APP_MACHINES.length).toBe(3);
    },
  );

  it.concurrent(
    "a green machine whose create answer was lost is found by the deployment's tag and destroyed",
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const target = bluegreen(w);
      const started = await target.switchImage(w.ecrImage('v1.5.0'));
      // The first create takes effect, then the connection drops: the client never sees its id.
      w.sim.setFaults({
        rules: [
          { service: 'fly', operation: 'createMachine', kind: 'applied-then-lost', times: 1 },
        ],
      });
      const result = await target.follow(started, FOLLOW);
      expect(result).toMatchObject({ ok: false, status: 'ROLLED_BACK', emergency: false });
      if (result.ok) return;
      expect(result.message).toMatch(
        new RegExp(
          `a green machine beside ${APP_MACHINES[0]} \\(arn\\) failed: .*; the green machine was destroyed and the old machines`,
        ),
      );
      // Never retried blindly: one create, applied; and that machine destroyed.
      expect(w.sim.calls({ service: 'fly', operation: 'createMachine' })).toHaveLength(1);
      const machines = w.sim.fly.machines(FLY_APP).filter((m) => m.processGroup === 'app');
      const made = machines.filter((m) => !(APP_MACHINES as readonly string[]).includes(m.id));
      expect(made.map((m) => m.state)).toEqual(['destroyed']);
      expect(
        machines
          .filter((m) => (APP_MACHINES as readonly string[]).includes(m.id))
          .map((m) => [m.state, m.history.length, m.lease]),
      ).toEqual(APP_MACHINES.map(() => ['started', 1, undefined]));
      expect(await w.version()).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'greens that cannot take the traffic are destroyed like greens that did not come up',
    async ({ onTestFinished }) => {
      const w = await flyWorld(onTestFinished);
      const target = bluegreen(w);
      const started = await target.switchImage(w.ecrImage('v1.5.0'));
      w.sim.setFaults({
        rules: [{ service: 'fly', operation: 'uncordonMachine', kind: 'access-denied' }],
      });
      const result = await target.follow(started, FOLLOW);
      expect(result).toMatchObject({ ok: false, status: 'ROLLED_BACK', emergency: false });
      if (result.ok) return;
      // The same words as any failure before the switch: which old machines kept serving.
      expect(result.message).toMatch(
        new RegExp(
          `^Fly bluegreen to .*: moving traffic to the green machines failed: .*; the 3 green machines were destroyed and the old machines \\(${APP_MACHINES.join(', ')}\\) kept serving .*, never changed$`,
        ),
      );
      const machines = w.sim.fly.machines(FLY_APP).filter((m) => m.processGroup === 'app');
      const made = machines.filter((m) => !(APP_MACHINES as readonly string[]).includes(m.id));
      expect(made.map((m) => m.state)).toEqual(['destroyed', 'destroyed', 'destroyed']);
      expect(
        machines
          .filter((m) => (APP_MACHINES as readonly string[]).includes(m.id))
          .map((m) => [m.state, m.history.length, m.lease]),
      ).toEqual(APP_MACHINES.map(() => ['started', 1, undefined]));
      expect(await w.version()).toBe('v1.4.2');
    },
  );
});
