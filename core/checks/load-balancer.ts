/**
 * The request metrics of the environment's service, whichever the target: App Runner's own
 * (AWS/AppRunner), or the Application Load Balancer in front of an ECS Express service
 * (AWS/ApplicationELB by LoadBalancer and TargetGroup of the target groups the ECS target
 * finds in its revisions' ECS Managed Resources; the deploy's bake period reads the same).
 */
import {
  albDimensions,
  appRunnerDimensions,
  type MetricRequest,
  type MinuteMetrics,
} from '../aws/cloudwatch.js';
import { checkTarget } from './target-of.js';
import type { CheckContext } from './types.js';

type Ctx = Pick<CheckContext, 'env' | 'aws' | 'clock' | 'logger' | 'signal'>;
type Window = { start: number; end: number; periodSeconds: number };

/** Requests, 5xx and p99 per period of the environment's service, and which metrics said so. */
export async function serviceTraffic(
  ctx: Ctx,
  window: Window,
): Promise<{ periods: MinuteMetrics[]; source: string }> {
  const target = await checkTarget(ctx);
  return { periods: await target.traffic(window), source: target.trafficMetrics };
}

/**
 * The metric requests whose p99 is the service's latency: App Runner's RequestLatency (ms), or
 * each target group's TargetResponseTime (seconds: `toMs` 1000).
 */
export async function latencyRequests(
  ctx: Ctx,
  window: Window,
): Promise<{ requests: MetricRequest[]; toMs: number; metric: string }> {
  const target = await checkTarget(ctx);
  // Imported with the target (core/targets/create.ts): only an ECS environment loads it.
  const { EcsExpressTarget } = await import('../targets/ecs-express.js');
  if (!(target instanceof EcsExpressTarget))
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
  const groups = await target.loadBalancerTargets();
  return {
    requests: groups.map((group) => ({
      namespace: 'AWS/ApplicationELB',
      metric: 'TargetResponseTime',
      dimensions: albDimensions(group),
      ...window,
      percentiles: ['p99'],
    })),
    toMs: 1000,
    metric: 'TargetResponseTime',
  };
}
