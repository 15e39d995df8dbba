import { asgTargetSchema } from './asg-target.js';
import { z } from 'zod';
import { checkItemSchema, checkSchema, targetMismatch } from '../checks/schemas/index.js';
import { healthChecksSchema } from '../health/check-schema.js';
import {
  accountIdField,
  appRunnerServiceArnField,
  ecsServiceArnField,
  awsRegionField,
  durationField,
  ecrRepositoryField,
  envNameField,
  httpUrlField,
  positiveDurationField,
  rdsInstanceField,
  snapshotPrefixField,
} from './fields.js';
import { bakeConfigSchema } from './bake.js';
import { checkDatabaseAccess, databaseAccessShape } from './database-access.js';
import { restoreConfigSchema } from '../restore/schema.js';

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
    ...databaseAccessShape,
  })
  .superRefine(checkDatabaseAccess)
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

const secretSchema = z
  .strictObject({
    name: envNameField.describe('Name the application sees, e.g. JWT_SECRET.'),
    'secret-id': z
      .string()
      .min(1)
      .describe(
        'Secrets Manager id of the value, e.g. drop/production/jwt-secret. Database kinds: the secret holding {"username","password"} of the role, kept in step with DATABASE_URL (may be the same as database-url-secret-id).',
      ),
    kind: z
      .enum(['random', 'rds-master-password', 'database-user', 'rds-managed', 'external'])
      .describe(
        'random: generated here (CSPRNG, base64); rds-master-password: a new master password applied to RDS and written into DATABASE_URL; database-user: alternating users <user> and <user>_clone; rds-managed: DATABASE_URL rebuilt from the RDS-managed master secret; external: issued by a third party, only checked and reminded.',
      ),
    length: z
      .int()
      .min(16)
      .max(1024)
      .optional()
      .describe(
        'random: bytes before base64 (default 48); database kinds: password characters (default 32, at most 128).',
      ),
    'min-length': z
      .int()
      .min(1)
      .optional()
      .describe('Go-live gate: the stored value must be at least this long.'),
    'rotate-every-days': z.int().min(1).max(3650).optional(),
    'database-url-secret-id': z
      .string()
      .min(1)
      .optional()
      .describe(
        'Database kinds: the secret holding DATABASE_URL (the one App Runner references) that is rotated.',
      ),
    'previous-secret-id': z
      .string()
      .min(1)
      .optional()
      .describe(
        'random only: a secret that receives the old value at each rotation (the app verifies JWTs with current or previous).',
      ),
    'next-secret-id': z
      .string()
      .min(1)
      .optional()
      .describe(
        'random only, with previous-secret-id: a secret the app accepts tokens with but never signs with. A rotation then has two phases: the new key is deployed here first (every instance accepts it), then it becomes the signing key in a second redeploy, so during either rollout every token minted by an old or a new instance is accepted by both.',
      ),
    'grace-days': z
      .int()
      .min(1)
      .max(365)
      .optional()
      .describe(
        'With previous-secret-id: after this many days the previous secret is emptied (at least the longest token lifetime).',
      ),
    'admin-secret-id': z
      .string()
      .min(1)
      .optional()
      .describe(
        'database-user only: a secret holding an admin DATABASE_URL (e.g. the master user) that may ALTER ROLE the app users.',
      ),
  })
  .superRefine((secret, ctx) => {
    const databaseKind = ['rds-master-password', 'database-user', 'rds-managed'].includes(
      secret.kind,
    );
    if (databaseKind && !secret['database-url-secret-id'])
      ctx.addIssue({
        code: 'custom',
        path: ['database-url-secret-id'],
        message: `is required for kind ${secret.kind}: the secret holding DATABASE_URL to rewrite`,
      });
    if (secret.kind === 'database-user' && !secret['admin-secret-id'])
      ctx.addIssue({
        code: 'custom',
        path: ['admin-secret-id'],
        message:
          'is required for kind database-user: an admin URL that may ALTER ROLE the app users',
      });
    if (databaseKind && secret.length !== undefined && secret.length > 128)
      ctx.addIssue({
        code: 'custom',
        path: ['length'],
        message: 'must be at most 128 for a database password (RDS allows 8–128 characters)',
      });
    if (secret['previous-secret-id'] && secret.kind !== 'random')
      ctx.addIssue({
        code: 'custom',
        path: ['previous-secret-id'],
        message: 'only applies to kind random (JWT keys the app verifies with current or previous)',
      });
    if (secret['next-secret-id'] && secret.kind !== 'random')
      ctx.addIssue({
        code: 'custom',
        path: ['next-secret-id'],
        message: 'only applies to kind random (a JWT key the app accepts before it signs with it)',
      });
    if (secret['next-secret-id'] && secret.kind === 'random' && !secret['previous-secret-id'])
      ctx.addIssue({
        code: 'custom',
        path: ['next-secret-id'],
        message:
          'needs previous-secret-id: in the second phase instances still signing with the old key serve beside ones that no longer sign with it, so the old key must stay accepted as the previous key',
      });
    if (
      secret['next-secret-id'] !== undefined &&
      [secret['secret-id'], secret['previous-secret-id']].includes(secret['next-secret-id'])
    )
      ctx.addIssue({
        code: 'custom',
        path: ['next-secret-id'],
        message: 'must be a secret of its own, not secret-id or previous-secret-id',
      });
    if (secret['grace-days'] !== undefined && !secret['previous-secret-id'])
      ctx.addIssue({
        code: 'custom',
        path: ['grace-days'],
        message: 'needs previous-secret-id (it is how long the previous value stays)',
      });
  });

