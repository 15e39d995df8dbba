/**
 * The clients of an EC2 Auto Scaling environment (core/targets/asg.ts): only such an
 * environment talks to Auto Scaling, ELB and EC2's launch templates. Kept beside the other
 * client factories; their type is in clients.ts, which names them without a target.
 */
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { awsClientConfig, type AsgClients, type AwsRequestLimits } from './clients.js';

export type { AsgClients };

export function createAsgClients(region: string, limits: AwsRequestLimits): AsgClients {
  const config = awsClientConfig(region, limits);
  let ec2: Promise<EC2Client> | undefined;
  return {
    autoScaling: new AutoScalingClient(config),
    elb: new ElasticLoadBalancingV2Client(config),
    ec2: () =>
      (ec2 ??= import('@aws-sdk/client-ec2').then(
        ({ EC2Client: Client }) => new Client(awsClientConfig(region, limits)),
      )),
  };
}
