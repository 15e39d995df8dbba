/** Before a snapshot is started ahead of a deploy: the right account, a database that can be copied. */
import type { OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';

export const snapshotPreflight: StageDefinition<OpsRun> = {
  name: 'Preflight',
  failure: 'throw',
  run: async ({ ctx, snapshot }) => {
    await ctx.checkAccount();
    if (snapshot.wanted && ctx.rds) await ctx.rds.assertAvailable();
    return ctx.env.database
      ? `${ctx.env.database.instance} can be snapshotted`
      : `environments.${ctx.environment} has no database: nothing to snapshot`;
  },
};
