import type { RotationTiming } from './rotate.js';

/**
 * The longest one secret's rotation may take when every wait runs to its deadline: an
 * unfinished rotation found first (wait for RDS, test the pending value, undo it), then a
 * master-password rotation (the slowest kind: RDS applies the password, a login is tested),
 * its redeploy (wait until updatable, follow, verify), and its undo (the old password back,
 * then a second redeploy), or a two-phase JWT rotation's three redeploys when redeploys are
 * slow against password waits. The job that runs a rotation must outlast this: a job killed
 * by its own timeout is a lost run.
 */
export function rotationWorstCaseMs(t: Omit<RotationTiming, 'pollIntervalMs'>): number {
  const redeploy = 2 * t.operationTimeoutMs + t.verifyTimeoutMs;
  const applyAndTest = t.passwordTimeoutMs + t.loginTimeoutMs;
  // Wait out a password RDS is still applying, set the old one, wait, log in.
  const restore = 2 * t.passwordTimeoutMs + t.loginTimeoutMs;
  const resume = applyAndTest + restore;
  const masterPassword = resume + applyAndTest + redeploy + restore + redeploy;
  // A two-phase JWT key rotation (next-secret-id) redeploys three times at most: the new key
  // accepted, then signing, then the undo. No password waits, but one redeploy more.
  const twoPhaseKey = 3 * redeploy;
  return Math.max(masterPassword, twoPhaseKey);
}
