import { OPS_POST_STATE, runPostStepIfOpen } from '../../../core/action/post-state.js';

await runPostStepIfOpen('deploy', OPS_POST_STATE, async () => {
  const { runOpsPostStep } = await import('../../../core/action/ops-post-step.js');
  await runOpsPostStep('deploy');
});
