import { ECSClient } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { environmentSchema } from '../../core/config/schema.js';
import type { AwsTargetKind as TargetKind } from '../../core/targets/target.js';
import { startSim } from '../../sim/index.js';
import { simCheckContext, simClients } from '../helpers/check-context.js';
import {
  ECS_ARN,
  TIME_SCALE,
  dropFixture,
  targetWorld,
  type TargetWorld,
} from '../helpers/target-world.js';
import { runOne } from './context.js';

// The checks that read the service mean the same on both targets: App Runner's service, or
// the ECS Express service's active configuration and newest deployment. What a target does
// not have is an error that says so.

const KINDS: Exclude<TargetKind, 'asg'>[] = ['app-runner', 'ecs-express'];
const FOLLOW = { timeoutMs: 30_000, intervalMs: 40 };

/** A check context on the world's service; the ECS client is the world's (sim endpoint). */
function contextOn(w: TargetWorld, kind: TargetKind, arn: string) {
  return simCheckContext(w.sim, {
    env: environmentOn(kind, arn, w.sim.region),
    clients: { ...simClients(w.sim), ecs: w.clients.ecs },
  });
}

function environmentOn(kind: TargetKind, arn: string, region: string) {
  return environmentSchema.parse({
    region,
    ...(kind === 'app-runner'
      ? { 'service-arn': arn }
      : { target: { kind: 'ecs-express', 'service-arn': arn } }),
    'ecr-repository': 'drop-web',
    health: { 'base-url': 'https://drop.example.com', checks: [{ name: 'api', path: '/' }] },
  });
}

describe.each(KINDS)('checks on %s', (kind) => {
  it.concurrent(
    'service-running and service-env read the running service',
    async ({ onTestFinished }) => {
      const w = await targetWorld(kind, onTestFinished);
      const arn = kind === 'ecs-express' ? ECS_ARN : w.sim.service('drop-web').arn;
      const ctx = contextOn(w, kind, arn);
      const running = await runOne({ type: 'service-running' }, ctx);
      expect(running.status, running.line).toBe('pass');
      const env = await runOne(
        { type: 'service-env', equals: { NODE_ENV: 'production' }, absent: ['BANKID_MOCK'] },
        ctx,
      );
      expect(env.status, env.line).toBe('pass');
      const wrong = await runOne({ type: 'service-env', equals: { NODE_ENV: 'staging' } }, ctx);
      expect(wrong.status).toBe('fail');
      expect(wrong.line).toContain('NODE_ENV is "production", want "staging"');
      expect(w.sim.mutatingCalls()).toEqual([]);
    },
  );
});

describe('checks on ecs-express only', () => {
  it('custom-domains, App Runner only, is an error in a list made in code, and calls nothing', async ({
    onTestFinished,
  }) => {
    const w = await targetWorld('ecs-express', onTestFinished);
    w.sim.clearCalls();
    const result = await runOne(
      { type: 'custom-domains', hosts: ['getdrop.no'] },
      contextOn(w, 'ecs-express', ECS_ARN),
    );
    expect(result.status).toBe('error');
    expect(result.line).toBe(
      "custom-domains reads what only app-runner has, and this environment's target is ecs-express: remove it from the environment's lists",
    );
    expect(w.sim.calls()).toEqual([]);
  });

  it('service-running fails when ECS rolled the newest deployment back, naming why', async ({
    onTestFinished,
  }) => {
    const w = await targetWorld('ecs-express', onTestFinished);
    const started = await w.target.switchImage(w.image('v1.5.1-broken'), { wait: FOLLOW });
    const result = await w.target.follow(started, FOLLOW);
    expect(result.ok).toBe(false);
    const ctx = contextOn(w, 'ecs-express', ECS_ARN);
    const running = await runOne({ type: 'service-running' }, ctx);
    expect(running.status).toBe('fail');
    expect(running.line).toMatch(
      /newest deployment \([\w-]+\) ended ROLLBACK_SUCCESSFUL: ECS deployment circuit breaker.*the version before it serves/,
    );
    expect(running.observed?.['deploymentArn']).toBe(started.id);
  });

  it.concurrent.for(['DRAINING', 'INACTIVE'] as const)(
    'service-running fails on a %s service, saying why',
    async (status, { onTestFinished }) => {
      const w = await targetWorld('ecs-express', onTestFinished);
      w.sim.ecs.setStatus('drop-web', status);
      const running = await runOne(
        { type: 'service-running' },
        contextOn(w, 'ecs-express', ECS_ARN),
      );
      expect(running.status, running.line).toBe('fail');
      expect(running.line).toMatch(new RegExp(`drop-web is ${status}`));
    },
  );
});

// error-rate and latency-p99 read the service's request metrics: App Runner's own, or the
// load balancer's in front of the ECS Express service (found in its revisions' ECS Managed
// Resources). The sim makes both from the same modelled traffic of the version that runs.

/** The Drop fixture (App Runner and ECS run drop-web:v1.4.2), with v1.4.2 changed. */
function fixtureWith(v142: Record<string, unknown>) {
  const fixture = dropFixture() as ReturnType<typeof dropFixture> & {
    ecr: { repositories: { images: Record<string, unknown>[] }[] };
  };
  const image = fixture.ecr.repositories[0]!.images.find((i) =>
    (i['tags'] as string[]).includes('v1.4.2'),
  )!;
  Object.assign(image, v142);
  return fixture;
}

