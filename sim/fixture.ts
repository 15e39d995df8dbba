/**
 * The seed of a sim: a YAML (or object) fixture validated with zod. Durations are written as
 * `3m`, `90s`, `6h` (or milliseconds as a number); ages (`pushedAgo`, `ago`) are measured
 * back from the moment the sim starts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { fixtureDuration as duration } from './fixture-duration.js';
import { formatIssues } from '../core/util/zod-issues.js';
import { APP_RUNNER_DOMAIN_STATUSES } from './aws/model-validate.js';
import { ecsFixtureSchema } from './ecs-fixture.js';
import { flyFixtureSchema } from './fly-fixture.js';
import { asgFixtureSchema } from './asg-fixture.js';
import { githubHistorySchema } from './services/github-history-schema.js';

export const DEFAULT_FIXTURE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'drop.yml',
);

export const BEHAVIOURS = [
  'healthy',
  'fails-platform-health-check',
  'unhealthy-app',
  'slow',
  'crash-after-start',
  /** An image built without the health route: 404 on the health paths, the rest as usual. */
  'no-health-route',
  'warm-up',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

const behaviourFields = {
  /** How the sample app behaves while this image runs. */
  behaviour: z.enum(BEHAVIOURS).default('healthy'),
  /** `slow`: added latency of every answer (real milliseconds, not scaled). */
  latencyMs: z.number().int().nonnegative().default(1500),
  /** `crash-after-start`: the app answers 502 this long (real ms) after it went live. */
  crashAfterMs: z.number().int().nonnegative().default(2000),
  /**
   * `warm-up`: for this long (real ms) after it went live, the app's health paths answer 503
   * "starting" without a version (it cannot say yet); then it is healthy.
   */
  warmUpMs: z.number().int().nonnegative().default(0),
  /**
   * `warm-up`: also answer the first this many requests to the health paths (across the
   * image's instances) 503 "starting", however long they take to come: a warm-up a test
   * measures in polls, which a loaded machine cannot shorten as it does real ms.
   */
  warmUpAnswers: z.number().int().nonnegative().optional(),
  /** Share of requests (not health checks) answered 5xx; also what its App Runner metrics show. */
  errorRate: z.number().min(0).max(1).default(0),
};

const imageSchema = z.strictObject({
  tags: z.array(z.string().regex(/^[\w][\w.-]{0,127}$/, 'not a valid image tag')).default([]),
  /** The version the app reports; defaults to the first tag. */
  version: z.string().optional(),
  pushedAgo: duration.prefault('1h'),
  sizeInBytes: z.number().int().positive().default(48_213_504),
  /** More than one platform (or attestations) makes an image index with untagged children. */
  platforms: z.array(z.string().regex(/^[a-z0-9]+\/[a-z0-9]+$/)).default(['linux/amd64']),
  attestations: z.boolean().default(false),
  ...behaviourFields,
});

const repositorySchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/),
  createdAgo: duration.prefault('400d'),
  images: z.array(imageSchema).default([]),
  /** Behaviour of images found only in a real registry (see startSim's `registry`). */
  registryBehaviours: z.record(z.string(), z.strictObject(behaviourFields)).default({}),
});

const serviceSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{3,39}$/, 'App Runner service names are 4-40 characters'),
  id: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  /** `repo:tag` or `repo@sha256:…` of a repository in this fixture. */
  image: z.string(),
  // CREATE_FAILED: a service that never came up (deploys must refuse it with advice).
  status: z.enum(['RUNNING', 'PAUSED', 'CREATE_FAILED']).default('RUNNING'),
  port: z.string().regex(/^\d+$/).default('8080'),
  env: z.record(z.string(), z.string()).default({}),
  secrets: z.record(z.string(), z.string()).default({}),
  cpu: z.string().default('1024'),
  memory: z.string().default('2048'),
  instanceRoleArn: z.string().optional(),
  accessRoleArn: z.string().optional(),
  autoDeployments: z.boolean().default(false),
  healthCheck: z
    .strictObject({
      protocol: z.enum(['TCP', 'HTTP']).default('HTTP'),
      path: z.string().default('/'),
      interval: z.number().int().default(10),
      timeout: z.number().int().default(5),
      healthyThreshold: z.number().int().default(1),
      unhealthyThreshold: z.number().int().default(5),
    })
    .prefault({}),
  createdAgo: duration.prefault('200d'),
  /** DescribeCustomDomains: domains linked to the service and their status. */
  customDomains: z
    .array(
      z.strictObject({
        domain: z.string(),
        enableWWWSubdomain: z.boolean().default(true),
        status: z.enum(APP_RUNNER_DOMAIN_STATUSES).default('active'),
      }),
    )
    .default([]),
});

const snapshotSchema = z.strictObject({
  id: z.string(),
  ago: duration,
  status: z.enum(['available', 'creating']).default('available'),
});

const seedTableSchema = z.strictObject({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lowercase SQL table name'),
  /** Column name → SQL type, e.g. `{ id: 'serial primary key', email: 'text not null' }`. */
  columns: z.record(z.string(), z.string()),
  rows: z.array(z.record(z.string(), z.unknown())).default([]),
});

const instanceSchema = z.strictObject({
  id: z.string(),
  status: z.string().default('available'),
  engineVersion: z.string().default('16.4'),
  instanceClass: z.string().default('db.t4g.micro'),
  allocatedStorage: z.number().int().default(20),
  masterUsername: z.string().default('drop_admin'),
  dbName: z.string().default('drop'),
  publiclyAccessible: z.boolean().default(false),
  multiAz: z.boolean().default(false),
  securityGroups: z.array(z.string()).default(['sg-0a1b2c3d4e5f60718']),
  /** DB subnet group; default `<id>-subnets`. */
  subnetGroup: z.string().optional(),
  /** DB parameter group; default `default.postgres<major>`. */
  parameterGroup: z.string().optional(),
  backupRetentionPeriod: z.number().int().default(7),
  createdAgo: duration.prefault('400d'),
  /** A read replica of this instance id (ReadReplicaSourceDBInstanceIdentifier; ReplicaLag). */
  readReplicaOf: z.string().optional(),
  /** Daily automated snapshots, newest `latestAgo` old. */
  automatedSnapshots: z
    .strictObject({
      count: z.number().int().nonnegative(),
      every: duration.prefault('24h'),
      latestAgo: duration.prefault('5h'),
    })
    .prefault({ count: 7 }),
  manualSnapshots: z.array(snapshotSchema).default([]),
  /** The master user's password (sim only: RDS never returns it). */
  masterUserPassword: z.string().min(8).max(128).default('sim-master-Passw0rd'),
  /** RDS manages the master password in Secrets Manager (ModifyDBInstance MasterUserPassword is refused). */
  manageMasterUserPassword: z.boolean().default(false),
  masterUserSecret: z
    .strictObject({
      secretArn: z.string(),
      kmsKeyId: z.string().optional(),
      status: z.enum(['creating', 'active', 'rotating', 'impaired']).default('active'),
      /**
       * RDS rotates the managed secret on its own schedule (7 days by default): a new password
       * on the database and a new AWSCURRENT, this many days after the sim starts and every
       * this many days after (default 7); 0: only when a test calls rotateManagedMasterSecret.
       */
      rotateEveryDays: z.number().nonnegative().optional(),
    })
    .optional(),
  /** Back this instance with a real PostgreSQL (seeded with these tables); absent: no server. */
  postgres: z
    .strictObject({
      tables: z.array(seedTableSchema).default([]),
      /** SQL run as the master user after the tables. */
      sql: z.string().optional(),
    })
    .optional(),
});

const ingressSchema = z.strictObject({
  protocol: z.string().default('tcp'),
  fromPort: z.number().int(),
  toPort: z.number().int(),
  cidrs: z.array(z.string()).default([]),
  ipv6Cidrs: z.array(z.string()).default([]),
});

