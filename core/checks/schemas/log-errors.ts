import { z } from 'zod';
import { positiveDurationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const logErrorsSchema = defineCheckSchema({
  type: 'log-errors',
  description:
    'CloudWatch Logs events matching a filter pattern over the window stay at or below max-count (every page read).',
  shape: {
    'log-group': z.string().min(1).max(512),
    pattern: z.string().min(1).describe('A CloudWatch Logs filter pattern, e.g. "?ERROR ?FATAL".'),
    'max-count': z.int().min(0).default(0),
    window: positiveDurationField.default('24h'),
    'show-messages': z
      .boolean()
      .default(false)
      .describe(
        'Put the first matching messages (masked: e-mails, digit runs, tokens) in the report, issue and Slack; default: only the count and a Logs Insights link.',
      ),
  },
});
