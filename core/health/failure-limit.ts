/**
 * The one rule by which a watch of a new version gives up early, shared by verification and
 * the bake period (like Argo Rollouts' `failureLimit`): `limit` failed observations in a row
 * end the watch; a good observation starts the count again. What counts as an observation is
 * the caller's: a check's attempt once the new version is known to serve, a bake minute with
 * traffic.
 */
export class FailureStreak {
  private reasons: string[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error(`failure limit must be a whole number ≥ 1, got ${limit}`);
  }

  /** Records one observation (a reason: it failed); the streak's reasons once it reaches the limit. */
  observe(failure: string | undefined): readonly string[] | undefined {
    this.reasons = failure === undefined ? [] : [...this.reasons, failure];
    return this.reasons.length >= this.limit ? this.reasons : undefined;
  }

  /** Failures in a row so far. */
  get length(): number {
    return this.reasons.length;
  }
}

/** The first streak of `limit` failures in a series of observations, or undefined. */
export function firstStreak(
  observations: Iterable<string | undefined>,
  limit: number,
): readonly string[] | undefined {
  const streak = new FailureStreak(limit);
  for (const o of observations) {
    const reached = streak.observe(o);
    if (reached) return reached;
  }
  return undefined;
}
