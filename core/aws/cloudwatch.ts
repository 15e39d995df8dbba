import {
  GetMetricStatisticsCommand,
  type Datapoint,
  type Dimension,
  type Statistic,
} from '@aws-sdk/client-cloudwatch';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { awsCall, type AwsCallDeps } from './call.js';

export interface MetricRequest {
  namespace: string;
  metric: string;
  dimensions: Record<string, string>;
  start: number;
  end: number;
  /** Seconds: a multiple of 60 for the standard-resolution metrics AWS publishes. */
  periodSeconds: number;
  statistics?: Statistic[];
  /** e.g. ['p99'] */
  percentiles?: string[];
}

/** Rounds a window up to whole minutes, as CloudWatch periods must be. */
export function periodOf(windowMs: number): number {
  return Math.max(60, Math.ceil(windowMs / 60_000) * 60);
}

/** One GetMetricStatistics call through awsCall, datapoints oldest first. */
export async function metricStatistics(
  client: CloudWatchClient,
  request: MetricRequest,
  deps: AwsCallDeps,
): Promise<Datapoint[]> {
  const dimensions: Dimension[] = Object.entries(request.dimensions).map(([Name, Value]) => ({
    Name,
    Value,
  }));
  const out = await awsCall(
    `GetMetricStatistics ${request.namespace} ${request.metric}`,
    () =>
      client.send(
        new GetMetricStatisticsCommand({
          Namespace: request.namespace,
          MetricName: request.metric,
          Dimensions: dimensions,
          StartTime: new Date(request.start),
          EndTime: new Date(request.end),
          Period: request.periodSeconds,
          ...(request.statistics ? { Statistics: request.statistics } : {}),
          ...(request.percentiles ? { ExtendedStatistics: request.percentiles } : {}),
        }),
        deps.signal ? { abortSignal: deps.signal } : {},
      ),
    deps,
  );
  return [...(out.Datapoints ?? [])].sort(
    (a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0),
  );
}

/**
 * App Runner publishes its metrics with both ServiceName and ServiceID, and CloudWatch only
 * matches the exact set of dimensions: both come from the service ARN.
 */
export function appRunnerDimensions(serviceArn: string): {
  ServiceName: string;
  ServiceID: string;
} {
  const match = /:service\/([^/]+)\/([0-9a-f]{32})$/.exec(serviceArn);
  if (!match) throw new Error(`cannot read the service name and id from ${serviceArn}`);
  return { ServiceName: match[1]!, ServiceID: match[2]! };
}

export interface MinuteMetrics {
  /** Start of the period. */
  at: number;
  requests: number;
  errors: number;
  /** p99 of RequestLatency in ms, when published. */
  p99?: number;
}

/**
 * Requests, 5xx and p99 latency of an App Runner service per period since `start`.
 * A period without a 5xxStatusResponses datapoint had no 5xx (App Runner publishes none until
 * the first one), so missing means zero; a period without Requests had no traffic.
 */
export async function appRunnerTraffic(
  client: CloudWatchClient,
  serviceArn: string,
  window: { start: number; end: number; periodSeconds: number },
  deps: AwsCallDeps,
): Promise<MinuteMetrics[]> {
  const dimensions = appRunnerDimensions(serviceArn);
  const base = { namespace: 'AWS/AppRunner', dimensions, ...window };
  const [requests, errors, latency] = await Promise.all([
    metricStatistics(client, { ...base, metric: 'Requests', statistics: ['Sum'] }, deps),
    metricStatistics(client, { ...base, metric: '5xxStatusResponses', statistics: ['Sum'] }, deps),
    metricStatistics(client, { ...base, metric: 'RequestLatency', percentiles: ['p99'] }, deps),
  ]);
  const key = (d: Datapoint): number => d.Timestamp?.getTime() ?? 0;
  const errorsAt = new Map(errors.map((d) => [key(d), d.Sum ?? 0]));
  const p99At = new Map(latency.map((d) => [key(d), d.ExtendedStatistics?.['p99']]));
  return requests.map((d) => {
    const p99 = p99At.get(key(d));
    return {
      at: key(d),
      requests: d.Sum ?? 0,
      errors: errorsAt.get(key(d)) ?? 0,
      ...(p99 !== undefined ? { p99 } : {}),
    };
  });
}

