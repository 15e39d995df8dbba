import { runPostStepIfOpen } from '../../../core/action/post-state.js';

/**
 * Runs after every restore-database run, also a cancelled one: runPostStep ends the SSM
 * port-forwarding sessions (database.access: ssm) a stopped main step left running. The
 * instances themselves are never deleted here: a re-run adopts or repairs them (core/restore).
 */
await runPostStepIfOpen('restore-database', [], async () => {
  const { runPostStep } = await import('../../../core/action/runtime.js');
  await runPostStep('restore-database', async () => {});
});
