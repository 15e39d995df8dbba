import { POST_STATE, runPostStepIfOpen } from '../../../core/action/post-state.js';

/**
 * Runs after every ops-check run, also a cancelled one. Its body (post-step.ts) loads only when
 * the main step started a drill or an escalation test, or opened a database session.
 */
await runPostStepIfOpen('ops-check', [POST_STATE.checksToCleanUp], async () => {
  await import('./post-step.js');
});
