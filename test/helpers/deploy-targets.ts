/**
 * The same deploy scenarios, through the built deploy bundle, on every deploy target: the
 * pipeline is one; only the target the configuration names differs. A test file runs them for
 * some of the targets (test/dist/deploy-targets*.dist.test.ts): the targets' files run in
 * processes of their own, side by side, each scenario with its own sim.
 */
import {
  ECSClient,
  UpdateExpressGatewayServiceCommand,
  type KeyValuePair,
  type Secret,
} from '@aws-sdk/client-ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { startDeployWorld, testConfig, type DeployWorld } from './deploy-world.js';
import { dropFixture, ECS_ARN, onEcsExpress } from './target-world.js';
import { APP_MACHINES, FLY_APP, flyFixture, onFly } from './fly-world.js';
import {
  AutoScalingClient,
  DescribeInstanceRefreshesCommand,
  StartInstanceRefreshCommand,
} from '@aws-sdk/client-auto-scaling';
import { ASG_GROUP, asgFixture, asgServing, onAsg } from './asg-fixture.js';
import type { ActionRun } from '../../sim/run-action.js';
import type { SimHandle } from '../../sim/index.js';
import type { TargetKind } from '../../core/targets/target.js';
import type { FixtureInput } from '../../sim/fixture.js';

export const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

export interface Platform {
  kind: TargetKind;
  /** The sim's service name for fault rules and call filters. */
  service: string;
  update: string;
  /** The call that starts a deployment of what runs. */
  restart: string;
  config(sim: SimHandle): string;
  /** The version the service runs now, as the sim's platform has it. */
  serving(sim: SimHandle): string;
  /** Something else is deploying: platform maintenance, or another update. */
  makeBusy(sim: SimHandle): Promise<void>;
  /**
   * Ends what makeBusy started, once the deploy has seen it (a long busy spell the test ends,
   * rather than a short one a loaded machine's slow start could miss). Without it the busy
   * spell ends on its own.
   */
  endBusy?(sim: SimHandle): Promise<void>;
  /** Modelled ms of an image switch, from the update call to the platform's end. */
  switchMs(sim: SimHandle): number;
  /** Modelled ms from the new version going live in the sim to the platform's end. */
  liveToEndMs(sim: SimHandle): number;
  /** Update (and restart) calls per switch: one per machine where the client rolls it out. */
  callsPerSwitch?: number;
  fixture?: () => FixtureInput;
  /** Inputs the platform needs besides the common ones (its API token). */
  inputs?: (sim: SimHandle) => Record<string, string>;
  /** The failure line of a version the platform refused. */
  refused?: RegExp;
}

