import { defineCheckSchema } from './common.js';

export const databasePrivateSchema = defineCheckSchema({
  type: 'database-private',
  description:
    'The RDS instance is not publicly accessible and no security group admits its port from anywhere.',
  shape: {},
});
