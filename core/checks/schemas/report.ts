import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const reportSchema = defineCheckSchema({
  type: 'report',
  description:
    'The monthly ops report: availability per BetterStack monitor against its target, 5xx and p99 per day, delivery figures from the audit log, the rotation schedule and restore drills; drawn as charts in the job summary and kept as Markdown and JSON.',
  shape: {
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'expected a month like 2026-11' })
      .optional()
      .describe('The calendar month to report; default the month before the run.'),
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a day like 2026-11-01' })
      .optional()
      .describe('First day of a range to report instead of a month (with to).'),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a day like 2026-11-30' })
      .optional()
      .describe('Last day (included) of the range.'),
    'sla-target': z
      .number()
      .gt(0, { message: 'must be above 0 and below 100, e.g. 99.9' })
      .lt(100, { message: 'must be above 0 and below 100, e.g. 99.9' })
      .default(99.9)
      .describe('Availability target of each monitor, percent.'),
    'max-error-percent': z
      .number()
      .min(0)
      .max(100)
      .default(1)
      .describe('Highest acceptable share of 5xx answers per day, percent.'),
    'max-p99-ms': z
      .number()
      .positive()
      .default(1000)
      .describe('Highest acceptable p99 latency per day, ms.'),
    'monitor-ids': z
      .array(z.string().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
      .min(1)
      .optional()
      .describe('BetterStack monitors; default the environment’s maintenance.monitor-ids.'),
    'open-issue': z
      .boolean()
      .default(false)
      .describe('Also open the report as a GitHub issue (needs github-token with issues: write).'),
  },
});
