import { GitHubDeployments } from '../github/deployments.js';
import type { RunInfo } from '../action/github-context.js';
import { closeMaintenanceWindow } from '../maintenance/suite-pauses.js';
import { betterStackApiUrl, BetterStackMonitors } from '../notify/betterstack.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';

/**
 * The post step of deploy and rollback: whatever the main step left open — because it
 * failed hard or the job was cancelled — is closed here. A monitor left paused would hide
 * the next outage.
 */
export async function cleanUpAfterRun(
  state: { monitors: string; pauseId: string; deploymentId: string },
  tokens: { betterstack: string | undefined; github: string | undefined },
  deps: { run: RunInfo; clock: Clock; logger: Logger },
): Promise<string[]> {
  const done: string[] = [];
  const ids = state.monitors.split(',').filter(Boolean);
  if (ids.length > 0 && state.pauseId) {
    if (!tokens.betterstack) {
      deps.logger.warning(
        `monitors ${ids.join(', ')} may still be paused, and no betterstack-token is available to resume them (the next run after the maintenance window ends their pause)`,
      );
    } else {
      // Only this run's pauses (its pause id is on the monitor): a person's pause stays.
      const client = new BetterStackMonitors(betterStackApiUrl(), tokens.betterstack, deps);
      const r = await closeMaintenanceWindow(client, ids, state.pauseId, deps);
      for (const line of r.leftAlone) deps.logger.info(`  ${line}`);
      const what =
        r.resumed.length > 0 ? `resumed monitors ${r.resumed.join(', ')}` : 'no monitor to resume';
      deps.logger.info(`Maintenance window closed: ${what}`);
      done.push(what);
    }
  }
  if (state.deploymentId && tokens.github) {
    const github = new GitHubDeployments({ ...deps.run, token: tokens.github }, deps);
    await github.setStatus(
      Number(state.deploymentId),
      'error',
      'The run stopped before it finished (cancelled or crashed)',
    );
    done.push(`marked deployment ${state.deploymentId} as error`);
  }
  return done;
}
