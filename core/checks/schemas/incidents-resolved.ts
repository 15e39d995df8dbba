import { z } from 'zod';
import { durationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const incidentsResolvedSchema = defineCheckSchema({
  type: 'incidents-resolved',
  description:
    'No BetterStack incident is left unresolved for longer than max-age (the runbook’s "no unresolved critical alerts in 24 h").',
  shape: {
    'max-age': durationField
      .default('24h')
      .describe('How long an incident may stay unresolved, e.g. 24h.'),
    'monitor-ids': z
      .array(z.string().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
      .min(1)
      .optional()
      .describe('Only incidents of these monitors; default every incident of the team.'),
  },
});