/** A VPC security group; one an RDS instance names without declaring it admits 5432 from the VPC. */
const securityGroupSchema = z.strictObject({
  id: z.string().regex(/^sg-[0-9a-f]{8,17}$/),
  name: z.string().default('default'),
  ingress: z.array(ingressSchema).default([]),
});

const ec2InstanceSchema = z.strictObject({
  id: z.string().regex(/^i-[0-9a-f]{8,17}$/),
  tags: z.record(z.string(), z.string()).default({}),
  state: z.enum(['pending', 'running', 'stopping', 'stopped']).default('running'),
  /** Its SSM agent as Fleet Manager shows it: only Online instances take sessions. */
  ssmAgent: z.enum(['Online', 'ConnectionLost', 'none']).default('Online'),
});

const secretFixtureSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9/_+=.@!-]{1,512}$/),
  /** The 6 characters Secrets Manager appends to the ARN (`…:secret:<name>-AbCdEf`). */
  suffix: z
    .string()
    .regex(/^[A-Za-z0-9]{6}$/)
    .optional(),
  description: z.string().optional(),
  /** The AWSCURRENT value (sim only; never a real secret). */
  value: z.string().optional(),
  /** AWSCURRENT is the DATABASE_URL of this RDS instance's master user (real when backed). */
  databaseUrlOf: z.string().optional(),
  /** With databaseUrlOf: log in as this role instead of the master user. */
  databaseUser: z.strictObject({ name: z.string(), password: z.string() }).optional(),
  /** AWSCURRENT is `{"username","password"}` of this instance's master user (RDS-managed secret). */
  rdsMasterSecretOf: z.string().optional(),
  rotationEnabled: z.boolean().default(false),
  owningService: z.string().optional(),
  createdAgo: duration.prefault('200d'),
  lastChangedAgo: duration.prefault('30d'),
  lastRotatedAgo: duration.optional(),
});

const monitorSchema = z.strictObject({
  id: z.string().regex(/^\d+$/),
  name: z.string(),
  url: z.string(),
  /** Paused by a person before the run (since `pausedAgo`). */
  paused: z.boolean().default(false),
  pausedAgo: duration.prefault('2h'),
  /** What the monitor's checks find while it runs: its `status` when not paused. */
  status: z.enum(['up', 'down', 'validating', 'maintenance']).default('up'),
});

/** An incident BetterStack recorded before the sim started (a monitor's outage). */
const incidentSchema = z.strictObject({
  id: z.string().regex(/^\d+$/).optional(),
  /** The monitor that found it; absent for an incident made by hand. */
  monitorId: z.string().regex(/^\d+$/).optional(),
  name: z.string().default('Outage'),
  cause: z.string().default('Status 503'),
  startedAt: z.iso.datetime({ offset: true }),
  acknowledgedAt: z.iso.datetime({ offset: true }).optional(),
  /** Absent: still open. */
  resolvedAt: z.iso.datetime({ offset: true }).optional(),
});

/** An escalation policy: each step notifies after its wait (seconds of modelled time). */
const policySchema = z.strictObject({
  id: z.string().regex(/^\d+$/),
  name: z.string(),
  steps: z
    .array(z.strictObject({ waitBefore: z.number().int().nonnegative(), notify: z.string() }))
    .min(1),
});

