/**
 * A restart: a new deployment of the same image and configuration (the runbook's service
 * restart procedure; a rotation's redeploy needs the same), through the restart pipeline.
 */
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
import type { OpsOutcome } from './outcome.js';
import { RESTART_PIPELINE } from './pipelines.js';
import type { Pipeline } from './pipeline.js';

export interface RestartRequest {
  /** Why: in the summary, Slack, the deployment status and the audit log. */
  reason: string;
  dryRun: boolean;
}

function restartStory(request: RestartRequest): RunStory {
  const version = (run: OpsRun): string => chosenOf(run).running.version;
  const unused = (): never => {
    throw new Error('a restart never finds its version already in place');
  };
  return {
    deployment: (run) =>
      deploymentOf(
        run,
        'restart',
        `Restart of ${chosenOf(run).targetVersion}: ${request.reason}`,
        request.reason,
      ),
    deploymentPlan: (run) =>
      `GitHub: create a restart deployment of ${version(run)} to ${run.ctx.environment}, status in_progress`,
    refused: (_run, result) => `${result.message}: check the service now`,
    verified: (run, failure) => {
      run.verificationFailed = failure;
      if (failure === undefined)
        run.finish(
          'restarted',
          true,
          `Restarted ${version(run)} in ${run.ctx.environment}; it passes its checks`,
        );
      else
        run.finish(
          'failed',
          false,
          `Restarted ${version(run)} in ${run.ctx.environment}, but it fails verification (${failure}): production is unhealthy and nothing more was done automatically`,
        );
    },
    planned: (run) =>
      `Dry run: would restart ${version(run)} in ${run.ctx.environment}; nothing was changed`,
    unchanged: unused,
    unhealthy: unused,
    stopped: (run, why) => `Restart of ${version(run)} stopped: ${why}`,
    slack: (run) => slackOf(run, '🔄', { Version: version(run), Reason: request.reason }),
    audit: (run) => ({
      action: run.outcome.ok ? 'restart_succeeded' : 'restart_failed',
      details: {
        result: run.outcome.result,
        reason: request.reason,
        image: chosenOf(run).target.uri,
        tag: version(run),
        operation_id: run.outcome.operationId,
        headline: run.outcome.headline,
      },
    }),
  };
}

export async function restart(
  ctx: OpsContext,
  request: RestartRequest,
  pipeline: Pipeline<OpsRun> = RESTART_PIPELINE,
): Promise<OpsOutcome> {
  const run = startRun('restart', ctx, pipeline as Pipeline<never>, restartStory(request), {
    dryRun: request.dryRun,
    snapshot: { wanted: false, purpose: 'pre-restart', given: undefined },
  });
  return runToEnd(pipeline, run);
}
