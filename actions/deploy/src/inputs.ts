import type { InputReader } from '../../../core/action/inputs.js';
import { readOpsInputs } from '../../../core/action/ops-inputs.js';
import { parseEnvChanges, type EnvChanges } from '../../../core/deploy/env-changes.js';
import type { OpsInputs } from '../../../core/deploy/prepare.js';

export interface DeployInputs extends OpsInputs {
  image: string | undefined;
  snapshot: boolean;
  autoRollback: boolean;
  dryRun: boolean;
  env: EnvChanges;
}

/** Reads and validates every input once, before anything is called. */
export function readDeployInputs(inputs: InputReader): DeployInputs {
  return Object.freeze({
    ...readOpsInputs(inputs),
    image: inputs.optional('image'),
    snapshot: inputs.boolean('snapshot'),
    autoRollback: inputs.boolean('auto-rollback'),
    dryRun: inputs.boolean('dry-run'),
    env: parseEnvChanges(inputs.optional('env-set'), inputs.optional('env-unset')),
  });
}
