/** A rollback to a chosen earlier version: the rollback pipeline (pipelines.ts) and its words. */
import { ROLLBACK_PIPELINE } from './pipelines.js';
import type { OpsContext } from './context.js';
import {
  chosenOf,
  deploymentOf,
  runToEnd,
  slackOf,
  startRun,
  type OpsRun,
  type RunStory,
} from './ops-run.js';
import type { Pipeline } from './pipeline.js';
import type { OpsOutcome } from './outcome.js';
import type { RollbackTarget } from './rollback-target.js';
import type { RollbackRun } from './runs.js';

export { NoRollbackTarget, parseRollbackTarget, type RollbackTarget } from './rollback-target.js';
export type { RollbackRun };

export interface RollbackRequest {
  to: RollbackTarget;
  reason: string;
  snapshot: boolean;
  downMigrationCommand: string | undefined;
  /** Deadline of the down migration; the operation timeout when not given. */
  downMigrationTimeoutMs?: number;
  dryRun: boolean;
  /**
   * How it was approved when no second person did (break-glass): the records say so, with
   * who and why. Absent: the environment's reviewers; from the terminal, none.
   */
  approval?: string | undefined;
}

/** The break-glass line of the records, or undefined when the environment's reviewers approved. */
export function breakGlass(run: OpsRun, request: RollbackRequest): string | undefined {
  if (request.approval)
    return `${run.ctx.run.actor}, without a second approval: ${request.approval}`;
  if (run.ctx.run.job === 'terminal')
    return `${run.ctx.run.actor}, without a second approval: run from a terminal with their own AWS role`;
  return undefined;
}

function rollbackStory(request: RollbackRequest): RunStory {
  const versions = (run: OpsRun): string =>
    `${chosenOf(run).running.version} → ${chosenOf(run).targetVersion}`;
  return {
    deployment: (run) => {
      const commit = (run as RollbackRun).commit;
      return {
        ...deploymentOf(
          run,
          'rollback',
          `Rollback to ${chosenOf(run).targetVersion}: ${request.reason}`,
          request.reason,
        ),
        ...(commit ? { ref: commit } : {}),
      };
    },
    deploymentPlan: (run) =>
      `GitHub: create a rollback deployment of ${chosenOf(run).targetVersion} to ${run.ctx.environment}, status in_progress; ${chosenOf(run).running.version} recorded as rolled back away from`,
    refused: (_run, result) =>
      `${result.message}: production is unhealthy and nothing more was done automatically`,
    verified: (run, failure) => {
      const c = chosenOf(run);
      run.verificationFailed = failure;
      if (failure === undefined)
        run.finish(
          'rolled-back',
          true,
          `Rolled ${run.ctx.environment} back from ${c.running.version} to ${c.targetVersion}, which passes its checks`,
        );
      else
        run.finish(
          'failed',
          false,
          `Rolled back to ${c.targetVersion}, but it fails verification (${failure}): production is unhealthy and nothing more was done automatically`,
        );
    },
    planned: (run) =>
      `Dry run: would roll ${run.ctx.environment} back from ${chosenOf(run).running.version} to ${chosenOf(run).targetVersion}; nothing was changed`,
    unchanged: (run) =>
      `${chosenOf(run).targetVersion} already runs in ${run.ctx.environment} and passes its checks; nothing rolled back`,
    unhealthy: (run, why) =>
      `${chosenOf(run).targetVersion} already runs in ${run.ctx.environment} but fails its checks (${why}): production is unhealthy and nothing more was done automatically`,
    stopped: (run, why) => `Rollback to ${chosenOf(run).targetVersion} stopped: ${why}`,
    slack: (run) =>
      slackOf(run, '⏪', {
        Version: versions(run),
        Reason: request.reason,
        ...(breakGlass(run, request) ? { 'Break-glass': breakGlass(run, request) as string } : {}),
      }),
    audit: (run) => ({
      action: run.outcome.ok ? 'rollback_succeeded' : 'rollback_failed',
      details: {
        result: run.outcome.result,
        reason: request.reason,
        ...(breakGlass(run, request) ? { break_glass: breakGlass(run, request) } : {}),
        image: chosenOf(run).target.uri,
        tag: chosenOf(run).targetVersion,
        previous_image: run.outcome.previousImage,
        switched: run.switched,
        operation_id: run.outcome.operationId,
        snapshot_id: run.outcome.snapshotId,
        headline: run.outcome.headline,
      },
    }),
  };
}

export async function rollback(
  ctx: OpsContext,
  request: RollbackRequest,
  pipeline: Pipeline<RollbackRun> = ROLLBACK_PIPELINE,
): Promise<OpsOutcome> {
  const run: RollbackRun = Object.assign(
    startRun('rollback', ctx, pipeline as Pipeline<never>, rollbackStory(request), {
      dryRun: request.dryRun,
      snapshot: { wanted: request.snapshot, purpose: 'pre-rollback', given: undefined },
    }),
    {
      to: request.to,
      commit: undefined,
      migration: {
        command: request.downMigrationCommand,
        timeoutMs: request.downMigrationTimeoutMs,
      },
    },
  );
  return runToEnd(pipeline, run);
}
