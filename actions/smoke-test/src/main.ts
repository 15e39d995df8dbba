import os from 'node:os';
import { runAction } from '../../../core/action/runtime.js';
import { Summary } from '../../../core/action/summary.js';
import { addChecksToSummary, writeReport } from '../../../core/health/report.js';
import { smokeTest } from '../../../core/health/smoke-test.js';
import { planSmokeTest } from '../../../core/plan/smoke-test-plan.js';
import { systemClock } from '../../../core/util/clock.js';
import { DomainFailure } from '../../../core/util/errors.js';
import { readSmokeTestInputs } from './inputs.js';

await runAction('smoke-test', async ({ inputs, logger, setOutput, writeSummary }) => {
  const plan = await planSmokeTest(readSmokeTestInputs(inputs));
  const report = await smokeTest(plan, { clock: systemClock, logger });
  const reportPath = await writeReport(report, process.env['RUNNER_TEMP'] || os.tmpdir());

  setOutput('passed', report.passed);
  setOutput('failed-checks', report.failedChecks);
  setOutput('report', reportPath);
  await writeSummary(addChecksToSummary(new Summary(), report));
  for (const check of report.checks.filter((c) => !c.passed)) {
    logger.error(`${check.url}: ${check.lastReason}`, {
      title: `Smoke check failed: ${check.name}`,
    });
  }
  if (!report.passed) {
    const names = report.checks.filter((c) => !c.passed).map((c) => `${c.name} (${c.lastReason})`);
    throw new DomainFailure(
      `${report.failedChecks} of ${report.checks.length} checks failed: ${names.join('; ')}`,
    );
  }
});
