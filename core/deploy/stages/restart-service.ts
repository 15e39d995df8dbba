/** A new deployment of what runs, with no image change, followed to its end. */
import { chosenOf, type OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';
import { followDeployment } from './switch-image.js';

export const restartService: StageDefinition<OpsRun> = {
  name: 'Restart service',
  plan: (run) => [run.ctx.target.describeRestart()],
  run: async (run) => {
    const { ctx } = run;
    const c = chosenOf(run);
    const started = await ctx.target.restart({
      timeoutMs: ctx.timing.operationTimeoutMs,
      intervalMs: ctx.timing.pollIntervalMs,
    });
    ctx.logger.info(`  restart started ${started.id} (${c.running.version})`);
    return followDeployment(run, started);
  },
};
