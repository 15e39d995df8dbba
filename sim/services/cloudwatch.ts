/**
 * CloudWatch metrics (awsJson 1.0 with awsQueryCompatible: `x-amz-target:
 * GraniteServiceVersion20100801.<Op>`, errors name their awsQuery code in `x-amzn-query-error`).
 * GetMetricStatistics and GetMetricData over two families of metrics:
 * - `AWS/RDS` `FreeStorageSpace` (bytes) by `DBInstanceIdentifier`, from the fixture.
 * - `AWS/RDS` `ReplicaLag` (seconds) of a read replica (fixture `readReplicaOf`), from the fixture.
 * - `AWS/AppRunner` `Requests`, `2xxStatusResponses`, `5xxStatusResponses`, `RequestLatency` by
 *   `ServiceID` + `ServiceName` (both: CloudWatch matches the exact dimension set), made from
 *   the versions each service ran under modelled traffic (`cloudwatch.requestsPerMinute`,
 *   each image's `errorRate`, `slow`'s latency). `5xxStatusResponses` has no datapoint while
 *   there were no 5xx, as App Runner publishes it.
 * - `AWS/ApplicationELB` `RequestCount`, `HTTPCode_Target_2XX_Count`, `HTTPCode_Target_4XX_Count`,
 *   `HTTPCode_Target_5XX_Count`, `TargetResponseTime` (seconds) by `LoadBalancer` + `TargetGroup`
 *   (`app/<name>/<id>`, `targetgroup/<name>/<id>`) of an ECS Express service's target group that
 *   carries its traffic, made the same way from the versions the service ran. The HTTPCode
 *   counts have no datapoint while they are zero, as ELB publishes them.
 *
 * Time: a Period of P seconds covers P × timeScale real seconds, so under a sped-up sim a
 * "minute" of metrics passes as fast as a modelled deployment does. Only complete periods
 * have datapoints (CloudWatch is a little behind).
 */
import { AwsError } from '../aws/protocol.js';
import { optList, type AwsService, type Input } from '../aws/service.js';
import { answerShares, type RunningApp } from '../sample-app.js';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import type { AppRunnerState } from './apprunner.js';
import type { EcsState, ExpressServiceState } from './ecs.js';
import type { AsgState, TargetGroupState } from './asg-state.js';
import type { RdsState } from './rds.js';

/** What this service reads of the world. */
interface MetricsWorld {
  apprunner: AppRunnerState;
  ecs: EcsState;
  asg: AsgState;
  rds: RdsState;
  clock: SimClock;
  fixture: Fixture;
}

const GIB = 1024 ** 3;
const MAX_DATAPOINTS = 1440;
const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
type Statistic = (typeof STATISTICS)[number];

/** One period's raw values: every sample's value is known, so any statistic can be computed. */
interface Bucket {
  start: number;
  /** Value and weight (how many samples carry it). */
  samples: { value: number; weight: number }[];
  unit: string;
}

const invalid = (message: string): AwsError => new AwsError('InvalidParameterValue', message);
const missing = (name: string): AwsError =>
  new AwsError('MissingParameter', `The parameter ${name} is required.`);

/** StartTime / EndTime: required epoch seconds, checked against CloudWatch's model. */
function timeOf(input: Input, name: string): number {
  return (input[name] as number) * 1000;
}

function dimensionsOf(input: Input): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of optList(input, 'Dimensions', cloudwatch) ?? []) {
    // Name and Value are required strings in the model, checked before the handler runs.
    out.set(d['Name'] as string, d['Value'] as string);
  }
  return out;
}

/** Percentile of weighted samples (nearest rank), as CloudWatch's pNN statistics. */
function percentile(samples: Bucket['samples'], p: number): number {
  const sorted = [...samples].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((n, s) => n + s.weight, 0);
  const rank = Math.ceil((p / 100) * total);
  let seen = 0;
  for (const s of sorted) {
    seen += s.weight;
    if (seen >= rank) return s.value;
  }
  return sorted[sorted.length - 1]?.value ?? 0;
}

