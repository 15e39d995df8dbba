/**
 * The pre-deploy snapshot, started ahead of the deploy (deploy's `mode: snapshot`). deploy.yml
 * runs it in a job beside the build, so RDS copies while the image builds; the deploy job then
 * gets its id (`snapshot-id`) and only waits for it to be available before the service changes.
 */
import type { OpsContext } from './context.js';
import { startRun, type RunStory } from './ops-run.js';
import type { OpsOutcome } from './outcome.js';
import { SNAPSHOT_AHEAD_PIPELINE } from './pipelines.js';
import { runPipeline, type Pipeline } from './pipeline.js';

function snapshotStory(): RunStory {
  const unused = (): never => {
    throw new Error('a snapshot started ahead records nothing itself: the deploy does');
  };
  const instance = (run: { ctx: OpsContext }): string =>
    run.ctx.env.database?.instance ?? 'no database';
  return {
    deployment: unused,
    deploymentPlan: unused,
    refused: unused,
    verified: unused,
    slack: unused,
    audit: unused,
    planned: (run) =>
      `Dry run: would start a snapshot of ${instance(run)} for the deploy to wait for; nothing was changed`,
    unchanged: unused,
    unhealthy: unused,
    stopped: (run, why) => `Snapshot of ${instance(run)} not started: ${why}`,
  };
}

export async function snapshotAhead(
  ctx: OpsContext,
  request: { dryRun: boolean; snapshot: boolean; purpose: 'pre-deploy' | 'pre-launch' },
): Promise<OpsOutcome> {
  const run = startRun(
    'snapshot',
    ctx,
    SNAPSHOT_AHEAD_PIPELINE as Pipeline<never>,
    snapshotStory(),
    {
      dryRun: request.dryRun,
      snapshot: { wanted: request.snapshot, purpose: request.purpose, given: undefined },
    },
  );
  await runPipeline(SNAPSHOT_AHEAD_PIPELINE, run);
  if (!run.outcome.headline) {
    const id = run.outcome.snapshotId;
    run.finish(
      'started',
      true,
      id
        ? `Snapshot ${id} of ${ctx.env.database!.instance} started; the deploy waits for it to be available`
        : `No snapshot started: ${ctx.env.database ? 'snapshot: false' : `environments.${ctx.environment} has no database`}`,
    );
  }
  run.outcome.finishedAt = ctx.clock.now();
  return run.outcome;
}
