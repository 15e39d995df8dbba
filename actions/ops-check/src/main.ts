import os from 'node:os';
import { readRunInfo } from '../../../core/action/github-context.js';
import { runAction } from '../../../core/action/runtime.js';
import { Summary } from '../../../core/action/summary.js';
import { POST_STATE } from '../../../core/action/post-state.js';
import { leavesSomethingToCleanUp, opsCheck } from '../../../core/checks/ops-check.js';
import { addCheckTable, countsLine, writeCheckReport } from '../../../core/checks/report.js';
import { systemClock } from '../../../core/util/clock.js';
import { DomainFailure } from '../../../core/util/errors.js';
import { readOpsCheckInputs } from './inputs.js';

await runAction('ops-check', async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
  const request = readOpsCheckInputs(inputs);
  const { report, alerting } = await opsCheck(request, {
    clock: systemClock,
    logger,
    run: readRunInfo(),
    // The post step cleans up only after checks that leave something behind have started.
    onStart: (items) => {
      if (leavesSomethingToCleanUp(items)) saveState(POST_STATE.checksToCleanUp, 'true');
    },
    saveState,
  });
  const failed = report.counts.fail + report.counts.error;
  setOutput('passed', report.passed);
  setOutput('failed', failed);
  setOutput('report', await writeCheckReport(report, process.env['RUNNER_TEMP'] || os.tmpdir()));

  const summary = addCheckTable(
    new Summary(),
    report,
    `${report.list} checks of ${report.environment}`,
  );
  // A report check (type report) draws the monthly report, charts included, below the table.
  for (const r of report.checks)
    if (typeof r.evidence?.['summary'] === 'string') summary.paragraph(r.evidence['summary']);
  if (alerting?.issue)
    summary.paragraph(
      `GitHub issue [#${alerting.issue.number}](${alerting.issue.url}): ${alerting.issue.action}.`,
    );
  await writeSummary(summary);
  const verdict = `${report.list} checks of ${report.environment}: ${countsLine(report.counts)}`;
  if (!report.passed) throw new DomainFailure(verdict);
  logger.info(verdict);
});
