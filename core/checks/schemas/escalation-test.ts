import { z } from 'zod';
import { durationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const escalationTestSchema = defineCheckSchema({
  type: 'escalation-test',
  description:
    'Opt-in: creates a BetterStack test incident for an escalation policy, waits until BetterStack escalates it, then resolves it (also after a cancellation, in the post step).',
  shape: {
    'policy-id': z
      .string()
      .regex(/^\d+$/, { message: 'expected the numeric id of a BetterStack escalation policy' })
      .describe('The escalation policy the test incident goes to.'),
    'requester-email': z
      .email({ message: 'expected an e-mail address (BetterStack requires one)' })
      .describe('Who BetterStack records as having reported the test incident.'),
    deadline: durationField
      .default('10m')
      .describe('How long to wait for BetterStack to escalate the incident.'),
    'poll-interval': durationField.default('15s').describe('How often to read its timeline.'),
  },
});
