import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { ConfigError } from '../util/errors.js';
import { awsCall, type AwsCallDeps } from './call.js';

/**
 * The credentials must belong to the account of the service: a workflow that assumed the
 * staging role for production would otherwise fail later with a confusing "not found".
 */
export async function assertAccount(
  sts: STSClient,
  serviceArn: string,
  configPath: string,
  environment: string,
  deps: AwsCallDeps,
): Promise<void> {
  const expected = serviceArn.split(':')[4];
  const identity = await awsCall(
    'GetCallerIdentity',
    () => sts.send(new GetCallerIdentityCommand({})),
    deps,
  );
  if (identity.Account && identity.Account !== expected) {
    throw new ConfigError(configPath, [
      `environments.${environment}.service-arn is in account ${expected}, but the AWS credentials are for account ${identity.Account} (${identity.Arn ?? 'unknown principal'}); assume the role of the service's account`,
    ]);
  }
}
