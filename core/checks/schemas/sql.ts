import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const sqlSchema = defineCheckSchema({
  type: 'sql',
  description: 'A read-only query; more rows than max-rows is a failure, listing the first ids.',
  shape: {
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase name like open-aml-alerts' }),
    query: z.string().min(1),
    'max-rows': z.int().min(0).default(0).describe('Fail when the query returns more rows.'),
    'id-column': z.string().min(1).default('id').describe('Column listed for the first rows.'),
  },
});