/** Where the service runs: App Runner or Amazon ECS Express Mode (core/targets/). */
/** Fly.io: the machines of one process group of an app (core/targets/fly.ts). */
const flyTargetSchema = z
  .strictObject({
    kind: z.literal('fly'),
    app: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, {
        message:
          'expected a Fly app name: lowercase letters, digits and hyphens, like drop-staging',
      })
      .describe('The Fly app, e.g. drop-staging.'),
    'process-group': z
      .string()
      .regex(/^[a-z0-9_-]+$/, { message: 'expected a process group name like app or web' })
      .default('app')
      .describe(
        'The process group whose machines are deployed (fly.toml [processes]; default app).',
      ),
    regions: z
      .array(z.string().regex(/^[a-z]{3}$/, { message: 'expected a Fly region code like arn' }))
      .min(1)
      .optional()
      .describe('Only the machines in these regions (default: every region).'),
    'wait-timeout': positiveDurationField
      .default('5m')
      .describe(
        'Per machine: its new instance started and every health check passing, or the update stops and is put back.',
      ),
    strategy: z
      .enum(['rolling', 'bluegreen'])
      .default('rolling')
      .describe(
        "Fly's deploy strategy: rolling updates the machines in place one at a time (the ones updated are put back if one fails); bluegreen starts a new machine beside each old one, moves the traffic once all are healthy and destroys the old ones (on failure the new ones are destroyed and the old keep serving).",
      ),
  })
  .describe(
    'A Fly.io app: { kind: fly, app: drop-staging }; the API token comes from the FLY_API_TOKEN secret.',
  );

const serviceTarget = <K extends 'app-runner' | 'ecs-express'>(kind: K) =>
  z
    .strictObject({
      kind: z.literal(kind).describe('app-runner or ecs-express (Amazon ECS Express Mode).'),
      'service-arn': z.string().describe('The service ARN on that platform.'),
    })
    .superRefine((target, ctx) => {
      const field = target.kind === 'ecs-express' ? ecsServiceArnField : appRunnerServiceArnField;
      const result = field.safeParse(target['service-arn']);
      if (!result.success)
        ctx.addIssue({
          code: 'custom',
          path: ['service-arn'],
          message: result.error.issues[0]?.message ?? 'not a service ARN of this kind',
        });
    });

