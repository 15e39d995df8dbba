import { cleanUpAfterRun } from '../deploy/cleanup.js';
import { systemClock } from '../util/clock.js';
import { readRunInfo } from './github-context.js';
import { runPostStep } from './runtime.js';

/** The post step of deploy and rollback: closes what a cancelled or crashed run left open. */
export function runOpsPostStep(action: 'deploy' | 'rollback'): Promise<void> {
  return runPostStep(action, async ({ inputs, getState, logger }) => {
    await cleanUpAfterRun(
      {
        monitors: getState('maintenance-monitors'),
        pauseId: getState('maintenance-pause-id'),
        deploymentId: getState('deployment-id'),
      },
      { betterstack: inputs.secret('betterstack-token'), github: inputs.secret('github-token') },
      { run: readRunInfo(), clock: systemClock, logger },
    );
  });
}
