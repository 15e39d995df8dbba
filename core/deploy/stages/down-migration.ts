/** A rollback's down migration, run before the image changes (after the snapshot is available). */
import { runCommand } from '../../build/process.js';
import { DomainFailure, errorMessage } from '../../util/errors.js';
import { routedUrl } from '../../util/pg-client.js';
import { chosenOf, type OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';

export interface DownMigration {
  command: string | undefined;
  /** Its deadline; the operation timeout when not given. */
  timeoutMs: number | undefined;
}

export const downMigration: StageDefinition<OpsRun & { migration: DownMigration }> = {
  name: 'Down migration',
  applies: (run) => (run.migration.command ? true : { skip: 'no down-migration-command given' }),
  plan: (run) => [`Run the down migration: ${run.migration.command}`],
  run: async (run) => {
    const { ctx } = run;
    // Through the environment's database route (database.access: ssm), the command's
    // DATABASE_URL points at the session's local end.
    const url = process.env['DATABASE_URL'];
    const env = url ? { ...process.env, DATABASE_URL: await routedUrl(url) } : undefined;
    try {
      await runCommand('bash', ['-c', run.migration.command!], {
        ...(env ? { env } : {}),
        timeoutMs: run.migration.timeoutMs ?? ctx.timing.operationTimeoutMs,
        logger: ctx.logger,
        label: 'down migration',
      });
    } catch (error) {
      throw new DomainFailure(
        `the down migration failed, so the image was not changed and ${chosenOf(run).running.version} still serves: ${errorMessage(error)}`,
      );
    }
  },
};
