/**
 * The previous JWT key's grace period. A rotation of a `random` secret with
 * `previous-secret-id` writes the old value there, so tokens signed with it keep verifying.
 * After `grace-days` those tokens have expired and the old key must stop working: the next
 * rotate-secret run retires it.
 *
 * Retiring writes a fresh CSPRNG value nobody has ever seen, not an empty string: an app that
 * does not special-case "empty" would then verify tokens against an empty or publicly known
 * key, which anyone could sign with. An unknowable key verifies nothing. The version id (the
 * ClientRequestToken) starts with `retired-`, which is how the next run knows it is done.
 * App Runner reads secrets only at deployment, so a retirement is followed by a redeploy (the
 * one of a rotation in the same run, or its own).
 */
import { createHash } from 'node:crypto';
import type { SecretsStore } from '../aws/secrets-manager.js';
import type { Clock } from '../util/clock.js';
import type { SecretConfig } from './types.js';
import { randomValue } from './values.js';

const DAY = 86_400_000;
export const RETIRED_PREFIX = 'retired-';

export interface PreviousKeyAge {
  secret: SecretConfig;
  previousSecretId: string;
  graceDays: number;
  ageDays: number;
  /** Past its grace period and not retired yet. */
  expired: boolean;
  retired: boolean;
}

/** Every `random` secret with previous-secret-id and grace-days: how old its previous key is. */
export async function previousKeyAges(
  secrets: readonly SecretConfig[],
  store: SecretsStore,
  clock: Clock,
): Promise<PreviousKeyAge[]> {
  const ages: PreviousKeyAge[] = [];
  for (const secret of secrets) {
    const previousSecretId = secret['previous-secret-id'];
    const graceDays = secret['grace-days'];
    if (secret.kind !== 'random' || !previousSecretId || graceDays === undefined) continue;
    const current = await store.currentVersion(previousSecretId);
    if (!current) continue;
    const ageDays = (clock.now() - current.createdAt.getTime()) / DAY;
    const retired = current.versionId.startsWith(RETIRED_PREFIX);
    ages.push({
      secret,
      previousSecretId,
      graceDays,
      ageDays,
      retired,
      expired: !retired && ageDays >= graceDays,
    });
  }
  return ages;
}

/** The retirement's ClientRequestToken: one per run and previous-secret, so a re-run repeats it. */
export function retirementToken(
  run: { repository: string; runId: string },
  environment: string,
  previousSecretId: string,
): string {
  const hex = createHash('sha256')
    .update(
      `apprunner-ops retire|${run.repository}|${run.runId}|${environment}|${previousSecretId}`,
    )
    .digest('hex');
  return `${RETIRED_PREFIX}${hex.slice(0, 40)}`;
}

/** Replaces the previous key with an unknowable one (idempotent by its token). */
export async function retirePreviousKey(
  age: PreviousKeyAge,
  store: SecretsStore,
  token: string,
): Promise<void> {
  await store.put(age.previousSecretId, token, randomValue(age.secret.length ?? 64), [
    'AWSCURRENT',
  ]);
}

/** A line for people: names and ages, never a value. */
export function describeAge(age: PreviousKeyAge): string {
  const days = Math.floor(age.ageDays);
  return age.retired
    ? `previous key of ${age.secret.name} (${age.previousSecretId}) is retired`
    : age.expired
      ? `previous key of ${age.secret.name} (${age.previousSecretId}) is ${days} days old, past grace-days ${age.graceDays}`
      : `previous key of ${age.secret.name} (${age.previousSecretId}) is ${days} days old, within grace-days ${age.graceDays}`;
}
