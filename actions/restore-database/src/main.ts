import { readRunInfo } from '../../../core/action/github-context.js';
import { runAction } from '../../../core/action/runtime.js';
import { restoreDatabase } from '../../../core/restore/prepare.js';
import { parseRestoreTarget, RESTORE_MODES } from '../../../core/restore/request.js';
import { renderRestore } from '../../../core/restore/summary.js';
import { systemClock } from '../../../core/util/clock.js';
import { DomainFailure } from '../../../core/util/errors.js';

await runAction(
  'restore-database',
  async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
    // Every input is read and checked before anything is called.
    const request = Object.freeze({
      config: inputs.required('config'),
      environment: inputs.required('environment'),
      to: parseRestoreTarget(inputs.required('to')),
      mode: inputs.enumOf('mode', RESTORE_MODES),
      reason: inputs.required('reason'),
      dryRun: inputs.boolean('dry-run'),
      databaseUrl: inputs.secretUrl('database-url', ['postgres', 'postgresql'])?.href,
      auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
      betterstackToken: inputs.secret('betterstack-token'),
      pollIntervalMs: inputs.duration('poll-interval', { min: 10, max: 300_000 }),
    });
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