function statistic(bucket: Bucket, name: Statistic): number {
  const count = bucket.samples.reduce((n, s) => n + s.weight, 0);
  const sum = bucket.samples.reduce((n, s) => n + s.value * s.weight, 0);
  switch (name) {
    case 'SampleCount':
      return count;
    case 'Sum':
      return sum;
    case 'Average':
      return count === 0 ? 0 : sum / count;
    case 'Minimum':
      return Math.min(...bucket.samples.map((s) => s.value));
    case 'Maximum':
      return Math.max(...bucket.samples.map((s) => s.value));
  }
}

/** A deterministic wobble in [0, 1) so latencies are not one flat line. */
const wobble = (n: number): number => ((Math.imul(n + 1, 2654435761) >>> 0) % 1000) / 1000;

/** Which version served [from, to): the timeline entry live at each moment, in pieces. */
function servedBy(
  timeline: readonly (RunningApp & { servingFrom?: number })[],
  from: number,
  to: number,
): { app: RunningApp; ms: number; from: number }[] {
  const out: { app: RunningApp; ms: number; from: number }[] = [];
  const since = (app: RunningApp & { servingFrom?: number }): number =>
    app.servingFrom ?? app.liveSince;
  timeline.forEach((app, i) => {
    const start = Math.max(from, since(app));
    const next = timeline[i + 1];
    const end = Math.min(to, next ? since(next) : Infinity);
    if (end > start) out.push({ app, ms: end - start, from: start });
  });
  return out;
}

function appErrorRate(app: RunningApp, at: number): number {
  const b = app.behaviour;
  if (b.behaviour === 'fails-platform-health-check') return 1;
  if (b.behaviour === 'crash-after-start' && at - app.liveSince > b.crashAfterMs) return 1;
  return b.errorRate;
}

function appP99(app: RunningApp, seed: number): number {
  const base = 140 + Math.round(wobble(seed) * 60);
  return app.behaviour.behaviour === 'slow' ? base + app.behaviour.latencyMs : base;
}

/** The samples of one App Runner metric in one period, or undefined when it has no datapoint. */
function appRunnerBucket(
  world: MetricsWorld,
  timeline: readonly RunningApp[],
  metric: string,
  start: number,
  realPeriod: number,
  modelledMinuteMs: number,
  index: number,
): Bucket | undefined {
  const pieces = servedBy(timeline, start, start + realPeriod);
  const rpm = world.fixture.cloudwatch.requestsPerMinute;
  const samples: Bucket['samples'] = [];
  for (const piece of pieces) {
    const requests = Math.round((rpm * piece.ms) / modelledMinuteMs);
    if (requests === 0) continue;
    const errors = Math.round(requests * appErrorRate(piece.app, piece.from));
    if (metric === 'Requests') samples.push({ value: requests, weight: 1 });
    else if (metric === '5xxStatusResponses') samples.push({ value: errors, weight: 1 });
    else if (metric === '2xxStatusResponses') samples.push({ value: requests - errors, weight: 1 });
    else if (metric === '4xxStatusResponses') samples.push({ value: 0, weight: 1 });
    else if (metric === 'RequestLatency') {
      const p99 = appP99(piece.app, index);
      // 98 % answer fast, the slowest 2 % at about the p99 and a little above.
      samples.push({
        value: Math.round(p99 * 0.35),
        weight: requests - Math.ceil(requests * 0.02),
      });
      samples.push({ value: p99, weight: Math.ceil(requests * 0.02) });
    } else if (metric === 'ActiveInstances') samples.push({ value: 1, weight: 1 });
  }
  if (samples.length === 0) return undefined;
  // App Runner does not publish 5xxStatusResponses until there is one.
  if (metric === '5xxStatusResponses' && samples.every((s) => s.value === 0)) return undefined;
  const unit = metric === 'RequestLatency' ? 'Milliseconds' : 'Count';
  // Counts of several versions in one period add up to one sample.
  if (metric !== 'RequestLatency' && samples.length > 1)
    return {
      start,
      unit,
      samples: [{ value: samples.reduce((n, s) => n + s.value, 0), weight: 1 }],
    };
  return { start, unit, samples };
}

/**
 * Which version answered what share of an ECS Express service's requests in [from, to): the
 * running versions, less the share a deployment's new tasks took while traffic shifted.
 */
