/**
 * The asg target through the built deploy bundle: the canary's verdicts (asserted from the
 * sim's per-group request counts), its minimum sample, a run killed mid-canary and run again,
 * an image of another family refused before any change, and `mode: scale`.
 *
 * Apart from the scenario table all targets share (test/helpers/deploy-targets.ts) to keep
 * each file's wall time modest. Holds are real time; at ×0.003 one second is 5.5 modelled
 * minutes, about 66 requests to a group at 10 % (fixture: 120 a minute).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sim/run-action.js';
import type { SimHandle } from '../../sim/index.js';
import type { FixtureInput } from '../../sim/fixture.js';
import { startDeployWorld, testConfig, type DeployWorld } from '../helpers/deploy-world.js';
import { ASG_GROUP, TARGET_GROUP, asgFixture, asgServing, onAsg } from '../helpers/asg-fixture.js';

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

const CANARY = `, strategy: canary, canary: { steps: [{ weight: 10, hold: 1500ms }, { weight: 50, hold: 1500ms }, { weight: 100 }], poll-interval: 150ms, min-requests: 40 }`;

const BAKE = `    bake:
      error-rate: 5
      latency-p99: 1000
      consecutive-minutes: 3
`;

const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

async function world(
  target = '',
  fixture: FixtureInput = asgFixture({ deregistrationDelay: 1 }),
): Promise<DeployWorld> {
  const w = await startDeployWorld({ fixture, timeScale: 0.003 }, (sim: SimHandle) =>
    onAsg(testConfig(sim), sim, target).concat(BAKE),
  );
  worlds.push(w);
  return w;
}

const serving = (w: DeployWorld): string[] =>
  Object.entries(w.sim.asg.weights())
    .filter(([, weight]) => weight > 0)
    .map(([name]) => name)
    .sort();

const liveGroups = (w: DeployWorld): string[] =>
  w.sim.asg
    .groups()
    .filter((g) => !g.deleting)
    .map((g) => g.name);

/** The highest weight the listener ever gave a target group. */
const maxWeight = (w: DeployWorld, group: string): number =>
  Math.max(0, ...w.sim.asg.weightHistory().map((h) => h.weights[group] ?? 0));

