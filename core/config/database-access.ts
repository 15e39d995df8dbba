import { z } from 'zod';
import { durationField } from './fields.js';

/**
 * How the runner reaches the environment's database (`database.access`), docs/setup.md
 * "Private databases". A GitHub-hosted runner is outside the VPC, while the go-live gate wants
 * the database private; each team picks one of three ways.
 */
export const DATABASE_ACCESS = ['direct', 'ssm', 'runner'] as const;
export type DatabaseAccessKind = (typeof DATABASE_ACCESS)[number];

export const EC2_INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

const tagFilterSchema = z
  .strictObject({
    tag: z.string().min(1).max(128).describe('Tag key of the instance, e.g. Name.'),
    value: z.string().min(1).max(256).describe('Tag value, e.g. db-bastion.'),
  })
  .describe('The one running instance with this tag (an error when none or several match).');

export const databaseAccessShape = {
  access: z
    .enum(DATABASE_ACCESS)
    .default('direct')
    .describe(
      'How the runner reaches the database. direct: connect to the URL’s host. ssm: AWS Systems Manager port forwarding through an instance in the VPC (via). runner: the database jobs run on a self-hosted runner inside the VPC (runner-label).',
    ),
  via: z
    .union([
      z.string().regex(EC2_INSTANCE_ID, {
        message:
          'expected an EC2 instance id like i-0123456789abcdef0, or a tag filter { tag: Name, value: db-bastion }',
      }),
      tagFilterSchema,
    ])
    .optional()
    .describe(
      'access: ssm only: the instance running the SSM agent that forwards the connection, by id (i-0123456789abcdef0) or tag filter ({ tag: Name, value: db-bastion }).',
    ),
  'runner-label': z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'expected a runner label like vpc-runner' })
    .optional()
    .describe(
      'access: runner only: the label of the self-hosted runner inside the VPC that runs the jobs touching the database.',
    ),
  'reach-timeout': durationField
    .default('10s')
    .describe(
      'Preflight: how long an action that will touch the database waits for a connection before it stops, changing nothing.',
    ),
};

export type TagFilter = z.output<typeof tagFilterSchema>;

interface AccessFields {
  access: DatabaseAccessKind;
  via?: string | TagFilter | undefined;
  'runner-label'?: string | undefined;
}

/** The rules between the fields, as configuration errors on the field to fix. */
export function checkDatabaseAccess(db: AccessFields, ctx: z.RefinementCtx): void {
  if (db.access === 'ssm' && db.via === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['via'],
      message:
        'is required for access: ssm: the instance in the VPC that runs the SSM agent, e.g. via: i-0123456789abcdef0 or via: { tag: Name, value: db-bastion }',
    });
  if (db.access !== 'ssm' && db.via !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['via'],
      message: `applies only to access: ssm (this database has access: ${db.access}); remove it or set access: ssm`,
    });
  if (db.access === 'runner' && db['runner-label'] === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['runner-label'],
      message:
        'is required for access: runner: the label of the self-hosted runner inside the VPC, e.g. runner-label: vpc-runner',
    });
  if (db.access !== 'runner' && db['runner-label'] !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['runner-label'],
      message: `applies only to access: runner (this database has access: ${db.access}); remove it or set access: runner`,
    });
}
