import { readRunInfo } from '../../../core/action/github-context.js';
import { runPostStep } from '../../../core/action/runtime.js';
import { cleanUpAfterRun } from '../../../core/deploy/cleanup.js';
import { systemClock } from '../../../core/util/clock.js';

await runPostStep('deploy', async ({ inputs, getState, logger }) => {
  await cleanUpAfterRun(
    { monitors: getState('maintenance-monitors'), deploymentId: getState('deployment-id') },
    { betterstack: inputs.secret('betterstack-token'), github: inputs.secret('github-token') },
    { run: readRunInfo(), clock: systemClock, logger },
  );
});
