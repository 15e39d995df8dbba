import { defineCheckSchema } from './common.js';

export const healthSchema = defineCheckSchema({
  type: 'health',
  description: 'The environment’s health checks pass (tried again until the check’s deadline).',
  shape: {},
});
