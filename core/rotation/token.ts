import { createHash, randomUUID } from 'node:crypto';

/**
 * The ClientRequestToken (and so the VersionId) of a rotation, derived from the secret and the
 * AWSCURRENT version it starts from, not from the run: two rotations of the same secret from the
 * same AWSCURRENT (two runs at once, or a new run after a lost one) ask for the same version,
 * and Secrets Manager lets only one of them make it (the other's value differs: refused). That
 * is the lock Secrets Manager offers. `n` counts fresh rotations from the same AWSCURRENT
 * (after one was undone).
 */
export function rotationToken(secretId: string, baseVersionId: string, n: number): string {
  const hex = createHash('sha256')
    .update(`apprunner-ops rotate|${secretId}|${baseVersionId}|${n}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The tokens made from `baseVersionId` that already exist among `versionIds`, and the next free one. */
export function baseTokens(
  secretId: string,
  baseVersionId: string,
  versionIds: readonly string[],
): { used: string[]; next: string } {
  const existing = new Set(versionIds);
  const used: string[] = [];
  for (let n = 0; n < 100; n++) {
    const token = rotationToken(secretId, baseVersionId, n);
    if (!existing.has(token)) return { used, next: token };
    used.push(token);
  }
  throw new Error(
    `${secretId} already holds 100 rotations from version ${baseVersionId}; Secrets Manager keeps at most 100 versions`,
  );
}

/**
 * The label a rotation puts on its version with AWSCURRENT and takes off only once the service
 * was redeployed and verified on it: while it is on AWSCURRENT, the service may still run the
 * previous value (a run lost between the move and the redeploy), whichever run left it.
 */
export const UNDEPLOYED = 'APPRUNNER_OPS_UNDEPLOYED';

/**
 * A label a run puts on the version it stages, in the same PutSecretValue, and takes off right
 * after: Secrets Manager ignores a repeated request (same token, same value) with its labels, so
 * the label is on the version only if this run made it. A run lost in between leaves it; the
 * run that resumes the version takes it off.
 */
export const STAGING_PREFIX = 'APPRUNNER_OPS_STAGING_';

export const stagingLabel = (): string => `${STAGING_PREFIX}${randomUUID()}`;
