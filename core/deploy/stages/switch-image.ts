/**
 * Points the service at the chosen image and follows the platform's deployment to its end. The
 * platform's own verdict counts: a deployment it rolled back is a failed change, said in red.
 */
import type { StartedDeployment } from '../../targets/target.js';
import { describeEnvChanges, type EnvChanges } from '../../targets/env-changes.js';
import { chosenOf, type OpsRun } from '../ops-run.js';
import type { StageResult } from '../pipeline.js';
import type { StageDefinition } from './stage.js';
import { verifyIntervalMs } from './verify.js';

/**
 * Follows a started deployment of the chosen image (the switch or the restart) and records it
 * on the run; a failure settles the outcome and stops the pipeline.
 */
export async function followDeployment(
  run: OpsRun,
  started: StartedDeployment,
): Promise<StageResult> {
  const { ctx } = run;
  const c = chosenOf(run);
  run.outcome.operationId = started.id;
  const result = await ctx.target.follow(
    { ...started, names: { image: c.targetVersion, previous: c.running.version } },
    // Verification starts when the platform's deployment ends: see it end soon.
    { timeoutMs: ctx.timing.operationTimeoutMs, intervalMs: verifyIntervalMs(ctx) },
  );
  // A stepped switch (weights judged one by one) names each step with its figures.
  const steps = result.steps?.length ? `; ${result.steps.join('; ')}` : '';
  const detail = `operation ${started.id}: ${result.status}${steps}`;
  run.switched = result.ok;
  if (result.ok) return { detail };
  run.finish('failed', false, run.story.refused(run, result));
  return { status: 'failed', detail, halt: 'stop' };
}

export const switchImage: StageDefinition<OpsRun & { envChanges?: EnvChanges | undefined }> = {
  name: 'Update service',
  plan: (run) => {
    const c = chosenOf(run);
    return [
      ...(run.variablesWanted && run.envChanges
        ? [`Environment variables in the same update: ${describeEnvChanges(run.envChanges)}`]
        : []),
      run.ctx.target.describeSwitch(c.running.identifier, c.target.uri),
    ];
  },
  run: async (run) => {
    const { ctx } = run;
    const c = chosenOf(run);
    const started = await ctx.target.switchImage(c.target.uri, {
      wait: { timeoutMs: ctx.timing.operationTimeoutMs, intervalMs: ctx.timing.pollIntervalMs },
      ...(run.variablesWanted ? { environment: run.variablesWanted } : {}),
    });
    ctx.logger.info(`  update started ${started.id} → ${c.target.uri}`);
    return followDeployment(run, started);
  },
};
