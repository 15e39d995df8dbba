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

/** Running instances carrying the tag `key` = `value` (the SSM hop of a private database). */
export async function runningInstancesTagged(
  aws: AwsClients,
  region: string,
  tag: { key: string; value: string },
  deps: { clock: Clock; logger: Logger },
): Promise<string[]> {
  const client = await ec2Client(aws, region);
  const { DescribeInstancesCommand } = await import('@aws-sdk/client-ec2');
  const ids: string[] = [];
  let nextToken: string | undefined;
  // Bounded: a tag filter naming more than a few pages of instances is a wrong filter anyway.
  for (let page = 0; page < 20; page++) {
    const out = await awsCall(
      'DescribeInstances',
      () =>
        client.send(
          new DescribeInstancesCommand({
            Filters: [
              { Name: `tag:${tag.key}`, Values: [tag.value] },
              { Name: 'instance-state-name', Values: ['running'] },
            ],
            MaxResults: 100,
            NextToken: nextToken,
          }),
        ),
      deps,
    );
    for (const reservation of out.Reservations ?? [])
      for (const instance of reservation.Instances ?? [])
        if (instance.InstanceId) ids.push(instance.InstanceId);
    nextToken = out.NextToken;
    if (!nextToken) return ids;
  }
  throw new Error(
    `DescribeInstances for tag ${tag.key}=${tag.value} still had more pages after 20; narrow the tag filter`,
  );
}
