/** Deletes this deploy's own older snapshots beyond the configured retention. */
import { awsErrorName } from '../../aws/call.js';
import { errorMessage } from '../../util/errors.js';
import type { OpsRun } from '../ops-run.js';
import { snapshotPrefix } from './snapshot.js';
import type { StageDefinition } from './stage.js';

/**
 * Exactly the ids `snapshotId` makes for this prefix: `<prefix>-YYYYMMDD-HHMM`, an optional
 * `-<sha7>` and an optional `-2`…`-9` (a taken id). A person's `<prefix>-before-upgrade` or
 * the rollback's `<instance>-pre-rollback-…` never match, so they are never deleted.
 */
export function ownSnapshotPattern(prefix: string): RegExp {
  // The config allows only lowercase letters, digits and hyphens here: nothing to escape.
  const base = prefix.replace(/-+$/, '').toLowerCase();
  return new RegExp(`^${base}-\\d{8}-\\d{4}(?:-[0-9a-f]{7})?(?:-[2-9])?$`);
}

export const pruneSnapshots: StageDefinition<OpsRun> = {
  name: 'Prune snapshots',
  // Only the pre-deploy snapshots rotate; launch and rollback snapshots are kept.
  applies: (run) =>
    run.snapshot.wanted &&
    run.snapshot.purpose === 'pre-deploy' &&
    run.ctx.env.database !== undefined,
  plan: (run) => [
    `RDS DeleteDBSnapshot for pre-deploy snapshots beyond the newest ${run.ctx.env.database!['snapshot-retention']}`,
  ],
  // The snapshot exists: a failed clean-up must not stop the deploy.
  failure: 'warn',
  run: async (run) => {
    const { ctx } = run;
    const rds = ctx.rds;
    const justMade = run.outcome.snapshotId;
    if (!rds || !justMade) return { silent: true };
    const keep = ctx.env.database!['snapshot-retention'];
    const snapshots = (await rds.manualSnapshots(ownSnapshotPattern(snapshotPrefix(run)))).filter(
      (s) => s.Status === 'available' || s.DBSnapshotIdentifier === justMade,
    );
    const doomed = snapshots
      .slice(keep)
      .map((s) => s.DBSnapshotIdentifier as string)
      .filter((id) => id !== justMade);
    const deleted: string[] = [];
    const failed: string[] = [];
    for (const id of doomed) {
      try {
        await rds.deleteSnapshot(id);
        deleted.push(id);
        ctx.logger.info(`  deleted old snapshot ${id}`);
      } catch (error) {
        const name = awsErrorName(error);
        failed.push(`${id} (${name && name !== 'Error' ? `${name}: ` : ''}${errorMessage(error)})`);
      }
    }
    if (failed.length > 0)
      throw new Error(
        `could not delete ${failed.join('; ')}${deleted.length ? `; deleted ${deleted.join(', ')}` : ''}; they stay until a later deploy or a person deletes them`,
      );
    return deleted.length
      ? `deleted ${deleted.length} older (keeping ${keep}): ${deleted.join(', ')}`
      : `nothing beyond the newest ${keep}`;
  },
};
