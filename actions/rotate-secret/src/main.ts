import { readRunInfo } from '../../../core/action/github-context.js';
import { runAction } from '../../../core/action/runtime.js';
import { prepareRotation } from '../../../core/rotation/prepare.js';
import { runRotation } from '../../../core/rotation/run.js';
import { renderRotation } from '../../../core/rotation/summary.js';
import { systemClock } from '../../../core/util/clock.js';
import { DomainFailure } from '../../../core/util/errors.js';
import { readRotateInputs } from './inputs.js';

await runAction(
  'rotate-secret',
  async ({ inputs, logger, setOutput, saveState, writeSummary, mask }) => {
    const request = readRotateInputs(inputs);
    const ctx = await prepareRotation(request, {
      run: readRunInfo(),
      clock: systemClock,
      logger,
      mask,
      saveState,
    });
    const outcome = await runRotation(request, ctx);

    setOutput(
      'rotated',
      outcome.outcomes
        .filter((o) => o.result === 'rotated')
        .map((o) => o.name)
        .join(','),
    );
    setOutput(
      'version-ids',
      outcome.outcomes.map((o) => `${o.name}=${o.versionId ?? ''}`).join(','),
    );
    await writeSummary(renderRotation(outcome, request.environment));
    for (const line of outcome.plan) logger.info(`plan: ${line}`);
    if (!outcome.ok) throw new DomainFailure(outcome.headline);
    logger.info(outcome.headline);
  },
);
