/** A check context whose AWS clients talk to the sim (not a test file itself). */
import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ECRClient } from '@aws-sdk/client-ecr';
import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsClients } from '../../core/aws/clients.js';
import type { SharedCheckContext } from '../../core/checks/run-checks.js';
import type { CheckSecrets } from '../../core/checks/types.js';
import { parseConfig } from '../../core/config/load.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import type { SimHandle } from '../../sim/index.js';

export function simClients(sim: SimHandle): AwsClients {
  const config = sim.clientConfig({ maxAttempts: 1 });
  return {
    appRunner: new AppRunnerClient(config),
    ecr: new ECRClient(config),
    rds: new RDSClient(config),
    sts: new STSClient(config),
    cloudWatch: new CloudWatchClient(config),
    cloudWatchLogs: new CloudWatchLogsClient(config),
  };
}

/** A context for the environment `production` of `configText`, against the sim. */
export function simCheckContext(
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
