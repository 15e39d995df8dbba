import type { RDSClient } from '@aws-sdk/client-rds';
import type { AwsCallDeps } from '../aws/call.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { errorMessage } from '../util/errors.js';
import { parseDuration } from '../util/duration.js';
import { cleanupDrill } from './rds-drill.js';
import { POST_STEP_BUDGET_MS } from './schema.js';

/**
 * What a `post:` step of an action that ran checks calls (always, also after cancellation):
 * when the list held a snapshot-restore check, delete the environment's drill instances
 * (found by tag) and wait until they are gone. Post steps warn, never fail.
 */
export async function cleanupDrillsAfterChecks(
  items: readonly { type: string; 'delete-deadline'?: unknown; 'poll-interval'?: unknown }[],
  env: EnvironmentConfig,
  rds: RDSClient,
  deps: AwsCallDeps,
): Promise<string[]> {
  const drill = items.find((i) => i.type === 'snapshot-restore');
  if (!drill || !env.database) return [];
  // The drill's own poll interval (its check item), else RDS's pace.
  const pollIntervalMs =
    (typeof drill['poll-interval'] === 'string' && parseDuration(drill['poll-interval'])) || 15_000;
  // Within what GitHub allows after a cancellation; the next drill's sweep finishes the rest.
  const deleteTimeoutMs = Math.min(
    (typeof drill['delete-deadline'] === 'string' && parseDuration(drill['delete-deadline'])) ||
      1_800_000,
    POST_STEP_BUDGET_MS,
  );
  try {
    const deleted = await cleanupDrill(
      rds,
      env.database.instance,
      { restoreTimeoutMs: deleteTimeoutMs, deleteTimeoutMs, pollIntervalMs },
      deps,
    );
    if (deleted.length > 0)
      deps.logger.warning(`Deleted drill instance(s) ${deleted.join(', ')} after the run`);
    return deleted;
  } catch (error) {
    deps.logger.warning(
      `Could not finish cleaning up drill instances of ${env.database.instance} within the post step's ${POST_STEP_BUDGET_MS / 60_000} minutes: ${errorMessage(error)}; the next drill deletes every drill instance (tag apprunner-ops:drill=true) it finds before it starts`,
    );
    return [];
  }
}
