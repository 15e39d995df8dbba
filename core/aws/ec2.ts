import type { EC2Client, SecurityGroup } from '@aws-sdk/client-ec2';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { awsClientConfig, type AwsClients } from './clients.js';
import { awsCall } from './call.js';

/**
 * The EC2 client is large and only the go-live gate needs it, so it is imported on first use
 * (a separate chunk in the bundles) instead of weighing down every action that loads config.
 */
async function ec2Client(aws: AwsClients, region: string): Promise<EC2Client> {
  if (!aws.ec2) {
    const { EC2Client: Client } = await import('@aws-sdk/client-ec2');
    aws.ec2 = new Client(awsClientConfig(region));
  }
  return aws.ec2;
}

export async function describeSecurityGroups(
  aws: AwsClients,
  region: string,
  groupIds: readonly string[],
  deps: { clock: Clock; logger: Logger },
): Promise<SecurityGroup[]> {
  if (groupIds.length === 0) return [];
  const client = await ec2Client(aws, region);
  const { DescribeSecurityGroupsCommand } = await import('@aws-sdk/client-ec2');
  const out = await awsCall(
    'DescribeSecurityGroups',
    () => client.send(new DescribeSecurityGroupsCommand({ GroupIds: [...groupIds] })),
    deps,
  );
  return out.SecurityGroups ?? [];
}
