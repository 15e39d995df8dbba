/**
 * Before a restart: the credentials are for the service's account, the service can take a new
 * deployment (waiting out a busy platform), and what runs now, which is what comes back.
 */
import { readRunningImage } from '../images.js';
import type { OpsRun } from '../ops-run.js';
import { recordTarget } from '../outcome.js';
import type { StageDefinition } from './stage.js';
import { assertNoUnfinishedRotation } from './unfinished-rotation.js';

export const restartPreflight: StageDefinition<OpsRun> = {
  name: 'Preflight',
  failure: 'throw',
  run: async (run) => {
    const { ctx } = run;
    await ctx.checkAccount();
    const state = await ctx.target.waitUntilUpdatable({
      timeoutMs: ctx.timing.operationTimeoutMs,
      intervalMs: ctx.timing.pollIntervalMs,
    });
    await assertNoUnfinishedRotation(ctx, state.secrets);
    const running = await readRunningImage(ctx, state.image);
    run.chosen = {
      running,
      // The same image: its tags are the versions the app may report once restarted.
      target: running.image ?? {
        uri: state.imageByDigest,
        digest: running.digest ?? state.digest ?? '',
        tags: running.tags,
      },
      targetVersion: running.version,
      serviceUrl: state.url,
      variables: state.environment,
      back: undefined,
    };
    recordTarget(run.outcome, run.chosen);
    return `${running.version} runs; restarting it (${state.status})`;
  },
};
