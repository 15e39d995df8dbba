import { z } from 'zod';
import { checkItemSchema } from '../checks/registry.js';
import { bakeConfigSchema } from '../deploy/bake.js';
import { healthChecksSchema } from '../health/check-schema.js';
import {
  accountIdField,
  appRunnerServiceArnField,
  awsRegionField,
  durationField,
  ecrRepositoryField,
  envNameField,
  httpUrlField,
  rdsInstanceField,
  snapshotPrefixField,
} from './fields.js';

/**
 * The configuration file, `.github/apprunner-ops.yml` by default. Version 1.
 * Every key is kebab-case; unknown keys are errors (a typo must not silently disable a check).
 * Secret values never live here: only the names and ids under which they are stored.
 */

const databaseSchema = z
  .strictObject({
    instance: rdsInstanceField.describe('RDS DB instance identifier, e.g. drop-db.'),
    'snapshot-prefix': snapshotPrefixField
      .optional()
      .describe('Prefix of pre-deploy snapshot ids; default "<instance>-pre-deploy".'),
    'snapshot-retention': z
      .int()
      .min(1)
      .max(100)
      .default(10)
      .describe(
        'How many pre-deploy snapshots to keep; older ones are deleted after a new one is available.',
      ),
    'snapshot-timeout': durationField
      .default('30m')
      .describe('How long to wait for a snapshot to become available.'),
  })
  .describe('The RDS PostgreSQL instance behind the service.');

const healthSchema = z.strictObject({
  'base-url': httpUrlField.describe('Public base URL of the service, e.g. https://getdrop.no.'),
  'version-path': z
    .string()
    .min(1)
    .optional()
    .describe(
      'Dot path in the health JSON where the running version is reported, e.g. data.version.',
    ),
  checks: healthChecksSchema,
});

const maintenanceSchema = z.strictObject({
  provider: z.literal('betterstack').default('betterstack'),
  'monitor-ids': z
    .array(z.string().regex(/^\d+$/, { message: 'expected a numeric monitor id' }))
    .min(1),
  window: durationField
    .default('30m')
    .describe(
      'Longest a deploy or rollback keeps the monitors paused; a pause whose runner was lost is ended by the next run after it.',
    ),
});

const notifyEvent = z.enum(['deploy', 'rollback', 'rotation', 'check-failure', 'gate']);
const notifySchema = z.strictObject({
  slack: z
    .strictObject({
      channel: z
        .string()
        .regex(/^#[a-z0-9._-]+$/, { message: 'expected a channel like #drop-ops' })
        .optional(),
      events: z
        .array(notifyEvent)
        .default(['deploy', 'rollback', 'rotation', 'check-failure', 'gate']),
    })
    .optional()
    .describe('The webhook URL is a secret and comes from the action input slack-webhook-url.'),
});

const secretSchema = z.strictObject({
  name: envNameField.describe('Name the application sees, e.g. JWT_SECRET.'),
  'secret-id': z.string().min(1).describe('Secrets Manager id, e.g. drop/production/jwt-secret.'),
  kind: z
    .enum(['random', 'rds-master-password', 'external'])
    .describe(
      'random: generated here; rds-master-password: generated and applied to the database; external: issued by a third party, only checked.',
    ),
  length: z
    .int()
    .min(16)
    .max(1024)
    .optional()
    .describe('Random bytes before base64; default 48 (random) or 32 (rds).'),
  'min-length': z
    .int()
    .min(1)
    .optional()
    .describe('Go-live gate: the stored value must be at least this long.'),
  'rotate-every-days': z.int().min(1).max(3650).optional(),
  'database-url-secret-id': z
    .string()
    .optional()
    .describe(
      'rds-master-password only: the secret holding DATABASE_URL to rewrite with the new password.',
    ),
});

export const environmentSchema = z.strictObject({
  region: awsRegionField,
  'service-arn': appRunnerServiceArnField,
  'ecr-repository': ecrRepositoryField.describe('ECR repository name, e.g. drop-web.'),
  'ecr-registry-id': accountIdField
    .optional()
    .describe('Account of the registry; default: the service ARN’s account.'),
  'required-reviewers': z
    .boolean()
    .default(false)
    .describe(
      'The GitHub environment of this name has required reviewers; the command line then asks before changing it.',
    ),
  url: httpUrlField
    .optional()
    .describe('Public URL shown on the GitHub Deployments page; default health.base-url.'),
  database: databaseSchema.optional(),
  health: healthSchema,
  maintenance: maintenanceSchema.optional(),
  notify: notifySchema.optional(),
  secrets: z.array(secretSchema).optional(),
  bake: bakeConfigSchema.optional(),
  gates: z
    .record(
      z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a lowercase gate name like go-live' }),
      z.array(checkItemSchema).min(1),
    )
    .optional()
    .describe('Named gates (go-live, …): checks and attestations that must all pass.'),
  'gate-policy': z
    .strictObject({
      'max-attestation-age-days': z
        .int()
        .min(1)
        .max(366)
        .default(30)
        .describe('An attestation older than this fails, even before it expires.'),
      'max-waiver-days': z
        .int()
        .min(1)
        .max(90)
        .default(14)
        .describe('A waiver may not expire later than this many days after the gate runs.'),
    })
    .optional()
    .describe('Rules for the attestations file read by the gates of this environment.'),
  checks: z
    .strictObject({
      daily: z.array(checkItemSchema).optional(),
      weekly: z.array(checkItemSchema).optional(),
      monthly: z.array(checkItemSchema).optional(),
    })
    .optional(),
});

export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    version: z.literal(1).describe('Format version of this file.'),
    environments: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, {
          message: 'expected a lowercase environment name like production',
        }),
        environmentSchema,
      )
      .refine((envs) => Object.keys(envs).length > 0, {
        message: 'expected at least one environment',
      }),
  })
  .describe('apprunner-ops configuration');

export type Config = z.output<typeof configSchema>;
export type EnvironmentConfig = z.output<typeof environmentSchema>;
