/**
 * Before a restart: the credentials are for the service's account, the service can take a new
 * deployment (waiting out a busy platform), and what runs now, which is what comes back.
 */
import type { OpsRun } from '../ops-run.js';
import { checkAccess, choose, readService } from './preflight.js';
import type { StageDefinition } from './stage.js';

export const restartPreflight: StageDefinition<OpsRun> = {
  name: 'Preflight',
  failure: 'throw',
  run: async (run) => {
    await checkAccess(run);
    const { state, running } = await readService(run);
    choose(run, state, {
      running,
      // The same image: its tags are the versions the app may report once restarted.
      target: running.image ?? {
        uri: state.imageByDigest,
        digest: running.digest ?? state.digest ?? '',
        tags: running.tags,
      },
      targetVersion: running.version,
      back: undefined,
    });
    return `${running.version} runs; restarting it (${state.status})`;
  },
};
