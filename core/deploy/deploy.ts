/** A deploy of one image: the deploy pipeline (pipelines.ts) and its words. */
import type { ImageRef } from '../aws/image-ref.js';
import type { OpsContext } from './context.js';
import type { EnvChanges } from '../targets/env-changes.js';
import { chosenOf, deploymentOf, runToEnd, slackOf, startRun, type RunStory } from './ops-run.js';
import type { OpsOutcome } from './outcome.js';
import { DEPLOY_PIPELINE } from './pipelines.js';
import type { Pipeline } from './pipeline.js';
import type { DeployRun } from './runs.js';

export type { DeployRun };

/** What a deploy's snapshot is for, which names it (the go-live deploy takes the pre-launch one). */
export const DEPLOY_SNAPSHOT_PURPOSES = ['pre-deploy', 'pre-launch'] as const;

/**
 * deploy: the whole pipeline; snapshot: only start the pre-deploy snapshot (deploy.yml's job
 * beside the build); restart: a new deployment of what runs, no image change (restart.yml);
 * scale: the serving instances' desired capacity, then verified and watched (scale.ts).
 */
export const DEPLOY_MODES = ['deploy', 'snapshot', 'restart', 'scale'] as const;

export interface DeployRequest {
  image: ImageRef;
  snapshot: boolean;
  /** A snapshot an earlier job started (the snapshot action): waited for instead of made. */
  snapshotId?: string | undefined;
  autoRollback: boolean;
  dryRun: boolean;
  /** Bake period after verification (0: none); see bake.ts. */
  bakeMs?: number;
  /** Names the snapshot: pre-launch for the go-live deploy (snapshot-purpose). */
  snapshotPurpose?: (typeof DEPLOY_SNAPSHOT_PURPOSES)[number] | undefined;
  /** Variables to set/unset in the same update (env-set / env-unset). */
  env?: EnvChanges | undefined;
}

function deployStory(request: DeployRequest): RunStory {
  return {
    deployment: (run) => deploymentOf(run, 'deploy', `Deploying ${chosenOf(run).targetVersion}`),
    deploymentPlan: (run) =>
      `GitHub: create deployment of ${chosenOf(run).targetVersion} to ${run.ctx.environment}, status in_progress`,
    refused: (_run, result) => result.message,
    verified: (run, failure, by) => {
      const c = chosenOf(run);
      run.verificationFailed = failure;
      if (failure === undefined) {
        // A bake still to come decides.
        if (by === 'verify' && request.bakeMs) return;
        run.finish(
          'deployed',
          true,
          `Deployed ${c.targetVersion} to ${run.ctx.environment} (was ${c.running.version})`,
        );
      } else if (!request.autoRollback) {
        run.finish(
          'failed',
          false,
          `${c.targetVersion} is live but fails verification (${failure}); auto-rollback is off, so it stays`,
        );
      }
      // Otherwise the Roll back stage settles it.
    },
    planned: (run) =>
      `Dry run: would deploy ${chosenOf(run).targetVersion} over ${chosenOf(run).running.version}; nothing was changed`,
    unchanged: (run) =>
      `${chosenOf(run).targetVersion} already runs in ${run.ctx.environment} and passes its checks; nothing deployed`,
    unhealthy: (run, why) =>
      `${chosenOf(run).targetVersion} already runs in ${run.ctx.environment} but fails its checks: ${why}`,
    stopped: (run, why) => `Deploy of ${chosenOf(run).targetVersion} stopped: ${why}`,
    slack: (run) =>
      slackOf(run, '✅', {
        Version: `${chosenOf(run).running.version} → ${chosenOf(run).targetVersion}`,
      }),
    audit: (run) => ({
      action:
        run.outcome.result === 'deployed'
          ? 'deploy_succeeded'
          : run.outcome.result === 'rolled-back'
            ? 'deploy_rolled_back'
            : 'deploy_failed',
      details: {
        result: run.outcome.result,
        image: chosenOf(run).target.uri,
        tag: chosenOf(run).targetVersion,
        previous_image: run.outcome.previousImage,
        operation_id: run.outcome.operationId,
        rollback_operation_id: run.outcome.rollbackOperationId,
        snapshot_id: run.outcome.snapshotId,
        headline: run.outcome.headline,
      },
    }),
  };
}

export async function deploy(
  ctx: OpsContext,
  request: DeployRequest,
  pipeline: Pipeline<DeployRun> = DEPLOY_PIPELINE,
): Promise<OpsOutcome> {
  const run: DeployRun = Object.assign(
    startRun('deploy', ctx, pipeline as Pipeline<never>, deployStory(request), {
      dryRun: request.dryRun,
      snapshot: {
        wanted: request.snapshot,
        purpose: request.snapshotPurpose ?? 'pre-deploy',
        given: request.snapshotId,
      },
    }),
    {
      image: request.image,
      envChanges: request.env,
      bakeMs: request.bakeMs ?? 0,
      autoRollback: request.autoRollback,
    },
  );
  return runToEnd(pipeline, run);
}
