/** Ends the suite's own monitor pauses whose window passed (a run whose runner was lost). */
import { endExpiredSuitePauses } from '../../maintenance/suite-pauses.js';
import type { OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';

/** Every run for the environment does this first, whatever it then decides; a dry run only says. */
export const expiredMaintenance: StageDefinition<OpsRun> = {
  name: 'Expired maintenance',
  applies: (run) => run.ctx.monitors !== undefined,
  failure: 'warn',
  run: async ({ ctx, dryRun }) => {
    const monitors = ctx.monitors!;
    const report = await endExpiredSuitePauses(monitors.client, monitors.ids, { dryRun }, ctx);
    for (const line of [...report.open, ...report.person]) ctx.logger.info(`  ${line}`);
    const lines = [
      ...report.ended,
      ...(report.failed.length > 0
        ? [`could not check for expired pauses: ${report.failed.join('; ')}`]
        : []),
    ];
    return lines.length > 0 ? { status: 'warning', detail: lines.join('; ') } : { silent: true };
  },
};
