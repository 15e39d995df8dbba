/**
 * Before a deploy, rollback or restart: none of the secrets the service reads has a rotation
 * left half done. A rotation killed after RDS accepted a new master password but before
 * AWSCURRENT moved leaves AWSPENDING on the only password that works: a deployment now would
 * ship the dead AWSCURRENT (and its automatic rollback would ship it again). Such a run stops
 * before any change and names the command that finishes the rotation.
 * The same for a DATABASE_URL built from an RDS-managed master secret (kind rds-managed) that
 * RDS has rotated since: RDS changed the password, so the URL the service reads no longer logs
 * in, and a deployment would ship it again (a rotation run lost before it staged anything leaves
 * exactly this). The managed secret's LastRotatedDate later than the URL secret's
 * LastChangedDate proves the URL older than the password (LastChangedDate moves on any change,
 * so a later tag can hide it, never invent it).
 * Only DescribeSecret and DescribeDBInstances are called (labels and dates, never a value).
 */
import { SecretNotFound, SecretsStore, type SecretDescription } from '../../aws/secrets-manager.js';
import { DomainFailure } from '../../util/errors.js';
import type { OpsContext } from '../context.js';

export class UnfinishedRotation extends DomainFailure {
  override readonly name = 'UnfinishedRotation';
}

/** The secret's ARN from a reference, which may name a JSON key (`…:secret:name-AbCdEf:key::`). */
function secretArnOf(ref: string): string | undefined {
  if (!ref.startsWith('arn:aws:secretsmanager:')) return undefined;
  return ref.split(':').slice(0, 7).join(':');
}

export async function assertNoUnfinishedRotation(
  ctx: OpsContext,
  secretRefs: Record<string, string>,
): Promise<void> {
  const store = new SecretsStore(ctx.secretsManager, { clock: ctx.clock, logger: ctx.logger });
  const checked = new Set<string>();
  for (const [variable, ref] of Object.entries(secretRefs)) {
    const arn = secretArnOf(ref);
    if (!arn || checked.has(arn)) continue;
    checked.add(arn);
    let d;
    try {
      d = await store.describe(arn);
    } catch (error) {
      // A secret that is not there has no rotation to finish; the platform's deployment is
      // what refuses a reference it cannot read, so the run goes on and notes it.
      if (!(error instanceof SecretNotFound)) throw error;
      ctx.logger.info(
        `${variable} reads ${arn}, which does not exist in Secrets Manager: no rotation of it can be unfinished, but the service cannot read it either`,
      );
      continue;
    }
    const configured = (ctx.env.secrets ?? []).find((s) =>
      [s['secret-id'], s['database-url-secret-id']].some(
        (id) => id !== undefined && (id === d.name || id === d.arn || arn.startsWith(id)),
      ),
    );
    const name = configured?.name ?? variable;
    if (!d.unfinishedVersionId) {
      if (configured?.kind === 'rds-managed') await assertManagedNotNewer(ctx, store, d, name);
      continue;
    }
    throw new UnfinishedRotation(
      `secret ${d.name} (${variable}) has an unfinished rotation: AWSPENDING is on version ${d.unfinishedVersionId}, AWSCURRENT on ${d.currentVersionId ?? '(none)'}; a deployment now could ship a value that no longer works, so nothing was changed. Finish it (or undo it) first: run rotate.yml with environment ${ctx.environment} and secret ${name}, or apprunner-ops rotate ${ctx.environment} ${name} --resume; then run this again`,
    );
  }
}

/** DATABASE_URL (kind rds-managed) is not older than the password RDS last rotated. */
async function assertManagedNotNewer(
  ctx: OpsContext,
  store: SecretsStore,
  url: SecretDescription,
  name: string,
): Promise<void> {
  const managedArn = await ctx.rds?.managedMasterSecretArn();
  if (!managedArn || !url.lastChangedAt) return;
  const managed = await store.describe(managedArn);
  if (!managed.lastRotatedAt || managed.lastRotatedAt <= url.lastChangedAt) return;
  throw new UnfinishedRotation(
    `secret ${url.name} (${name}, kind rds-managed) was last changed at ${url.lastChangedAt.toISOString()}, before RDS rotated its managed master secret (${managed.name}) at ${managed.lastRotatedAt.toISOString()}: the DATABASE_URL the service reads no longer logs in, and a deployment now would ship it again, so nothing was changed. Rebuild it first: run rotate.yml with environment ${ctx.environment} and secret ${name}, or apprunner-ops rotate ${ctx.environment} ${name}; then run this again (docs: README "Rotation", the EventBridge rule that starts that run when RDS rotates)`,
  );
}
