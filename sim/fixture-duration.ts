/** The duration field every section of a sim fixture reads (fixture.ts, asg-, ecs-, fly-fixture.ts). */
import { z } from 'zod';
import { parseDuration } from '../core/util/duration.js';

/**
 * Milliseconds, as a number or as a text core reads (`90s`, `3m`, `6h`, `400d`: fixtures talk
 * about ages). One transform after the union (not a union of transforms) so a bad text is
 * reported at its own path rather than as "invalid union".
 */
export const fixtureDuration = z
  .union([z.number().nonnegative(), z.string()])
  .transform((value, ctx) => {
    if (typeof value === 'number') return value;
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({ code: 'custom', message: 'expected a duration such as 90s, 3m, 6h or 2d' });
      return z.NEVER;
    }
    return ms;
  });