const targetSchema = z
  .discriminatedUnion('kind', [
    serviceTarget('app-runner'),
    serviceTarget('ecs-express'),
    asgTargetSchema,
    flyTargetSchema,
  ])
  .describe(
    'The deploy target: { kind: ecs-express, service-arn: arn:aws:ecs:… } for Amazon ECS Express Mode; { kind: asg, listener-arn, group-prefix, launch-template } for EC2 Auto Scaling behind a load balancer; service-arn alone means App Runner.',
  );

export type TargetConfig = z.output<typeof targetSchema>;
export type FlyTargetConfig = z.output<typeof flyTargetSchema>;

/** The name an environment's target goes by in records: its ARN (an asg's listener), or `fly:<app>:<group>`. */
export function targetId(target: TargetConfig): string {
  if (target.kind === 'fly') return `fly:${target.app}:${target['process-group']}`;
  // An asg target's ARN is its listener's: what the records name it by.
  if (target.kind === 'asg') return target['listener-arn'];
  return target['service-arn'];
}

const environmentFields = z.strictObject({
  region: awsRegionField,
  'service-arn': appRunnerServiceArnField
    .optional()
    .describe(
      'App Runner service ARN (version 1 files); an ECS Express service is named in target.',
    ),
  target: targetSchema.optional(),
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
  restore: restoreConfigSchema.optional(),
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
      'time-zone': z
        .string()
        .default('UTC')
        .refine(
          (zone) => {
            try {
              new Intl.DateTimeFormat('en-US', { timeZone: zone });
              return true;
            } catch {
              return false;
            }
          },
          { message: 'expected an IANA time zone like UTC or Europe/Oslo' },
        )
        .describe(
          'Time zone the gate counts waiver and attestation days in; a bare date ends at its midnight there.',
        ),
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

/**
 * An environment names its service with `service-arn` (App Runner, as in version 1 files) or
 * `target`, not both. The output always has both: `target` says the platform, and
 * `service-arn` is the target's ARN.
 */
export const environmentSchema = environmentFields
  // Editors: one of the two names the service.
  .meta({ anyOf: [{ required: ['service-arn'] }, { required: ['target'] }] })
  .superRefine((env, ctx) => {
    if (env['service-arn'] === undefined && env.target === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['service-arn'],
        message:
          'is required: give service-arn (an App Runner service) or target: { kind: ecs-express, service-arn: … }',
      });
    if (env['service-arn'] !== undefined && env.target !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message:
          'give either service-arn (App Runner) or target, not both: move the ARN into target.service-arn',
      });
    // Images are resolved in ECR (build-push pushes the same manifest to Fly's registry); no
    // service ARN says the registry's account.
    if (env.target?.kind === 'fly' && env['ecr-registry-id'] === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['ecr-registry-id'],
        message:
          'is required with target kind fly: the AWS account of the ECR repository the images are resolved in (build-push pushes each to ECR and registry.fly.io)',
      });
    // A check that cannot read this environment's target is refused here, not at 3 a.m.
    if (env['service-arn'] !== undefined && env.target !== undefined) return;
    const kind = env.target?.kind ?? 'app-runner';
    const lists = [
      ...Object.entries(env.checks ?? {}).map(([name, items]) => ({
        path: ['checks', name],
        items,
      })),
      ...Object.entries(env.gates ?? {}).map(([name, items]) => ({ path: ['gates', name], items })),
    ];
    for (const { path, items } of lists)
      for (const [index, item] of (items ?? []).entries()) {
        const mismatch = targetMismatch(checkSchema(item.type), kind);
        if (mismatch)
          ctx.addIssue({ code: 'custom', path: [...path, index, 'type'], message: mismatch });
      }
  })
  .transform(({ target, ...env }) => {
    const resolved: TargetConfig = target ?? {
      kind: 'app-runner',
      'service-arn': env['service-arn']!,
    };
    return { ...env, 'service-arn': targetId(resolved), target: resolved };
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
