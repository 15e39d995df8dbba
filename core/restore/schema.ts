import { z } from 'zod';
import { durationField, queryNameField } from '../config/fields.js';

/** One verification query of a restore: run on the current and the restored instance. */
export const restoreQuerySchema = z.strictObject({
  name: queryNameField.describe('Name in the side-by-side table, e.g. users.'),
  sql: z
    .string()
    .min(1)
    .describe(
      'A read-only query; the first column of its first row is shown, e.g. SELECT count(*) FROM users.',
    ),
});

/** `restore:` of an environment: what the restore-database action verifies and how long it waits. */
export const restoreConfigSchema = z
  .strictObject({
    verify: z
      .array(restoreQuerySchema)
      .default([])
      .describe(
        'Queries run on the current and the restored instance and shown side by side, e.g. SELECT max(updated_at) FROM audit_log.',
      ),
    'instance-class': z
      .string()
      .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { message: 'expected an RDS class like db.t4g.small' })
      .optional()
      .describe('Class of the restored instance; default: the current instance’s class.'),
    deadline: durationField
      .default('60m')
      .describe('How long the restored instance may take to become available.'),
    'rename-deadline': durationField
      .default('15m')
      .describe('How long each rename of the cut-over may take.'),
  })
  .describe('Point-in-time restore (restore-database): verification queries and deadlines.');

export type RestoreConfig = z.output<typeof restoreConfigSchema>;
export type RestoreQuery = z.output<typeof restoreQuerySchema>;
