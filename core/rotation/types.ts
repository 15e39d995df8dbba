import type { EnvironmentConfig } from '../config/schema.js';

export type SecretConfig = NonNullable<EnvironmentConfig['secrets']>[number];
export type SecretKind = SecretConfig['kind'];

export const DATABASE_KINDS: readonly SecretKind[] = [
  'rds-master-password',
  'database-user',
  'rds-managed',
];

/** The secret a rotation writes: DATABASE_URL's secret for database kinds, else secret-id. */
export function rotatedSecretId(secret: SecretConfig): string {
  return DATABASE_KINDS.includes(secret.kind)
    ? (secret['database-url-secret-id'] as string)
    : secret['secret-id'];
}