function albServedBy(
  service: ExpressServiceState,
  from: number,
  to: number,
): { app: RunningApp; ms: number; from: number }[] {
  const running = servedBy(service.timeline, from, to).map((p) => ({ ...p, to: p.from + p.ms }));
  const out: { app: RunningApp; ms: number; from: number }[] = [];
  for (const c of service.canaryTraffic) {
    const start = Math.max(from, c.from);
    const end = Math.min(to, c.to ?? Infinity);
    if (end <= start) continue;
    out.push({ app: c.app, ms: (end - start) * c.weight, from: start });
    // The candidate's share came out of the version that ran then.
    for (const piece of running) {
      const overlap = Math.min(end, piece.to) - Math.max(start, piece.from);
      if (overlap > 0) piece.ms -= overlap * c.weight;
    }
  }
  return [...running, ...out];
}

/**
 * The samples of one AWS/ApplicationELB metric of a target group in one period: the modelled
 * requests of the service's traffic paths, counted by what each version answered them
 * (`answerShares`, which the canary alarm reads too).
 */
function albBucket(
  world: MetricsWorld,
  service: ExpressServiceState,
  metric: string,
  start: number,
  realPeriod: number,
  modelledMinuteMs: number,
  index: number,
): Bucket | undefined {
  const rpm = world.fixture.cloudwatch.requestsPerMinute;
  let total = 0;
  let counted = 0;
  const latencies: Bucket['samples'] = [];
  for (const piece of albServedBy(service, start, start + realPeriod)) {
    const requests = (rpm * piece.ms) / modelledMinuteMs;
    if (requests <= 0) continue;
    const shares = answerShares(piece.app, service.traffic, piece.from);
    total += requests;
    if (metric === 'HTTPCode_Target_2XX_Count') counted += requests * shares.ok;
    else if (metric === 'HTTPCode_Target_4XX_Count') counted += requests * shares.client;
    else if (metric === 'HTTPCode_Target_5XX_Count') counted += requests * shares.server;
    else if (metric === 'TargetResponseTime') {
      const n = Math.round(requests);
      if (n === 0) continue;
      const p99 = appP99(piece.app, index) / 1000;
      // 98 % answer fast, the slowest 2 % at about the p99.
      latencies.push({ value: p99 * 0.35, weight: n - Math.ceil(n * 0.02) });
      latencies.push({ value: p99, weight: Math.ceil(n * 0.02) });
    }
  }
  if (metric === 'TargetResponseTime')
    return latencies.length ? { start, unit: 'Seconds', samples: latencies } : undefined;
  const value = Math.round(metric === 'RequestCount' ? total : counted);
  if (!ALB_METRICS.has(metric) || Math.round(total) === 0) return undefined;
  // ELB publishes an HTTP code count only when it is not zero.
  if (metric.startsWith('HTTPCode_') && value === 0) return undefined;
  return { start, unit: 'Count', samples: [{ value, weight: 1 }] };
}

/**
 * A target group of the Auto Scaling world behind the load balancer the dimensions name (a
 * deleted one too: its metrics outlive it, as CloudWatch keeps them).
 */
function asgTargetGroup(
  world: MetricsWorld,
  dimensions: Map<string, string>,
): TargetGroupState | undefined {
  const lb = [...world.asg.loadBalancers.values()].find(
    (b) => `loadbalancer/${dimensions.get('LoadBalancer')}` === elbResource(b.arn),
  );
  if (!lb) return undefined;
  return [...world.asg.targetGroups.values(), ...world.asg.deletedTargetGroups].find(
    (t) => dimensions.get('TargetGroup') === elbResource(t.arn),
  );
}

/**
 * One AWS/ApplicationELB metric of an Auto Scaling target group in one period: the requests
 * the listener's weights sent it, answered by its healthy targets (asg-state.ts `traffic`).
 */
function asgBucket(
  world: MetricsWorld,
  tg: TargetGroupState,
  metric: string,
  start: number,
  realPeriod: number,
  _modelledMinuteMs: number,
  index: number,
): Bucket | undefined {
  const t = world.asg.traffic(tg, start, start + realPeriod);
  if (metric === 'TargetResponseTime') {
    const latencies: Bucket['samples'] = [];
    for (const { app, requests } of t.apps) {
      const n = Math.round(requests * 100);
      if (n === 0) continue;
      const p99 = appP99(app, index) / 1000;
      // 98 % answer fast, the slowest 2 % at about the p99.
      latencies.push({ value: p99 * 0.35, weight: n - Math.ceil(n * 0.02) });
      latencies.push({ value: p99, weight: Math.ceil(n * 0.02) });
    }
    return latencies.length ? { start, unit: 'Seconds', samples: latencies } : undefined;
  }
  if (!ALB_METRICS.has(metric) || Math.round(t.requests) === 0) return undefined;
  const value = Math.round(
    metric === 'RequestCount'
      ? t.requests
      : metric === 'HTTPCode_Target_2XX_Count'
        ? t.ok
        : metric === 'HTTPCode_Target_4XX_Count'
          ? t.client
          : t.server,
  );
  // ELB publishes an HTTP code count only when it is not zero.
  if (metric.startsWith('HTTPCode_') && value === 0) return undefined;
  return { start, unit: 'Count', samples: [{ value, weight: 1 }] };
}

