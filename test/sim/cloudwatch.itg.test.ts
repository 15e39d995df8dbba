/** The CloudWatch and CloudWatch Logs stand-ins as the real SDK clients see them. */
import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  type FilterLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { sdkError } from './helpers.js';

describe('sim CloudWatch', () => {
  let sim: SimHandle;
  let cw: CloudWatchClient;
  let logs: CloudWatchLogsClient;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005 });
    cw = new CloudWatchClient(sim.clientConfig({ maxAttempts: 1 }));
    logs = new CloudWatchLogsClient(sim.clientConfig({ maxAttempts: 1 }));
  });
  afterAll(() => sim.stop());

  const now = (): number => Date.now();
  const service = (): { ServiceName: string; ServiceID: string } => {
    const arn = sim.services()[0]!.arn;
    const [, name, id] = /service\/([^/]+)\/([0-9a-f]+)$/.exec(arn)!;
    return { ServiceName: name!, ServiceID: id! };
  };

  it('answers the awsJson 1.0 target with datapoints of the exact dimension set only', async () => {
    const { ServiceName, ServiceID } = service();
    const ask = (dims: { Name: string; Value: string }[]) =>
      cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/AppRunner',
          MetricName: 'Requests',
          Dimensions: dims,
          StartTime: new Date(now() - 600_000),
          EndTime: new Date(now()),
          Period: 600,
          Statistics: ['Sum'],
        }),
      );
    const both = await ask([
      { Name: 'ServiceName', Value: ServiceName },
      { Name: 'ServiceID', Value: ServiceID },
    ]);
    expect(both.Datapoints?.length).toBeGreaterThan(0);
    expect(both.Datapoints?.[0]?.Timestamp).toBeInstanceOf(Date);
    const nameOnly = await ask([{ Name: 'ServiceName', Value: ServiceName }]);
    expect(nameOnly.Datapoints).toEqual([]);
    const call = sim.calls({ service: 'monitoring' }).at(-1);
    expect(call?.operation).toBe('GetMetricStatistics');
  });

  it('refuses a bad Period with the awsQuery code the SDK reads from x-amzn-query-error', async () => {
    const error = await sdkError(
      cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/RDS',
          MetricName: 'FreeStorageSpace',
          StartTime: new Date(now() - 3_600_000),
          EndTime: new Date(now()),
          Period: 45,
          Statistics: ['Minimum'],
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'InvalidParameterValueException', status: 400 });
    expect(error.message).toMatch(/Period/);
  });

  it('refuses more than 1440 datapoints', async () => {
    const error = await sdkError(
      cw.send(
        new GetMetricStatisticsCommand({
          Namespace: 'AWS/RDS',
          MetricName: 'FreeStorageSpace',
          StartTime: new Date(now() - 2 * 86_400_000),
          EndTime: new Date(now()),
          Period: 60,
          Statistics: ['Minimum'],
        }),
      ),
    );
    expect(error.message).toMatch(/exceeds the limit of 1440/);
  });

  it('answers GetMetricData newest first', async () => {
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now() - 3_600_000),
        EndTime: new Date(now()),
        MetricDataQueries: [
          {
            Id: 'free',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/RDS',
                MetricName: 'FreeStorageSpace',
                Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'drop-db' }],
              },
              Period: 3600,
              Stat: 'Minimum',
            },
          },
        ],
      }),
    );
    const result = out.MetricDataResults?.[0];
    expect(result?.Values?.length).toBeGreaterThan(0);
    const times = result!.Timestamps!.map((t) => t.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.max(...result!.Values!)).toBeLessThanOrEqual(12 * 1024 ** 3);
  });

  it('filters log events by term pattern and window, and pages with nextToken, empty pages included', async () => {
    const logGroupName = '/aws/apprunner/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f/application';
    const readAll = async (input: Omit<FilterLogEventsCommandInput, 'nextToken'>) => {
      const pages: { events: string[]; more: boolean }[] = [];
      let nextToken: string | undefined;
      do {
        const page = await logs.send(new FilterLogEventsCommand({ ...input, nextToken }));
        nextToken = page.nextToken;
        pages.push({ events: (page.events ?? []).map((e) => e.message!), more: !!nextToken });
      } while (nextToken && pages.length < 200);
      return pages;
    };
    // One call searches one hour of log time: 26 hours of log are 27 calls, most of them empty.
    const all = await readAll({ logGroupName, filterPattern: '?INFO ?WARN', limit: 2 });
    expect(all.flatMap((p) => p.events)).toEqual([
      'INFO GET /api/health 200 12ms',
      'WARN slow query users_by_kyc_status 812ms',
      'INFO POST /api/transfers 201 88ms',
    ]);
    expect(all.length).toBeGreaterThan(20);
    expect(all[1]).toEqual({ events: [], more: true });
    expect(all.at(-1)?.more).toBe(false);
    // A full page within one hour goes on in the same hour.
    const busy = await readAll({ logGroupName, limit: 1, startTime: now() - 3.5 * 3_600_000 });
    expect(busy.flatMap((p) => p.events)).toHaveLength(3);
    const recent = await readAll({
      logGroupName,
      filterPattern: 'ERROR',
      startTime: now() - 86_400_000,
    });
    expect(recent.flatMap((p) => p.events)).toEqual([]);
    expect(recent.length).toBeGreaterThan(1);
    const missing = await sdkError(
      logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/apprunner/nope' })),
    );
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
  });
});
