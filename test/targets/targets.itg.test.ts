/**
 * The deploy-target interface against the sim over HTTP with the real SDK clients, the same
 * scenarios on both targets (App Runner and ECS Express Mode).
 */
import { PauseServiceCommand } from '@aws-sdk/client-apprunner';
import { UpdateExpressGatewayServiceCommand } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { TargetNotUpdatable, type AwsTargetKind as TargetKind } from '../../core/targets/target.js';
import { ECS_ARN, targetWorld, type TargetWorld } from '../helpers/target-world.js';
import { waitFor } from '../sim/helpers.js';

const FOLLOW = { timeoutMs: 30_000, intervalMs: 40 };
const KINDS: Exclude<TargetKind, 'asg'>[] = ['app-runner', 'ecs-express'];
const SERVICE: Record<Exclude<TargetKind, 'asg'>, string> = {
  'app-runner': 'apprunner',
  'ecs-express': 'ecs',
};

/** Something else deploys: platform maintenance on App Runner, another update on ECS. */
async function makeBusy(w: TargetWorld): Promise<void> {
  // 10 modelled minutes (1.8 s real): still busy when a loaded machine gets to look.
  if (w.kind === 'app-runner') return w.sim.startMaintenance('drop-web', 600_000);
  const before = await w.target.describe();
  await w.clients.ecs.send(
    new UpdateExpressGatewayServiceCommand({
      serviceArn: ECS_ARN,
      primaryContainer: {
        image: w.image('v1.4.0'),
        containerPort: 3000,
        environment: Object.entries(before.environment).map(([name, value]) => ({ name, value })),
        secrets: Object.entries(before.secrets).map(([name, valueFrom]) => ({ name, valueFrom })),
      },
    }),
  );
}

/** A state a wait cannot fix: App Runner PAUSED, ECS DRAINING or INACTIVE. */
async function makeNotUpdatable(w: TargetWorld, ecsStatus: 'DRAINING' | 'INACTIVE'): Promise<void> {
  if (w.kind === 'ecs-express') return w.sim.ecs.setStatus('drop-web', ecsStatus);
  await w.clients.appRunner.send(
    new PauseServiceCommand({ ServiceArn: w.sim.service('drop-web').arn }),
  );
  await waitFor(
    'the App Runner service to be PAUSED',
    () => w.sim.service('drop-web').status === 'PAUSED',
    {
      timeoutMs: 5_000,
    },
  );
}

