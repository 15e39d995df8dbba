import {
  ECSClient,
  UpdateExpressGatewayServiceCommand,
  type KeyValuePair,
  type Secret,
} from '@aws-sdk/client-ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { startDeployWorld, testConfig, type DeployWorld } from '../helpers/deploy-world.js';
import { dropFixture, ECS_ARN, onEcsExpress } from '../helpers/target-world.js';
import type { ActionRun } from '../../sim/run-action.js';
import type { SimHandle } from '../../sim/index.js';
import type { TargetKind } from '../../core/targets/target.js';

// The same deploy scenarios, through the built deploy bundle, on both deploy targets: the
// pipeline is one; only the target the configuration names differs.

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

interface Platform {
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
}

const PLATFORMS: Platform[] = [
  {
    kind: 'app-runner',
    service: 'apprunner',
    update: 'UpdateService',
    restart: 'StartDeployment',
    config: (sim) => testConfig(sim),
    serving: (sim) => sim.service('drop-web').running.version,
    makeBusy: async (sim) => sim.startMaintenance('drop-web', 60_000),
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
  },
];

const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

async function world(
  p: Platform,
  faults?: NonNullable<Parameters<typeof startDeployWorld>[0]>['faults'],
) {
  const w = await startDeployWorld(
    { fixture: dropFixture(), timeScale: 0.003, ...(faults ? { faults } : {}) },
    p.config,
  );
  worlds.push(w);
  return w;
}

describe.each(PLATFORMS)('deploy on $kind', (p) => {
  it.concurrent('deploys a good image green, then again unchanged', async () => {
    const w = await world(p);
    const result = await w.run('deploy', { image: 'v1.5.0' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(p.serving(w.sim)).toBe('v1.5.0');
    expect(w.sim.calls({ service: p.service, operation: p.update })).toHaveLength(1);
    const again = await w.run('deploy', { image: 'v1.5.0' });
    expect(again.outputs['result']).toBe('unchanged');
    expect(w.sim.calls({ service: p.service, operation: p.update })).toHaveLength(1);
  });

  it.concurrent(
    'a deploy the platform rolled back is red, and the old version keeps serving',
    async () => {
      const w = await world(p);
      const result = await w.run('deploy', { image: 'v1.5.1-broken' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs['result']).toBe('failed');
      expect(errors(result).at(-1)).toMatch(
        p.kind === 'app-runner'
          ? /App Runner rejected v1\.5\.1-broken .* and kept v1\.4\.2/
          : /ECS rolled v1\.5\.1-broken back: .*, and kept v1\.4\.2/,
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
    const result = await w.run('deploy', { image: 'v1.5.0' });
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
      // Retried calls that failed changed nothing; exactly one update took effect.
      expect(
        w.sim
          .calls({ service: p.service, operation: p.update })
          .filter((c) => !c.fault && !c.error),
      ).toHaveLength(1);
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
    expect(w.sim.calls({ service: p.service, operation: p.restart })).toHaveLength(1);
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
