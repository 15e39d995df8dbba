/**
 * `database.access: runner` (docs/setup.md §10): the reusable workflows' first job reads each
 * environment's runner-label from the caller's configuration, and the jobs that touch that
 * environment's database run on it, while every other job keeps the caller's `runs-on`. Run
 * through docs/setup.md's caller, the generated workflows and the built deploy bundle.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { rehearseWorkflow, type RehearsalResult } from '../../workflows-src/rehearse/engine.js';
import {
  CALLER_WORKFLOW,
  rehearsalFixture,
  simRehearsalOptions,
} from '../../workflows-src/rehearse/with-sim.js';

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

const runsOn = (result: RehearsalResult) =>
  Object.fromEntries(
    result.order
      .filter((id) => result.jobs[id]?.result !== 'skipped' && result.jobs[id]?.runsOn)
      .map((id) => [id, result.jobs[id]?.runsOn]),
  );

describe('a production database reachable only from a self-hosted runner (access: runner)', () => {
  it('runs production’s deploy and rollback on its runner-label and everything else on runs-on', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
    const options = await simRehearsalOptions(sim, { callerWorkflow: CALLER_WORKFLOW });
    const config = path.join(options.workspace as string, '.github', 'apprunner-ops.yml');
    const text = await readFile(config, 'utf8');
    // Production's database block (both environments use the sim's one database).
    const at = text.indexOf('\n  production:\n');
    const block = '      instance: drop-db\n';
    expect(at).toBeGreaterThan(0);
    expect(text.indexOf(block, at)).toBeGreaterThan(at);
    await writeFile(
      config,
      text.slice(0, at) +
        text
          .slice(at)
          .replace(block, `${block}      access: runner\n      runner-label: vpc-runner\n`),
    );
    const callerFile = path.join(
      options.workspace as string,
      '.github/workflows/apprunner-ops.yml',
    );

    const deployed = await rehearseWorkflow({
      workflow: callerFile,
      event: 'push',
      ...options,
      actionInputs: { ...options.actionInputs, 'build-push': { tag: 'v1.5.0' } },
    });
    expect(deployed.conclusion, deployed.log.join('\n')).toBe('success');
    expect(runsOn(deployed)).toEqual({
      'deploy/plan': 'ubuntu-24.04',
      'deploy/runners': 'ubuntu-24.04',
      'deploy/build': 'ubuntu-24.04',
      'deploy/snapshot': 'ubuntu-24.04',
      'deploy/deploy (staging)': 'ubuntu-24.04',
      'deploy/deploy (production)': 'vpc-runner',
    });
    expect(deployed.jobs['deploy/runners']?.outputs['runs-on']).toBe('{"production":"vpc-runner"}');
    expect(deployed.log).toContain(
      '    | production: the database jobs run on vpc-runner (database.access: runner)',
    );
    expect(sim.service('drop-web').running.version).toBe('v1.5.0');

    const next = await rehearseWorkflow({
      workflow: callerFile,
      event: 'push',
      ...options,
      actionInputs: { ...options.actionInputs, 'build-push': { tag: 'v1.4.0' } },
    });
    expect(next.conclusion, next.log.join('\n')).toBe('success');
    const rolledBack = await rehearseWorkflow({
      workflow: callerFile,
      inputs: { 'rollback-to': 'previous', environment: 'production', reason: 'checkout broken' },
      ...options,
    });
    expect(rolledBack.conclusion, rolledBack.log.join('\n')).toBe('success');
    expect(runsOn(rolledBack)).toEqual({
      'rollback/runners': 'ubuntu-24.04',
      'rollback/rollback': 'vpc-runner',
    });
    expect(sim.service('drop-web').running.version).toBe('v1.5.0');
  }, 300_000);

  it('stops in its first job, before any deploy, when an environment is not in the configuration', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
    const options = await simRehearsalOptions(sim, { callerWorkflow: CALLER_WORKFLOW });
    const callerFile = path.join(
      options.workspace as string,
      '.github/workflows/apprunner-ops.yml',
    );
    const rolledBack = await rehearseWorkflow({
      workflow: callerFile,
      inputs: { 'rollback-to': 'previous', environment: 'prod', reason: 'typo' },
      ...options,
    });
    expect(rolledBack.jobs['rollback/runners']?.result).toBe('failure');
    expect(rolledBack.jobs['rollback/rollback']?.result).toBe('skipped');
    expect(rolledBack.log.join('\n')).toMatch(/environments\.prod: no such environment/);
  }, 120_000);
});
