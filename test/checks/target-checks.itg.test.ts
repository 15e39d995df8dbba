import { describe, expect, it } from 'vitest';
import { environmentSchema } from '../../core/config/schema.js';
import type { TargetKind } from '../../core/targets/target.js';
import { simCheckContext, simClients } from '../helpers/check-context.js';
import { ECS_ARN, targetWorld, type TargetWorld } from '../helpers/target-world.js';
import { runOne } from './context.js';

// The checks that read the service mean the same on both targets: App Runner's service, or
// the ECS Express service's active configuration and newest deployment. What a target does
// not have is an error that says so.

const KINDS: TargetKind[] = ['app-runner', 'ecs-express'];
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
      /newest deployment ended ROLLBACK_SUCCESSFUL.*the version before it serves/,
    );
  });

  it('error-rate and latency-p99 say they are not read on ECS Express, as an error', async ({
    onTestFinished,
  }) => {
    const w = await targetWorld('ecs-express', onTestFinished);
    const ctx = contextOn(w, 'ecs-express', ECS_ARN);
    for (const item of [
      { type: 'error-rate', 'max-percent': 1 },
      { type: 'latency-p99', 'max-ms': 1000 },
    ]) {
      const result = await runOne(item, ctx);
      expect(result.status).toBe('error');
      expect(result.line).toMatch(
        /which the ecs-express target does not have or the suite does not read yet/,
      );
    }
  });
});