const ALB_METRICS = new Set([
  'RequestCount',
  'HTTPCode_Target_2XX_Count',
  'HTTPCode_Target_4XX_Count',
  'HTTPCode_Target_5XX_Count',
]);

/**
 * The resource of an ELB ARN: `loadbalancer/app/<name>/<id>` (whose LoadBalancer dimension is
 * `app/<name>/<id>`) or `targetgroup/<name>/<id>` (the TargetGroup dimension as it is).
 */
const elbResource = (arn: string): string => arn.split(':').slice(5).join(':');

/**
 * One metric's buckets over the periods starting at `starts`, made from a service's modelled
 * traffic by `bucketOf` (App Runner's metrics, or the load balancer's in front of ECS).
 */
function timelineBuckets<T>(
  world: MetricsWorld,
  traffic: T,
  metric: string,
  starts: readonly number[],
  realPeriod: number,
  bucketOf: (
    world: MetricsWorld,
    traffic: T,
    metric: string,
    start: number,
    realPeriod: number,
    modelledMinuteMs: number,
    index: number,
  ) => Bucket | undefined,
): Bucket[] {
  const modelledMinuteMs = 60_000 * world.clock.timeScale;
  return starts.flatMap((t, i) => {
    const index = Math.floor(t / realPeriod) + i;
    const bucket = bucketOf(world, traffic, metric, t, realPeriod, modelledMinuteMs, index);
    return bucket ? [bucket] : [];
  });
}

export interface MetricQuery {
  namespace: string;
  metric: string;
  dimensions: Map<string, string>;
  start: number;
  end: number;
  /** Seconds, as the request gives it. */
  period: number;
}

/** Every complete period of [start, end) that has data, oldest first. */
export function metricBuckets(world: MetricsWorld, q: MetricQuery): Bucket[] {
  const realPeriod = q.period * 1000 * world.clock.timeScale;
  const now = world.clock.now();
  const starts: number[] = [];
  for (let t = q.start; t + realPeriod <= Math.min(q.end, now) + 1e-6; t += realPeriod)
    starts.push(t);
  const keys = [...q.dimensions.keys()].sort().join(',');
  if (q.namespace === 'AWS/RDS' && q.metric === 'FreeStorageSpace') {
    if (keys !== 'DBInstanceIdentifier') return [];
    const id = q.dimensions.get('DBInstanceIdentifier')!;
    const instance = world.rds.instances.get(id);
    if (!instance) return [];
    const gib = world.fixture.cloudwatch.freeStorageGiB[id] ?? 12;
    const growth = world.fixture.cloudwatch.storageGrowthGiBPerDay[id] ?? 0;
    return starts
      .filter((t) => t >= instance.createdAt)
      .map((t, i) => {
        // Free space now is `gib`; with growth there was more free space the further back.
        const daysAgo = (now - t) / world.clock.timeScale / 86_400_000;
        const free = (gib + growth * daysAgo) * GIB;
        return {
          start: t,
          unit: 'Bytes',
          // A little movement within the hour, never above the configured free space.
          samples: [{ value: Math.round(free - wobble(i) * 64 * 1024 ** 2), weight: 1 }],
        };
      });
  }
  if (q.namespace === 'AWS/RDS' && q.metric === 'ReplicaLag') {
    // Published for read replicas only, as RDS does.
    if (keys !== 'DBInstanceIdentifier') return [];
    const id = q.dimensions.get('DBInstanceIdentifier')!;
    const instance = world.rds.instances.get(id);
    if (!instance?.fixture.readReplicaOf) return [];
    const lag = world.fixture.cloudwatch.replicaLagSeconds[id] ?? 0;
    return starts
      .filter((t) => t >= instance.createdAt)
      .map((t) => ({ start: t, unit: 'Seconds', samples: [{ value: lag, weight: 1 }] }));
  }
  if (q.namespace === 'AWS/AppRunner') {
    if (keys !== 'ServiceID,ServiceName') return [];
    const service = [...world.apprunner.services.values()].find(
      (s) => s.name === q.dimensions.get('ServiceName') && s.id === q.dimensions.get('ServiceID'),
    );
    if (!service) return [];
    const firstLive = service.timeline[0]?.liveSince ?? world.clock.now();
    if (q.end <= firstLive) return historyBuckets(world, service.name, q);
    return timelineBuckets(world, service.timeline, q.metric, starts, realPeriod, appRunnerBucket);
  }
  if (q.namespace === 'AWS/ApplicationELB') {
    if (keys !== 'LoadBalancer,TargetGroup') return [];
    const service = [...world.ecs.services.values()].find(
      (s) =>
        `loadbalancer/${q.dimensions.get('LoadBalancer')}` === elbResource(s.loadBalancerArn) &&
        q.dimensions.get('TargetGroup') === elbResource(s.targetGroupArns[0]),
    );
    if (service) return timelineBuckets(world, service, q.metric, starts, realPeriod, albBucket);
    const tg = asgTargetGroup(world, q.dimensions);
    if (!tg) return [];
    return timelineBuckets(world, tg, q.metric, starts, realPeriod, asgBucket);
  }
  return [];
}

