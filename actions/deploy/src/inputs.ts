import type { InputReader } from '../../../core/action/inputs.js';
import { readOpsInputs } from '../../../core/action/ops-inputs.js';
import type { OpsInputs } from '../../../core/deploy/prepare.js';

export interface DeployInputs extends OpsInputs {
  image: string | undefined;
  snapshot: boolean;
  autoRollback: boolean;
  dryRun: boolean;
  bakeMs: number;
}

/** Reads and validates every input once, before anything is called. */
export function readDeployInputs(inputs: InputReader): DeployInputs {
  return Object.freeze({
    ...readOpsInputs(inputs),
    image: inputs.optional('image'),
    snapshot: inputs.boolean('snapshot'),
    autoRollback: inputs.boolean('auto-rollback'),
    dryRun: inputs.boolean('dry-run'),
    bakeMs: inputs.duration('bake', { min: 0, max: 6 * 3_600_000 }),
  });
}
