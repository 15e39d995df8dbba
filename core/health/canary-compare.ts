/**
 * The canary analysis: the new target group's error rate and p99 against the old group's over
 * the same window, with a relative threshold (as CodeDeploy alarms and Argo Rollouts analysis
 * judge a canary against the stable version rather than against a fixed number).
 *
 * A breach is: new error rate > old × ratio and more than `errorRateMargin` above it; new p99 >
 * old × ratio and more than `p99MarginMs` above it. The margins keep a healthy canary from
 * failing on noise when the old group has (almost) no errors or a tiny p99. Without requests
 * on the new group in the window there is nothing to judge: that is an error, never a pass; with
 * fewer than `minRequests` on either group there is no verdict yet (a few requests decide
 * nothing: one error in ten is 10 %).
 */
import type { MinuteMetrics } from '../aws/cloudwatch.js';

export interface GroupFigures {
  requests: number;
  errors: number;
  /** 5xx / requests (0…1). */
  errorRate: number;
  /** The highest per-period p99 (ms) in the window, when published. */
  p99Ms: number | undefined;
}

export interface CanaryThresholds {
  /** Default 2: the new group's error rate may be at most twice the old one's … */
  errorRateRatio: number;
  /** … or this much above it (0.01 = one percentage point), whichever is higher. */
  errorRateMargin: number;
  /** Default 1.5: the new group's p99 may be at most 1.5 × the old one's … */
  p99Ratio: number;
  /** … or this many ms above it, whichever is higher. */
  p99MarginMs: number;
  /**
   * Requests each group must have had in the window before it is judged at all: fewer is
   * no verdict (the step keeps waiting, and a step that ends so is not a pass).
   */
  minRequests: number;
}

export const DEFAULT_CANARY_THRESHOLDS: CanaryThresholds = {
  errorRateRatio: 2,
  errorRateMargin: 0.01,
  p99Ratio: 1.5,
  p99MarginMs: 100,
  minRequests: 100,
};

export function figuresOf(periods: readonly MinuteMetrics[]): GroupFigures {
  const requests = periods.reduce((n, p) => n + p.requests, 0);
  const errors = periods.reduce((n, p) => n + p.errors, 0);
  const p99s = periods.map((p) => p.p99).filter((v): v is number => v !== undefined);
  return {
    requests,
    errors,
    errorRate: requests > 0 ? errors / requests : 0,
    p99Ms: p99s.length > 0 ? Math.max(...p99s) : undefined,
  };
}

export type CanaryVerdict =
  | { kind: 'pass'; line: string }
  | { kind: 'breach'; metric: 'error rate' | 'p99'; line: string }
  | { kind: 'no-data'; line: string }
  | { kind: 'too-few'; line: string };

const pct = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

/** The verdict on one window, with both groups' figures in its line. */
export function compareCanary(
  fresh: GroupFigures,
  old: GroupFigures,
  t: CanaryThresholds = DEFAULT_CANARY_THRESHOLDS,
): CanaryVerdict {
  if (fresh.requests === 0)
    return {
      kind: 'no-data',
      line: 'the new target group had no requests in the window (no RequestCount datapoints), so it cannot be judged',
    };
  if (fresh.requests < t.minRequests || old.requests < t.minRequests)
    return {
      kind: 'too-few',
      line: `too few requests to judge: ${Math.round(fresh.requests)} on the new group and ${Math.round(old.requests)} on the old one in the window, and each needs ${t.minRequests} (canary.min-requests)`,
    };
  const rateLimit = Math.max(old.errorRate * t.errorRateRatio, old.errorRate + t.errorRateMargin);
  if (fresh.errorRate > rateLimit)
    return {
      kind: 'breach',
      metric: 'error rate',
      line: `error rate ${pct(fresh.errorRate)} on the new group (${fresh.errors}/${fresh.requests}) against ${pct(old.errorRate)} on the old one (${old.errors}/${old.requests}); the limit was ${pct(rateLimit)}`,
    };
  if (fresh.p99Ms !== undefined && old.p99Ms !== undefined) {
    const p99Limit = Math.max(old.p99Ms * t.p99Ratio, old.p99Ms + t.p99MarginMs);
    if (fresh.p99Ms > p99Limit)
      return {
        kind: 'breach',
        metric: 'p99',
        line: `p99 ${fresh.p99Ms} ms on the new group against ${old.p99Ms} ms on the old one; the limit was ${Math.round(p99Limit)} ms`,
      };
  }
  return {
    kind: 'pass',
    line: `new ${pct(fresh.errorRate)} errors, p99 ${fresh.p99Ms ?? '–'} ms (${fresh.requests} requests) | old ${pct(old.errorRate)}, p99 ${old.p99Ms ?? '–'} ms (${old.requests} requests)`,
  };
}
