/**
 * A sim for secret rotation: the Drop fixture with drop-db backed by a real PostgreSQL, the
 * service's secrets in Secrets Manager (JWT_SECRET, its previous key, DATABASE_URL), an app
 * role for the alternating-users kind, and a configuration listing them. Shared by the
 * rotate-secret bundle tests, the fault tests and the rotate rehearsal.
 */
import { AppRunnerClient, UpdateServiceCommand } from '@aws-sdk/client-apprunner';
import { loadFixture, type Fixture, type SimHandle, type StartSimOptions } from './index.js';
import { environmentYaml, startDeployWorld, type DeployWorld } from './deploy-world.js';
import { DROP_TABLES, withPostgres } from './rds-postgres.js';
import { runActionBundle, type ActionRun } from './run-action.js';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:';
const DAY = 86_400_000;

export interface RotationWorldOptions {
  /** The service's DATABASE_URL logs in as the app role drop_app (kind database-user). */
  appUser?: boolean;
  /** drop-db manages its master password in Secrets Manager. */
  managedMaster?: boolean;
  timeScale?: number;
  /** Seeds drop/production/database-credentials: {"username","password"} of the master user. */
  credentialsSecret?: boolean;
  /** Replaces the configuration's `secrets:` block (YAML under `    secrets:`). */
  secretsYaml?: string;
  /**
   * The App Runner service stays configured by tag (as the fixture has it). Without this it is
   * configured by the digest it runs, as every deploy by the suite leaves it: App Runner does
   * not report which digest a tag-configured service pulled, so a rotation refuses to redeploy
   * one.
   */
  byTag?: boolean;
  /** The environment's target is an ECS Express copy of the service (same image, by tag). */
  ecs?: boolean;
  /** Replaces the configuration's `database:` block (YAML under `    database:`). */
  databaseYaml?: string;
  /** Instances in the VPC (fixture ec2.instances), e.g. the SSM hop to a private database. */
  ec2Instances?: Fixture['ec2']['instances'];
  /**
   * JWT_SECRET rotates in two phases: drop/production/jwt-secret-next (`next-secret-id`) is
   * seeded and the service reads it as JWT_SECRET_NEXT, a key it accepts but never signs with.
   */
  nextKey?: boolean;
  /** App Runner deployments end with old and new instances both answering this long (modelled ms). */
  switchOver?: number;
  /** How long RDS takes to apply a master password (modelled ms; the fixture's default 30 s). */
  masterPasswordApply?: number;
}

export const ROTATION_ECS_ARN = 'arn:aws:ecs:eu-west-1:123456789012:service/default/drop-web';

export const ROTATION_SECRETS_YAML = `      - name: JWT_SECRET
        secret-id: drop/production/jwt-secret
        kind: random
        length: 48
        rotate-every-days: 30
        previous-secret-id: drop/production/jwt-secret-previous
        grace-days: 7
      - name: DATABASE_URL
        secret-id: drop/production/database-url
        database-url-secret-id: drop/production/database-url
        kind: rds-master-password
        length: 32
        rotate-every-days: 90
      - name: BANKID_CLIENT_SECRET
        secret-id: drop/production/bankid-client-secret
        kind: external
        rotate-every-days: 365
`;

/** DATABASE_URL rebuilt from the RDS-managed master secret (kind rds-managed). */
export const MANAGED_SECRETS_YAML = `      - name: DATABASE_URL
        secret-id: drop/production/database-url
        database-url-secret-id: drop/production/database-url
        kind: rds-managed
        rotate-every-days: 7
`;

export const APP_USER_SECRETS_YAML = `      - name: DATABASE_URL
        secret-id: drop/production/app-database-url
        database-url-secret-id: drop/production/app-database-url
        admin-secret-id: drop/production/database-admin-url
        kind: database-user
        length: 32
        rotate-every-days: 30
`;

/** The JWT_SECRET entry with next-secret-id: its rotation has two phases. */
export const withNextKey = (secretsYaml: string): string =>
  secretsYaml.replace(
    /( +)previous-secret-id: drop\/production\/jwt-secret-previous\n/,
    (line, indent: string) => `${line}${indent}next-secret-id: drop/production/jwt-secret-next\n`,
  );

