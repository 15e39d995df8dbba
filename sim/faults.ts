/**
 * Faults injected before an operation runs, deterministic from a seed: whether the n-th call of
 * an operation matched by a rule is hit depends only on (seed, rule, service, operation, n),
 * not on timing or on other operations' calls, so a failing test replays the same way.
 */
import { z } from 'zod';

export const FAULT_KINDS = ['throttle', 'server-error', 'unavailable', 'latency', 'reset'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultRuleSchema = z.strictObject({
  /** `apprunner`, `ecr`, `rds`, `sts`, `github`, `slack`, `betterstack`; omitted: all. */
  service: z.string().optional(),
  /** e.g. `UpdateService`, `createDeployment`; omitted: every operation of the service. */
  operation: z.string().optional(),
  /**
   * throttle: each protocol's throttling error; server-error: 500 with the service's internal
   * error; unavailable: 503 ServiceUnavailable; latency: `latencyMs` added; reset: the
   * connection is destroyed without an answer.
   */
  kind: z.enum(FAULT_KINDS),
  rate: z.number().min(0).max(1).default(1),
  latencyMs: z.number().int().nonnegative().default(0),
  /** Hit at most this many calls (e.g. `times: 2` to prove a retry recovers). */
  times: z.number().int().positive().optional(),
  /** throttle on GitHub: the `retry-after` (seconds) of the secondary rate limit; default 1. */
  retryAfterSeconds: z.number().int().positive().optional(),
});

export const faultConfigSchema = z.strictObject({
  seed: z.number().int().optional(),
  rules: z.array(faultRuleSchema).default([]),
});

export type FaultRule = z.input<typeof faultRuleSchema>;
export type FaultConfig = z.input<typeof faultConfigSchema>;

export interface FaultDecision {
  latencyMs: number;
  fail?: Exclude<FaultKind, 'latency'>;
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

  constructor(defaultSeed: number) {
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
        if (rule.retryAfterSeconds !== undefined)
          decision.retryAfterSeconds = rule.retryAfterSeconds;
      }
    });
    return decision;
  }
}