/**
 * Days before the sim started, as the fixture's `cloudwatch.history` recorded them: answered
 * to a Period of one day over whole UTC days (a finer period has no recorded data). Latency
 * is shaped like live traffic's, so its p99 is the recorded one.
 */
function historyBuckets(world: MetricsWorld, service: string, q: MetricQuery): Bucket[] {
  if (q.period !== 86_400) return [];
  const days = new Map(
    world.fixture.cloudwatch.history
      .filter((d) => d.service === service)
      .map((d) => [Date.parse(`${d.day}T00:00:00Z`), d]),
  );
  const out: Bucket[] = [];
  for (let t = q.start; t + 86_400_000 <= q.end; t += 86_400_000) {
    const day = days.get(t);
    if (!day) continue;
    const unit = q.metric === 'RequestLatency' ? 'Milliseconds' : 'Count';
    const count = (value: number): Bucket => ({ start: t, unit, samples: [{ value, weight: 1 }] });
    if (q.metric === 'Requests') out.push(count(day.requests));
    else if (q.metric === '2xxStatusResponses') out.push(count(day.requests - day.errors));
    else if (q.metric === '5xxStatusResponses' && day.errors > 0) out.push(count(day.errors));
    else if (q.metric === 'RequestLatency' && day.requests > 0) {
      const slow = Math.ceil(day.requests * 0.02);
      out.push({
        start: t,
        unit,
        samples: [
          { value: Math.round(day.p99Ms * 0.35), weight: day.requests - slow },
          { value: day.p99Ms, weight: slow },
        ],
      });
    }
  }
  return out;
}

