import { SecretsStore } from '../aws/secrets-manager.js';
import { RdsMasterPassword } from '../rotation/database.js';
import { describeAge, previousKeyAges } from '../rotation/grace.js';
import { UNDEPLOYED } from '../rotation/token.js';
import { rotatedSecretId } from '../rotation/types.js';
import { errorMessage } from '../util/errors.js';
import { rotationDueSchema } from './schemas/rotation-due.js';
import { checkTarget } from './target-of.js';
import { defineCheck, type CheckOutcome } from './types.js';

const DAY = 86_400_000;
const WARN_WITHIN_DAYS = 14;

/**
 * Secrets past `rotate-every-days` fail; within 14 days of it they warn. A previous JWT key past
 * its `grace-days` warns: the next rotate-secret run retires it (a check only reads). Ages come from
 * the AWSCURRENT version's creation date (LastChangedDate moves on any change: an undone
 * rotation, a tag); the value is never read. External secrets are rotated by their issuer, so
 * they only remind (warn).
 * A value the service does not run fails too: an AWSCURRENT still labelled as not deployed (a
 * rotation lost before its redeploy), one made after the service's last deployment, or for
 * rds-managed a master secret RDS rotated after DATABASE_URL was built. The next rotate-secret
 * run (`due`) redeploys it.
 */
export const rotationDue = defineCheck({
  ...rotationDueSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(_check, ctx) {
    const { env, aws, clock, logger } = ctx;
    const secrets = (env.secrets ?? []).filter((s) => s['rotate-every-days'] !== undefined);
    const withGrace = (env.secrets ?? []).filter((s) => s['grace-days'] !== undefined);
    if (secrets.length === 0 && withGrace.length === 0)
      return { status: 'skipped', line: 'no secret has rotate-every-days or grace-days' };
    const store = new SecretsStore(aws.secretsManager, { clock, logger });
    // When the configuration that serves was deployed: a version made after it is not running.
    let deployedAt: Date | undefined;
    try {
      if (secrets.length > 0) deployedAt = await (await checkTarget(ctx)).lastDeployedAt();
    } catch (error) {
      return { status: 'error', line: `the service's last deployment: ${errorMessage(error)}` };
    }
    let managed: { arn: string; createdAt: Date } | undefined;
    if (secrets.some((s) => s.kind === 'rds-managed') && env.database)
      try {
        const arn = (
          await new RdsMasterPassword(aws.rds, env.database.instance, { clock, logger }).describe()
        ).MasterUserSecret?.SecretArn;
        const version = arn ? await store.currentVersion(arn) : undefined;
        if (arn && version) managed = { arn, createdAt: version.createdAt };
        else
          return {
            status: 'error',
            line: `rds-managed: ${env.database.instance} has no managed master secret with an AWSCURRENT version`,
          };
      } catch (error) {
        return { status: 'error', line: `rds-managed: ${errorMessage(error)}` };
      }
    const observed: Record<string, unknown> = {};
    const lines: { status: CheckOutcome['status']; text: string }[] = [];
    for (const secret of secrets) {
      const id = rotatedSecretId(secret);
      const every = secret['rotate-every-days'] as number;
      try {
        const d = await store.describe(id);
        const current = await store.currentVersion(id);
        if (!current) {
          lines.push({ status: 'error', text: `${secret.name} (${id}) has no AWSCURRENT version` });
          continue;
        }
        const last = current.createdAt.getTime();
        const ageDays = Math.floor((clock.now() - last) / DAY);
        const left = every - ageDays;
        observed[secret.name] = {
          secretId: id,
          currentVersion: current.versionId,
          currentCreated: new Date(last).toISOString(),
          ageDays,
          everyDays: every,
          ...(deployedAt ? { serviceDeployed: deployedAt.toISOString() } : {}),
          ...(managed ? { managedSecretRotated: managed.createdAt.toISOString() } : {}),
        };
        const external = secret.kind === 'external';
        const stale = staleness(secret.name, {
          undeployed: d.stages[current.versionId]?.includes(UNDEPLOYED) ?? false,
          versionId: current.versionId,
          created: current.createdAt,
          deployedAt,
          managed: secret.kind === 'rds-managed' ? managed : undefined,
        });
        if (stale)
          lines.push({
            status: external ? 'warn' : 'fail',
            text: `${stale}; the next rotate-secret run (due) redeploys it`,
          });
        if (left <= 0)
          lines.push({
            status: external ? 'warn' : 'fail',
            text: `${secret.name} is ${ageDays} days old, past its ${every}-day rotation${external ? ' (external: rotate it with its issuer)' : ' (run rotate.yml)'}`,
          });
        else if (left <= WARN_WITHIN_DAYS)
          lines.push({ status: 'warn', text: `${secret.name} is due in ${left} days` });
      } catch (error) {
        lines.push({ status: 'error', text: `${secret.name} (${id}): ${errorMessage(error)}` });
      }
    }
    try {
      for (const age of await previousKeyAges(withGrace, store, clock)) {
        observed[`${age.secret.name} previous key`] = {
          secretId: age.previousSecretId,
          ageDays: Math.floor(age.ageDays),
          graceDays: age.graceDays,
          retired: age.retired,
        };
        if (age.expired)
          lines.push({
            status: 'warn',
            text: `${describeAge(age)}: the next rotate-secret run retires it`,
          });
      }
    } catch (error) {
      lines.push({ status: 'error', text: `previous keys: ${errorMessage(error)}` });
    }
    const order: CheckOutcome['status'][] = ['error', 'fail', 'warn'];
    const worst = order.find((s) => lines.some((l) => l.status === s));
    if (!worst)
      return {
        status: 'pass',
        line: `${secrets.length} secrets within their rotation periods${withGrace.length ? ', previous keys within their grace periods' : ''}`,
        observed,
      };
    return {
      status: worst,
      line: lines.map((l) => l.text).join('; '),
      observed,
    };
  },
});

/** Why the service may not run the value AWSCURRENT holds, or undefined. */
function staleness(
  name: string,
  v: {
    undeployed: boolean;
    versionId: string;
    created: Date;
    deployedAt: Date | undefined;
    managed: { arn: string; createdAt: Date } | undefined;
  },
): string | undefined {
  if (v.undeployed)
    return `${name}: AWSCURRENT (version ${v.versionId}) is labelled ${UNDEPLOYED}: a rotation stopped before its redeploy, and the service still runs the old value`;
  if (v.deployedAt && v.created.getTime() > v.deployedAt.getTime())
    return `${name}: AWSCURRENT (version ${v.versionId}, made ${v.created.toISOString()}) is newer than the service's last deployment (${v.deployedAt.toISOString()}): the service still runs the old value`;
  if (v.managed && v.managed.createdAt.getTime() > v.created.getTime())
    return `${name}: RDS rotated its managed master secret at ${v.managed.createdAt.toISOString()}, after DATABASE_URL was built (${v.created.toISOString()}): the service's DATABASE_URL has a password the database no longer takes`;
  if (v.managed && v.deployedAt && v.managed.createdAt.getTime() > v.deployedAt.getTime())
    return `${name}: RDS rotated its managed master secret at ${v.managed.createdAt.toISOString()}, after the service's last deployment (${v.deployedAt.toISOString()})`;
  return undefined;
}
