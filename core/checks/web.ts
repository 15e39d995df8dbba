import { probe, type ProbeResponse } from '../health/probe.js';
import type { CheckContext } from './types.js';

/** The environment's public base URL (health.base-url), where the web checks look. */
export function baseUrl(ctx: Pick<CheckContext, 'env'>): URL {
  return new URL(ctx.env.health['base-url']);
}

/** One GET within the check's own deadline (and at most 15 s). */
export function get(
  url: URL,
  ctx: Pick<CheckContext, 'signal' | 'deadline' | 'clock'>,
): Promise<ProbeResponse> {
  const left = Math.max(1_000, Math.min(15_000, ctx.deadline - ctx.clock.now()));
  return probe(url, { method: 'GET', timeoutMs: left, signal: ctx.signal });
}
