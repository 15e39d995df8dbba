/**
 * What a Fly app's secrets must hold for its machines to run the values the suite keeps in
 * Secrets Manager. App Runner and ECS read Secrets Manager themselves when they start an
 * instance; Fly machines read only the app's own secrets (`fly secrets`), so before a rotation's
 * redeploy restarts them, AWSCURRENT of each configured secret is copied there:
 *
 * - `name` ← `secret-id` (database kinds: `database-url-secret-id`, the URL the app reads);
 * - `<name>_PREVIOUS` ← `previous-secret-id`, `<name>_NEXT` ← `next-secret-id` (the names the
 *   sample app's JWT keys read, examples/app/jwt-keys.ts).
 *
 * Values are masked by the store when read and are only ever sent to Fly.
 */
import type { SecretsStore } from '../aws/secrets-manager.js';
import type { EnvironmentConfig } from '../config/schema.js';

const DATABASE_KINDS = new Set(['rds-master-password', 'database-user', 'rds-managed']);

export async function flySecretValues(
  env: Pick<EnvironmentConfig, 'secrets'>,
  store: Pick<SecretsStore, 'value'>,
): Promise<Record<string, string>> {
  const ids: [string, string][] = [];
  for (const secret of env.secrets ?? []) {
    const id =
      DATABASE_KINDS.has(secret.kind) && secret['database-url-secret-id']
        ? secret['database-url-secret-id']
        : secret['secret-id'];
    ids.push([secret.name, id]);
    if (secret['previous-secret-id'])
      ids.push([`${secret.name}_PREVIOUS`, secret['previous-secret-id']]);
    if (secret['next-secret-id']) ids.push([`${secret.name}_NEXT`, secret['next-secret-id']]);
  }
  const values: Record<string, string> = {};
  // Every value is read before anything is sent: one unreadable secret changes nothing on Fly.
  for (const [name, id] of ids) values[name] = (await store.value(id)).value;
  return values;
}
