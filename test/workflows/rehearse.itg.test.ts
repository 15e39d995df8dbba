/**
 * The adoption path of docs/setup.md, rehearsed against the sim: a caller repository holding
 * only its configuration, its app's Dockerfile and the < 30-line caller workflow of the docs
 * (no actions/ folder) calls the suite's reusable workflows by owner/repo@sha. The build,
 * staging, production and a rollback all run the real bundles, found through the OIDC token's
 * job_workflow_sha, and go green; the caller the rehearsal ran is the docs' snippet, byte for
 * byte.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { rehearseWorkflow, type RehearsalResult } from '../../workflows-src/rehearse/engine.js';
import {
  CALLER_WORKFLOW,
  SUITE_RELEASE,
  rehearsalFixture,
  simRehearsalOptions,
} from '../../workflows-src/rehearse/with-sim.js';
import { policyActions, type PolicyDocument } from './iam-policy.js';

const ROOT = path.join(import.meta.dirname, '../..');

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

const summary = (result: RehearsalResult) =>
  result.order.map((id) => `${id}: ${result.jobs[id]?.result}`);

/** The ```yaml block of docs/setup.md that calls the reusable workflows. */
export function docsCaller(): string {
  const setup = readFileSync(path.join(ROOT, 'docs/setup.md'), 'utf8');
  const blocks = [...setup.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  const caller = blocks.filter((b) => b.includes('/.github/workflows/deploy.yml@'));
  expect(caller, 'docs/setup.md shows one caller workflow').toHaveLength(1);
  return caller[0] as string;
}

describe('a caller repository with only its configuration and the caller of docs/setup.md', () => {
  it('builds, deploys staging then production, and rolls back, all green against the sim', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
    const options = await simRehearsalOptions(sim, { callerWorkflow: CALLER_WORKFLOW });
    const workspace = options.workspace as string;
    const callerFile = path.join(workspace, '.github/workflows/apprunner-ops.yml');

    // The caller repository: no actions/ folder, nothing of the suite.
    const files = (await readdir(workspace, { recursive: true })).sort();
    expect(files).toEqual([
      '.github',
      '.github/apprunner-ops.yml',
      '.github/workflows',
      '.github/workflows/apprunner-ops.yml',
      'Dockerfile',
    ]);
    const ran = readFileSync(callerFile, 'utf8');
    expect(ran.trimEnd().split('\n').length).toBeLessThan(30);
    // What the rehearsal runs is exactly what docs/setup.md tells people to write.
    expect(ran).toBe(docsCaller());

    // A push: build-push finds the commit's tag in ECR (no image builder needed here; the
    // real build runs in rehearse-e2e.itg.test.ts), then staging, then production.
    const deployed = await rehearseWorkflow({
      workflow: callerFile,
      event: 'push',
      ...options,
      actionInputs: { ...options.actionInputs, 'build-push': { tag: 'v1.5.0' } },
    });
    expect(summary(deployed), deployed.log.join('\n')).toEqual([
      'deploy: success',
      'deploy/plan: success',
      'deploy/runners: success',
      'deploy/build: success',
      'deploy/snapshot: success',
      'deploy/deploy: success',
      'deploy/deploy (staging): success',
      'deploy/deploy (production): success',
      'rollback: skipped',
      'checks: skipped',
    ]);
    const image = deployed.jobs['deploy']?.outputs['image'];
    expect(image).toMatch(/^123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/drop-web@sha256:/);
    for (const env of ['staging', 'production']) {
      const leg = deployed.jobs[`deploy/deploy (${env})`];
      const step = leg?.steps.find((s) => s.label === 'deploy');
      expect(step?.kind).toBe('action');
      expect(step?.action?.exitCode).toBe(0);
      expect(step?.inputs['image']).toBe(image);
      expect(leg?.environment).toBe(env);
    }
    expect(sim.service('drop-web-staging').running.version).toBe('v1.5.0');
    expect(sim.service('drop-web').running.version).toBe('v1.5.0');
    // The actions came from the suite at the pinned commit, checked out into the workspace.
    expect(deployed.log).toContain(
      `    | apprunner-ops: apprunner-ops/apprunner-ops at ${SUITE_RELEASE.sha} (${SUITE_RELEASE.sha})`,
    );
    expect(existsSync(path.join(workspace, 'actions'))).toBe(false);

    // The next merge, then "Run workflow": roll production back to the previous version.
    const next = await rehearseWorkflow({
      workflow: callerFile,
      event: 'push',
      ...options,
      actionInputs: { ...options.actionInputs, 'build-push': { tag: 'v1.4.0' } },
    });
    expect(next.conclusion, next.log.join('\n')).toBe('success');
    expect(sim.service('drop-web').running.version).toBe('v1.4.0');
    const rolledBack = await rehearseWorkflow({
      workflow: callerFile,
      inputs: { 'rollback-to': 'previous', environment: 'production', reason: 'checkout broken' },
      ...options,
    });
    expect(summary(rolledBack), rolledBack.log.join('\n')).toEqual([
      'deploy: skipped',
      'rollback: success',
      'rollback/runners: success',
      'rollback/rollback: success',
      'checks: skipped',
    ]);
    expect(rolledBack.jobs['rollback']?.outputs['result']).toBe('rolled-back');
    expect(sim.service('drop-web').running.version).toBe('v1.5.0');
    expect(sim.service('drop-web-staging').running.version).toBe('v1.4.0');

    // One entry per real deployment on the Deployments page: the jobs create none
    // (deployment: false), the deploy and rollback actions one each.
    for (const job of [
      deployed.jobs['deploy/build'],
      deployed.jobs['deploy/deploy (staging)'],
      deployed.jobs['deploy/deploy (production)'],
      rolledBack.jobs['rollback/rollback'],
    ])
      expect(job?.deployment).toBe(false);
    expect(sim.github.deployments().map((d) => d.environment)).toEqual([
      'staging',
      'production',
      'staging',
      'production',
      'production',
    ]);

    // docs/iam-policy.json covers every AWS operation the caller's runs made.
    const policy = JSON.parse(
      readFileSync(path.join(ROOT, 'docs/iam-policy.json'), 'utf8'),
    ) as PolicyDocument;
    const aws = new Set(['apprunner', 'ecr', 'rds', 'sts']);
    const called = [
      ...new Set(
        sim
          .calls()
          .filter((c) => aws.has(c.service))
          .map((c) => `${c.service}:${c.operation}`),
      ),
    ];
    expect(called.filter((a) => !policyActions(policy).includes(a))).toEqual([]);
  });

  it('says, in a warning annotation, which secret the configuration needs but did not arrive', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
    const options = await simRehearsalOptions(sim, { callerWorkflow: CALLER_WORKFLOW });
    // The caller's repository has no secrets: `secrets: inherit` passes nothing.
    const result = await rehearseWorkflow({
      workflow: path.join(options.workspace as string, '.github/workflows/apprunner-ops.yml'),
      inputs: { 'rollback-to': 'v1.4.0', environment: 'production', reason: 'no secrets' },
      ...options,
      secrets: {},
    });
    expect(result.conclusion, result.log.join('\n')).toBe('success');
    const step = result.jobs['rollback/rollback']?.steps.find((s) => s.label === 'rollback');
    expect(
      step?.action?.annotations.filter((a) => a.level === 'warning').map((a) => a.message),
    ).toContain(
      'betterstack-token is empty but environments.production.maintenance is configured: pausing the BetterStack monitors is skipped. Pass the secret to the workflow (secrets: inherit, or name it under secrets:) or set it on the environment.',
    );
    expect(sim.service('drop-web').running.version).toBe('v1.4.0');
  });

  it('runs the routine checks of every environment on the daily schedule, and nothing else', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
    const options = await simRehearsalOptions(sim, { callerWorkflow: CALLER_WORKFLOW });
    const callerFile = path.join(
      options.workspace as string,
      '.github/workflows/apprunner-ops.yml',
    );
    const before = sim.service('drop-web').running.version;
    const result = await rehearseWorkflow({ workflow: callerFile, event: 'schedule', ...options });
    const legs = result.order.filter((id) => id.startsWith('checks/checks ('));
    // Daily in both environments, plus weekly and monthly on the days they are due.
    const now = new Date();
    const due = [
      'daily',
      ...(now.getUTCDay() === 1 ? ['weekly'] : []),
      ...(now.getUTCDate() === 1 ? ['monthly'] : []),
    ];
    expect(legs).toHaveLength(2 * due.length);
    expect(summary(result), result.log.join('\n')).toEqual(
      expect.arrayContaining(['deploy: skipped', 'rollback: skipped', 'checks: success']),
    );
    for (const id of legs) {
      const step = result.jobs[id]?.steps.find((s) => s.label === 'checks');
      expect(step?.action?.exitCode, id).toBe(0);
      expect(step?.action?.outputs['passed']).toBe('true');
      // No environment: production's reviewers never hold a scheduled check.
      expect(result.jobs[id]?.environment).toBeUndefined();
    }
    const production = result.jobs[legs.find((id) => id.includes('production'))!];
    expect(production?.steps.find((s) => s.label === 'checks')?.inputs['environment']).toBe(
      'production',
    );
    // Read-only: nothing was deployed or changed.
    expect(sim.service('drop-web').running.version).toBe(before);
    expect(sim.github.deployments()).toEqual([]);
  });

  it('stops before any check when an environment has no read-only role variable, naming it', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
    const options = await simRehearsalOptions(sim, { callerWorkflow: CALLER_WORKFLOW });
    const { PRODUCTION_OPS_ROLE_ARN: _dropped, ...vars } = options.vars ?? {};
    const result = await rehearseWorkflow({
      workflow: path.join(options.workspace as string, '.github/workflows/apprunner-ops.yml'),
      event: 'schedule',
      ...options,
      vars,
    });
    expect(result.conclusion).toBe('failure');
    expect(result.jobs['checks/plan']?.result).toBe('failure');
    expect(result.log.join('\n')).toContain(
      'repository variable PRODUCTION_OPS_ROLE_ARN is not set: the checks of production need its read-only role and region (docs/setup.md)',
    );
    expect(result.order.filter((id) => id.startsWith('checks/checks ('))).toEqual([]);
  });
});