/** One day of an App Runner service's metrics before the sim started. */
const metricDaySchema = z.strictObject({
  /** The service's name (ServiceName dimension). */
  service: z.string(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  requests: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative().default(0),
  p99Ms: z.number().positive(),
});

const logGroupSchema = z.strictObject({
  name: z.string().regex(/^[\w\-./#]{1,512}$/, 'not a valid log group name'),
  /** Events counted back from sim start; `stream` defaults to the group's only stream. */
  events: z
    .array(
      z.strictObject({
        ago: duration,
        message: z.string().min(1),
        stream: z.string().default('instance/0'),
      }),
    )
    .default([]),
});

export const fixtureSchema = z.strictObject({
  account: z
    .string()
    .regex(/^\d{12}$/)
    .default('123456789012'),
  region: z.string().default('eu-west-1'),
  timeScale: z.number().positive().default(1),
  /** Fault seed: the same seed gives the same faults on the same sequence of calls. */
  seed: z.number().int().default(1),
  durations: z
    .strictObject({
      deployPending: duration.prefault('15s'),
      deploy: duration.prefault('3m'),
      /**
       * The end of a successful App Runner deployment during which old and new instances both
       * answer (requests alternate), as while a load balancer drains the old ones; 0: none.
       */
      switchOver: duration.prefault(0),
      rollback: duration.prefault('2m'),
      pause: duration.prefault('1m'),
      resume: duration.prefault('1m'),
      snapshot: duration.prefault('4m'),
      maintenance: duration.prefault('5m'),
      /** A manual snapshot keeps a single-AZ instance `backing-up` this long. */
      backingUp: duration.prefault('1m'),
      /** RestoreDBInstanceFromDBSnapshot: `creating` this long, then `available`. */
      restore: duration.prefault('12m'),
      /** DeleteDBInstance: `deleting` this long, then gone. */
      deleteInstance: duration.prefault('4m'),
      /** A ModifyDBInstance MasterUserPassword stays in PendingModifiedValues this long. */
      masterPassword: duration.prefault('30s'),
      /** ModifyDBInstance NewDBInstanceIdentifier + ApplyImmediately: `renaming` this long. */
      rename: duration.prefault('2m'),
      /** A DBInstanceClass or AllocatedStorage change applied: `modifying` this long. */
      modify: duration.prefault('10m'),
      /** The reboot a class change ends with: `rebooting` this long. */
      reboot: duration.prefault('1m'),
      /** After a storage change: `storage-optimization` this long (AWS: hours, up to a day). */
      storageOptimization: duration.prefault('6h'),
    })
    .prefault({}),
  apprunner: z.strictObject({ services: z.array(serviceSchema).default([]) }).prefault({}),
  /** Amazon ECS Express Mode services (sim/ecs-fixture.ts). */
  ecs: ecsFixtureSchema,
  /** Fly.io apps and their Machines (sim/fly-fixture.ts). */
  fly: flyFixtureSchema,
  /** EC2 launch templates, Auto Scaling groups and a load balancer (sim/asg-fixture.ts). */
  asg: asgFixtureSchema,
  ecr: z
    .strictObject({
      repositories: z.array(repositorySchema).default([]),
      /**
       * Real ECR answers ImageReferencedByManifestList for a child of an index it still holds;
       * off (for a test of what a careless script does), deleting a child breaks its index.
       */
      protectIndexChildren: z.boolean().default(true),
    })
    .prefault({}),
  rds: z
    .strictObject({
      manualSnapshotQuota: z.number().int().positive().default(100),
      /** DB instances per account and region; a restore beyond it is InstanceQuotaExceeded. */
      instanceQuota: z.number().int().positive().default(40),
      instances: z.array(instanceSchema).default([]),
    })
    .prefault({}),
  ec2: z
    .strictObject({
      securityGroups: z.array(securityGroupSchema).default([]),
      /** Instances in the VPC (an SSM hop to a private database). */
      instances: z.array(ec2InstanceSchema).default([]),
    })
    .prefault({}),
  github: z
    .strictObject({
      login: z.string().default('github-actions[bot]'),
      // Commits, deployments and check runs of the past (sim/services/github-history.ts).
      ...githubHistorySchema,
    })
    .prefault({}),
  secretsmanager: z
    .strictObject({ secrets: z.array(secretFixtureSchema).default([]) })
    .prefault({}),
  betterstack: z
    .strictObject({
      token: z.string().default('sim-betterstack-token'),
      monitors: z.array(monitorSchema).default([]),
      incidents: z.array(incidentSchema).default([]),
      policies: z.array(policySchema).default([]),
      /**
       * Requests a token may make per window (real seconds) before 429 with Retry-After.
       * BetterStack publishes no figure; the default is generous, a test sets a small one.
       */
      rateLimit: z
        .strictObject({
          requests: z.number().int().positive().default(600),
          windowSeconds: z.number().int().positive().default(60),
        })
        .prefault({}),
    })
    .prefault({}),
  /** What CloudWatch metrics and CloudWatch Logs answer (sim/services/cloudwatch*.ts). */
  cloudwatch: z
    .strictObject({
      /** RDS FreeStorageSpace per DB instance id, in GiB (default 12). */
      freeStorageGiB: z.record(z.string(), z.number().nonnegative()).default({}),
      /** RDS storage used per modelled day, in GiB, per DB instance id (default 0: no growth). */
      storageGrowthGiBPerDay: z.record(z.string(), z.number().nonnegative()).default({}),
      /** RDS ReplicaLag (seconds) per read replica's id (default 0). */
      replicaLagSeconds: z.record(z.string(), z.number().nonnegative()).default({}),
      /** Modelled traffic of every App Runner service, in requests per minute. */
      requestsPerMinute: z.number().nonnegative().default(120),
      /**
       * Daily App Runner metrics before the sim started, answered to a Period of one day
       * (86400) over a range that ends before the service's first version went live.
       */
      history: z.array(metricDaySchema).default([]),
      logGroups: z.array(logGroupSchema).default([]),
    })
    .prefault({}),
});

export type Fixture = z.output<typeof fixtureSchema>;
export type FixtureInput = z.input<typeof fixtureSchema>;
export type FixtureImage = z.output<typeof imageSchema>;
export type FixtureService = z.output<typeof serviceSchema>;
export type FixtureInstance = z.output<typeof instanceSchema>;
export type FixtureSecurityGroup = z.output<typeof securityGroupSchema>;
export type ImageBehaviour = z.output<z.ZodObject<typeof behaviourFields>>;

/** How an image behaves when nothing says otherwise: the defaults of the fixture's fields. */
export const DEFAULT_BEHAVIOUR: Readonly<ImageBehaviour> = Object.freeze(
  z.strictObject(behaviourFields).parse({}),
);

/** Loads and validates a fixture; every problem is one line `path: what is wrong`. */
export function loadFixture(source: string | FixtureInput = DEFAULT_FIXTURE): Fixture {
  let data: unknown = source;
  let name = 'fixture object';
  if (typeof source === 'string') {
    name = source;
    let text: string;
    try {
      text = readFileSync(source, 'utf8');
    } catch (error) {
      throw new Error(`sim fixture ${source}: cannot read it (${(error as Error).message})`, {
        cause: error,
      });
    }
    data = parseYaml(text);
  }
  const result = fixtureSchema.safeParse(data);
  if (!result.success) {
    const lines = formatIssues(fixtureSchema, data, result.error.issues);
    throw new Error(`sim fixture ${name} is invalid:\n  - ${lines.join('\n  - ')}`);
  }
  const fixture = result.data;
  const problems: string[] = [];
  const repos = new Set(fixture.ecr.repositories.map((r) => r.name));
  fixture.apprunner.services.forEach((service, i) => {
    const repo = /^(?:[^/]+\.amazonaws\.com\/)?([^:@]+)[:@]/.exec(service.image)?.[1];
    if (!repo || !repos.has(repo))
      problems.push(
        `apprunner.services[${i}].image: ${service.image} is not in an ECR repository of the fixture (${[...repos].join(', ') || 'none'})`,
      );
  });
  if (problems.length > 0)
    throw new Error(`sim fixture ${name} is invalid:\n  - ${problems.join('\n  - ')}`);
  return fixture;
}
