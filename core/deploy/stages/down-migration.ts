/** A rollback's down migration, run before the image changes (after the snapshot is available). */
import { runCommand } from '../../build/process.js';
import { DomainFailure, errorMessage } from '../../util/errors.js';
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
    try {
      await runCommand('bash', ['-c', run.migration.command!], {
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