export const PLATFORMS: Platform[] = [
  {
    kind: 'app-runner',
    service: 'apprunner',
    update: 'UpdateService',
    restart: 'StartDeployment',
    config: (sim) => testConfig(sim),
    serving: (sim) => sim.service('drop-web').running.version,
    makeBusy: async (sim) => sim.startMaintenance('drop-web', 60_000),
    switchMs: (sim) => sim.fixture.durations.deployPending + sim.fixture.durations.deploy,
    // App Runner switches what serves when its operation succeeds.
    liveToEndMs: () => 0,
    refused: /App Runner rejected v1\.5\.1-broken .* and kept v1\.4\.2/,
  },
  {
    kind: 'ecs-express',
    service: 'ecs',
    update: 'UpdateExpressGatewayService',
    restart: 'UpdateService',
    // The same environment, naming its ECS Express service as `target`.
    config: (sim) => onEcsExpress(testConfig(sim), sim),
    serving: (sim) => sim.ecs.service('drop-web').running.version,
    makeBusy: async (sim) => {
      const ecs = new ECSClient(sim.clientConfig({ maxAttempts: 1 }));
      const s = sim.ecs.service('drop-web');
      await ecs.send(
        new UpdateExpressGatewayServiceCommand({
          serviceArn: ECS_ARN,
          primaryContainer: {
            image: `${sim.accountId}.dkr.ecr.${sim.region}.amazonaws.com/drop-web:v1.4.0`,
            containerPort: 3000,
            environment: s.current.environment as KeyValuePair[],
            secrets: s.current.secrets as Secret[],
          },
        }),
      );
      ecs.destroy();
    },
    switchMs: (sim) => {
      const d = sim.fixture.ecs.durations;
      return d.pending + d.scaleUp + d.canaryBake + d.bake + d.cleanUp;
    },
    // The new tasks start at scale-up and serve through the canary before ECS ends.
    liveToEndMs: (sim) => {
      const d = sim.fixture.ecs.durations;
      return d.scaleUp + d.canaryBake + d.bake + d.cleanUp;
    },
    refused: /ECS rolled v1\.5\.1-broken back: .*, and kept v1\.4\.2/,
  },
  {
    kind: 'asg',
    service: 'autoscaling',
    // A switch makes a new group (and a restart refreshes the serving group's instances).
    update: 'CreateAutoScalingGroup',
    restart: 'StartInstanceRefresh',
    fixture: () => asgFixture({ deregistrationDelay: 1 }),
    config: (sim) => onAsg(testConfig(sim), sim),
    serving: asgServing,
    // A refresh with an hour's warm-up per instance (22 s real): under way whenever the
    // deploy first looks; the test then moves the clock through it.
    makeBusy: async (sim) => {
      const asg = new AutoScalingClient(sim.clientConfig({ maxAttempts: 1 }));
      await asg.send(
        new StartInstanceRefreshCommand({
          AutoScalingGroupName: ASG_GROUP,
          Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 3600 },
        }),
      );
      asg.destroy();
    },
    endBusy: async (sim) => {
      const asg = new AutoScalingClient(sim.clientConfig({ maxAttempts: 1 }));
      const refreshing = async () =>
        (
          await asg.send(new DescribeInstanceRefreshesCommand({ AutoScalingGroupName: ASG_GROUP }))
        ).InstanceRefreshes!.some((r) => r.Status === 'Pending' || r.Status === 'InProgress');
      // Two instances, each a boot and an hour's warm-up: at most three modelled hours, ten
      // minutes a step (each step runs the refresh's events due in it, in order).
      for (let i = 0; i < 18 && (await refreshing()); i++) sim.advance(sim.scaled(600_000));
      asg.destroy();
    },
    // Boot, then the healthy threshold of health checks; the listener switch is immediate.
    switchMs: (sim) => sim.fixture.asg.durations.launch + 3 * 10_000,
    liveToEndMs: () => 3 * 10_000,
    refused:
      /v1\.5\.1-broken never had every target healthy behind the load balancer .*; group drop-web-2 deleted, and drop-web-1 kept serving v1\.4\.2/,
  },
  {
    kind: 'fly',
    service: 'fly',
    update: 'updateMachine',
    restart: 'restartMachine',
    config: (sim) => onFly(testConfig(sim), sim),
    serving: (sim) => {
      const versions = new Set(
        sim.fly
          .machines(FLY_APP)
          .filter((m) => m.processGroup === 'app')
          .map((m) => m.running.version),
      );
      return versions.size === 1 ? [...versions][0]! : [...versions].join('+');
    },
    // Someone runs flyctl: the second machine is leased for ten modelled hours (108 s real:
    // still held whenever the bundle gets to look); the test lets it expire once seen.
    makeBusy: async (sim) =>
      sim.fly.holdLease(FLY_APP, APP_MACHINES[1], 'someone@example.com', 36_000_000),
    endBusy: async (sim) => sim.fly.holdLease(FLY_APP, APP_MACHINES[1], 'someone@example.com', 0),
    // Three machines in turn: replaced, then the checks' grace period.
    switchMs: (sim) => 3 * (sim.fixture.fly.durations.replace + 5_000),
    // The first machine serves once healthy; the other two follow.
    liveToEndMs: (sim) => 2 * (sim.fixture.fly.durations.replace + 5_000),
    callsPerSwitch: APP_MACHINES.length,
    fixture: flyFixture,
    inputs: (sim) => ({ 'fly-api-token': sim.fly.token }),
    refused: new RegExp(
      `Fly machine ${APP_MACHINES[0]} \\(arn\\) failed on v1\\.5\\.1-broken: .*; the update stopped there, ${APP_MACHINES[0]} put back on v1\\.4\\.2 and healthy, ${APP_MACHINES[1]}, ${APP_MACHINES[2]} never changed`,
    ),
  },
];

