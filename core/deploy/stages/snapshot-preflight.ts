/** Before a snapshot is started ahead of a deploy: the right account, a database that can be copied. */
import type { OpsRun } from '../ops-run.js';
import { checkAccess } from './preflight.js';
import type { StageDefinition } from './stage.js';

export const snapshotPreflight: StageDefinition<OpsRun> = {
  name: 'Preflight',
  failure: 'throw',
  run: async (run) => {
    const { ctx } = run;
    await checkAccess(run);
    return ctx.env.database
      ? `${ctx.env.database.instance} can be snapshotted`
      : `environments.${ctx.environment} has no database: nothing to snapshot`;
  },
};
