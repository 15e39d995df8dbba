/** The bake period after a verified deploy (see ../bake.ts): a sustained breach fails it. */
import { bake as watch, bakeLine } from '../bake.js';
import { DomainFailure, errorMessage } from '../../util/errors.js';
import type { OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';

export const bakePeriod: StageDefinition<OpsRun & { bakeMs: number }> = {
  name: 'Bake',
  applies: (run) => run.bakeMs > 0,
  plan: (run) => [
    `Watch the service's traffic for ${Math.round(run.bakeMs / 60_000)} min; a sustained breach counts as a failed verification`,
  ],
  run: async (run) => {
    // Only a version that passed its checks is baked.
    if (run.verificationFailed !== undefined) return { silent: true };
    const result = await watch(run.ctx, run.bakeMs).catch((error: unknown) => {
      // Preflight read the metrics once; losing them now leaves a verified version unwatched.
      throw new DomainFailure(
        `the bake period could not read the service's request metrics (${run.ctx.target.trafficMetrics}): ${errorMessage(error)}. The new version passed verification and stays live, unwatched: watch it, or roll back`,
      );
    });
    const why = result.ok ? undefined : `bake period: ${result.line}`;
    run.story.verified(run, why, 'bake');
    // The watch itself went fine; a breach is judged like a failed verification (Roll back).
    return bakeLine(result);
  },
};