export function rotationFixture(options: RotationWorldOptions = {}): Fixture {
  const fixture = withPostgres(loadFixture(), DROP_TABLES);
  if (options.ec2Instances) fixture.ec2.instances = structuredClone(options.ec2Instances);
  if (options.switchOver !== undefined) fixture.durations.switchOver = options.switchOver;
  if (options.masterPasswordApply !== undefined)
    fixture.durations.masterPassword = options.masterPasswordApply;
  const db = fixture.rds.instances[0]!;
  db.postgres = {
    tables: DROP_TABLES,
    sql: `CREATE ROLE drop_app LOGIN PASSWORD 'app-Initial-Passw0rd';
          GRANT USAGE ON SCHEMA public TO drop_app;
          GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO drop_app;
          GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO drop_app;`,
  };
  if (options.managedMaster) {
    db.manageMasterUserPassword = true;
    db.masterUserSecret = { secretArn: `${ARN}rds!db-0a1b2c3d-MaNaGd`, status: 'active' };
  }
  const seed = (name: string, rest: Record<string, unknown>): void => {
    fixture.secretsmanager.secrets.push({
      name,
      rotationEnabled: false,
      createdAgo: 400 * DAY,
      lastChangedAgo: 100 * DAY,
      ...rest,
    } as Fixture['secretsmanager']['secrets'][number]);
  };
  seed('drop/production/jwt-secret', {
    suffix: 'JwTsEc',
    value: 'sim-old-jwt-secret-value-0123456789abcdef',
  });
  seed('drop/production/jwt-secret-previous', {
    suffix: 'JwTpRv',
    value: 'sim-older-jwt-secret-value',
  });
  if (options.nextKey)
    seed('drop/production/jwt-secret-next', {
      suffix: 'JwTnXt',
      value: 'sim-old-jwt-secret-value-0123456789abcdef',
    });
  seed('drop/production/database-url', { suffix: 'AbCdEf', databaseUrlOf: 'drop-db' });
  seed('drop/production/database-admin-url', { suffix: 'AdMiNu', databaseUrlOf: 'drop-db' });
  seed('drop/production/app-database-url', {
    suffix: 'ApPdBu',
    databaseUrlOf: 'drop-db',
    databaseUser: { name: 'drop_app', password: 'app-Initial-Passw0rd' },
  });
  seed('drop/production/bankid-client-secret', {
    suffix: 'BaNkId',
    value: 'sim-bankid-secret',
    lastChangedAgo: 400 * DAY,
  });
  if (options.credentialsSecret)
    seed('drop/production/database-credentials', {
      suffix: 'CrEdEn',
      rdsMasterSecretOf: 'drop-db',
    });
  if (options.managedMaster)
    seed('rds!db-0a1b2c3d', {
      suffix: 'MaNaGd',
      rdsMasterSecretOf: 'drop-db',
      owningService: 'rds',
      rotationEnabled: true,
    });
  const service = fixture.apprunner.services[0]!;
  service.secrets = {
    DATABASE_URL: `${ARN}drop/production/${options.appUser ? 'app-database-url-ApPdBu' : 'database-url-AbCdEf'}`,
    JWT_SECRET: `${ARN}drop/production/jwt-secret-JwTsEc`,
    JWT_SECRET_PREVIOUS: `${ARN}drop/production/jwt-secret-previous-JwTpRv`,
    ...(options.nextKey ? { JWT_SECRET_NEXT: `${ARN}drop/production/jwt-secret-next-JwTnXt` } : {}),
  };
  if (options.ecs) {
    const app = service as typeof service & {
      env?: Record<string, string>;
      port?: string | number;
    };
    fixture.ecs = {
      ...fixture.ecs,
      services: [
        {
          name: 'drop-web',
          cluster: 'default',
          image: 'drop-web:v1.4.2',
          port: Number(app.port ?? 3000),
          env: app.env ?? {},
          secrets: service.secrets,
          executionRoleArn: 'arn:aws:iam::123456789012:role/drop-web-ecs-execution',
          taskRoleArn: 'arn:aws:iam::123456789012:role/drop-web-task',
          healthCheckPath: '/',
        },
      ],
    } as Fixture['ecs'];
  }
  return fixture;
}

