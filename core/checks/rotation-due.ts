import { SecretsStore } from '../aws/secrets-manager.js';
import { describeAge, previousKeyAges } from '../rotation/grace.js';
import { rotatedSecretId } from '../rotation/types.js';
import { errorMessage } from '../util/errors.js';
import { rotationDueSchema } from './schemas/rotation-due.js';
import { defineCheck, type CheckOutcome } from './types.js';

const DAY = 86_400_000;
const WARN_WITHIN_DAYS = 14;

/**
 * Secrets past `rotate-every-days` fail; within 14 days of it they warn. A previous JWT key past
 * its `grace-days` warns: the next rotate-secret run retires it (a check only reads). Ages come from
 * DescribeSecret (LastRotatedDate, else LastChangedDate); the value is never read. External
 * secrets are rotated by their issuer, so they only remind (warn).
 */
export const rotationDue = defineCheck({
  ...rotationDueSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(_check, { env, aws, clock, logger }) {
    const secrets = (env.secrets ?? []).filter((s) => s['rotate-every-days'] !== undefined);
    const withGrace = (env.secrets ?? []).filter((s) => s['grace-days'] !== undefined);
    if (secrets.length === 0 && withGrace.length === 0)
      return { status: 'skipped', line: 'no secret has rotate-every-days or grace-days' };
    const store = new SecretsStore(aws.secretsManager, { clock, logger });
    const observed: Record<string, unknown> = {};
    const lines: { status: CheckOutcome['status']; text: string }[] = [];
    for (const secret of secrets) {
      const id = rotatedSecretId(secret);
      const every = secret['rotate-every-days'] as number;
      try {
        const d = await store.describe(id);
        const last = Math.max(d.lastRotatedAt?.getTime() ?? 0, d.lastChangedAt?.getTime() ?? 0);
        const ageDays = Math.floor((clock.now() - last) / DAY);
        const left = every - ageDays;
        observed[secret.name] = {
          secretId: id,
          lastChanged: new Date(last).toISOString(),
          ageDays,
          everyDays: every,
        };
        const external = secret.kind === 'external';
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
