import { readRunInfo } from '../../../core/action/github-context.js';
import { runAction } from '../../../core/action/runtime.js';
import { restoreDatabase } from '../../../core/restore/prepare.js';
import { renderRestore } from '../../../core/restore/summary.js';
import { systemClock } from '../../../core/util/clock.js';
import { DomainFailure } from '../../../core/util/errors.js';
import { readRestoreInputs } from './inputs.js';

await runAction(
  'restore-database',
  async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
    // Every input is read and checked before anything is called.
    const request = readRestoreInputs(inputs);
    const report = await restoreDatabase(request, {
      clock: systemClock,
      logger,
      run: readRunInfo(),
      saveState,
    });
    if (report.plan) {
      setOutput('restore-to', report.plan.to);
      setOutput('restored-instance', report.replaced ? report.plan.source : report.plan.restored);
    }
    if (report.replaced) setOutput('replaced-instance', report.replaced);
    if (report.forensicsSnapshot) setOutput('forensics-snapshot', report.forensicsSnapshot);
    await writeSummary(renderRestore(report, request.environment, request.mode));
    if (!report.ok) throw new DomainFailure(report.headline);
    logger.info(report.headline);
  },
);
