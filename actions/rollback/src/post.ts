import { runOpsPostStep } from '../../../core/action/ops-post-step.js';

await runOpsPostStep('rollback');
