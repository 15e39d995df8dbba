import type { RunInfo } from '../action/github-context.js';
import { warnMissingSecrets } from '../action/missing-secrets.js';
import type { AwsClients } from '../aws/clients.js';
import { parseImageRef, type ImageRef } from '../aws/image-ref.js';
import { loadConfig, selectEnvironment } from '../config/load.js';
import { openDatabaseAccess, preflightDatabases } from '../database/access.js';
import type { Clock } from '../util/clock.js';
import { InputError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import {
  createOpsContext,
  ecrLocation,
  type OpsContext,
  type OpsSecrets,
  type RunState,
} from './context.js';

/** Inputs shared by deploy and rollback, already typed and validated one by one. */
export interface OpsInputs extends OpsSecrets {
  config: string;
  environment: string;
  timeoutMs: number;
  pollIntervalMs: number;
  verifyTimeoutMs: number;
  /** Failed checks in a row, once the new version serves, that end verification early. */
  verifyFailureLimit: number;
  /** Each AWS request's own deadline (a hung connection is dropped and retried). */
  awsRequestTimeoutMs: number;
  /** A rollback's down migration: it reaches the database at DATABASE_URL of the step's env. */
  downMigrationCommand?: string | undefined;
}

export interface PrepareDeps {
  run: RunInfo;
  clock: Clock;
  logger: Logger;
  state: RunState;
  clients?: AwsClients;
}

/**
 * Loads the configuration and builds the context. Everything here is checked before the
 * first AWS call, so a bad input or config changes nothing.
 */
export async function prepareOps(inputs: OpsInputs, deps: PrepareDeps): Promise<OpsContext> {
  const config = await loadConfig(inputs.config);
  const env = selectEnvironment(config, inputs.environment, inputs.config);
  const at = `environments.${inputs.environment}`;
  warnMissingSecrets(
    [
      {
        input: 'slack-webhook-url',
        enabledBy: env.notify?.slack ? `${at}.notify.slack` : undefined,
        feature: 'the Slack message',
        given: inputs.slackWebhookUrl !== undefined,
      },
      {
        input: 'betterstack-token',
        enabledBy: env.maintenance ? `${at}.maintenance` : undefined,
        feature: 'pausing the BetterStack monitors',
        given: inputs.betterstackToken !== undefined,
      },
    ],
    deps.logger,
  );
  // Before the first AWS call that changes anything: the database answers along its route.
  const access = await openDatabaseAccess(
    env,
    { environment: inputs.environment, configFile: inputs.config },
    {
      clock: deps.clock,
      logger: deps.logger,
      saveState: (name, value) => deps.state.save(name, value),
      ...(deps.clients ? { clients: deps.clients } : {}),
    },
  );
  await preflightDatabases(
    access,
    [
      { url: inputs.auditDatabaseUrl, what: 'the audit database (audit-database-url)' },
      {
        url: inputs.downMigrationCommand ? process.env['DATABASE_URL'] : undefined,
        what: 'the database of the down migration (DATABASE_URL)',
      },
    ],
    deps.logger,
  );
  if (inputs.betterstackToken && !env.maintenance) {
    deps.logger.warning(
      `betterstack-token is set but environments.${inputs.environment}.maintenance is not configured: no maintenance window will be opened`,
    );
  }
  return createOpsContext({
    environment: inputs.environment,
    configPath: inputs.config,
    env,
    run: deps.run,
    githubToken: inputs.githubToken,
    slackWebhookUrl: inputs.slackWebhookUrl,
    betterstackToken: inputs.betterstackToken,
    flyApiToken: inputs.flyApiToken,
    auditDatabaseUrl: inputs.auditDatabaseUrl,
    timing: {
      operationTimeoutMs: inputs.timeoutMs,
      pollIntervalMs: inputs.pollIntervalMs,
      verifyTimeoutMs: inputs.verifyTimeoutMs,
      verifyFailureLimit: inputs.verifyFailureLimit,
      awsRequestTimeoutMs: inputs.awsRequestTimeoutMs,
    },
    clock: deps.clock,
    logger: deps.logger,
    state: deps.state,
    ...(deps.clients ? { clients: deps.clients } : {}),
  });
}

/** The image to deploy: the input, or the commit's short SHA as a tag. */
export function deployImageRef(ctx: OpsContext, image: string | undefined): ImageRef {
  const text = image ?? ctx.run.sha7;
  if (!text)
    throw new InputError(
      'image',
      'is required when the commit SHA is unknown (GITHUB_SHA is not set)',
    );
  return parseImageRef(text, 'image', ecrLocation(ctx.env));
}