describe.each(KINDS)('deploy target %s', (kind) => {
  it.concurrent(
    'describes what runs: image by digest, https URL, environment and secret references',
    async ({ onTestFinished }) => {
      const w = await targetWorld(kind, onTestFinished);
      const state = await w.target.describe();
      const running =
        kind === 'ecs-express'
          ? w.sim.ecs.service('drop-web').running
          : w.sim.service('drop-web').running;
      expect(state.kind).toBe(kind);
      expect(state.image).toBe(w.image('v1.4.2'));
      expect(state.digest).toBe(running.digest);
      expect(state.imageByDigest).toBe(
        `${w.image('v1.4.2').replace(/:v1\.4\.2$/, '')}@${running.digest}`,
      );
      // The platforms give a bare host; the target adds the scheme.
      expect(state.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(state.environment).toEqual({
        NODE_ENV: 'production',
        APP_BASE_URL: 'https://drop.example.com',
        LOG_LEVEL: 'info',
      });
      expect(Object.keys(state.secrets).sort()).toEqual(['DATABASE_URL', 'SESSION_SECRET']);
      expect(state.secrets['DATABASE_URL']).toMatch(/^arn:aws:secretsmanager:.*database-url/);
      expect(await w.target.preflight()).toMatchObject({
        updatable: true,
        busy: false,
        paused: false,
      });
    },
  );

  it.concurrent(
    'switches the image and nothing else, follows it green, and the new version serves',
    async ({ onTestFinished }) => {
      const w = await targetWorld(kind, onTestFinished);
      const before = await w.target.describe();
      const started = await w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW });
      expect(started).toMatchObject({
        kind: 'switch',
        image: w.image('v1.5.0'),
        previous: before.imageByDigest,
      });
      const result = await w.target.follow(started, FOLLOW);
      expect(result).toEqual({
        ok: true,
        id: started.id,
        status: kind === 'ecs-express' ? 'SUCCESSFUL' : 'SUCCEEDED',
      });
      const after = await w.target.describe();
      expect(after.image).toBe(w.image('v1.5.0'));
      expect(after.digest).not.toBe(before.digest);
      // Environment and secrets kept (compared as sets: ECS reorders them).
      expect(after.environment).toEqual(before.environment);
      expect(after.secrets).toEqual(before.secrets);
      expect(await w.version()).toBe('v1.5.0');
      if (kind === 'ecs-express') {
        // Sent as a whole container, in the order read; ECS answers it reordered.
        const sent = w.sim.calls({ service: 'ecs', operation: 'UpdateExpressGatewayService' })[0]!
          .params as {
          primaryContainer: { environment: { name: string }[]; secrets: unknown[] };
        };
        expect(sent.primaryContainer.environment).toHaveLength(3);
        expect(sent.primaryContainer.secrets).toHaveLength(2);
      }
    },
  );

  it.concurrent(
    'a version the platform rolls back is red, says why, and the old version keeps serving',
    async ({ onTestFinished }) => {
      const w = await targetWorld(kind, onTestFinished);
      const before = await w.target.describe();
      const started = await w.target.switchImage(w.image('v1.5.1-broken'), { wait: FOLLOW });
      const result = await w.target.follow(started, FOLLOW);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.emergency).toBe(false);
      if (kind === 'ecs-express') {
        expect(result.status).toBe('ROLLBACK_SUCCESSFUL');
        expect(result.message).toMatch(
          new RegExp(
            `^ECS rolled ${escape(w.image('v1.5.1-broken'))} back: ECS deployment circuit breaker: tasks failed ELB health checks .*, and kept ${escape(before.imageByDigest)}$`,
          ),
        );
      } else {
        expect(result.status).toBe('ROLLBACK_SUCCEEDED');
        expect(result.message).toContain(`and kept ${before.imageByDigest}`);
      }
      expect((await w.target.describe()).image).toBe(w.image('v1.4.2'));
      expect(await w.version()).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'switches through 20 % throttling and 5 % 5xx, sending the update to effect once',
    async ({ onTestFinished }) => {
      const w = await targetWorld(kind, onTestFinished);
      const service = SERVICE[kind];
      w.sim.setFaults({
        seed: 7,
        rules: [
          { service, kind: 'throttle', rate: 0.2 },
          { service, kind: 'server-error', rate: 0.05 },
        ],
      });
      const result = await w.target.follow(
        await w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW }),
        FOLLOW,
      );
      expect(result.ok).toBe(true);
      expect(await w.version()).toBe('v1.5.0');
      const calls = w.sim.calls({ service });
      expect(calls.some((c) => c.fault)).toBe(true);
      // However many attempts, one update took effect.
      const applied = w.sim.mutatingCalls({ service }).filter((c) => c.status === 200);
      expect(applied).toHaveLength(1);
      expect(
        w.logger.lines.some((l) =>
          /attempt 1\/8 failed \((ThrottlingException|Throttling)/.test(l.message),
        ),
      ).toBe(true);
    },
  );

  it.concurrent('waits out a busy service, then switches', async ({ onTestFinished }) => {
    const w = await targetWorld(kind, onTestFinished);
    await makeBusy(w);
    const check = await w.target.preflight();
    expect(check).toMatchObject({ updatable: false, busy: true, paused: false });
    const started = Date.now();
    await w.target.waitUntilUpdatable({ timeoutMs: 20_000, intervalMs: 30 });
    expect(Date.now() - started).toBeGreaterThan(100); // it did wait
    expect(await w.target.preflight()).toMatchObject({ updatable: true, busy: false });
    expect(w.logger.lines.some((l) => /Waiting up to .* for /.test(l.message))).toBe(true);
    const result = await w.target.follow(
      await w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW }),
      FOLLOW,
    );
    expect(result.ok).toBe(true);
  });

  it.concurrent(
    'restarts without an image change, followed to its end',
    async ({ onTestFinished }) => {
      const w = await targetWorld(kind, onTestFinished);
      const before = await w.target.describe();
      const started = await w.target.restart(FOLLOW);
      expect(started).toMatchObject({ kind: 'restart', image: before.image });
      const result = await w.target.follow(started, FOLLOW);
      expect(result.ok).toBe(true);
      const after = await w.target.describe();
      expect(after.image).toBe(before.image);
      expect(after.environment).toEqual(before.environment);
      const mutating = w.sim.mutatingCalls({ service: SERVICE[kind] }).map((c) => c.operation);
      expect(mutating).toEqual([kind === 'ecs-express' ? 'UpdateService' : 'StartDeployment']);
      if (kind === 'ecs-express') {
        const service = w.sim.ecs.service('drop-web');
        expect(service.deployments[0]!.status).toBe('SUCCESSFUL');
        expect(service.current.revisionArn).not.toBe(service.deployments[1]!.targetRevisionArn);
      }
    },
  );

  it.concurrent.for(['DRAINING', 'INACTIVE'] as const)(
    'refuses a service it cannot update (ECS %s, App Runner PAUSED) before any change',
    async (ecsStatus, { onTestFinished }) => {
      const w = await targetWorld(kind, onTestFinished);
      await makeNotUpdatable(w, ecsStatus);
      w.sim.clearCalls();
      const check = await w.target.preflight();
      expect(check.updatable).toBe(false);
      expect(check.busy).toBe(false);
      expect(check.reason).toMatch(kind === 'ecs-express' ? new RegExp(ecsStatus) : /PAUSED/);
      const started = Date.now();
      await expect(
        w.target.waitUntilUpdatable({ timeoutMs: 20_000, intervalMs: 30 }),
      ).rejects.toBeInstanceOf(TargetNotUpdatable);
      expect(Date.now() - started).toBeLessThan(5_000); // refused at once, not waited for
      await expect(
        w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW }),
      ).rejects.toBeInstanceOf(TargetNotUpdatable);
      expect(w.sim.mutatingCalls({ service: SERVICE[kind] })).toEqual([]);
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
