import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';

export interface AwsClients {
  appRunner: AppRunnerClient;
  ecr: ECRClient;
  rds: RDSClient;
  sts: STSClient;
  /** Only the gate reads EC2 (a 1 MB client): made on first use, see core/aws/ec2.ts. */
  ec2?: EC2Client;
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
  };
}
