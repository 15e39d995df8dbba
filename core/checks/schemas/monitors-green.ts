import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const monitorsGreenSchema = defineCheckSchema({
  type: 'monitors-green',
  description:
    'Every configured BetterStack monitor is up; a pause by apprunner-ops past its window is ended.',
  shape: {
    'monitor-ids': z
      .array(z.string().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
      .min(1)
      .optional()
      .describe('Monitors to check; default: the environment’s maintenance.monitor-ids.'),
  },
});
