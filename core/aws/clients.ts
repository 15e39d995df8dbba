import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import { ECRClient } from '@aws-sdk/client-ecr';
import { RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';

export interface AwsClients {
  appRunner: AppRunnerClient;
  ecr: ECRClient;
  rds: RDSClient;
  sts: STSClient;
  secretsManager: SecretsManagerClient;
}

/**
 * SDK clients for one region. Credentials and endpoints come from the environment as usual
 * (configure-aws-credentials on GitHub; AWS_ENDPOINT_URL_* for the local sim). maxAttempts 1:
 * retries are ours (awsCall), so every retry is logged and bounded in one place.
 */
export function createAwsClients(region: string): AwsClients {
  const config = { region, maxAttempts: 1 };
  return {
    appRunner: new AppRunnerClient(config),
    ecr: new ECRClient(config),
    rds: new RDSClient(config),
    sts: new STSClient(config),
    secretsManager: new SecretsManagerClient(config),
  };
}
