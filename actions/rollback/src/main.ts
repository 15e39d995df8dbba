import { readRunInfo } from '../../../core/action/github-context.js';
import { runAction } from '../../../core/action/runtime.js';
import { setOpsOutputs } from '../../../core/deploy/outputs.js';
import { prepareOps } from '../../../core/deploy/prepare.js';
import { parseRollbackTarget, rollback } from '../../../core/deploy/rollback.js';
import { renderOutcome } from '../../../core/deploy/summary.js';
import { systemClock } from '../../../core/util/clock.js';
import { DomainFailure } from '../../../core/util/errors.js';
import { readRollbackInputs } from './inputs.js';

await runAction('rollback', async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
  const request = readRollbackInputs(inputs);
  const ops = await prepareOps(request, {
    run: readRunInfo(),
    clock: systemClock,
    logger,
    state: { save: saveState },
  });
  const to = parseRollbackTarget(request.to, ops);
  const outcome = await rollback(ops, {
    to,
    reason: request.reason,
    snapshot: request.snapshot,
    downMigrationCommand: request.downMigrationCommand,
    downMigrationTimeoutMs: request.downMigrationTimeoutMs,
    dryRun: request.dryRun,
    approval: request.approval,
  });

  setOpsOutputs(outcome, setOutput);
  await writeSummary(renderOutcome(outcome, request.reason));
  if (!outcome.ok) throw new DomainFailure(outcome.headline);
  logger.info(outcome.headline);
});
