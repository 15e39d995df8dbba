import { defineCheckSchema } from './common.js';

export const lifecyclePolicySchema = defineCheckSchema({
  type: 'lifecycle-policy',
  description:
    'The ECR repository has no lifecycle rule that can expire an image a service runs or a rollback target (untagged or any images; tagged rules are evaluated against what is protected today).',
  shape: {},
});