describe('canary on asg, through the deploy bundle', () => {
  it.concurrent(
    'a version with 8 % errors is caught at the 10 % step and never gets more than 10 % of the traffic',
    async () => {
      const w = await world(CANARY);
      w.sim.pushImage('drop-web', { tags: ['v1.6.0-errors'], errorRate: 0.08 });
      const from = w.sim.asg.now();
      const result = await w.run('deploy', { image: 'v1.6.0-errors', snapshot: 'false' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs['result']).toBe('failed');
      expect(errors(result).at(-1)).toMatch(
        /canary v1\.6\.0-errors breached at the 10 % step: error rate \d+\.\d % on the new group \(\d+\/\d+\) against 0\.0 % on the old one \(0\/\d+\); the limit was 1\.0 %; all traffic is back on drop-web-1 \(v1\.4\.2\) and group drop-web-2 is deleted/,
      );
      expect(maxWeight(w, 'drop-web-2')).toBe(10);
      const fresh = w.sim.asg.requests('drop-web-2', from);
      const old = w.sim.asg.requests(TARGET_GROUP, from);
      expect(fresh.requests).toBeGreaterThanOrEqual(40);
      expect(fresh.server / fresh.requests).toBeCloseTo(0.08, 2);
      expect(fresh.requests / (fresh.requests + old.requests)).toBeLessThanOrEqual(0.1);
      expect(serving(w)).toEqual([TARGET_GROUP]);
      expect(liveGroups(w)).toEqual([ASG_GROUP]);
      expect(asgServing(w.sim)).toBe('v1.4.2');
    },
  );

  it.concurrent('a version with a 1.5 s p99 is caught at its step', async () => {
    const w = await world(CANARY);
    const from = w.sim.asg.now();
    const result = await w.run('deploy', { image: 'v1.5.2-slow', snapshot: 'false' });
    expect(result.outputs['result']).toBe('failed');
    expect(errors(result).at(-1)).toMatch(
      /breached at the 10 % step: p99 1[5-9]\d\d ms on the new group against \d+ ms on the old one; the limit was \d+ ms; all traffic is back on drop-web-1/,
    );
    expect(maxWeight(w, 'drop-web-2')).toBe(10);
    const fresh = w.sim.asg.requests('drop-web-2', from);
    const old = w.sim.asg.requests(TARGET_GROUP, from);
    expect(fresh.requests / (fresh.requests + old.requests)).toBeLessThanOrEqual(0.1);
    expect(serving(w)).toEqual([TARGET_GROUP]);
    expect(liveGroups(w)).toEqual([ASG_GROUP]);
  });

  it.concurrent(
    'a healthy version goes 10 → 50 → 100 %, each step judged on its requests, and the old group is deleted after keep-old',
    async () => {
      const w = await world(CANARY);
      const from = w.sim.asg.now();
      const result = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
      expect(errors(result)).toEqual([]);
      expect(result.outputs['result']).toBe('deployed');
      // The steps' weights and both groups' figures, side by side.
      expect(result.stdout).toMatch(
        /10 % \(old 90 %\): new 0\.0 % errors, p99 \d+ ms \((\d+) requests\) \| old 0\.0 %, p99 \d+ ms \(\d+ requests\); 50 % \(old 50 %\): new 0\.0 % errors/,
      );
      const history = w.sim.asg.weightHistory().filter((h) => h.at >= from);
      expect(history.map((h) => h.weights['drop-web-2'] ?? 0)).toEqual([10, 50, 1]);
      // The requests the sim counted for the new group in each step.
      const [ten, fifty, all] = history.map((h) => h.at);
      const atTen = w.sim.asg.requests('drop-web-2', ten, fifty);
      const atFifty = w.sim.asg.requests('drop-web-2', fifty, all);
      const oldAtFifty = w.sim.asg.requests(TARGET_GROUP, fifty, all);
      expect(atTen.requests).toBeGreaterThanOrEqual(40);
      expect(atFifty.requests / (atFifty.requests + oldAtFifty.requests)).toBeCloseTo(0.5, 1);
      expect(result.stdout).toMatch(/Keeping drop-web-1 for 1\.0s \(keep-old\)/);
      expect(liveGroups(w)).toEqual(['drop-web-2']);
      expect(serving(w)).toEqual(['drop-web-2']);
      expect(w.sim.asg.targetGroups().map((t) => t.name)).toEqual(['drop-web-2']);
      expect(asgServing(w.sim)).toBe('v1.5.0');
    },
  );

  it.concurrent(
    'too few requests in a step is no pass: the step waits to its end, then the traffic goes back and the run is red',
    async () => {
      // 10 % of the traffic for 1.5 s is about 100 requests: never 5000.
      const w = await world(CANARY.replace('min-requests: 40', 'min-requests: 5000'));
      const started = Date.now();
      const result = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
      expect(result.outputs['result']).toBe('failed');
      expect(errors(result).at(-1)).toMatch(
        /canary v1\.5\.0 could not be judged at the 10 % step: too few requests to judge: \d+ on the new group and \d+ on the old one in the window, and each needs 5000 \(canary\.min-requests\); all traffic is back on drop-web-1/,
      );
      // It waited the whole hold for more requests, and never went past 10 %.
      expect(Date.now() - started).toBeGreaterThan(1_500);
      expect(maxWeight(w, 'drop-web-2')).toBe(10);
      expect(serving(w)).toEqual([TARGET_GROUP]);
      expect(liveGroups(w)).toEqual([ASG_GROUP]);
    },
  );

  it.concurrent(
    'a run killed mid-canary, run again: exactly one serving group at 100 % and no orphaned group',
    async () => {
      const w = await world(CANARY);
      const killed = await w.run(
        'deploy',
        { image: 'v1.5.0', snapshot: 'false' },
        { loseRunnerOn: /Canary step: 10 % to drop-web-2/ },
      );
      expect(killed.exitCode).not.toBe(0);
      // What the lost runner left: the listener split, two groups.
      expect(serving(w)).toEqual(['drop-web-1', 'drop-web-2']);
      const again = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
      expect(errors(again)).toEqual([]);
      expect(again.outputs['result']).toBe('deployed');
      expect(again.stdout).toMatch(
        /An earlier run left the listener split .* all traffic goes back to drop-web-1 and the others are deleted first/,
      );
      expect(w.sim.asg.weights()).toEqual({ 'drop-web-3': 1 });
      expect(liveGroups(w)).toEqual(['drop-web-3']);
      expect(w.sim.asg.targetGroups().map((t) => t.name)).toEqual(['drop-web-3']);
      expect(asgServing(w.sim)).toBe('v1.5.0');
    },
  );
});

describe('bad input on asg, through the deploy bundle', () => {
  it.concurrent(
    'a launch template of another image family is refused before any change: no snapshot, no new version',
    async () => {
      // The launch template runs other-app; the environment deploys drop-web images.
      const fixture = asgFixture({
        deregistrationDelay: 1,
        image: 'other-app:v1.4.2',
      }) as FixtureInput & { ecr: { repositories: { name: string }[] } };
      const drop = fixture.ecr.repositories.find((r) => r.name === 'drop-web')!;
      fixture.ecr.repositories.push({ ...drop, name: 'other-app' });
      const w = await world('', fixture);
      w.sim.clearCalls();
      const result = await w.run('deploy', { image: 'v1.5.0' });
      expect(result.exitCode).toBe(1);
      expect(errors(result).at(-1)).toMatch(
        /launch template drop-web-lt runs images of other-app, and .*drop-web[:@]\S+ is of drop-web: another image family; deploy an image of other-app, or name this service's own launch template in target\.launch-template/,
      );
      expect(w.sim.calls({ service: 'rds', operation: 'CreateDBSnapshot' })).toEqual([]);
      expect(w.sim.calls({ operation: 'CreateLaunchTemplateVersion' })).toEqual([]);
      expect(w.sim.mutatingCalls()).toEqual([]);
      expect(w.sim.github.deployments()).toEqual([]);
    },
  );
});

describe('mode: scale on asg, through the deploy bundle', () => {
  it.concurrent(
    'refuses a capacity outside min/max before any change, then scales, waits for healthy targets, verifies and watches the response time',
    async () => {
      const w = await world();
      w.sim.clearCalls();
      const missing = await w.run('deploy', { mode: 'scale' });
      expect(errors(missing).at(-1)).toMatch(/input "capacity": is required with mode: scale/);
      const image = await w.run('deploy', { mode: 'scale', capacity: '4', image: 'v1.5.0' });
      expect(errors(image).at(-1)).toMatch(/input "image": is not used by mode: scale/);
      const outside = await w.run('deploy', { mode: 'scale', capacity: '7' });
      expect(outside.exitCode).toBe(1);
      expect(errors(outside).at(-1)).toMatch(
        /input "capacity": 7 is outside drop-web-1's min\/max \(1–6\); give a capacity within it/,
      );
      expect(w.sim.mutatingCalls()).toEqual([]);

      const result = await w.run('deploy', {
        mode: 'scale',
        capacity: '4',
        reason: 'the spring campaign',
        bake: '3m',
      });
      expect(errors(result)).toEqual([]);
      expect(result.outputs['result']).toBe('scaled');
      expect(result.stdout).toMatch(/✓ Scale: drop-web-1: 4 instances InService and healthy/);
      expect(result.stdout).toMatch(/✓ Verify: 1 checks passed; reports v1\.4\.2/);
      expect(result.summary).toMatch(/\| Bake \| ✅ ok \| [^|]+ \| watched 3 of 3 minutes/);
      expect(result.summary).toMatch(
        /Scale to production: scaled[\s\S]*Scaled drop-web-1 from 2 to 4 instances in production; it passed its checks and its response time held/,
      );
      expect(w.sim.asg.group(ASG_GROUP).desired).toBe(4);
      expect(
        w.sim.asg
          .targetGroups()
          .find((t) => t.name === TARGET_GROUP)!
          .targets.map((t) => t.state),
      ).toEqual(['healthy', 'healthy', 'healthy', 'healthy']);
      // One change on AWS (the Slack message is the other call that changes anything).
      expect(w.sim.mutatingCalls().map((c) => c.operation)).toEqual([
        'SetDesiredCapacity',
        'postMessage',
      ]);
      expect(w.sim.calls({ service: 'rds', operation: 'CreateDBSnapshot' })).toEqual([]);
      const slack = w.sim.slackMessages().at(-1);
      expect(JSON.stringify(slack)).toMatch(/Capacity.*2 → 4/);
    },
  );
});
