/**
 * Faults injected before an operation runs, deterministic from a seed: whether the n-th call of
 * an operation matched by a rule is hit depends only on (seed, rule, service, operation, n),
 * not on timing or on other operations' calls, so a failing test replays the same way.
 */
import { z } from 'zod';

export const FAULT_KINDS = [
  'throttle',
  'server-error',
  'unavailable',
  'latency',
  'reset',
  'hang',
  'applied-then-lost',
  'access-denied',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRuleSchema = z.strictObject({
  /** `apprunner`, `ecr`, `rds`, `sts`, `github`, `slack`, `betterstack`; omitted: all. */
  service: z.string().optional(),
  /** e.g. `UpdateService`, `createDeployment`; omitted: every operation of the service. */
  operation: z.string().optional(),
  /**
   * throttle: each protocol's throttling error; server-error: 500 with the service's internal
   * error; unavailable: 503 ServiceUnavailable; latency: `latencyMs` added; reset: the
   * connection is destroyed without an answer; hang: the request is read and never answered
   * (the connection stays open until the client gives up or the sim stops);
   * applied-then-lost: the request takes effect, then the client sees `lostAs` (a reset, or
   * the service's 500) instead of the answer; access-denied: the service's AccessDenied 403.
   */
  kind: z.enum(FAULT_KINDS),
  rate: z.number().min(0).max(1).default(1),
  latencyMs: z.number().int().nonnegative().default(0),
  /** applied-then-lost: what the client sees instead of the answer. */
  lostAs: z.enum(['reset', 'server-error']).default('reset'),
  /** Hit at most this many calls (e.g. `times: 2` to prove a retry recovers). */
  times: z.number().int().positive().optional(),
  /** throttle on GitHub: the `retry-after` (seconds) of the secondary rate limit; default 1. */
  retryAfterSeconds: z.number().int().positive().optional(),
});

export const faultConfigSchema = z.strictObject({
  seed: z.number().int().optional(),
  rules: z.array(faultRuleSchema).default([]),
  /**
   * The sim's clock runs this many ms ahead of (negative: behind) the client's, so every
   * timestamp it reports (StartedAt, SnapshotCreateTime…) is skewed as a real server's can be.
   */
  clockOffsetMs: z.number().int().default(0),
  /** App Runner operations appear in ListOperations only this many real ms after they start. */
  listingDelayMs: z.number().int().nonnegative().default(0),
});

export type FaultRule = z.input<typeof faultRuleSchema>;
export type FaultConfig = z.input<typeof faultConfigSchema>;

export interface FaultDecision {
  latencyMs: number;
  fail?: Exclude<FaultKind, 'latency'>;
  /** For applied-then-lost: how the answer is lost. */
  lostAs?: 'reset' | 'server-error';
  /** From the rule that decided `fail: throttle`, when it sets one. */
  retryAfterSeconds?: number;
}

/** 32-bit FNV-1a then a murmur finaliser: a well-spread number in [0, 1). */
function unit(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

export class Faults {
  private rules: z.output<typeof faultRuleSchema>[] = [];
  private seed: number;
  private readonly seen = new Map<string, number>();
  private readonly hits = new Map<number, number>();
  /** See faultConfigSchema; read by the clock and the App Runner stand-in. */
  clockOffsetMs = 0;
  listingDelayMs = 0;

  constructor(
    defaultSeed: number,
    /** Called with the clock offset whenever the configuration changes. */
    private readonly onClockOffset: (ms: number) => void = () => {},
  ) {
    this.seed = defaultSeed;
  }

  /** Replaces the rules (and counters); `{ rules: [] }` clears every fault. */
  set(config: FaultConfig): void {
    const parsed = faultConfigSchema.safeParse(config);
    if (!parsed.success)
      throw new Error(
        `sim faults: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    this.rules = parsed.data.rules;
    this.clockOffsetMs = parsed.data.clockOffsetMs;
    this.listingDelayMs = parsed.data.listingDelayMs;
    this.onClockOffset(this.clockOffsetMs);
    if (parsed.data.seed !== undefined) this.seed = parsed.data.seed;
    this.seen.clear();
    this.hits.clear();
  }

  decide(service: string, operation: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    this.rules.forEach((rule, index) => {
      if (rule.service !== undefined && rule.service !== '*' && rule.service !== service) return;
      if (rule.operation !== undefined && rule.operation !== '*' && rule.operation !== operation)
        return;
      const key = `${index}|${service}|${operation}`;
      const n = this.seen.get(key) ?? 0;
      this.seen.set(key, n + 1);
      if (rule.times !== undefined && (this.hits.get(index) ?? 0) >= rule.times) return;
      if (unit(`${this.seed}|${key}|${n}`) >= rule.rate) return;
      this.hits.set(index, (this.hits.get(index) ?? 0) + 1);
      if (rule.kind === 'latency') decision.latencyMs += rule.latencyMs;
      else if (decision.fail === undefined) {
        decision.fail = rule.kind;
        if (rule.kind === 'applied-then-lost') decision.lostAs = rule.lostAs;
        if (rule.retryAfterSeconds !== undefined)
          decision.retryAfterSeconds = rule.retryAfterSeconds;
      }
    });
    return decision;
  }
}
