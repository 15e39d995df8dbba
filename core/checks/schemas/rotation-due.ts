import { defineCheckSchema } from './common.js';

export const rotationDueSchema = defineCheckSchema({
  type: 'rotation-due',
  description: 'No configured secret is past its rotation date.',
  shape: {},
});
