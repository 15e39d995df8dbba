import type { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { RDSClient } from '@aws-sdk/client-rds';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface AwsClients {
  appRunner: AppRunnerClient;
  ecr: ECRClient;
  rds: RDSClient;
  sts: STSClient;
  cloudWatch: CloudWatchClient;
  cloudWatchLogs: CloudWatchLogsClient;
  /** Only the gate reads EC2 (a 1 MB client): made on first use, see core/aws/ec2.ts. */
  ec2?: EC2Client;
  secretsManager: SecretsManagerClient;
  /** Only an ECS Express environment talks to ECS: made by core/targets/ for those. */
  ecs?: ECSClient;
  /** Only an asg environment talks to Auto Scaling and ELB: made by core/targets/ for those. */
  asg?: AsgClients;
}

/** Per-request limits: one hung connection must not outlast every deadline. */
export interface AwsRequestLimits {
  /** From sending the request to the whole answer; the call then fails with TimeoutError. */
  requestTimeoutMs: number;
}

export const DEFAULT_AWS_REQUEST_TIMEOUT_MS = 30_000;

export interface AwsClientConfig {
  region: string;
  maxAttempts: number;
  requestHandler: NodeHttpHandler;
}

/** How every SDK client of the suite is made (see createAwsClients); one handler per client. */
export function awsClientConfig(
  region: string,
  limits: AwsRequestLimits = { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS },
): AwsClientConfig {
  return {
    region,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({
      requestTimeout: limits.requestTimeoutMs,
      connectionTimeout: Math.min(limits.requestTimeoutMs, 10_000),
      throwOnRequestTimeout: true,
    }),
  };
}

/**
 * The CloudWatch client of a target: the one it was given, else one for the region its ARN
 * names (arn:aws:<service>:<region>:…), where its metrics are.
 */
export function cloudWatchForArn(arn: string, given?: CloudWatchClient): CloudWatchClient {
  return given ?? new CloudWatchClient(awsClientConfig(arn.split(':')[3] ?? ''));
}

/**
 * SDK clients for one region. Credentials and endpoints come from the environment as usual
 * (configure-aws-credentials on GitHub; AWS_ENDPOINT_URL_* for the local sim). maxAttempts 1:
 * retries are ours (awsCall), so every retry is logged and bounded in one place.
 *
 * @smithy/node-http-handler only logs a warning when `requestTimeout` passes unless
 * `throwOnRequestTimeout` is set (checked in 4.14: it then destroys the request and rejects
 * with TimeoutError / ETIMEDOUT, which awsCall retries).
 */
export function createAwsClients(
  region: string,
  limits: AwsRequestLimits = { requestTimeoutMs: DEFAULT_AWS_REQUEST_TIMEOUT_MS },
): AwsClients {
  const config = (): AwsClientConfig => awsClientConfig(region, limits);
  return {
    appRunner: new AppRunnerClient(config()),
    ecr: new ECRClient(config()),
    rds: new RDSClient(config()),
    sts: new STSClient(config()),
    cloudWatch: new CloudWatchClient(config()),
    cloudWatchLogs: new CloudWatchLogsClient(config()),
    secretsManager: new SecretsManagerClient(config()),
  };
}

/** The clients of an EC2 Auto Scaling environment (made by core/aws/asg-clients.ts). */
export interface AsgClients {
  autoScaling: AutoScalingClient;
  elb: ElasticLoadBalancingV2Client;
  /**
   * EC2 (its launch templates), made on first use: the EC2 client is the largest module of
   * the SDK (a fifth of a bundle's start-up), and a bundle imports it only when a run reaches
   * a launch template (a separate chunk, as core/aws/ec2.ts does for the gate).
   */
  ec2: () => Promise<EC2Client>;
  cloudWatch?: CloudWatchClient;
}
