/**
 * The asg deploy target against the sim over HTTP with the real SDK clients: blue/green with a
 * rollback that is one listener switch back, the canary judged by the two target groups'
 * metrics (asserted from the sim's per-group request counts), a run killed mid-canary, the
 * in-place rollback by instance refresh, scaling, and the bad input refused before a change.
 */
import { describe, expect, it } from 'vitest';
import { TargetNotUpdatable } from '../../core/targets/target.js';
import { ASG_GROUP, TARGET_GROUP } from '../helpers/asg-fixture.js';
import { asgWorld, type AsgWorld } from '../helpers/asg-world.js';

const FOLLOW = { timeoutMs: 30_000, intervalMs: 40 };
// Holds are real time; at ×0.003 one second is 5.5 modelled minutes of traffic.
const CANARY = {
  strategy: 'canary',
  canary: {
    steps: [{ weight: 10, hold: '1200ms' }, { weight: 50, hold: '1200ms' }, { weight: 100 }],
    'poll-interval': '150ms',
    // About 80 requests reach the new group in a 10 % step of 1.2 s at this scale.
    'min-requests': 40,
  },
};

async function version(w: AsgWorld): Promise<string> {
  const res = await fetch(`${w.sim.asg.url()}/api/health`);
  const body = (await res.json()) as { data: { version?: string } };
  return res.status === 200 ? (body.data.version ?? 'none') : `status ${res.status}`;
}

const serving = (w: AsgWorld): string[] =>
  Object.entries(w.sim.asg.weights())
    .filter(([, weight]) => weight > 0)
    .map(([name]) => name);

const liveGroups = (w: AsgWorld): string[] =>
  w.sim.asg
    .groups()
    .filter((g) => !g.deleting)
    .map((g) => g.name);

