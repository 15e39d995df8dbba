/**
 * `environments.<name>.bake`: read by the configuration, run by the deploy's bake period
 * (core/deploy/bake.ts).
 */
import { z } from 'zod';

/** `environments.<name>.bake`: the thresholds; the length is deploy's `bake` input. */
export const bakeConfigSchema = z
  .strictObject({
    'error-rate': z
      .number()
      .min(0)
      .max(100)
      .default(5)
      .describe('Percent of requests answered 5xx in a minute that counts as a bad minute.'),
    'latency-p99': z
      .int()
      .positive()
      .optional()
      .describe(
        'RequestLatency p99 in ms above which a minute counts as bad; default: not watched.',
      ),
    'consecutive-minutes': z
      .int()
      .min(1)
      .max(60)
      .default(3)
      .describe('Bad minutes in a row that roll the deploy back.'),
  })
  .describe('Bake period thresholds: deploy watches the new version this way for its bake input.');
export type BakeConfig = z.output<typeof bakeConfigSchema>;
