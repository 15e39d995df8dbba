import { cleanUpAfterRun } from '../deploy/cleanup.js';
import { systemClock } from '../util/clock.js';
import { readRunInfo } from './github-context.js';
import { POST_STATE } from './post-state.js';
import { runPostStep } from './runtime.js';

/**
 * The post step of deploy and rollback: closes what a cancelled or crashed run left open.
 * Loaded by the post entry only when OPS_POST_STATE holds something (core/action/post-state.ts).
 */
export function runOpsPostStep(action: 'deploy' | 'rollback'): Promise<void> {
  return runPostStep(action, async ({ inputs, getState, logger }) => {
    await cleanUpAfterRun(
      {
        monitors: getState(POST_STATE.maintenanceMonitors),
        pauseId: getState(POST_STATE.maintenancePauseId),
        deploymentId: getState(POST_STATE.deploymentId),
      },
      { betterstack: inputs.secret('betterstack-token'), github: inputs.secret('github-token') },
      { run: readRunInfo(), clock: systemClock, logger },
    );
  });
}
