import { readRunInfo } from '../../../core/action/github-context.js';
import { runAction } from '../../../core/action/runtime.js';
import { deploy } from '../../../core/deploy/deploy.js';
import { restart } from '../../../core/deploy/restart.js';
import { scale } from '../../../core/deploy/scale.js';
import { snapshotAhead } from '../../../core/deploy/snapshot-ahead.js';
import { setOpsOutputs } from '../../../core/deploy/outputs.js';
import { deployImageRef, prepareOps } from '../../../core/deploy/prepare.js';
import { renderOutcome } from '../../../core/deploy/summary.js';
import { systemClock } from '../../../core/util/clock.js';
import { DomainFailure } from '../../../core/util/errors.js';
import { ACTION_MODES, readDeployInputs } from './inputs.js';
import { databaseRunnerLabels, parseEnvironmentList } from '../../../core/database/runners.js';

await runAction('deploy', async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
  // The reusable workflows' first job: which runner each environment's database jobs need.
  if (inputs.enumOf('mode', ACTION_MODES) === 'runners') {
    const environments = parseEnvironmentList(inputs.required('environment'), 'environment');
    const labels = await databaseRunnerLabels(inputs.required('config'), environments);
    for (const name of environments)
      logger.info(
        labels[name] !== undefined
          ? `${name}: the database jobs run on ${labels[name]} (database.access: runner)`
          : `${name}: the database jobs run on the workflow's runs-on`,
      );
    setOutput('runs-on', JSON.stringify(labels));
    return;
  }
  const request = readDeployInputs(inputs);
  const ops = await prepareOps(request, {
    run: readRunInfo(),
    clock: systemClock,
    logger,
    state: { save: saveState },
  });
  const outcome =
    request.mode === 'restart'
      ? await restart(ops, { reason: request.reason!, dryRun: request.dryRun })
      : request.mode === 'scale'
        ? await scale(ops, {
            capacity: request.capacity!,
            reason: request.reason,
            dryRun: request.dryRun,
            bakeMs: request.bakeMs,
          })
        : request.mode === 'snapshot'
          ? await snapshotAhead(ops, {
              dryRun: request.dryRun,
              snapshot: request.snapshot,
              purpose: request.snapshotPurpose,
            })
          : await deploy(ops, {
              image: deployImageRef(ops, request.image),
              snapshot: request.snapshot,
              snapshotId: request.snapshotId,
              autoRollback: request.autoRollback,
              dryRun: request.dryRun,
              bakeMs: request.bakeMs,
              env: request.env,
              snapshotPurpose: request.snapshotPurpose,
            });

  setOpsOutputs(outcome, setOutput);
  await writeSummary(renderOutcome(outcome));
  if (!outcome.ok) throw new DomainFailure(outcome.headline);
  logger.info(outcome.headline);
});
