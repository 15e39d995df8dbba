import { z } from 'zod';
import { durationField, queryNameField } from '../config/fields.js';

/** The drill's default deadlines, shared by its check item and the job that runs it. */
export const DRILL_DEFAULTS = {
  restoreDeadlineMinutes: 60,
  deleteDeadlineMinutes: 30,
  /** Restore plus delete plus snapshot lookup, password, verification and record. */
  checkTimeoutMinutes: 100,
} as const;

/**
 * What a post step may spend after a cancellation: GitHub ends what still runs about five
 * minutes after it cancels a job, so the post step asks RDS to delete the drill instance and
 * waits at most this long; the next drill's leftover sweep deletes whatever is left.
 */
export const POST_STEP_BUDGET_MS = 4 * 60_000;

/** What a job's setup takes before the drill starts (checkout, the suite, AWS credentials). */
const JOB_SETUP_MINUTES = 10;

/**
 * `timeout-minutes` of a job that runs the drill: the check's whole timeout (which covers the
 * restore and delete deadlines) plus the job's setup, so the job never ends the drill before
 * the drill's own deadlines do. A drill configured with a longer `timeout` needs its job's
 * timeout raised as much.
 */
export function drillJobTimeoutMinutes(): number {
  return DRILL_DEFAULTS.checkTimeoutMinutes + JOB_SETUP_MINUTES;
}

/** What a verification query's first value must satisfy. Exactly one key. */
export const drillExpectSchema = z
  .strictObject({
    'greater-than': z.number().optional().describe('The value (a number) is greater than this.'),
    'at-least': z.number().optional().describe('The value (a number) is at least this.'),
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    'not-older-than-snapshot-by': durationField
      .optional()
      .describe(
        'The value (a timestamp) is at most this much older than the snapshot, e.g. 1d: the data is recent.',
      ),
  })
  .refine((e) => Object.values(e).filter((v) => v !== undefined).length === 1, {
    message: 'expected exactly one of greater-than, at-least, equals, not-older-than-snapshot-by',
  });

export const drillQuerySchema = z.strictObject({
  name: queryNameField.describe('Name in the report, e.g. users.'),
  sql: z
    .string()
    .min(1)
    .describe('A read-only query; its first column of the first row is the value checked.'),
  expect: drillExpectSchema,
});

export type DrillQuery = z.output<typeof drillQuerySchema>;

/** The keys of a `snapshot-restore` check (the monthly restore drill). */
export const snapshotRestoreShape = {
  from: z
    .enum(['snapshot', 'pitr'])
    .default('snapshot')
    .describe(
      'snapshot: restore a snapshot (see snapshot); pitr: restore to a point in time pitr-age ago (RestoreDBInstanceToPointInTime), the runbooks’ "point-in-time recovery tested".',
    ),
  'pitr-age': durationField
    .default('1h')
    .describe(
      'With from: pitr, how long ago the restored point in time is (inside the restore window).',
    ),
  snapshot: z
    .enum(['newest-automated', 'newest-pre-deploy'])
    .default('newest-automated')
    .describe(
      'Which snapshot to restore: the newest automated one, or the newest pre-deploy snapshot (database.snapshot-prefix).',
    ),
  'instance-class': z
    .string()
    .regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { message: 'expected an RDS class like db.t4g.micro' })
    .default('db.t4g.micro')
    .describe('Class of the drill instance: the smallest that restores your data.'),
  deadline: durationField
    .default(`${DRILL_DEFAULTS.restoreDeadlineMinutes}m`)
    .describe('How long the restored instance may take to become available.'),
  'delete-deadline': durationField
    .default(`${DRILL_DEFAULTS.deleteDeadlineMinutes}m`)
    .describe('How long deleting the drill instance may take.'),
  'poll-interval': durationField
    .default('30s')
    .describe('How often the drill instance’s status is read while waiting.'),
  'master-secret': z
    .string()
    .min(1)
    .optional()
    .describe(
      'Secrets Manager id of the master credentials (JSON username/password); default: the database-url input with its host replaced.',
    ),
  ssl: z
    .boolean()
    .default(true)
    .describe(
      'Connect with TLS when credentials come from master-secret (RDS forces TLS by default).',
    ),
  queries: z
    .array(drillQuerySchema)
    .default([])
    .describe(
      'Verification queries with expectations, e.g. SELECT COUNT(*) FROM users greater-than 0. None: the drill only logs in.',
    ),
};
