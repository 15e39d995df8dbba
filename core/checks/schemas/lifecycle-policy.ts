import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const lifecyclePolicySchema = defineCheckSchema({
  type: 'lifecycle-policy',
  description:
    'The ECR repository has a lifecycle policy; without one the report suggests a policy that expires untagged images.',
  shape: {
    'untagged-days': z
      .int()
      .min(1)
      .max(3650)
      .default(14)
      .describe('Age after which the suggested policy expires untagged images.'),
  },
});