function checkPeriod(period: unknown, start: number, end: number): number {
  const p = typeof period === 'number' ? period : Number(period);
  if (period === undefined || period === null) throw missing('Period');
  if (
    !Number.isInteger(p) ||
    p < 1 ||
    (p >= 60 && p % 60 !== 0) ||
    (p < 60 && ![1, 5, 10, 30].includes(p))
  )
    throw invalid('The parameter Period must be 1, 5, 10, 30, or a multiple of 60.');
  if (start >= end)
    throw invalid('The parameter StartTime must be less than the parameter EndTime.');
  const requested = Math.ceil((end - start) / (p * 1000));
  if (requested > MAX_DATAPOINTS)
    throw new AwsError(
      'InvalidParameterCombination',
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
  return p;
}

function getMetricStatistics(input: Input, world: MetricsWorld): Input {
  const namespace = input['Namespace'];
  const metric = input['MetricName'];
  if (typeof namespace !== 'string' || namespace === '') throw missing('Namespace');
  if (typeof metric !== 'string' || metric === '') throw missing('MetricName');
  const start = timeOf(input, 'StartTime');
  const end = timeOf(input, 'EndTime');
  const period = checkPeriod(input['Period'], start, end);
  const stats = (optList(input, 'Statistics', cloudwatch) ?? []) as unknown as string[];
  const extended = (optList(input, 'ExtendedStatistics', cloudwatch) ?? []) as unknown as string[];
  if (stats.length === 0 && extended.length === 0)
    throw new AwsError(
      'InvalidParameterCombination',
      'At least one of the parameters Statistics and ExtendedStatistics must be specified.',
    );
  const percentiles = extended.map((e) => {
    const m = /^p(\d{1,2}(?:\.\d{1,2})?)$/.exec(e);
    if (!m) throw invalid(`The parameter ExtendedStatistics contains an invalid value: ${e}`);
    return { name: e, p: Number(m[1]) };
  });
  const buckets = metricBuckets(world, {
    namespace,
    metric,
    dimensions: dimensionsOf(input),
    start,
    end,
    period,
  });
  return {
    Label: metric,
    Datapoints: buckets.map((b) => {
      const point: Input = { Timestamp: new Date(b.start), Unit: b.unit };
      for (const s of stats) point[s] = statistic(b, s as Statistic);
      if (percentiles.length > 0)
        point['ExtendedStatistics'] = Object.fromEntries(
          percentiles.map(({ name, p }) => [name, percentile(b.samples, p)]),
        );
      return point;
    }),
  };
}

function getMetricData(input: Input, world: MetricsWorld): Input {
  const start = timeOf(input, 'StartTime');
  const end = timeOf(input, 'EndTime');
  const queries = optList(input, 'MetricDataQueries', cloudwatch) ?? [];
  if (queries.length === 0) throw missing('MetricDataQueries');
  if (queries.length > 500)
    throw invalid('The parameter MetricDataQueries must contain at most 500 queries.');
  return {
    MetricDataResults: queries.map((q) => {
      const id = String(q['Id'] ?? '');
      if (!/^[a-z][a-zA-Z0-9_]*$/.test(id))
        throw invalid(
          `The value ${id} for parameter MetricDataQueries.member.Id is invalid: it must start with a lowercase letter.`,
        );
      const stat = q['MetricStat'] as Input | undefined;
      if (!stat) throw invalid('Only MetricStat queries are supported by the sim.');
      const m = (stat['Metric'] ?? {}) as Input;
      const period = checkPeriod(stat['Period'], start, end);
      const name = String(stat['Stat'] ?? '');
      const pct = /^p(\d{1,2}(?:\.\d{1,2})?)$/.exec(name);
      if (!pct && !(STATISTICS as readonly string[]).includes(name))
        throw invalid(`The parameter MetricStat.Stat contains an invalid value: ${name}`);
      const buckets = metricBuckets(world, {
        namespace: String(m['Namespace'] ?? ''),
        metric: String(m['MetricName'] ?? ''),
        dimensions: dimensionsOf(m),
        start,
        end,
        period,
      });
      // GetMetricData answers newest first (ScanBy TimestampDescending by default).
      const ordered = input['ScanBy'] === 'TimestampAscending' ? buckets : [...buckets].reverse();
      return {
        Id: id,
        Label: String(q['Label'] ?? m['MetricName'] ?? id),
        Timestamps: ordered.map((b) => new Date(b.start)),
        Values: ordered.map((b) =>
          pct ? percentile(b.samples, Number(pct[1])) : statistic(b, name as Statistic),
        ),
        StatusCode: 'Complete',
      };
    }),
    Messages: [],
  };
}

export const cloudwatch: AwsService<MetricsWorld> = {
  signingName: 'monitoring',
  protocol: 'awsJson1_0',
  targetPrefix: 'GraniteServiceVersion20100801',
  messageKey: 'message',
  queryCompatible: {
    InvalidParameterValue: 'InvalidParameterValueException',
    MissingParameter: 'MissingRequiredParameterException',
    InvalidParameterCombination: 'InvalidParameterCombinationException',
    InternalServiceError: 'InternalServiceFault',
  },
  invalid,
  faults: { throttling: 'Throttling', throttlingStatus: 400, internal: 'InternalServiceError' },
  operations: {
    GetMetricStatistics: {
      mutating: false,
      handle: (input, { world }) => getMetricStatistics(input, world),
    },
    GetMetricData: { mutating: false, handle: (input, { world }) => getMetricData(input, world) },
  },
};
