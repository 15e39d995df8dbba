/** A check context whose AWS clients and GitHub talk to a sim (not a test file itself). */
import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import type { RunInfo } from '../../core/action/github-context.js';
import type { AwsClients } from '../../core/aws/clients.js';
import type { SharedCheckContext } from '../../core/checks/run-checks.js';
import type { CheckSecrets } from '../../core/checks/types.js';
import { parseConfig } from '../../core/config/load.js';
import { environmentSchema, type EnvironmentConfig } from '../../core/config/schema.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import type { SimHandle } from '../../sim/index.js';

export const SIM_GITHUB_TOKEN = 'ghs_simulatedtoken0000000000000000000000';

export function simClients(sim: SimHandle): AwsClients {
  const config = sim.clientConfig({ maxAttempts: 1 });
  return {
    appRunner: new AppRunnerClient(config),
    ecr: new ECRClient(config),
    rds: new RDSClient(config),
    sts: new STSClient(config),
    cloudWatch: new CloudWatchClient(config),
    cloudWatchLogs: new CloudWatchLogsClient(config),
    secretsManager: new SecretsManagerClient(config),
  };
}

export function simRunInfo(sim: SimHandle): RunInfo {
  return {
    repository: 'acme/drop',
    sha: '3f9c2ab000000000000000000000000000000000',
    sha7: '3f9c2ab',
    ref: 'refs/heads/main',
    actor: 'ops-bot',
    runId: '4242',
    runAttempt: '1',
    job: 'test',
    serverUrl: 'https://github.com',
    apiUrl: sim.env['GITHUB_API_URL']!,
    runUrl: 'https://github.com/acme/drop/actions/runs/4242',
  };
}

/**
 * A context without a sim: an App Runner environment holding only `env`, no AWS clients but
 * those given. For checks that read a database or nothing at all.
 */
export function bareCheckContext(
  options: {
    env?: Partial<EnvironmentConfig>;
    aws?: Partial<AwsClients>;
    secrets?: CheckSecrets;
  } = {},
): SharedCheckContext & { logger: ReturnType<typeof recordingLogger> } {
  const arn =
    'arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/0123456789abcdef0123456789abcdef';
  return {
    environment: 'production',
    env: {
      'service-arn': arn,
      target: { kind: 'app-runner', 'service-arn': arn },
      ...options.env,
    } as EnvironmentConfig,
    aws: (options.aws ?? {}) as AwsClients,
    secrets: options.secrets ?? {},
    run: undefined,
    clock: systemClock,
    logger: recordingLogger(),
  };
}

/** A minimal environment on a sim service (region, ARN, repository; health is required). */
export function simEnvironment(
  sim: SimHandle,
  serviceArn: string,
  extra: Record<string, unknown> = {},
): EnvironmentConfig {
  return environmentSchema.parse({
    region: sim.region,
    'service-arn': serviceArn,
    'ecr-repository': 'drop-web',
    health: {
      'base-url': 'https://drop.example.com',
      checks: [{ name: 'api', path: '/api/health' }],
    },
    ...extra,
  });
}

export function simCheckContext(
  sim: SimHandle,
  options: {
    env: EnvironmentConfig;
    environment?: string;
    environments?: Record<string, EnvironmentConfig>;
    secrets?: CheckSecrets;
    clients?: AwsClients;
  },
): SharedCheckContext & { logger: ReturnType<typeof recordingLogger> } {
  return {
    environment: options.environment ?? 'production',
    env: options.env,
    environments: options.environments,
    aws: options.clients ?? simClients(sim),
    secrets: options.secrets ?? { githubToken: SIM_GITHUB_TOKEN },
    run: simRunInfo(sim),
    clock: systemClock,
    logger: recordingLogger(),
  };
}

/** A context for the environment `production` of `configText`, against the sim. */
export function simConfigCheckContext(
  sim: SimHandle,
  configText: string,
  secrets: CheckSecrets = {},
): SharedCheckContext & { logger: ReturnType<typeof recordingLogger> } {
  const config = parseConfig(configText, 'apprunner-ops.yml');
  const env = config.environments['production'];
  if (!env) throw new Error('the test config has no production environment');
  return {
    environment: 'production',
    env,
    aws: simClients(sim),
    secrets,
    run: undefined,
    clock: systemClock,
    logger: recordingLogger(),
  };
}
