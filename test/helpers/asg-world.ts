/**
 * The Drop service on EC2 Auto Scaling behind a load balancer in the sim (asg-fixture.ts), and
 * an asg deploy target for it built from configuration the way an environment names it.
 */
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { asgTargetSchema } from '../../core/config/asg-target.js';
import type { AwsCallDeps } from '../../core/aws/call.js';
import { AsgTarget } from '../../core/targets/asg.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { ASG_PREFIX, asgFixture, LAUNCH_TEMPLATE } from './asg-fixture.js';

export interface AsgWorld {
  sim: SimHandle;
  target: AsgTarget;
  logger: ReturnType<typeof recordingLogger>;
  clients: {
    autoScaling: AutoScalingClient;
    elb: ElasticLoadBalancingV2Client;
    ec2: EC2Client;
    cloudWatch: CloudWatchClient;
  };
  image(tag: string): string;
  /** A target of another configuration over the same sim (a re-run, another strategy). */
  targetWith(config: Record<string, unknown>, signal?: AbortSignal): AsgTarget;
}

/** The target's configuration as an environment would write it (before defaults). */
export function asgTargetConfig(sim: SimHandle, config: Record<string, unknown> = {}) {
  return {
    kind: 'asg',
    'listener-arn': sim.asg.listenerArn(),
    'group-prefix': ASG_PREFIX,
    'launch-template': LAUNCH_TEMPLATE,
    'keep-old': '1s',
    'healthy-timeout': '20s',
    ...config,
  };
}

export async function asgWorld(
  onFinished: (fn: () => Promise<void>) => void,
  options: {
    config?: Record<string, unknown>;
    timeScale?: number;
    fixture?: Parameters<typeof asgFixture>[0];
  } = {},
): Promise<AsgWorld> {
  const sim = await startSim({
    fixture: asgFixture({ deregistrationDelay: 1, ...options.fixture }),
    timeScale: options.timeScale ?? 0.003,
  });
  const config = sim.clientConfig({ maxAttempts: 1 });
  const clients = {
    autoScaling: new AutoScalingClient(config),
    elb: new ElasticLoadBalancingV2Client(config),
    ec2: new EC2Client(config),
    cloudWatch: new CloudWatchClient(config),
  };
  onFinished(async () => {
    Object.values(clients).forEach((c) => c.destroy());
    await sim.stop();
  });
  const logger = recordingLogger();
  const deps: AwsCallDeps = { clock: systemClock, logger };
  const targetWith = (extra: Record<string, unknown>, signal?: AbortSignal): AsgTarget =>
    new AsgTarget(
      { ...clients, ec2: async () => clients.ec2 },
      asgTargetSchema.parse(asgTargetConfig(sim, { ...options.config, ...extra })),
      signal ? { ...deps, signal } : deps,
    );
  return {
    sim,
    target: targetWith({}),
    logger,
    clients,
    image: (tag) => `${sim.accountId}.dkr.ecr.${sim.region}.amazonaws.com/drop-web:${tag}`,
    targetWith,
  };
}
