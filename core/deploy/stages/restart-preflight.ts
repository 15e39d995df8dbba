/**
 * Before a restart: the credentials are for the service's account, the service can take a new
 * deployment (waiting out a busy platform), and what runs now, which is what comes back.
 */
import type { OpsRun } from '../ops-run.js';
import { checkAccess, keepRunning, readService } from './preflight.js';
import type { StageDefinition } from './stage.js';

export const restartPreflight: StageDefinition<OpsRun> = {
  name: 'Preflight',
  failure: 'throw',
  run: async (run) => {
    await checkAccess(run);
    const { state, running } = await readService(run);
    keepRunning(run, state, running);
    return `${running.version} runs; restarting it (${state.status})`;
  },
};