async function metricsContext(
  kind: TargetKind,
  v142: Record<string, unknown>,
  onFinished: (fn: () => Promise<void>) => void,
) {
  const sim = await startSim({ fixture: fixtureWith(v142), timeScale: TIME_SCALE });
  const ecs = new ECSClient(sim.clientConfig({ maxAttempts: 1 }));
  onFinished(async () => {
    ecs.destroy();
    await sim.stop();
  });
  const arn = kind === 'ecs-express' ? ECS_ARN : sim.service('drop-web').arn;
  const ctx = simCheckContext(sim, {
    env: environmentOn(kind, arn, sim.region),
    clients: { ...simClients(sim), ecs },
  });
  return { sim, ctx };
}

const METRICS: Record<Exclude<TargetKind, 'asg'>, { errors: string; latency: string }> = {
  'app-runner': {
    errors: 'AWS/AppRunner Requests, 5xxStatusResponses and RequestLatency',
    latency: 'RequestLatency',
  },
  'ecs-express': {
    errors:
      'AWS/ApplicationELB RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime of its target groups',
    latency: 'TargetResponseTime',
  },
};

describe.each(KINDS)('request metrics on %s', (kind) => {
  it.concurrent.for<{
    scenario: string;
    v142: Record<string, unknown>;
    errorRate: string;
    latency: string;
  }>([
    {
      scenario: 'a healthy version passes',
      v142: {},
      errorRate: 'pass',
      latency: 'pass',
    },
    {
      scenario: 'an 8 % error rate and a 1.5 s p99 fail',
      v142: { errorRate: 0.08, behaviour: 'slow', latencyMs: 1500 },
      errorRate: 'fail',
      latency: 'fail',
    },
  ])('$scenario', async ({ v142, errorRate, latency }, { onTestFinished }) => {
    const { sim, ctx } = await metricsContext(kind, v142, onTestFinished);
    const rate = await runOne({ type: 'error-rate', 'max-percent': 5, window: '1h' }, ctx);
    expect(rate.status, rate.line).toBe(errorRate);
    expect(rate.observed?.['metrics']).toBe(METRICS[kind].errors);
    expect(rate.observed?.['requests']).toBeGreaterThan(0);
    if (errorRate === 'fail') {
      expect(rate.observed?.['errorPercent']).toBeCloseTo(8, 0);
      expect(rate.line).toMatch(/answered 5xx in the last 1h, above 5 %/);
    } else expect(rate.observed?.['errors']).toBe(0);
    const p99 = await runOne({ type: 'latency-p99', 'max-ms': 1000, window: '1h' }, ctx);
    expect(p99.status, p99.line).toBe(latency);
    expect(p99.observed?.['metric']).toBe(METRICS[kind].latency);
    if (latency === 'fail') expect(p99.observed?.['p99Ms']).toBeGreaterThan(1500);
    else expect(p99.observed?.['p99Ms']).toBeLessThan(1000);
    const calls = sim
      .calls({ service: 'monitoring' })
      .map((c) => c.params as Record<string, unknown>);
    expect(new Set(calls.map((c) => c['Namespace']))).toEqual(
      new Set([kind === 'ecs-express' ? 'AWS/ApplicationELB' : 'AWS/AppRunner']),
    );
    expect(sim.mutatingCalls()).toEqual([]);
  });
});

describe('request metrics on ecs-express only', () => {
  it('are read from the target groups ECS names for the service, by LoadBalancer and TargetGroup', async ({
    onTestFinished,
  }) => {
    const { sim, ctx } = await metricsContext('ecs-express', {}, onTestFinished);
    await runOne({ type: 'error-rate' }, ctx);
    expect(sim.calls({ service: 'ecs' }).map((c) => c.operation)).toEqual([
      'DescribeExpressGatewayService',
      'DescribeServiceRevisions',
    ]);
    const dims = sim
      .calls({ service: 'monitoring' })
      .map((c) => (c.params as { Dimensions: { Name: string; Value: string }[] }).Dimensions);
    expect(dims.length).toBeGreaterThan(0);
    for (const d of dims) {
      expect(d.map((x) => x.Name).sort()).toEqual(['LoadBalancer', 'TargetGroup']);
      expect(d.find((x) => x.Name === 'LoadBalancer')?.Value).toMatch(
        /^app\/[\w-]+\/[0-9a-f]{16}$/,
      );
      expect(d.find((x) => x.Name === 'TargetGroup')?.Value).toMatch(
        /^targetgroup\/[\w-]+\/[0-9a-f]{16}$/,
      );
    }
  });

  it('error-rate on a service ECS no longer serves is an error saying why', async ({
    onTestFinished,
  }) => {
    const { sim, ctx } = await metricsContext('ecs-express', {}, onTestFinished);
    sim.ecs.setStatus('drop-web', 'INACTIVE');
    const result = await runOne({ type: 'error-rate' }, ctx);
    expect(result.status).toBe('error');
    expect(result.line).toMatch(/drop-web has no active configuration \(status INACTIVE\)/);
  });
});
