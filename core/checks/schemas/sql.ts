import { z } from 'zod';
import { sqlStatements } from '../../util/sql-statements.js';
import { defineCheckSchema } from './common.js';

export const sqlSchema = defineCheckSchema({
  type: 'sql',
  description: 'A read-only query; more rows than max-rows is a failure, listing the first ids.',
  shape: {
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lowercase name like open-aml-alerts' }),
    query: z
      .string()
      .min(1)
      .superRefine((query, ctx) => {
        const statements = sqlStatements(query);
        if (statements.length === 1) return;
        ctx.addIssue({
          code: 'custom',
          message:
            statements.length === 0
              ? 'holds no SQL statement; write one SELECT'
              : `holds ${statements.length} SQL statements (the second starts on line ${statements[1]!.line} of the query); an sql check runs exactly one, so it cannot end its read-only transaction or lift its timeout: keep the one SELECT`,
        });
      }),
    'max-rows': z.int().min(0).default(0).describe('Fail when the query returns more rows.'),
    'id-column': z.string().min(1).default('id').describe('Column listed for the first rows.'),
  },
});
