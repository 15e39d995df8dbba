import type { RDSClient } from '@aws-sdk/client-rds';
import type { AwsCallDeps } from '../aws/call.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { errorMessage } from '../util/errors.js';
import { parseDuration } from '../util/duration.js';
import { cleanupDrill } from './rds-drill.js';

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
  const deleteTimeoutMs =
    (typeof drill['delete-deadline'] === 'string' && parseDuration(drill['delete-deadline'])) ||
    1_800_000;
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
      `Could not clean up drill instances of ${env.database.instance}: ${errorMessage(error)}; delete instances tagged apprunner-ops:drill=true by hand`,
    );
    return [];
  }
}