/** Registers the scenarios for the targets of `kinds` (the rollback on asg with asg). */
export function deployScenarios(kinds: readonly TargetKind[]): void {
  const platforms = PLATFORMS.filter((p) => kinds.includes(p.kind));
  const worlds: DeployWorld[] = [];
  afterAll(async () => {
    await Promise.all(worlds.map((w) => w.stop()));
  });

  async function world(
    p: Platform,
    faults?: NonNullable<Parameters<typeof startDeployWorld>[0]>['faults'],
  ) {
    const w = await startDeployWorld(
      { fixture: (p.fixture ?? dropFixture)(), timeScale: 0.003, ...(faults ? { faults } : {}) },
      p.config,
    );
    worlds.push(w);
    return withPlatformInputs(w, p);
  }

  /** The world's runs with the platform's own inputs (Fly's API token) added. */
  function withPlatformInputs(w: DeployWorld, p: Platform): DeployWorld {
    const extra = p.inputs?.(w.sim);
    if (!extra) return w;
    const run = w.run.bind(w);
    return { ...w, run: (action, inputs, more) => run(action, { ...extra, ...inputs }, more) };
  }

  describe.each(platforms)('deploy on $kind', (p) => {
    it.concurrent('deploys a good image green, then again unchanged', async () => {
      const w = await world(p);
      const result = await w.run('deploy', { image: 'v1.5.0' });
      expect(errors(result)).toEqual([]);
      expect(result.outputs['result']).toBe('deployed');
      expect(p.serving(w.sim)).toBe('v1.5.0');
      const updates = p.callsPerSwitch ?? 1;
      expect(w.sim.calls({ service: p.service, operation: p.update })).toHaveLength(updates);
      const again = await w.run('deploy', { image: 'v1.5.0' });
      expect(again.outputs['result']).toBe('unchanged');
      expect(w.sim.calls({ service: p.service, operation: p.update })).toHaveLength(updates);
    });

    it.concurrent(
      'a deploy the platform rolled back is red, and the old version keeps serving',
      async () => {
        const w = await world(p);
        const result = await w.run('deploy', { image: 'v1.5.1-broken' });
        expect(result.exitCode).toBe(1);
        expect(result.outputs['result']).toBe('failed');
        expect(errors(result).at(-1)).toMatch(
          p.refused ??
            (p.kind === 'app-runner'
              ? /App Runner rejected v1\.5\.1-broken .* and kept v1\.4\.2/
              : /ECS rolled v1\.5\.1-broken back: .*, and kept v1\.4\.2/),
        );
        expect(p.serving(w.sim)).toBe('v1.4.2');
      },
    );

    it.concurrent(
      'a version that fails verification is rolled back and the old one verified',
      async () => {
        const w = await world(p);
        const result = await w.run('deploy', { image: 'v1.4.1' });
        expect(result.exitCode).toBe(1);
        expect(result.outputs['result']).toBe('rolled-back');
        expect(errors(result).at(-1)).toMatch(
          /v1\.4\.1 failed verification .*; rolled back to v1\.4\.2, which passes its checks/,
        );
        expect(p.serving(w.sim)).toBe('v1.4.2');
      },
    );

    it.concurrent('waits out a busy service, then deploys', async () => {
      const w = await world(p);
      await p.makeBusy(w.sim);
      let ended: Promise<void> | undefined;
      const result = await w.run(
        'deploy',
        { image: 'v1.5.0' },
        {
          echo: (line) => {
            if (p.endBusy && ended === undefined && /IN_PROGRESS/.test(line))
              ended = p.endBusy(w.sim);
          },
        },
      );
      await ended;
      expect(errors(result)).toEqual([]);
      // It saw the other deployment and waited for it, rather than failing or interrupting it.
      expect(result.stdout).toMatch(/IN_PROGRESS/);
      expect(result.outputs['result']).toBe('deployed');
      expect(p.serving(w.sim)).toBe('v1.5.0');
    });

    it.concurrent(
      'gets the outcome right with 20 % throttling and 5 % 5xx, updating once',
      async () => {
        const w = await world(p, {
          seed: 11,
          rules: [p.service, 'ecr', 'rds'].flatMap((service) => [
            { service, kind: 'throttle' as const, rate: 0.2 },
            { service, kind: 'server-error' as const, rate: 0.05 },
          ]),
        });
        const result = await w.run('deploy', { image: 'v1.5.0' });
        expect(errors(result)).toEqual([]);
        expect(result.outputs['result']).toBe('deployed');
        expect(w.sim.calls().filter((c) => c.fault).length).toBeGreaterThan(0);
        // Retried calls that failed changed nothing; exactly one update (per machine) took effect.
        expect(
          w.sim
            .calls({ service: p.service, operation: p.update })
            .filter((c) => !c.fault && !c.error),
        ).toHaveLength(p.callsPerSwitch ?? 1);
        expect(p.serving(w.sim)).toBe('v1.5.0');
      },
    );

    it.concurrent('restarts what runs (mode: restart): followed, verified, recorded', async () => {
      const w = await world(p);
      w.sim.clearCalls();
      const refused = await w.run('deploy', { mode: 'restart', reason: 'x', image: 'v1.5.0' });
      expect(errors(refused).at(-1)).toMatch(/input "image": is not used by mode: restart/);
      expect(w.sim.mutatingCalls()).toEqual([]);
      const result = await w.run('deploy', { mode: 'restart', reason: 'stuck connections' });
      expect(errors(result)).toEqual([]);
      expect(result.outputs['result']).toBe('restarted');
      expect(result.stdout).toMatch(/✓ Restart service: operation .*: (SUCCEEDED|SUCCESSFUL)/);
      expect(result.stdout).toMatch(/✓ Verify: 1 checks passed; reports v1\.4\.2/);
      expect(w.sim.calls({ service: p.service, operation: p.restart })).toHaveLength(
        p.callsPerSwitch ?? 1,
      );
      // No image change, no snapshot.
      expect(w.sim.calls({ service: p.service, operation: p.update })).toHaveLength(
        p.update === p.restart ? 1 : 0,
      );
      expect(w.sim.calls({ service: 'rds', operation: 'CreateDBSnapshot' })).toEqual([]);
      expect(p.serving(w.sim)).toBe('v1.4.2');
      const deployment = w.sim.github.deployments()[0];
      expect(deployment?.statuses.at(-1)?.state).toBe('success');
    });
  });

  // The incident path: a version known to serve that fails its checks is rolled back after
  // verify-failure-limit failures in a row, not after verify-timeout; one still warming up is
  // retried and kept.
  describe.each(platforms)('the incident path on $kind', (p) => {
    const POLL_MS = 100;
    const LIMIT = 3;

    it.concurrent(
      'a version whose app answers 503 is rolled back within limit × poll + the rollback + its verification',
      async () => {
        const w = await world(p);
        const lines: { at: number; text: string }[] = [];
        const result = await w.run(
          'deploy',
          { image: 'v1.4.1', 'verify-timeout': '60s', 'poll-interval': `${POLL_MS}ms` },
          { echo: (text) => lines.push({ at: Date.now(), text }) },
        );
        expect(result.outputs['result']).toBe('rolled-back');
        expect(errors(result).at(-1)).toMatch(
          /v1\.4\.1 failed verification \(api-health: status 503.* \(3 failures in a row once the new version served\)\); rolled back to v1\.4\.2, which passes its checks/,
        );
        expect(p.serving(w.sim)).toBe('v1.4.2');
        const at = (re: RegExp): number => {
          const line = lines.find((l) => re.test(l.text));
          if (!line) throw new Error(`no log line matches ${re}:\n${result.stdout}`);
          return line.at;
        };
        const serving = at(/✓ Update service/);
        const rollingBack = at(/putting v1\.4\.2 back/);
        const verified = at(/✓ Verify rollback/);
        const verification = verified - at(/✓ Roll back/);
        // The failures in a row, and a second for a loaded machine; verify-timeout is 60 s.
        expect(rollingBack - serving).toBeLessThan(LIMIT * POLL_MS + 1_000);
        // One poll of each follow may pass before it sees the platform's end.
        const bound = LIMIT * POLL_MS + w.sim.scaled(p.switchMs(w.sim)) + verification;
        expect(verified - serving).toBeLessThan(bound + 2 * POLL_MS + 1_000);
      },
    );

    it.concurrent(
      'a version that warms up (503 without a version to its first health polls), then serves 200, is kept',
      async () => {
        // Its first five health answers, on whichever instance, are 503 "starting": counted in
        // polls, not real ms, so a loaded machine's slow first poll cannot miss the warm-up. Five
        // are more than the failure limit, which would end the check had they been counted as
        // the new version failing.
        const WARM_POLLS = 5;
        const w = await world(p);
        w.sim.pushImage('drop-web', {
          tags: ['v1.6.0'],
          behaviour: 'warm-up',
          warmUpAnswers: WARM_POLLS,
        });
        const result = await w.run('deploy', {
          image: 'v1.6.0',
          'poll-interval': `${POLL_MS}ms`,
          'verify-timeout': '60s',
        });
        expect(errors(result)).toEqual([]);
        expect(result.outputs['result']).toBe('deployed');
        expect(result.stdout).toMatch(
          /… api-health: status 503, expected 200; .*version not reported/,
        );
        // It passed on the poll after the warm-up's, not before and not after a rollback.
        const passed = /✓ api-health: 200 in \d+ ms \(attempt (\d+)\)/.exec(result.stdout);
        expect(Number(passed?.[1])).toBeGreaterThan(LIMIT);
        expect(Number(passed?.[1])).toBeLessThanOrEqual(WARM_POLLS + 1);
        expect(p.serving(w.sim)).toBe('v1.6.0');
      },
    );
  });

  // The runbook's rollback on Auto Scaling, through the rollback bundle: no old group is left
  // after a deploy's keep-old, so the serving group goes back to the previous launch template
  // version by an instance refresh.
  if (kinds.includes('asg'))
    describe('rollback on asg', () => {
      const p = PLATFORMS.find((x) => x.kind === 'asg')!;

      it.concurrent(
        'refreshes the serving group to the previous launch template version',
        async () => {
          const w = await world(p);
          for (const image of ['v1.4.0', 'v1.5.0'])
            expect((await w.run('deploy', { image, snapshot: 'false' })).outputs['result']).toBe(
              'deployed',
            );
          expect(w.sim.asg.groups().map((g) => g.name)).toEqual(['drop-web-3']);
          const result = await w.run('rollback', { reason: 'v1.5.0 is broken', snapshot: 'false' });
          expect(errors(result)).toEqual([]);
          expect(result.outputs['result']).toBe('rolled-back');
          expect(result.stdout).toMatch(
            /Rolling drop-web-3 back in place: launch template version 2 and an instance refresh/,
          );
          expect(p.serving(w.sim)).toBe('v1.4.0');
          expect(w.sim.asg.group('drop-web-3').template.version).toBe('2');
          // Two deploys made two groups; the rollback made none.
          expect(
            w.sim.calls({ service: 'autoscaling', operation: 'CreateAutoScalingGroup' }),
          ).toHaveLength(2);
          expect(
            w.sim.calls({ service: 'autoscaling', operation: 'StartInstanceRefresh' }),
          ).toHaveLength(1);
        },
      );
    });
}
