import os from 'node:os';
import { readRunInfo } from '../../../core/action/github-context.js';
import { runAction } from '../../../core/action/runtime.js';
import { Summary } from '../../../core/action/summary.js';
import { runBuildPush } from '../../../core/build/prepare.js';
import { systemClock } from '../../../core/util/clock.js';
import { readBuildPushInputs } from './inputs.js';

await runAction('build-push', async ({ inputs, logger, setOutput, writeSummary, mask }) => {
  const request = readBuildPushInputs(inputs);
  const tempDir = process.env['RUNNER_TEMP'] || os.tmpdir();
  const outcome = await runBuildPush(request, {
    run: readRunInfo(),
    clock: systemClock,
    logger,
    tempDir,
    mask,
  });

  setOutput('image', outcome.uri);
  setOutput('tag', outcome.tag);
  setOutput('digest', outcome.image.digest);
  setOutput('built', outcome.built);
  setOutput('fly-image', outcome.flyImage ?? '');
  await writeSummary(
    new Summary()
      .heading(
        outcome.built
          ? `📦 Built and pushed ${outcome.tag}`
          : `📦 ${outcome.tag} already in ECR: not rebuilt`,
        3,
      )
      .table(
        ['', ''],
        [
          ['Image', outcome.uri],
          ...(outcome.flyImage ? [['Fly image', outcome.flyImage]] : []),
          ['Tag', outcome.tag],
          ['Builder', outcome.builder ?? '—'],
        ],
      ),
  );
});
