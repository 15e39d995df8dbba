import { GitHubDeployments } from '../github/deployments.js';
import type { RunInfo } from '../action/github-context.js';
import { betterStackApiUrl, BetterStackMonitors } from '../notify/betterstack.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';

/**
 * The post step of deploy and rollback: whatever the main step left open — because it
 * failed hard or the job was cancelled — is closed here. A monitor left paused would hide
 * the next outage.
 */
export async function cleanUpAfterRun(
  state: { monitors: string; deploymentId: string },
  tokens: { betterstack: string | undefined; github: string | undefined },
  deps: { run: RunInfo; clock: Clock; logger: Logger },
): Promise<string[]> {
  const done: string[] = [];
  const ids = state.monitors.split(',').filter(Boolean);
  if (ids.length > 0) {
    if (!tokens.betterstack) {
      deps.logger.warning(
        `monitors ${ids.join(', ')} may still be paused, and no betterstack-token is available to resume them`,
      );
    } else {
      await new BetterStackMonitors(betterStackApiUrl(), tokens.betterstack, deps).resume(ids);
      deps.logger.info(`Maintenance window closed: resumed monitors ${ids.join(', ')}`);
      done.push(`resumed monitors ${ids.join(', ')}`);
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
