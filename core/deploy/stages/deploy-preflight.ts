/**
 * Checks everything a deploy can check without changing anything: the credentials are for the
 * service's account, the database can be snapshotted, the image is in ECR, the service can be
 * updated (waiting out a busy platform), and what runs now, which a failure goes back to.
 */
import type { ImageRef } from '../../aws/image-ref.js';
import { assertTrafficReadable } from '../bake.js';
import { InputError } from '../../util/errors.js';
import {
  changedVariables,
  changesAnything,
  describeEnvChanges,
  hasEnvChanges,
  type EnvChanges,
} from '../../targets/env-changes.js';
import { fallbackTarget, versionOf } from '../images.js';
import type { OpsRun } from '../ops-run.js';
import { assertNotUndoingRollback } from '../newer-rollback.js';
import { checkAccess, choose, readService } from './preflight.js';
import type { StageDefinition } from './stage.js';

/**
 * A snapshot an earlier job started (deploy.yml's snapshot job) must be this environment's
 * database's, and on its way: anything else stops the deploy before anything changes.
 */
async function checkGivenSnapshot(run: OpsRun): Promise<void> {
  const id = run.snapshot.given!;
  const { ctx } = run;
  if (!ctx.rds || !ctx.env.database)
    throw new InputError(
      'snapshot-id',
      `names ${id}, but environments.${ctx.environment} has no database: remove snapshot-id`,
    );
  const found = await ctx.rds.describeSnapshot(id);
  if (!found)
    throw new InputError('snapshot-id', `RDS snapshot ${id} does not exist in ${ctx.env.region}`);
  if (found.DBInstanceIdentifier !== ctx.env.database.instance)
    throw new InputError(
      'snapshot-id',
      `RDS snapshot ${id} is of instance ${found.DBInstanceIdentifier}, not of ${ctx.env.database.instance} (environments.${ctx.environment}.database.instance)`,
    );
  if (found.Status !== 'creating' && found.Status !== 'available')
    throw new InputError(
      'snapshot-id',
      `RDS snapshot ${id} is ${found.Status}; only a snapshot being created or available can stand for the pre-deploy snapshot`,
    );
}

export const deployPreflight: StageDefinition<
  OpsRun & { image: ImageRef; envChanges: EnvChanges | undefined; bakeMs: number }
> = {
  name: 'Preflight',
  // Nothing has changed yet: the error is the run's error, as it is.
  failure: 'throw',
  run: async (run) => {
    const { ctx } = run;
    await checkAccess(run);
    if (run.bakeMs > 0) await assertTrafficReadable(ctx);
    if (run.snapshot.given) await checkGivenSnapshot(run);
    const target = await ctx.ecr.resolve(run.image);
    const { state, running } = await readService(run);
    // An image the platform refuses (another image family) is refused here, not after the snapshot.
    await ctx.target.checkImage?.(target.uri);
    const targetVersion = run.image.kind === 'tag' ? run.image.tag : versionOf(target);
    // Before anything changes: a rollback this deploy was queued behind or beside stands.
    await assertNotUndoingRollback(ctx, target, targetVersion);
    const back = await fallbackTarget(ctx, running, target);
    choose(run, state, { running, target, targetVersion, back });
    const changes = run.envChanges;
    if (hasEnvChanges(changes) && changesAnything(state.environment, changes)) {
      run.variablesWanted = changedVariables(state.environment, changes);
      ctx.logger.info(`  with variables: ${describeEnvChanges(changes)}`);
    }
    return `${running.version} runs; deploying ${targetVersion} (${target.digest.slice(0, 19)})`;
  },
};
