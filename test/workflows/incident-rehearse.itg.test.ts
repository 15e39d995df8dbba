/**
 * The incident path rehearsed with the caller of docs/setup.md against the sim, with GitHub's
 * queue modelled (workflows-src/rehearse/queue.ts): a push deploy to production waits for its
 * reviewers; on-call dispatches a rollback meanwhile. The rollback runs at once and finishes
 * while the deploy still waits; the deploy, once approved, stops in preflight, naming the
 * rollback, instead of silently undoing it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startSim, type SimHandle } from '../../sim/index.js';
import {
  rehearseWorkflow,
  type RehearsalOptions,
  type RehearsalResult,
} from '../../workflows-src/rehearse/engine.js';
import { JobQueue, evaluateGroup } from '../../workflows-src/rehearse/queue.js';
import {
  CALLER_WORKFLOW,
  rehearsalFixture,
  simRehearsalOptions,
} from '../../workflows-src/rehearse/with-sim.js';

const ROOT = path.join(import.meta.dirname, '../..');

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

/** The concurrency group of a job of one of the suite's generated workflows. */
function groupOf(file: string, job: string, environment: string): string {
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows', file), 'utf8')) as {
    jobs: Record<string, { concurrency: { group: string; queue: string } }>;
  };
  const concurrency = workflow.jobs[job]!.concurrency;
  expect(concurrency.queue).toBe('max');
  return evaluateGroup(concurrency.group, () => environment);
}

it('a rollback dispatched while a push deploy waits for approval finishes first, and the deploy, once approved, does not undo it', async () => {
  sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
  const options = await simRehearsalOptions(sim, { callerWorkflow: CALLER_WORKFLOW });
  const callerFile = path.join(options.workspace as string, '.github/workflows/apprunner-ops.yml');
  let nextRun = 5000;
  /** One workflow run of the caller, queued at `queuedAt` (the sim's GitHub knows the run). */
  const rehearse = (extra: Partial<RehearsalOptions>, queuedAt = Date.now()) => {
    const id = nextRun++;
    sim!.github.recordRun(id, { at: queuedAt });
    return rehearseWorkflow({
      workflow: callerFile,
      ...options,
      ...extra,
      github: { run_id: String(id) },
    });
  };
  const summary = (r: RehearsalResult) => r.order.map((id) => `${id}: ${r.jobs[id]?.result}`);

  // The suite's first deploy (adoption): production ran v1.4.2 before it.
  const first = await rehearse({
    event: 'push',
    actionInputs: { ...options.actionInputs, 'build-push': { tag: 'v1.5.0' } },
  });
  expect(first.conclusion, first.log.join('\n')).toBe('success');
  expect(sim.service('drop-web').running.version).toBe('v1.5.0');

  // The next merge: its production leg waits for the environment's reviewers.
  const queue = new JobQueue();
  const pushQueuedAt = Date.now();
  queue.enqueue(
    {
      id: 'push deploy (production)',
      group: groupOf('deploy.yml', 'deploy', 'production'),
      environment: 'production',
      needsApproval: true,
    },
    pushQueuedAt,
  );
  expect(queue.state('push deploy (production)')).toBe('waiting for approval');

  // v1.5.0 misbehaves; on-call dispatches a rollback to previous.
  queue.enqueue(
    {
      id: 'rollback (production)',
      group: groupOf('rollback.yml', 'rollback', 'production'),
      environment: 'production',
      needsApproval: false,
    },
    Date.now(),
  );
  // In the deploys' group it would wait behind the unapproved deploy; in its own it runs.
  expect(groupOf('rollback.yml', 'rollback', 'production')).not.toBe(
    groupOf('deploy.yml', 'deploy', 'production'),
  );
  expect(queue.state('rollback (production)')).toBe('running');
  const rolledBack = await rehearse({
    inputs: { 'rollback-to': 'previous', environment: 'production', reason: 'checkout broken' },
  });
  expect(summary(rolledBack), rolledBack.log.join('\n')).toEqual([
    'deploy: skipped',
    'rollback: success',
    'rollback/runners: success',
    'rollback/rollback: success',
    'checks: skipped',
  ]);
  queue.finish('rollback (production)', Date.now());
  expect(sim.service('drop-web').running.version).toBe('v1.4.2');
  // The rollback finished while the push deploy still waits.
  expect(queue.state('push deploy (production)')).toBe('waiting for approval');

  // A reviewer approves the push deploy: it runs, and stops in preflight.
  queue.approve('push deploy (production)', Date.now());
  expect(queue.state('push deploy (production)')).toBe('running');
  const updatesBefore = sim.calls({ service: 'apprunner', operation: 'UpdateService' }).length;
  const stale = await rehearse(
    {
      event: 'push',
      actionInputs: { ...options.actionInputs, 'build-push': { tag: 'v1.4.0' } },
    },
    pushQueuedAt,
  );
  expect(stale.conclusion).toBe('failure');
  const production = stale.jobs['deploy/deploy (production)'];
  const errors = production?.steps.flatMap((s) =>
    (s.action?.annotations ?? []).filter((a) => a.level === 'error').map((a) => a.message),
  );
  expect(errors?.join('\n'), stale.log.join('\n')).toMatch(
    /rolled production back to v1\.4\.2 at .* \("checkout broken"\) .*, after this run was queued .*: deploying v1\.4\.0 now would undo that rollback/,
  );
  // Staging took the new version; production kept the rolled-back one.
  expect(sim.service('drop-web-staging').running.version).toBe('v1.4.0');
  expect(sim.service('drop-web').running.version).toBe('v1.4.2');
  expect(
    sim
      .calls({ service: 'apprunner', operation: 'UpdateService' })
      .slice(updatesBefore)
      .map((c) => String((c.params as { ServiceArn?: string } | undefined)?.ServiceArn)),
  ).not.toContain(sim.services().find((s) => s.name === 'drop-web')?.arn);
});