export interface RotationWorld extends DeployWorld {
  /** Runs the rotate-secret bundle with the world's defaults (fast polls, sim webhooks). */
  rotate(
    inputs: Record<string, string>,
    extra?: {
      killOn?: RegExp;
      /** SIGKILL the run (a lost runner) this long (real ms) after it started. */
      killAfterMs?: number;
      /** Cancel the main step (SIGINT) when the output matches; the post step runs. */
      cancelOn?: RegExp;
      echo?: (line: string) => void;
      runId?: string;
    },
  ): Promise<ActionRun>;
}

export async function startRotationWorld(
  options: RotationWorldOptions = {},
  simOptions: StartSimOptions = {},
): Promise<RotationWorld> {
  const world = await startDeployWorld(
    { timeScale: options.timeScale ?? 0.005, ...simOptions, fixture: rotationFixture(options) },
    (sim) => {
      const arn = sim.services()[0]!.arn;
      let environment = environmentYaml(
        sim,
        'production',
        arn,
        options.databaseYaml ? { database: options.databaseYaml } : {},
      );
      if (options.ecs)
        environment = environment
          .replace(
            /service-arn: .*/,
            `target: { kind: ecs-express, service-arn: ${ROTATION_ECS_ARN} }`,
          )
          .replace(/base-url: .*/, `base-url: ${sim.ecs.service('drop-web').url}`);
      const secrets =
        options.secretsYaml ?? (options.appUser ? APP_USER_SECRETS_YAML : ROTATION_SECRETS_YAML);
      return `version: 1\nenvironments:\n${environment}    secrets:\n${
        options.nextKey ? withNextKey(secrets) : secrets
      }`;
    },
  );
  if (!options.byTag) await pinServiceByDigest(world.sim, world.serviceArn);
  return {
    ...world,
    rotate: (inputs, extra = {}) =>
      runActionBundle({
        action: 'rotate-secret',
        cwd: world.workspace,
        env: {
          ...world.env,
          // A full 40-character commit SHA, so the commit status lands.
          GITHUB_SHA: 'abc1234def567890000000000000000000000000',
          ...(extra.runId ? { GITHUB_RUN_ID: extra.runId } : {}),
        },
        inputs: {
          config: 'apprunner-ops.yml',
          environment: 'production',
          reason: 'scheduled rotation',
          'poll-interval': '100ms',
          'verify-timeout': '5s',
          'login-timeout': '2s',
          'password-timeout': '30s',
          'github-token': 'ghs_simtoken',
          'slack-webhook-url': world.sim.env['SIM_SLACK_WEBHOOK_URL'] as string,
          'audit-database-url': world.sim.database('drop-db').adminUrl,
          ...inputs,
        },
        ...(extra.killOn ? { killOn: extra.killOn } : {}),
        ...(extra.killAfterMs !== undefined ? { killAfterMs: extra.killAfterMs } : {}),
        ...(extra.cancelOn ? { cancelOn: extra.cancelOn } : {}),
        ...(extra.echo ? { echo: extra.echo } : {}),
      }),
  };
}

/**
 * As a deploy by the suite leaves a service: UpdateService to the digest it runs, followed to
 * its end (a rotation's redeploy refuses an App Runner service that runs by tag, since App
 * Runner does not say which digest the tag pulled). The calls are cleared afterwards.
 */
export async function pinServiceByDigest(sim: SimHandle, serviceArn: string): Promise<void> {
  const service = sim.service(serviceArn);
  const source = service.sourceConfiguration as {
    ImageRepository: { ImageIdentifier: string };
  };
  source.ImageRepository.ImageIdentifier = source.ImageRepository.ImageIdentifier.replace(
    /:[^:/@]+$/,
    `@${service.running.digest}`,
  );
  const client = new AppRunnerClient(sim.clientConfig({ maxAttempts: 1 }));
  try {
    await client.send(
      new UpdateServiceCommand({ ServiceArn: serviceArn, SourceConfiguration: source as never }),
    );
  } finally {
    client.destroy();
  }
  sim.advance(sim.scaled(10 * 60_000));
  const pinned = sim.service(serviceArn);
  if (
    pinned.status !== 'RUNNING' ||
    pinned.running.identifier !== source.ImageRepository.ImageIdentifier
  )
    throw new Error(`pinning ${serviceArn} by digest did not finish (${pinned.status})`);
  sim.clearCalls();
}
