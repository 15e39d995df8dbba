/**
 * App Runner refuses StartDeployment with InvalidStateException when another operation started
 * between the target's updatable check and the call (a second run redeploying the same values,
 * platform maintenance). The refusal applies nothing, so a restart with a deadline waits that
 * operation out once and starts again; a second rotation run racing the first used to stop
 * there with App Runner's words only.
 */
import { expect, it } from 'vitest';
import { waitFor } from '../sim/helpers.js';
import type { StartedDeployment } from '../../core/targets/target.js';
import { targetWorld, type TargetWorld } from '../helpers/target-world.js';

const FOLLOW = { timeoutMs: 30_000, intervalMs: 40 };

/**
 * Starts a restart whose StartDeployment is held 400 ms on its way in, and platform maintenance
 * while it is held: App Runner then finds the service OPERATION_IN_PROGRESS.
 */
async function restartMeetingMaintenance(
  w: TargetWorld,
  wait?: typeof FOLLOW,
): Promise<{ restarting: Promise<StartedDeployment> }> {
  w.sim.setFaults({
    rules: [
      {
        service: 'apprunner',
        operation: 'StartDeployment',
        kind: 'latency',
        latencyMs: 400,
        times: 1,
      },
    ],
  });
  const restarting = w.target.restart(wait);
  // Handled by the caller; kept from counting as unhandled while maintenance starts.
  restarting.catch(() => undefined);
  await waitFor(
    'the restart to send StartDeployment',
    () => w.sim.calls({ service: 'apprunner', operation: 'StartDeployment' }).length === 1,
    { timeoutMs: 10_000 },
  );
  // 5 modelled minutes (0.9 s real): outlasts the 400 ms the call is held.
  await w.sim.startMaintenance('drop-web', 300_000);
  return { restarting };
}

it('a restart refused because an operation started meanwhile waits it out and starts once more', async ({
  onTestFinished,
}) => {
  const w = await targetWorld('app-runner', onTestFinished);
  const { restarting } = await restartMeetingMaintenance(w, FOLLOW);
  const started = await restarting;
  expect((await w.target.follow(started, FOLLOW)).ok).toBe(true);
  const calls = w.sim.calls({ service: 'apprunner', operation: 'StartDeployment' });
  expect(calls.map((c) => c.error ?? 'ok')).toEqual(['InvalidStateException', 'ok']);
  expect(
    w.logger.lines.some((l) =>
      /refused StartDeployment .*nothing was started; waiting until the service can update/.test(
        l.message,
      ),
    ),
  ).toBe(true);
});

it('without a deadline the refusal stands (nothing is waited for blindly)', async ({
  onTestFinished,
}) => {
  const w = await targetWorld('app-runner', onTestFinished);
  const { restarting } = await restartMeetingMaintenance(w);
  await expect(restarting).rejects.toThrow(/OPERATION_IN_PROGRESS/);
  expect(w.sim.calls({ service: 'apprunner', operation: 'StartDeployment' })).toHaveLength(1);
});
