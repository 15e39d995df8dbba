import { SecretsStore, SecretNotFound } from '../aws/secrets-manager.js';
import { rotatedSecretId } from '../rotation/types.js';
import { errorMessage } from '../util/errors.js';
import { secretsPresentSchema } from './schemas/secrets-present.js';
import { defineCheck } from './types.js';

/**
 * The go-live gate's "Secrets Manager holds JWT_SECRET (≥ 32 chars), DATABASE_URL, …". The
 * value is read only to measure its length; only the length is reported.
 */
export const secretsPresent = defineCheck({
  ...secretsPresentSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(check, { env, aws, clock, logger }) {
    const configured = env.secrets ?? [];
    const unknown = (check.names ?? []).filter((n) => !configured.some((s) => s.name === n));
    if (unknown.length > 0)
      return {
        status: 'error',
        line: `names ${unknown.join(', ')} are not under this environment's secrets:`,
      };
    const chosen = check.names
      ? configured.filter((s) => check.names!.includes(s.name))
      : configured;
    if (chosen.length === 0)
      return { status: 'error', line: 'no secrets are configured for this environment' };
    const store = new SecretsStore(aws.secretsManager, { clock, logger });
    const observed: Record<string, unknown> = {};
    const problems: string[] = [];
    for (const secret of chosen) {
      const id = rotatedSecretId(secret);
      try {
        await store.describe(id);
        const length = (await store.value(id)).value.length;
        const min = secret['min-length'] ?? 1;
        observed[secret.name] = { secretId: id, length, minLength: min };
        if (length < min)
          problems.push(`${secret.name} has ${length} characters, fewer than ${min}`);
      } catch (error) {
        observed[secret.name] = { secretId: id, exists: false };
        problems.push(
          error instanceof SecretNotFound
            ? `${secret.name} (${id}) does not exist`
            : `${secret.name} (${id}): ${errorMessage(error)}`,
        );
      }
    }
    return problems.length === 0
      ? {
          status: 'pass',
          line: `${chosen.length} secrets present and long enough`,
          observed,
        }
      : { status: 'fail', line: problems.join('; '), observed };
  },
});
