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
