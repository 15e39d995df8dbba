/**
 * What a main step saves for its post step (`saveState`), under one name each, and the look a
 * post step takes before it loads anything.
 *
 * A `post:` entry runs after every run of its action, and most runs leave nothing open. This
 * module imports no @actions/core (its HTTP client alone is a megabyte a process must compile):
 * a post step whose main step saved none of its names ends here, in a fifth of the time of
 * loading its body.
 */
import { TUNNEL_STATE } from '../aws/ssm-tunnel.js';

/** The names of everything a main step saves for its post step. */
export const POST_STATE = {
  /** PIDs of the SSM port-forwarding sessions to the database (core/database/access.ts). */
  databaseTunnelPids: TUNNEL_STATE,
  /** The GitHub deployment a deploy or rollback opened; '' once its status is set. */
  deploymentId: 'deployment-id',
  /** The monitors a deploy or rollback paused; '' once they are resumed. */
  maintenanceMonitors: 'maintenance-monitors',
  /** The pause id on those monitors (only this run's pauses are resumed). */
  maintenancePauseId: 'maintenance-pause-id',
  /** 'true' once an ops-check run started a check that leaves something behind when stopped. */
  checksToCleanUp: 'checks-to-clean-up',
} as const;

export type PostStateName = (typeof POST_STATE)[keyof typeof POST_STATE];

/**
 * What the post step of deploy and rollback closes (core/deploy/cleanup.ts): an open GitHub
 * deployment, paused monitors. A pause id without monitors has nothing left to resume.
 */
export const OPS_POST_STATE = [POST_STATE.deploymentId, POST_STATE.maintenanceMonitors] as const;

/**
 * What the main step saved under `name`, '' when nothing. The runner hands each saved value to
 * the post step as the variable STATE_<name>, which is all @actions/core's getState reads.
 */
export function savedState(name: PostStateName): string {
  return process.env[`STATE_${name}`] ?? '';
}

/**
 * Runs a post step's body (`load` imports and runs it) when the main step saved any of
 * `names` or left a database session open; otherwise says so in one line and loads nothing.
 */
export async function runPostStepIfOpen(
  action: string,
  names: readonly PostStateName[],
  load: () => Promise<void>,
): Promise<void> {
  const open = [POST_STATE.databaseTunnelPids, ...names].some(
    (name) => savedState(name).trim() !== '',
  );
  if (!open) {
    process.stdout.write(`${action} (post): the main step left nothing open to close\n`);
    return;
  }
  await load();
}

/**
 * What action.yml's post entry (dist/post/index.js, written by scripts/build-actions.ts) sets
 * before it loads the action's one bundle, so the bundle runs its post step. A main step never
 * has it, however it was stopped: the sign is where the runner started, not what a step saved.
 */
export const POST_STEP_MARK = Symbol.for('apprunner-ops.post-step');

export function isPostStep(): boolean {
  return (globalThis as Record<symbol, unknown>)[POST_STEP_MARK] === true;
}
