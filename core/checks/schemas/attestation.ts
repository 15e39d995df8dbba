import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const attestationSchema = defineCheckSchema({
  type: 'attestation',
  description:
    'A person vouches for this item in the attestations file (by, at, evidence, expires).',
  shape: {
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase id like bankid-callback' }),
    text: z.string().min(1).describe('What the person vouches for, as the checklist says it.'),
  },
});
