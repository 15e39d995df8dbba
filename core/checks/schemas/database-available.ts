import { defineCheckSchema } from './common.js';

export const databaseAvailableSchema = defineCheckSchema({
  type: 'database-available',
  description: 'The RDS instance is available.',
  shape: {},
});
