import type { InputReader } from '../../../core/action/inputs.js';
import { readOpsInputs } from '../../../core/action/ops-inputs.js';
import { DEPLOY_SNAPSHOT_PURPOSES } from '../../../core/deploy/deploy.js';
import { parseEnvChanges, type EnvChanges } from '../../../core/deploy/env-changes.js';
import type { OpsInputs } from '../../../core/deploy/prepare.js';

export interface DeployInputs extends OpsInputs {
  image: string | undefined;
  snapshot: boolean;
  autoRollback: boolean;
  dryRun: boolean;
  bakeMs: number;
  env: EnvChanges;
  snapshotPurpose: (typeof DEPLOY_SNAPSHOT_PURPOSES)[number];
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
    snapshotPurpose: inputs.enumOf('snapshot-purpose', DEPLOY_SNAPSHOT_PURPOSES),
    env: parseEnvChanges(inputs.optional('env-set'), inputs.optional('env-unset')),
  });
}
