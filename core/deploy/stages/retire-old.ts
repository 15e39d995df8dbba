/**
 * After the bake: a target that keeps the previous version beside the new one (a blue/green
 * switch keeps the old group so a rollback is one switch back) retires it now. Nothing to do on
 * a target that replaces in place, after a failed verification, or after a rollback.
 */
import type { OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';

export const retireOld: StageDefinition<OpsRun> = {
  name: 'Retire old',
  applies: (run) => run.ctx.target.retire !== undefined,
  quiet: (run) => !run.switched || run.verificationFailed !== undefined || run.rolledBack,
  plan: () => ['After the bake: keep the previous version for keep-old, then delete it'],
  run: async (run) => {
    const retire = run.ctx.target.retire;
    if (!retire || !run.switched || run.verificationFailed !== undefined || run.rolledBack)
      return { silent: true };
    return { detail: await retire.call(run.ctx.target) };
  },
};
