import { runPostStepIfOpen } from '../../../core/action/post-state.js';

/**
 * Runs after every compliance-gate run, also a cancelled one: runPostStep ends the SSM port-forwarding
 * sessions (database.access: ssm) a stopped main step left running. Nothing else to undo here.
 */
await runPostStepIfOpen('compliance-gate', [], async () => {
  const { runPostStep } = await import('../../../core/action/runtime.js');
  await runPostStep('compliance-gate', async () => {});
});
