import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const ciGreenSchema = defineCheckSchema({
  type: 'ci-green',
  description:
    'The commit being launched has only successful check runs and commit statuses (and each required one).',
  shape: {
    required: z
      .array(z.string().min(1))
      .default([])
      .describe('Check run or status names that must be present and successful, e.g. lint, e2e.'),
  },
});
