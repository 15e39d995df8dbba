/**
 * Drop's pipeline with staging on Fly.io and production on App Runner, rehearsed against the
 * sim with the caller of docs/setup.md unchanged: one push deploys staging (the Fly app's
 * machines, one at a time) and then production (App Runner), both green, with the Fly token
 * passed as a secret and never printed.
 */
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import {
  CALLER_WORKFLOW,
  FLY_STAGING_APP,
  rehearsalFixture,
  simRehearsalOptions,
  withFlyStaging,
} from '../../workflows-src/rehearse/with-sim.js';

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

it('a push deploys staging on Fly, then production on App Runner, with no workflow change', async () => {
  sim = await startSim({ timeScale: 0.005, fixture: withFlyStaging(rehearsalFixture()) });
  const options = await simRehearsalOptions(sim, {
    callerWorkflow: CALLER_WORKFLOW,
    staging: 'fly',
  });
  const deployed = await rehearseWorkflow({
    workflow: path.join(options.workspace as string, '.github/workflows/apprunner-ops.yml'),
    event: 'push',
    ...options,
    actionInputs: { ...options.actionInputs, 'build-push': { tag: 'v1.5.0' } },
  });
  const log = deployed.log.join('\n');
  expect(deployed.conclusion, log).toBe('success');
  expect(deployed.jobs['deploy/deploy (staging)']?.result).toBe('success');
  expect(deployed.jobs['deploy/deploy (production)']?.result).toBe('success');
  // Staging: every machine of the Fly app on the new image, by digest, one at a time.
  const machines = sim.fly.machines(FLY_STAGING_APP);
  expect(machines.map((m) => m.running.version)).toEqual(['v1.5.0', 'v1.5.0']);
  expect(machines.every((m) => /^registry\.fly\.io\/drop-staging@sha256:/.test(m.image))).toBe(
    true,
  );
  expect(sim.calls({ service: 'fly', operation: 'updateMachine' })).toHaveLength(2);
  expect(log).toMatch(/Fly: updating machine 1781e3d0a1b201 \(arn, 1\/2\)/);
  // Production: App Runner, as before; staging's App Runner service was never touched.
  expect(sim.service('drop-web').running.version).toBe('v1.5.0');
  expect(sim.service('drop-web-staging').running.version).toBe('v1.4.2');
  expect(log).not.toContain(sim.fly.token);
}, 120_000);
