import type { InputReader } from '../../../core/action/inputs.js';
import { readOpsInputs } from '../../../core/action/ops-inputs.js';
import { DEPLOY_MODES, DEPLOY_SNAPSHOT_PURPOSES } from '../../../core/deploy/deploy.js';
import { parseEnvChanges, type EnvChanges } from '../../../core/targets/env-changes.js';
import type { OpsInputs } from '../../../core/deploy/prepare.js';
import { InputError } from '../../../core/util/errors.js';

export interface DeployInputs extends OpsInputs {
  image: string | undefined;
  snapshot: boolean;
  autoRollback: boolean;
  dryRun: boolean;
  bakeMs: number;
  env: EnvChanges;
  snapshotPurpose: (typeof DEPLOY_SNAPSHOT_PURPOSES)[number];
  mode: (typeof DEPLOY_MODES)[number];
  snapshotId: string | undefined;
  /** Why (a restart): summary, Slack, deployment status, audit log. */
  reason: string | undefined;
  /** mode: scale: the serving group's desired capacity. */
  capacity: number | undefined;
}

/** A restart runs what runs: the inputs that choose or change an image are refused with it. */
function checkRestart(
  inputs: InputReader,
  mode: (typeof DEPLOY_MODES)[number],
): string | undefined {
  const reason = inputs.optional('reason');
  if (mode !== 'restart' && mode !== 'scale') return reason;
  for (const name of ['image', 'env-set', 'env-unset', 'snapshot-id'])
    if (inputs.optional(name) !== undefined)
      throw new InputError(
        name,
        mode === 'restart'
          ? 'is not used by mode: restart, which restarts the image and configuration that run now; remove it'
          : 'is not used by mode: scale, which changes how many instances run what runs now; remove it',
      );
  if (mode === 'scale') return reason;
  if (!reason)
    throw new InputError('reason', 'is required with mode: restart (why the service is restarted)');
  return reason;
}

/** mode: scale needs a capacity (a whole number of instances); no other mode takes one. */
function capacityInput(
  inputs: InputReader,
  mode: (typeof DEPLOY_MODES)[number],
): number | undefined {
  const text = inputs.optional('capacity');
  if (mode !== 'scale') {
    if (text !== undefined)
      throw new InputError('capacity', `is only used by mode: scale (mode is ${mode}); remove it`);
    return undefined;
  }
  if (text === undefined)
    throw new InputError(
      'capacity',
      'is required with mode: scale (the number of instances, within the group’s min/max)',
    );
  if (!/^\d{1,5}$/.test(text))
    throw new InputError('capacity', `"${text}" is not a whole number of instances, e.g. 4`);
  return Number(text);
}
/**
 * The action's modes: the deploy's own, and `runners` (the reusable workflows' first job reads
 * which runner each environment's database jobs run on; core/database/runners.ts).
 */
export const ACTION_MODES = [...DEPLOY_MODES, 'runners'] as const;

/** RDS snapshot identifiers: a letter, then letters, digits and single hyphens. */
const SNAPSHOT_ID = /^[a-zA-Z](?:-?[a-zA-Z0-9])*$/;

function snapshotIdInput(inputs: InputReader): string | undefined {
  const id = inputs.optional('snapshot-id');
  if (id === undefined) return undefined;
  if (!SNAPSHOT_ID.test(id) || id.length > 255)
    throw new InputError(
      'snapshot-id',
      `"${id}" is not an RDS snapshot identifier (a letter, then letters, digits and single hyphens)`,
    );
  if (!inputs.boolean('snapshot'))
    throw new InputError(
      'snapshot-id',
      'is given while snapshot is false: give one or the other (the snapshot-id stands for the pre-deploy snapshot)',
    );
  if (inputs.enumOf('mode', DEPLOY_MODES) === 'snapshot')
    throw new InputError(
      'snapshot-id',
      'is for the deploy that waits for a snapshot; mode: snapshot starts one and has none yet',
    );
  return id;
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
    mode: inputs.enumOf('mode', DEPLOY_MODES),
    snapshotId: snapshotIdInput(inputs),
    reason: checkRestart(inputs, inputs.enumOf('mode', DEPLOY_MODES)),
    capacity: capacityInput(inputs, inputs.enumOf('mode', DEPLOY_MODES)),
  });
}
