import { z } from 'zod';
import { parseDuration } from '../util/duration.js';

/** A duration longer than zero (`max-age: 0s` or `-1h` would make a check meaningless). */
export const positiveDurationField = z
  .string()
  .refine((text) => (parseDuration(text) ?? 0) > 0, {
    message: 'expected a positive duration like 90s, 24h or 1h30m',
  })
  .describe('A duration greater than zero: a number with a unit (ms, s, m, h), e.g. 24h.');

/** The remaining time until a check's deadline, less a margin to answer in. */
export function remainingMs(deadline: number, now: number, marginMs = 250): number {
  return Math.max(0, deadline - now - marginMs);
}
