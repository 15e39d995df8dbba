/** What the preflights (deploy, rollback, restart, snapshot) check and read alike. */
import type { TargetState } from '../../targets/target.js';
import { readRunningImage, type RunningImage } from '../images.js';
import type { Chosen, OpsRun } from '../ops-run.js';
import { recordTarget } from '../outcome.js';
import { assertNoUnfinishedRotation } from './unfinished-rotation.js';

/** The credentials reach the configured account, and the database is there to snapshot if wanted. */
export async function checkAccess(run: OpsRun): Promise<void> {
  await run.ctx.checkAccount();
  if (run.snapshot.wanted && run.ctx.rds) await run.ctx.rds.assertAvailable();
}

/**
 * Waits until the service takes an update, refuses one whose secrets have a rotation left
 * half done (unfinished-rotation.ts), and reads what it runs: every preflight that changes the
 * service (deploy, rollback, restart) starts so.
 */
export async function readService(
  run: OpsRun,
): Promise<{ state: TargetState; running: RunningImage }> {
  const { ctx } = run;
  const state = await ctx.target.waitUntilUpdatable({
    timeoutMs: ctx.timing.operationTimeoutMs,
    intervalMs: ctx.timing.pollIntervalMs,
  });
  const running = await readRunningImage(ctx, state.image);
  await assertNoUnfinishedRotation(ctx, state.secrets);
  return { state, running };
}

/** Records the images the run works with; the service's URL and variables come from `state`. */
export function choose(
  run: OpsRun,
  state: TargetState,
  chosen: Omit<Chosen, 'serviceUrl' | 'variables'>,
): Chosen {
  run.chosen = { ...chosen, serviceUrl: state.url, variables: state.environment };
  recordTarget(run.outcome, run.chosen);
  return run.chosen;
}

/**
 * Chooses what runs now as what the run ends with (a restart, a scale: no image changes). Its
 * tags are the versions the app may report once its instances are new.
 */
export function keepRunning(run: OpsRun, state: TargetState, running: RunningImage): Chosen {
  return choose(run, state, {
    running,
    target: running.image ?? {
      uri: state.imageByDigest,
      digest: running.digest ?? state.digest ?? '',
      tags: running.tags,
    },
    targetVersion: running.version,
    back: undefined,
  });
}
