import type { RunInfo } from '../action/github-context.js';
import { assertAccount } from '../aws/account.js';
import type { AwsCallDeps } from '../aws/call.js';
import { createAwsClients, type AwsClients } from '../aws/clients.js';
import { EcrRepository } from '../aws/ecr.js';
import type { EcrLocation } from '../aws/image-ref.js';
import { RdsInstance } from '../aws/rds.js';
import { targetOf } from '../targets/create.js';
import type { DeployTarget } from '../targets/target.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { GitHubDeployments } from '../github/deployments.js';
import { betterStackApiUrl, BetterStackMonitors } from '../notify/betterstack.js';
import type { Clock } from '../util/clock.js';
import { parseDuration } from '../util/duration.js';
import type { Logger } from '../util/logger.js';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Where to keep what a post step must undo if the main step is cancelled. */
export interface RunState {
  save(name: string, value: string): void;
}

export interface Timing {
  /** Deadline for the platform's deployment, and for a busy service to become updatable. */
  operationTimeoutMs: number;
  pollIntervalMs: number;
  verifyTimeoutMs: number;
  /**
   * Failed checks in a row, once the new version is known to serve, that end verification
   * before verifyTimeoutMs (core/health/failure-limit.ts); absent: only the deadline ends it.
   */
  verifyFailureLimit?: number;
  snapshotTimeoutMs: number;
  /** Each AWS request's own deadline. */
  awsRequestTimeoutMs: number;
}

/** Everything a deploy or rollback talks to, built once after every input was validated. */
export interface OpsContext {
  environment: string;
  /** Preflight: the credentials belong to the service's account. */
  checkAccount(): Promise<void>;
  env: EnvironmentConfig;
  /** The platform the service runs on (core/targets/): the stages ask it and never name it. */
  target: DeployTarget;
  ecr: EcrRepository;
  /** Preflight reads the labels of the secrets the service reads (an unfinished rotation). */
  secretsManager: SecretsManagerClient;
  /** Present when the configuration names a database. */
  rds: RdsInstance | undefined;
  github: GitHubDeployments | undefined;
  /** The same GitHub access, recording deployments of another commit (a rollback's target). */
  githubAt(sha: string): GitHubDeployments | undefined;
  /** The maintenance window's monitors and length (`maintenance.window`). */
  monitors: { client: BetterStackMonitors; ids: string[]; windowMs: number } | undefined;
  slackWebhookUrl: string | undefined;
  auditDatabaseUrl: string | undefined;
  run: RunInfo;
  timing: Timing;
  clock: Clock;
  logger: Logger;
  state: RunState;
}

/** The secrets a run is given as inputs: each absent when not given. */
export interface OpsSecrets {
  githubToken: string | undefined;
  slackWebhookUrl: string | undefined;
  betterstackToken: string | undefined;
  /**
   * The Fly.io API token of an environment on Fly (the `fly-api-token` input; else
   * FLY_API_TOKEN, as flyctl reads it).
   */
  flyApiToken?: string | undefined;
  auditDatabaseUrl: string | undefined;
}

export interface OpsOptions extends OpsSecrets {
  environment: string;
  configPath: string;
  env: EnvironmentConfig;
  run: RunInfo;
  timing: Omit<Timing, 'snapshotTimeoutMs'>;
  clock: Clock;
  logger: Logger;
  state: RunState;
  clients?: AwsClients;
}

export function ecrLocation(env: EnvironmentConfig): EcrLocation {
  const account = env['service-arn'].split(':')[4] as string;
  return {
    registryId: env['ecr-registry-id'] ?? account,
    region: env.region,
    repository: env['ecr-repository'],
  };
}

export async function createOpsContext(options: OpsOptions): Promise<OpsContext> {
  const { env, clock, logger } = options;
  // A call is retried (after a throttle, a 5xx or a hung request) within the action's timeout.
  const deps: AwsCallDeps = { clock, logger, retryBudgetMs: options.timing.operationTimeoutMs };
  const clients =
    options.clients ??
    createAwsClients(env.region, { requestTimeoutMs: options.timing.awsRequestTimeoutMs });
  const maintenance = env.maintenance;
  const ecr = new EcrRepository(clients.ecr, ecrLocation(env), deps);
  const target = await targetOf(
    env,
    clients,
    deps,
    { requestTimeoutMs: options.timing.awsRequestTimeoutMs },
    { flyApiToken: options.flyApiToken },
  );
  const token = options.githubToken;
  function githubAt(sha: string): GitHubDeployments | undefined {
    return token
      ? new GitHubDeployments(
          {
            apiUrl: options.run.apiUrl,
            token,
            repository: options.run.repository,
            serverUrl: options.run.serverUrl,
            runId: options.run.runId,
            runAttempt: options.run.runAttempt,
            job: options.run.job,
            sha,
            ref: options.run.ref,
            actor: options.run.actor,
          },
          { clock, logger },
        )
      : undefined;
  }
  return {
    environment: options.environment,
    // A target outside AWS has no account to compare the credentials with.
    checkAccount: async () =>
      env['service-arn'].startsWith('arn:')
        ? assertAccount(
            clients.sts,
            env['service-arn'],
            options.configPath,
            options.environment,
            deps,
          )
        : undefined,
    env,
    target,
    ecr,
    secretsManager: clients.secretsManager,
    rds: env.database ? new RdsInstance(clients.rds, env.database.instance, deps) : undefined,
    github: githubAt(options.run.sha),
    githubAt,
    monitors:
      options.betterstackToken && maintenance
        ? {
            client: new BetterStackMonitors(betterStackApiUrl(), options.betterstackToken, {
              clock,
              logger,
            }),
            ids: maintenance['monitor-ids'],
            windowMs: parseDuration(maintenance.window) ?? 1_800_000,
          }
        : undefined,
    slackWebhookUrl: options.slackWebhookUrl,
    auditDatabaseUrl: options.auditDatabaseUrl,
    run: options.run,
    timing: {
      ...options.timing,
      snapshotTimeoutMs: parseDuration(env.database?.['snapshot-timeout'] ?? '30m') ?? 1_800_000,
    },
    clock,
    logger,
    state: options.state,
  };
}
