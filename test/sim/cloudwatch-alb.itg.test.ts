/**
 * The sim's AWS/ApplicationELB metrics of an ECS Express service: found from the load balancer
 * and target group DescribeServiceRevisions names, by exactly LoadBalancer + TargetGroup.
 */
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServiceRevisionsCommand,
  ECSClient,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { ECS_ARN, dropFixture } from '../helpers/target-world.js';

describe('sim CloudWatch: the load balancer of an ECS Express service', () => {
  let sim: SimHandle;
  let cw: CloudWatchClient;
  let ecs: ECSClient;
  let loadBalancer: string;
  let targetGroups: string[];
  beforeAll(async () => {
    sim = await startSim({ fixture: dropFixture(), timeScale: 0.005 });
    cw = new CloudWatchClient(sim.clientConfig({ maxAttempts: 1 }));
    ecs = new ECSClient(sim.clientConfig({ maxAttempts: 1 }));
    const service = await ecs.send(
      new DescribeExpressGatewayServiceCommand({ serviceArn: ECS_ARN }),
    );
    const revision = service.service!.activeConfigurations![0]!.serviceRevisionArn!;
    const out = await ecs.send(
      new DescribeServiceRevisionsCommand({ serviceRevisionArns: [revision] }),
    );
    const path = out.serviceRevisions![0]!.ecsManagedResources!.ingressPaths![0]!;
    loadBalancer = path.loadBalancer!.arn!;
    targetGroups = path.targetGroups!.map((t) => t.arn!);
  });
  afterAll(async () => {
    cw.destroy();
    ecs.destroy();
    await sim.stop();
  });

  const dimension = (arn: string): string => arn.split(':').slice(5).join(':');
  const ask = (metric: string, dims: Record<string, string>, stat: 'Sum' | 'p99' = 'Sum') =>
    cw.send(
      new GetMetricStatisticsCommand({
        Namespace: 'AWS/ApplicationELB',
        MetricName: metric,
        Dimensions: Object.entries(dims).map(([Name, Value]) => ({ Name, Value })),
        StartTime: new Date(Date.now() - 600_000),
        EndTime: new Date(Date.now()),
        Period: 600,
        ...(stat === 'Sum' ? { Statistics: ['Sum' as const] } : { ExtendedStatistics: [stat] }),
      }),
    );

  it('names an ALB and two target groups in the revision’s ECS Managed Resources', () => {
    expect(loadBalancer).toMatch(
      /^arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer\/app\/[\w-]+\/[0-9a-f]{16}$/,
    );
    expect(targetGroups).toHaveLength(2);
    for (const tg of targetGroups)
      expect(tg).toMatch(
        /^arn:aws:elasticloadbalancing:eu-west-1:\d{12}:targetgroup\/[\w-]+\/[0-9a-f]{16}$/,
      );
  });

  it('publishes RequestCount and TargetResponseTime (seconds) by LoadBalancer + TargetGroup only', async () => {
    const dims = {
      LoadBalancer: dimension(loadBalancer).replace(/^loadbalancer\//, ''),
      TargetGroup: dimension(targetGroups[0]!),
    };
    const requests = await ask('RequestCount', dims);
    expect(requests.Datapoints?.length).toBeGreaterThan(0);
    expect(requests.Datapoints?.[0]?.Sum).toBeGreaterThan(0);
    const latency = await ask('TargetResponseTime', dims, 'p99');
    const p99 = latency.Datapoints?.[0]?.ExtendedStatistics?.['p99'];
    expect(p99).toBeGreaterThan(0.1);
    expect(p99).toBeLessThan(1);
    expect(latency.Datapoints?.[0]?.Unit).toBe('Seconds');
    // No 5xx yet: ELB publishes no HTTPCode datapoint while the count is zero.
    expect((await ask('HTTPCode_Target_5XX_Count', dims)).Datapoints).toEqual([]);
    // Strict as CloudWatch: the exact dimension set, the right values, the right namespace.
    expect((await ask('RequestCount', { LoadBalancer: dims.LoadBalancer })).Datapoints).toEqual([]);
    expect(
      (await ask('RequestCount', { ...dims, TargetGroup: dimension(targetGroups[1]!) })).Datapoints,
    ).toEqual([]);
    expect(
      (await ask('RequestCount', { ...dims, LoadBalancer: dimension(loadBalancer) })).Datapoints,
    ).toEqual([]);
    expect((await ask('Requests', dims)).Datapoints).toEqual([]);
  });
});
