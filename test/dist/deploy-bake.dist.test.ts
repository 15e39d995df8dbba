/**
 * The deploy bundle's bake period against the sim, on both deploy targets: a version answering
 * 8 % of requests with 5xx passes verification (its health endpoint is fine), then the bake
 * period sees `consecutive-minutes` bad minutes in the service's request metrics (App Runner's
 * own, or the load balancer's in front of the ECS Express service) and rolls it back exactly as
 * a failed verification does. A healthy version is watched for the whole bake and stays.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policyActions, type PolicyDocument } from '../workflows/iam-policy.js';
import type { ActionRun } from '../../sim/run-action.js';
import type { SimHandle } from '../../sim/index.js';
import type { TargetKind } from '../../core/targets/target.js';
import { startDeployWorld, testConfig, type DeployWorld } from '../helpers/deploy-world.js';
import { dropFixture, onEcsExpress } from '../helpers/target-world.js';

const BAKE = `    bake:
      error-rate: 5
      latency-p99: 1000
      consecutive-minutes: 3
`;

interface Platform {
  kind: TargetKind;
  config(sim: SimHandle): string;
  serving(sim: SimHandle): string;
  /** The CloudWatch namespace the bake reads. */
  namespace: string;
  /** The deploy role's policy (docs/setup.md §3). */
  policy: string;
}

const PLATFORMS: Platform[] = [
  {
    kind: 'app-runner',
    config: (sim) => testConfig(sim) + BAKE,
    serving: (sim) => sim.service('drop-web').running.version,
    namespace: 'AWS/AppRunner',
    policy: 'docs/iam-policy.json',
  },
  {
    kind: 'ecs-express',
    config: (sim) => onEcsExpress(testConfig(sim), sim) + BAKE,
    serving: (sim) => sim.ecs.service('drop-web').running.version,
    namespace: 'AWS/ApplicationELB',
    policy: 'docs/iam-policy-ecs-express.json',
  },
];

const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});
async function world(
  p: Platform,
  faults?: NonNullable<Parameters<typeof startDeployWorld>[0]>['faults'],
): Promise<DeployWorld> {
  const w = await startDeployWorld(
    { fixture: dropFixture(), ...(faults ? { faults } : {}) },
    p.config,
  );
  worlds.push(w);
  w.sim.pushImage('drop-web', { tags: ['v1.6.0'], errorRate: 0.08 });
  w.sim.pushImage('drop-web', { tags: ['v1.6.1'] });
  w.sim.pushImage('drop-web', { tags: ['v1.6.2'], behaviour: 'slow', latencyMs: 1500 });
  return w;
}
const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
/** The sim's service names as IAM's action prefixes. */
const IAM_PREFIX: Record<string, string> = {
  apprunner: 'apprunner',
  ecs: 'ecs',
  ecr: 'ecr',
  rds: 'rds',
  sts: 'sts',
  monitoring: 'cloudwatch',
};
/** Every AWS operation the world's runs called that the platform's deploy policy does not allow. */
function notAllowed(w: DeployWorld, p: Platform): string[] {
  const policy = JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../..', p.policy), 'utf8'),
  ) as PolicyDocument;
  const allowed = new Set(policyActions(policy));
  const called = w.sim
    .calls()
    .filter((c) => c.service in IAM_PREFIX)
    .map((c) => `${IAM_PREFIX[c.service]}:${c.operation}`);
  return [...new Set(called)].filter((a) => !allowed.has(a));
}
const namespaces = (w: DeployWorld): Set<unknown> =>
  new Set(
    w.sim
      .calls({ service: 'monitoring' })
      .map((c) => (c.params as { Namespace?: string }).Namespace),
  );

const ROLLED_BACK = (breach: string): RegExp =>
  new RegExp(
    `^deploy: v1\\.6\\.\\d failed verification \\(bake period: 3 consecutive bad minutes \\(${breach}.*limits 5 % 5xx, p99 1000 ms\\)\\); rolled back to v1\\.4\\.2, which passes its checks$`,
  );

async function rolledBackByBake(p: Platform, image: string, breach: string): Promise<void> {
  const w = await world(p);
  const result = await w.run('deploy', { image, bake: '10m', snapshot: 'false' });
  expect(result.exitCode).toBe(1);
  expect(result.outputs['result'], errors(result).join('\n')).toBe('rolled-back');
  expect(errors(result).at(-1)).toMatch(ROLLED_BACK(breach));
  expect(p.serving(w.sim)).toBe('v1.4.2');
  expect(result.summary).toMatch(/\| Verify \| ✅ ok \|/);
  expect(result.summary).toMatch(
    /\| Bake \| ✅ ok \| [^|]+ \| breach after 3 of 10 watched minutes/,
  );
  expect(result.summary).toMatch(/\| Roll back \| ✅ ok \|/);
  expect(namespaces(w)).toEqual(new Set([p.namespace]));
  // The deploy role's policy lets the bake read what it read.
  expect(notAllowed(w, p)).toEqual([]);
}