describe('deploy target asg', () => {
  it.concurrent(
    'blue/green: a new group from a new launch template version, healthy, then the listener switched; the old one retired after keep-old',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished);
      const before = await w.target.describe();
      expect(before).toMatchObject({
        kind: 'asg',
        name: ASG_GROUP,
        image: w.image('v1.4.2'),
        status: '2/2 InService',
      });
      expect(before.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(await w.target.preflight()).toMatchObject({ updatable: true });
      const started = await w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW });
      expect(started).toMatchObject({ id: 'drop-web-2', previous: w.image('v1.4.2') });
      // Nothing serves the new group until every target is healthy.
      expect(serving(w)).toEqual([TARGET_GROUP]);
      const result = await w.target.follow(started, FOLLOW);
      expect(result).toEqual({ ok: true, id: 'drop-web-2', status: 'SWITCHED' });
      expect(serving(w)).toEqual(['drop-web-2']);
      expect(await version(w)).toBe('v1.5.0');
      expect(w.sim.asg.group('drop-web-2')).toMatchObject({
        min: 1,
        max: 6,
        desired: 2,
        template: { version: '2' },
      });
      expect((await w.target.describe()).image).toBe(w.image('v1.5.0'));
      // The old group is kept (a rollback is one switch back) …
      expect(liveGroups(w)).toEqual([ASG_GROUP, 'drop-web-2']);
      const started2 = Date.now();
      const line = await w.target.retire();
      // … for keep-old (1 s), then deleted with its target group.
      expect(Date.now() - started2).toBeGreaterThanOrEqual(1_000);
      expect(line).toMatch(/kept 1\.0s, then deleted drop-web-1/);
      expect(liveGroups(w)).toEqual(['drop-web-2']);
      expect(w.sim.asg.targetGroups().map((t) => t.name)).toEqual(['drop-web-2']);
    },
  );

  it.concurrent(
    'a rollback before the old group is deleted is one listener switch back, and the failed group is deleted',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished);
      const started = await w.target.switchImage(w.image('v1.4.1'), { wait: FOLLOW });
      expect((await w.target.follow(started, FOLLOW)).ok).toBe(true);
      expect(await version(w)).toBe('status 503');
      w.sim.clearCalls();
      const back = await w.target.switchImage(started.previous, { wait: FOLLOW });
      expect(back.id).toBe(`listener/${ASG_GROUP}`);
      // One change: the listener.
      expect(w.sim.mutatingCalls().map((c) => c.operation)).toEqual(['ModifyListener']);
      expect(serving(w)).toEqual([TARGET_GROUP]);
      expect(await version(w)).toBe('v1.4.2');
      expect(await w.target.follow(back, FOLLOW)).toMatchObject({ ok: true });
      expect(liveGroups(w)).toEqual([ASG_GROUP]);
    },
  );

  it.concurrent(
    'an image whose instances never turn healthy is red before any traffic reaches it, and its group is deleted',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished, { config: { 'healthy-timeout': '2s' } });
      const started = await w.target.switchImage(w.image('v1.5.1-broken'), { wait: FOLLOW });
      const result = await w.target.follow(started, FOLLOW);
      expect(result).toMatchObject({ ok: false, status: 'UNHEALTHY', emergency: false });
      if (result.ok) return;
      // The group replaces an unhealthy instance after its grace period: the deadline may
      // find a replacement still in its first checks.
      expect(result.message).toMatch(
        /v1\.5\.1-broken never had every target healthy behind the load balancer \(gave up after 2\.0s .*0\/2 healthy: \d (unhealthy|initial) \((Target|Elb)\.[A-Za-z]+\).*\); group drop-web-2 deleted, and drop-web-1 kept serving/,
      );
      expect(w.sim.asg.weightHistory().every((h) => !('drop-web-2' in h.weights))).toBe(true);
      expect(liveGroups(w)).toEqual([ASG_GROUP]);
      expect(await version(w)).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'canary: a version with 8 % errors is caught at the 10 % step and never gets more than 10 % of the traffic',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished, { config: CANARY });
      w.sim.pushImage('drop-web', { tags: ['v1.6.0-errors'], errorRate: 0.08 });
      const from = Date.now();
      const started = await w.target.switchImage(w.image('v1.6.0-errors'), { wait: FOLLOW });
      const result = await w.target.follow(started, FOLLOW);
      expect(result).toMatchObject({ ok: false, status: 'CANARY_BREACHED', emergency: false });
      if (result.ok) return;
      expect(result.message).toMatch(
        /^canary .*v1\.6\.0-errors breached at the 10 % step: error rate (\d+\.\d) % on the new group \(\d+\/\d+\) against 0\.0 % on the old one \(0\/\d+\); the limit was 1\.0 %; all traffic is back on drop-web-1 .* and group drop-web-2 is deleted$/,
      );
      const rate = Number(/error rate (\d+\.\d) %/.exec(result.message)![1]);
      expect(rate).toBeGreaterThan(5);
      expect(rate).toBeLessThan(11);
      // The weights it ever had, and the requests the sim counted for each group.
      expect(Math.max(...w.sim.asg.weightHistory().map((h) => h.weights['drop-web-2'] ?? 0))).toBe(
        10,
      );
      const fresh = w.sim.asg.requests('drop-web-2', from);
      const old = w.sim.asg.requests(TARGET_GROUP, from);
      expect(fresh.requests).toBeGreaterThan(0);
      expect(fresh.requests / (fresh.requests + old.requests)).toBeLessThanOrEqual(0.1);
      expect(serving(w)).toEqual([TARGET_GROUP]);
      expect(liveGroups(w)).toEqual([ASG_GROUP]);
      expect(w.target.canaryReport[0]).toMatchObject({ weight: 10 });
    },
  );

  it.concurrent(
    'canary: a version with a 1.5 s p99 is caught at its step',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished, { config: CANARY });
      const started = await w.target.switchImage(w.image('v1.5.2-slow'), { wait: FOLLOW });
      const result = await w.target.follow(started, FOLLOW);
      expect(result).toMatchObject({ ok: false, status: 'CANARY_BREACHED' });
      if (result.ok) return;
      // The sim's p99 is 140–200 ms, plus 1.5 s for the slow version (sim/services/cloudwatch.ts).
      expect(result.message).toMatch(
        /breached at the 10 % step: p99 1[67]\d\d ms on the new group against (1\d\d|200) ms on the old one; the limit was \d+ ms/,
      );
      expect(serving(w)).toEqual([TARGET_GROUP]);
      expect(liveGroups(w)).toEqual([ASG_GROUP]);
    },
  );

  it.concurrent(
    'canary: a healthy version goes 10 → 50 → 100 % and the old group is deleted after keep-old',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished, { config: CANARY });
      const from = Date.now();
      const started = await w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW });
      const result = await w.target.follow(started, FOLLOW);
      expect(result).toMatchObject({ ok: true, id: 'drop-web-2', status: 'CANARY_PROMOTED' });
      // The summary's line per step: its weights and both groups' figures side by side.
      expect(result.steps).toEqual([
        expect.stringMatching(
          /^10 % \(old 90 %\): new 0\.0 % errors, p99 \d+ ms \(\d+ requests\) \| old 0\.0 %, p99 \d+ ms \(\d+ requests\)$/,
        ),
        expect.stringMatching(/^50 % \(old 50 %\): new 0\.0 % errors/),
        '100 % (old 0 %): all traffic on drop-web-2',
      ]);
      const steps = w.sim.asg
        .weightHistory()
        .filter((h) => h.at >= from)
        .map((h) => h.weights['drop-web-2'] ?? 0);
      expect(steps).toEqual([10, 50, 1]);
      expect(serving(w)).toEqual(['drop-web-2']);
      expect(w.target.canaryReport.map((r) => r.weight)).toEqual([10, 50, 100]);
      expect(w.target.canaryReport[0]!.verdict).toMatch(
        /^new 0\.0 % errors, p99 \d+ ms \(\d+ requests\) \| old 0\.0 %/,
      );
      expect(w.sim.asg.requests('drop-web-2', from).requests).toBeGreaterThan(0);
      await w.target.retire();
      expect(liveGroups(w)).toEqual(['drop-web-2']);
      expect(await version(w)).toBe('v1.5.0');
    },
  );

  it.concurrent(
    'a run killed mid-canary, run again: one serving group at 100 % and no orphaned group',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished, { config: CANARY });
      const killed = new AbortController();
      const first = w.targetWith({}, killed.signal);
      const started = await first.switchImage(w.image('v1.5.0'), { wait: FOLLOW });
      const run = first.follow(started, FOLLOW);
      // Killed while the 10 % step is held.
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if ((w.sim.asg.weights()['drop-web-2'] ?? 0) === 10) {
            clearInterval(timer);
            resolve();
          }
        }, 20);
        setTimeout(() => {
          clearInterval(timer);
          reject(new Error('the 10 % step never came'));
        }, 20_000);
      });
      // The process dies: its waits and calls stop where they are.
      killed.abort();
      await expect(run).rejects.toThrow();
      expect(serving(w).sort()).toEqual(['drop-web-1', 'drop-web-2']);
      // The next run: a new process, a new target.
      const again = w.targetWith({});
      const second = await again.switchImage(w.image('v1.5.0'), { wait: FOLLOW });
      expect(second.id).toBe('drop-web-3');
      expect(w.logger.lines.map((l) => l.message).join('\n')).toMatch(
        /An earlier run left the listener split .* all traffic goes back to drop-web-1 and the others are deleted first/,
      );
      const result = await again.follow(second, FOLLOW);
      expect(result.ok).toBe(true);
      await again.retire();
      expect(liveGroups(w)).toEqual(['drop-web-3']);
      expect(w.sim.asg.weights()).toEqual({ 'drop-web-3': 1 });
      expect(w.sim.asg.targetGroups().map((t) => t.name)).toEqual(['drop-web-3']);
    },
  );

  it.concurrent(
    'rolls back in place: the previous launch template version and an instance refresh (50 % healthy, 300 s warm-up)',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished);
      const started = await w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW });
      await w.target.follow(started, FOLLOW);
      await w.target.retire();
      expect(w.sim.asg.versions()['drop-web-2']).toEqual(['v1.5.0', 'v1.5.0']);
      const result = await w.target.rollBackInPlace(FOLLOW);
      expect(result).toMatchObject({ ok: true, version: 1 });
      const refresh = w.sim.calls({
        service: 'autoscaling',
        operation: 'StartInstanceRefresh',
      })[0]!;
      expect(refresh.params).toMatchObject({
        Preferences: { MinHealthyPercentage: '50', InstanceWarmup: '300' },
      });
      expect(w.sim.asg.versions()['drop-web-2']).toEqual(['v1.4.2', 'v1.4.2']);
      expect(await version(w)).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'a rollback in a later run, with no old group left, refreshes the serving group to the previous launch template version',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished);
      const started = await w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW });
      await w.target.follow(started, FOLLOW);
      await w.target.retire();
      w.sim.clearCalls();
      // Another run (rollback.yml): a new target, nothing kept from the deploy.
      const rollback = w.targetWith({});
      const back = await rollback.switchImage(w.image('v1.4.2'), { wait: FOLLOW });
      expect(back).toMatchObject({
        id: expect.stringMatching(/^refresh\/drop-web-2\//),
        previous: w.image('v1.5.0'),
      });
      expect(await rollback.follow(back, FOLLOW)).toMatchObject({ ok: true, status: 'SUCCESSFUL' });
      expect(w.sim.mutatingCalls().map((c) => c.operation)).toEqual([
        'UpdateAutoScalingGroup',
        'StartInstanceRefresh',
      ]);
      expect(
        w.sim.calls({ service: 'autoscaling', operation: 'StartInstanceRefresh' })[0]!.params,
      ).toMatchObject({ Preferences: { MinHealthyPercentage: '50', InstanceWarmup: '300' } });
      expect(w.sim.asg.group('drop-web-2').template.version).toBe('1');
      expect(w.sim.asg.versions()['drop-web-2']).toEqual(['v1.4.2', 'v1.4.2']);
      expect(await version(w)).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'scales within min/max and refuses a capacity outside it',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished);
      await expect(w.target.scale(7, FOLLOW)).rejects.toThrow(
        /capacity 7 is outside group drop-web-1's min\/max \(1–6\)/,
      );
      expect(w.sim.mutatingCalls()).toEqual([]);
      expect(await w.target.scale(4, FOLLOW)).toBe('drop-web-1: 4 instances InService and healthy');
      expect(w.sim.asg.targetGroups()[0]!.targets.map((t) => t.state)).toEqual([
        'healthy',
        'healthy',
        'healthy',
        'healthy',
      ]);
    },
  );

  it.concurrent('refuses bad input before any change', async ({ onTestFinished }) => {
    const w = await asgWorld(onTestFinished, { fixture: { deregistrationDelay: 300 } });
    // keep-old 1s against a 300 s deregistration delay.
    const check = await w.target.preflight();
    expect(check).toMatchObject({ updatable: false, busy: false });
    expect(check.reason).toMatch(
      /target\.keep-old 1s is shorter than target group drop-web-1's deregistration delay \(5m\): .* make keep-old at least 5m/,
    );
    const ok = w.targetWith({ 'keep-old': '5m' });
    expect((await ok.preflight()).updatable).toBe(true);
    // An image of another repository: another image family.
    await expect(
      ok.switchImage(w.image('v1.5.0').replace('/drop-web:', '/other-app:'), { wait: FOLLOW }),
    ).rejects.toThrow(TargetNotUpdatable);
    await expect(
      ok.switchImage(w.image('v1.5.0').replace('/drop-web:', '/other-app:'), { wait: FOLLOW }),
    ).rejects.toThrow(
      /runs images of drop-web, and .*other-app:v1\.5\.0 is of other-app: another image family/,
    );
    expect(w.sim.mutatingCalls()).toEqual([]);
  });
});
