import type { InputReader } from '../../../core/action/inputs.js';
import { readOpsInputs } from '../../../core/action/ops-inputs.js';
import type { OpsInputs } from '../../../core/deploy/prepare.js';
import { InputError } from '../../../core/util/errors.js';

export interface RollbackInputs extends OpsInputs {
  to: string;
  reason: string;
  snapshot: boolean;
  downMigrationCommand: string | undefined;
  downMigrationTimeoutMs: number;
  dryRun: boolean;
  /** How it was approved when not by a second reviewer (break-glass); see action.yml. */
  approval: string | undefined;
}

/** Reads and validates every input once, before anything is called. */
export function readRollbackInputs(inputs: InputReader): RollbackInputs {
  const common = readOpsInputs(inputs);
  const reason = inputs.required('reason');
  if (reason.length < 5 || reason.length > 500) {
    throw new InputError(
      'reason',
      `say in 5 to 500 characters why production is rolled back (got ${reason.length})`,
    );
  }
  return Object.freeze({
    ...common,
    to: inputs.required('to'),
    reason,
    snapshot: inputs.boolean('snapshot'),
    downMigrationCommand: inputs.optional('down-migration-command'),
    downMigrationTimeoutMs: inputs.duration('down-migration-timeout', {
      min: 1_000,
      max: 6 * 3_600_000,
    }),
    dryRun: inputs.boolean('dry-run'),
    approval: inputs.optional('approval'),
  });
}
