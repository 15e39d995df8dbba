/**
 * deploy's `mode: scale` (the runbook's scaling by desired capacity): the serving instances to
 * N within the target's min/max, every target healthy, verified through the load balancer and
 * its response time watched for the `bake` period; recorded in the summary, Slack and the
 * audit log. No image changes, so there is no snapshot and no GitHub deployment.
 */
import type { OpsContext } from './context.js';
import { chosenOf, runToEnd, slackOf, startRun, type OpsRun, type RunStory } from './ops-run.js';
import type { OpsOutcome } from './outcome.js';
import { SCALE_PIPELINE } from './pipelines.js';
import type { Pipeline } from './pipeline.js';
import type { ScaleRun } from './stages/scale-service.js';

export interface ScaleRequest {
  capacity: number;
  /** Why: in the summary, Slack and the audit log (optional). */
  reason: string | undefined;
  dryRun: boolean;
  /** How long the response time is watched after the change (the bake period; 0: not). */
  bakeMs: number;
}

function scaleStory(request: ScaleRequest): RunStory {
  const from = (run: OpsRun): string => {
    const f = (run as ScaleRun).from;
    return f ? `${f.name} from ${f.desired} to ${request.capacity} instances` : 'the service';
  };
  const unused = (): never => {
    throw new Error('a scale never finds its version already in place');
  };
  return {
    deployment: unused,
    deploymentPlan: () => 'no GitHub deployment (the image does not change)',
    refused: (run, result) => `Scaling ${from(run)} failed: ${result.message}`,
    verified: (run, failure, by) => {
      run.verificationFailed = failure;
      const where = run.ctx.environment;
      if (failure === undefined)
        run.finish(
          'scaled',
          true,
          `Scaled ${from(run)} in ${where}; ${by === 'bake' ? 'it passed its checks and its response time held' : 'it passes its checks'}`,
        );
      else
        run.finish(
          'failed',
          false,
          `Scaled ${from(run)} in ${where}, but ${failure}: check the service now; nothing more was done automatically`,
        );
    },
    planned: (run) =>
      `Dry run: would scale ${from(run)} in ${run.ctx.environment}; nothing was changed`,
    unchanged: unused,
    unhealthy: unused,
    stopped: (run, why) => `Scaling ${from(run)} stopped: ${why}`,
    slack: (run) =>
      slackOf(run, '📈', {
        Version: chosenOf(run).running.version,
        Capacity: `${(run as ScaleRun).from?.desired ?? '?'} → ${request.capacity}`,
        ...(request.reason ? { Reason: request.reason } : {}),
      }),
    audit: (run) => ({
      action: run.outcome.ok ? 'scale_succeeded' : 'scale_failed',
      details: {
        result: run.outcome.result,
        group: (run as ScaleRun).from?.name,
        from: (run as ScaleRun).from?.desired,
        to: request.capacity,
        ...(request.reason ? { reason: request.reason } : {}),
        headline: run.outcome.headline,
      },
    }),
  };
}

export async function scale(
  ctx: OpsContext,
  request: ScaleRequest,
  pipeline: Pipeline<ScaleRun> = SCALE_PIPELINE,
): Promise<OpsOutcome> {
  const run: ScaleRun = Object.assign(
    startRun('scale', ctx, pipeline as Pipeline<never>, scaleStory(request), {
      dryRun: request.dryRun,
      snapshot: { wanted: false, purpose: 'pre-restart', given: undefined },
    }),
    // What runs stays: never "unchanged" by its image.
    { restarting: true, capacity: request.capacity, bakeMs: request.bakeMs, from: undefined },
  );
  return runToEnd(pipeline, run);
}
