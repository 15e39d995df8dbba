import path from 'node:path';
import { readRunInfo } from '../../../core/action/github-context.js';
import { runAction } from '../../../core/action/runtime.js';
import { createAwsClients } from '../../../core/aws/clients.js';
import { GateFailed, runGate } from '../../../core/gate/gate.js';
import { headline, renderGate } from '../../../core/gate/render.js';
import { systemClock } from '../../../core/util/clock.js';
import { readGateInputs } from './inputs.js';

await runAction(
  'compliance-gate',
  async ({ inputs, logger, setOutput, saveState, writeSummary }) => {
    const request = readGateInputs(inputs);
    const outcome = await runGate(request, {
      run: readRunInfo(),
      clock: systemClock,
      logger,
      aws: createAwsClients,
      saveState,
    });

    setOutput('passed', outcome.passed);
    setOutput('failed', outcome.failed);
    setOutput('not-checked', outcome.notChecked);
    setOutput('waived', outcome.waived);
    setOutput('evidence', path.join(request.evidenceDir, 'evidence.json'));
    await writeSummary(renderGate(outcome.evidence));
    if (!outcome.evidence.passed) throw new GateFailed(headline(outcome.evidence));
    logger.info(headline(outcome.evidence));
  },
);
