import { z } from 'zod';
import { durationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const ecrUntaggedSchema = defineCheckSchema({
  type: 'ecr-untagged',
  description:
    'Untagged ECR images that nothing references, listed (or deleted with delete: true); index children, running images, rollback targets and recent pushes are kept.',
  shape: {
    delete: z
      .boolean()
      .default(false)
      .describe('Delete what the clean-up finds; default false lists it only (dry run).'),
    'min-age': durationField
      .default('7d')
      .describe('Untagged images pushed more recently than this are kept.'),
    'rollback-targets': z
      .int()
      .min(0)
      .max(100)
      .default(5)
      .describe('How many last good versions of each environment are kept for a rollback.'),
  },
});
