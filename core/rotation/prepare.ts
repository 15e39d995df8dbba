import type { RunInfo } from '../action/github-context.js';
import {
  createAwsClients,
  DEFAULT_AWS_REQUEST_TIMEOUT_MS,
  type AwsClients,
} from '../aws/clients.js';
import { targetOf } from '../targets/create.js';
import { SecretsStore } from '../aws/secrets-manager.js';
import { loadConfig, selectEnvironment } from '../config/load.js';
import { openDatabaseAccess, preflightDatabases } from '../database/access.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { RdsMasterPassword } from './database.js';
import type { RotationContext, RotationTiming } from './rotate.js';
import { selectSecrets, type RotationRequest } from './run.js';
import { secretForms } from './values.js';

/** What a run does with a rotation it finds unfinished (AWSPENDING, or not yet deployed). */
export const UNFINISHED_MODES = ['stop', 'resume'] as const;
export type UnfinishedMode = (typeof UNFINISHED_MODES)[number];

export interface RotateInputs extends RotationRequest {
  config: string;
  environment: string;
  githubToken: string | undefined;
  timing: RotationTiming;
  unfinished: UnfinishedMode;
  /**
   * The Fly.io API token of an environment on Fly (the `fly-api-token` input): the rotation's
   * redeploy restarts its machines, which read the app's secrets when they start.
   */
  flyApiToken?: string | undefined;
}

/**
 * Loads the configuration and checks the request against it before the first AWS call: an
 * unknown secret, an external one, or a database kind without a database changes nothing.
 */
export async function prepareRotation(
  inputs: RotateInputs,
  deps: {
    run: RunInfo;
    clock: Clock;
    logger: Logger;
    clients?: AwsClients;
    /** The runner's mask (the command line prints no values, so it has none). */
    mask?: (value: string) => void;
    /** The runner's saveState: the post step ends database sessions a cancelled run left. */
    saveState?: (name: string, value: string) => void;
  },
): Promise<RotationContext> {
  const config = await loadConfig(inputs.config);
  const env = selectEnvironment(config, inputs.environment, inputs.config);
  selectSecrets(inputs, env.secrets ?? [], inputs.environment, env.database !== undefined);
  const clients = deps.clients ?? createAwsClients(env.region);
  const callDeps = { clock: deps.clock, logger: deps.logger };
  const databaseAccess = await openDatabaseAccess(
    env,
    { environment: inputs.environment, configFile: inputs.config },
    { ...callDeps, clients, ...(deps.saveState ? { saveState: deps.saveState } : {}) },
  );
  if (inputs.auditDatabaseUrl)
    await preflightDatabases(
      databaseAccess,
      [{ url: inputs.auditDatabaseUrl, what: 'the audit database (audit-database-url)' }],
      deps.logger,
    );
  const runnerMask = deps.mask;
  // Every form of a value (a URL's password, a JSON's password) is masked, not just the whole.
  const mask = (value: string): void => {
    if (runnerMask) for (const form of secretForms(value)) runnerMask(form);
  };
  return {
    environment: inputs.environment,
    env,
    secrets: new SecretsStore(clients.secretsManager, { ...callDeps, mask }),
    target: await targetOf(
      env,
      clients,
      callDeps,
      { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS },
      { flyApiToken: inputs.flyApiToken },
    ),
    rds: env.database
      ? new RdsMasterPassword(clients.rds, env.database.instance, callDeps)
      : undefined,
    run: deps.run,
    timing: inputs.timing,
    clock: deps.clock,
    logger: deps.logger,
    unfinished: inputs.unfinished,
    mask,
    databaseAccess,
  };
}