/** A target group of a service and the Application Load Balancer it is behind. */
export interface LoadBalancerTarget {
  /** arn:aws:elasticloadbalancing:…:loadbalancer/app/<name>/<id> */
  loadBalancerArn: string;
  /** arn:aws:elasticloadbalancing:…:targetgroup/<name>/<id> */
  targetGroupArn: string;
}

const ELB_RESOURCE = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:(.+)$/;

/**
 * The AWS/ApplicationELB dimensions of one target group: `LoadBalancer` is the load
 * balancer's ARN after `loadbalancer/` (`app/<name>/<id>`), `TargetGroup` the target group's
 * after the account (`targetgroup/<name>/<id>`). Both, because a shared ALB's LoadBalancer-only
 * metrics mix every service behind it.
 */
export function albDimensions(target: LoadBalancerTarget): {
  LoadBalancer: string;
  TargetGroup: string;
} {
  const lb = ELB_RESOURCE.exec(target.loadBalancerArn)?.[1];
  const tg = ELB_RESOURCE.exec(target.targetGroupArn)?.[1];
  if (!lb?.startsWith('loadbalancer/app/'))
    throw new Error(`${target.loadBalancerArn} is not an Application Load Balancer ARN`);
  if (!tg?.startsWith('targetgroup/'))
    throw new Error(`${target.targetGroupArn} is not a target group ARN`);
  return { LoadBalancer: lb.slice('loadbalancer/'.length), TargetGroup: tg };
}

/**
 * Requests, 5xx answered by the service and p99 latency per period, from the load balancer in
 * front of it: RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime (seconds, given
 * here in ms) of each target group, added up (p99: the highest). ELB publishes an HTTPCode count
 * only when it is not zero, so missing means zero; a period without RequestCount had no traffic.
 * 5xx the load balancer makes itself (HTTPCode_ELB_5XX_Count) exist only per load balancer,
 * which Express shares between services, so they are not counted.
 */
export async function albTraffic(
  client: CloudWatchClient,
  targets: readonly LoadBalancerTarget[],
  window: { start: number; end: number; periodSeconds: number },
  deps: AwsCallDeps,
): Promise<MinuteMetrics[]> {
  const perGroup = await Promise.all(
    targets.map(async (target) => {
      const base = {
        namespace: 'AWS/ApplicationELB',
        dimensions: albDimensions(target),
        ...window,
      };
      const [requests, errors, latency] = await Promise.all([
        metricStatistics(client, { ...base, metric: 'RequestCount', statistics: ['Sum'] }, deps),
        metricStatistics(
          client,
          { ...base, metric: 'HTTPCode_Target_5XX_Count', statistics: ['Sum'] },
          deps,
        ),
        metricStatistics(
          client,
          { ...base, metric: 'TargetResponseTime', percentiles: ['p99'] },
          deps,
        ),
      ]);
      return { requests, errors, latency };
    }),
  );
  const key = (d: Datapoint): number => d.Timestamp?.getTime() ?? 0;
  const byPeriod = new Map<number, MinuteMetrics>();
  for (const group of perGroup) {
    for (const d of group.requests) {
      const period = byPeriod.get(key(d)) ?? { at: key(d), requests: 0, errors: 0 };
      period.requests += d.Sum ?? 0;
      byPeriod.set(period.at, period);
    }
    for (const d of group.errors) {
      const period = byPeriod.get(key(d));
      if (period) period.errors += d.Sum ?? 0;
    }
    for (const d of group.latency) {
      const period = byPeriod.get(key(d));
      const seconds = d.ExtendedStatistics?.['p99'];
      if (period && seconds !== undefined)
        period.p99 = Math.max(period.p99 ?? 0, Math.round(seconds * 1000));
    }
  }
  return [...byPeriod.values()].sort((a, b) => a.at - b.at);
}
