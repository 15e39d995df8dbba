import { createHash } from 'node:crypto';

/**
 * The ClientRequestToken (and so the VersionId) of a rotation, derived from the run: a re-run
 * of the same workflow run (same run id, any attempt) finds its own version and finishes it
 * instead of making another. `n` counts fresh rotations within the run (after one was undone).
 */
export function rotationToken(
  run: { repository: string; runId: string },
  environment: string,
  secretId: string,
  n: number,
): string {
  const hex = createHash('sha256')
    .update(`apprunner-ops rotate|${run.repository}|${run.runId}|${environment}|${secretId}|${n}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** This run's tokens that already exist among `versionIds`, and the next free one. */
export function runTokens(
  make: (n: number) => string,
  versionIds: readonly string[],
): { used: string[]; next: string } {
  const existing = new Set(versionIds);
  const used: string[] = [];
  for (let n = 0; n < 100; n++) {
    const token = make(n);
    if (!existing.has(token)) return { used, next: token };
    used.push(token);
  }
  throw new Error('this run already made 100 versions of the secret; start a new run');
}