describe.each(PLATFORMS)('deploy on $kind: bake period', (p) => {
  // Neither platform watches latency when it deploys: only the bake can catch a slow version.
  it.concurrent(
    'rolls back a version with a 1.5 s p99 after 3 consecutive slow minutes, although it passed verification',
    async () => {
      await rolledBackByBake(p, 'v1.6.2', '(\\d+ % 5xx, )?p99 1[5-9]\\d\\d ms');
    },
  );

  it.concurrent('keeps a healthy version after watching every minute of the bake', async () => {
    const w = await world(p);
    const result = await w.run('deploy', { image: 'v1.6.1', bake: '5m', snapshot: 'false' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(result.summary).toMatch(/\| Bake \| ✅ ok \| [^|]+ \| watched 5 of 5 minutes/);
    expect(p.serving(w.sim)).toBe('v1.6.1');
    expect(namespaces(w)).toEqual(new Set([p.namespace]));
  });

  it.concurrent(
    'refuses a bake it could not watch before anything changes (CloudWatch AccessDenied)',
    async () => {
      const w = await world(p, { rules: [{ service: 'monitoring', kind: 'access-denied' }] });
      const result = await w.run('deploy', { image: 'v1.6.1', bake: '10m', snapshot: 'false' });
      expect(result.exitCode).toBe(1);
      expect(errors(result).at(-1)).toMatch(
        /input "bake": needs the service's request metrics \(AWS\/(AppRunner|ApplicationELB) .*\), which could not be read: .*not authorized.*\. Allow cloudwatch:GetMetricStatistics to the deploy role \(docs\/setup\.md §3\), or deploy with bake: 0s/,
      );
      expect(w.sim.mutatingCalls()).toEqual([]);
      expect(p.serving(w.sim)).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'metrics lost in the middle of the bake: red, saying the verified version stays live unwatched',
    async () => {
      const w = await world(p);
      const result = await w.run(
        'deploy',
        { image: 'v1.6.1', bake: '10m', snapshot: 'false' },
        {
          echo: (line) => {
            if (line.includes('Baking for'))
              w.sim.setFaults({ rules: [{ service: 'monitoring', kind: 'access-denied' }] });
          },
        },
      );
      expect(result.exitCode).toBe(1);
      expect(result.outputs['result']).toBe('failed');
      expect(errors(result).at(-1)).toMatch(
        /^deploy: Deploy of v1\.6\.1 stopped: the bake period could not read the service's request metrics \(.*\): .*not authorized.*\. The new version passed verification and stays live, unwatched: watch it, or roll back$/,
      );
      expect(result.summary).toMatch(/\| Bake \| ❌ failed \|/);
      expect(p.serving(w.sim)).toBe('v1.6.1');
    },
  );

  it.concurrent('does not bake by default', async () => {
    const w = await world(p);
    const result = await w.run('deploy', { image: 'v1.6.2', snapshot: 'false' });
    expect(result.outputs['result']).toBe('deployed');
    expect(w.sim.calls({ service: 'monitoring' })).toEqual([]);
  });
});

describe('8 % 5xx', () => {
  it.concurrent(
    'on app-runner: the bake rolls it back after 3 consecutive bad minutes, although it passed verification',
    async () => {
      await rolledBackByBake(PLATFORMS[0]!, 'v1.6.0', '8(\\.\\d+)? % 5xx');
    },
  );

  it.concurrent(
    "on ecs-express: ECS's own 4xx+5xx alarm rolls it back during the canary, and no bake starts",
    async () => {
      const p = PLATFORMS[1]!;
      const w = await world(p);
      const result = await w.run('deploy', { image: 'v1.6.0', bake: '10m', snapshot: 'false' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs['result']).toBe('failed');
      expect(errors(result).at(-1)).toMatch(
        /^deploy: ECS rolled v1\.6\.0 back: CloudWatch alarm drop-web-4xx-5xx-rate is in ALARM: .*, and kept v1\.4\.2$/,
      );
      // Preflight read the metrics once; the bake itself never started.
      expect(result.summary).not.toMatch(/\| Bake \|/);
      expect(result.stdout).not.toContain('Baking for');
      expect(p.serving(w.sim)).toBe('v1.4.2');
    },
  );
});
