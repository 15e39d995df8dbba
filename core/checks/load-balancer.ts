/**
 * The request metrics of the environment's service, whichever the target: App Runner's own
 * (AWS/AppRunner), or the Application Load Balancer in front of an ECS Express service
 * (AWS/ApplicationELB by LoadBalancer and TargetGroup). Express names its load balancer and
 * target groups only in the ECS Managed Resources of a service revision
 * (DescribeServiceRevisions `ecsManagedResources.ingressPaths[]`), not in
 * DescribeExpressGatewayService, and the deploy target does not read them: these calls are here.
 */
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServiceRevisionsCommand,
} from '@aws-sdk/client-ecs';
import { awsCall } from '../aws/call.js';
import {
  albDimensions,
  albTraffic,
  appRunnerDimensions,
  appRunnerTraffic,
  type LoadBalancerTarget,
  type MetricRequest,
  type MinuteMetrics,
} from '../aws/cloudwatch.js';
import { checkEcsClient } from './target-of.js';
import type { CheckContext, CheckOutcome } from './types.js';

type Ctx = Pick<CheckContext, 'env' | 'aws' | 'clock' | 'logger' | 'signal'>;
type Window = { start: number; end: number; periodSeconds: number };

/**
 * The target groups (and their load balancer) of the revisions an Express service serves
 * from: while a deployment shifts traffic there are two active configurations, and both
 * count. An error outcome when ECS names none.
 */
export async function expressLoadBalancerTargets(
  ctx: Ctx,
): Promise<LoadBalancerTarget[] | CheckOutcome> {
  const client = checkEcsClient(ctx);
  const arn = ctx.env['service-arn'];
  const deps = { clock: ctx.clock, logger: ctx.logger, signal: ctx.signal };
  const out = await awsCall(
    'DescribeExpressGatewayService',
    () =>
      client.send(new DescribeExpressGatewayServiceCommand({ serviceArn: arn }), {
        abortSignal: ctx.signal,
      }),
    deps,
  );
  const name = out.service?.serviceName ?? arn;
  const revisions = (out.service?.activeConfigurations ?? [])
    .map((c) => c.serviceRevisionArn)
    .filter((r): r is string => !!r)
    .slice(0, 20);
  if (revisions.length === 0)
    return {
      status: 'error',
      line: `${name} has no active configuration (status ${out.service?.status?.statusCode ?? 'unknown'}), so no load balancer to read metrics from`,
    };
  const described = await awsCall(
    'DescribeServiceRevisions',
    () =>
      client.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: revisions }), {
        abortSignal: ctx.signal,
      }),
    deps,
  );
  const targets = new Map<string, LoadBalancerTarget>();
  for (const revision of described.serviceRevisions ?? [])
    for (const path of revision.ecsManagedResources?.ingressPaths ?? []) {
      const loadBalancerArn = path.loadBalancer?.arn;
      if (!loadBalancerArn) continue;
      for (const group of path.targetGroups ?? [])
        if (group.arn)
          targets.set(`${loadBalancerArn} ${group.arn}`, {
            loadBalancerArn,
            targetGroupArn: group.arn,
          });
    }
  if (targets.size === 0)
    return {
      status: 'error',
      line: `ECS names no load balancer target group for ${name} (DescribeServiceRevisions ecsManagedResources.ingressPaths); its request metrics cannot be read`,
    };
  return [...targets.values()];
}

const isOutcome = (x: unknown): x is CheckOutcome =>
  typeof x === 'object' && x !== null && 'status' in x && 'line' in x;

/** Requests, 5xx and p99 per period of the environment's service, and which metrics said so. */
export async function serviceTraffic(
  ctx: Ctx,
  window: Window,
): Promise<{ periods: MinuteMetrics[]; source: string } | CheckOutcome> {
  const deps = { clock: ctx.clock, logger: ctx.logger, signal: ctx.signal };
  if (ctx.env.target.kind === 'app-runner')
    return {
      periods: await appRunnerTraffic(ctx.aws.cloudWatch, ctx.env['service-arn'], window, deps),
      source: 'AWS/AppRunner Requests, 5xxStatusResponses',
    };
  const targets = await expressLoadBalancerTargets(ctx);
  if (isOutcome(targets)) return targets;
  return {
    periods: await albTraffic(ctx.aws.cloudWatch, targets, window, deps),
    source: 'AWS/ApplicationELB RequestCount, HTTPCode_Target_5XX_Count',
  };
}

/**
 * The metric requests whose p99 is the service's latency: App Runner's RequestLatency (ms), or
 * each target group's TargetResponseTime (seconds: `toMs` 1000).
 */
export async function latencyRequests(
  ctx: Ctx,
  window: Window,
): Promise<{ requests: MetricRequest[]; toMs: number; metric: string } | CheckOutcome> {
  if (ctx.env.target.kind === 'app-runner')
    return {
      requests: [
        {
          namespace: 'AWS/AppRunner',
          metric: 'RequestLatency',
          dimensions: appRunnerDimensions(ctx.env['service-arn']),
          ...window,
          percentiles: ['p99'],
        },
      ],
      toMs: 1,
      metric: 'RequestLatency',
    };
  const targets = await expressLoadBalancerTargets(ctx);
  if (isOutcome(targets)) return targets;
  return {
    requests: targets.map((t) => ({
      namespace: 'AWS/ApplicationELB',
      metric: 'TargetResponseTime',
      dimensions: albDimensions(t),
      ...window,
      percentiles: ['p99'],
    })),
    toMs: 1000,
    metric: 'TargetResponseTime',
  };
}

export { isOutcome };
