/**
 * ECS Express's canary alarm counts what the new tasks answer (4xx and 5xx of the load
 * balancer's targets), made from the same modelled traffic as the AWS/ApplicationELB metrics.
 */
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  UpdateExpressGatewayServiceCommand,
} from '@aws-sdk/client-ecs';
import { expect, it } from 'vitest';
import { startSim } from '../../sim/index.js';
import { dropFixture, ECS_ARN } from '../helpers/target-world.js';
import { image, waitFor } from './helpers.js';

it.for([
  ['answers 404 on the health path its traffic reaches', 'no-health-route', 'ROLLBACK_SUCCESSFUL'],
  ['answers every path', 'healthy', 'SUCCESSFUL'],
] as const)('a version that %s (%s) ends %s', async ([, behaviour, status], { onTestFinished }) => {
  const fixture = dropFixture();
  // A tenth of the requests are an uptime monitor's on /api/health; the load balancer
  // checks `/`, so only the alarm can see a version that lost its health route.
  fixture.ecs!.services![0]!.traffic = { '/': 0.9, '/api/health': 0.1 };
  const sim = await startSim({ fixture, timeScale: 0.003 });
  const client = new ECSClient(sim.clientConfig({ maxAttempts: 1 }));
  const cw = new CloudWatchClient(sim.clientConfig({ maxAttempts: 1 }));
  onTestFinished(async () => {
    client.destroy();
    cw.destroy();
    await sim.stop();
  });
  sim.pushImage('drop-web', { tags: ['v2.0.0'], behaviour });
  const { service } = await client.send(
    new DescribeExpressGatewayServiceCommand({ serviceArn: ECS_ARN }),
  );
  const container = service!.activeConfigurations![0]!.primaryContainer!;
  const from = new Date();
  await client.send(
    new UpdateExpressGatewayServiceCommand({
      serviceArn: ECS_ARN,
      primaryContainer: { ...container, image: image('v2.0.0') },
    }),
  );
  const { serviceDeployments } = await client.send(
    new ListServiceDeploymentsCommand({ service: ECS_ARN }),
  );
  const arn = serviceDeployments![0]!.serviceDeploymentArn!;
  const done = await waitFor('the deployment to end', async () => {
    const d = (
      await client.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
    ).serviceDeployments![0]!;
    return ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL'].includes(d.status!) && d;
  });
  expect(done.status).toBe(status);
  expect(done.deploymentCircuitBreaker?.status).not.toBe('TRIGGERED');
  if (behaviour === 'no-health-route') {
    expect(done.alarms?.status).toBe('TRIGGERED');
    expect(done.rollback?.reason).toBe(
      'CloudWatch alarm drop-web-4xx-5xx-rate is in ALARM: 4xx+5xx 10.0%, 10.0% > 1% for 2 datapoints within 3 minutes.',
    );
  } else expect(done.alarms?.status).toBe('MONITORING_COMPLETE');

  // The load balancer's own 4xx count shows the same answers.
  const revision = service!.activeConfigurations![0]!.serviceRevisionArn!;
  const resources = (
    await client.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [revision] }))
  ).serviceRevisions![0]!.ecsManagedResources!.ingressPaths![0]!;
  const dimension = (a: string): string => a.split(':').slice(5).join(':');
  const fourXx = await cw.send(
    new GetMetricStatisticsCommand({
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_4XX_Count',
      Dimensions: [
        {
          Name: 'LoadBalancer',
          Value: dimension(resources.loadBalancer!.arn!).replace(/^loadbalancer\//, ''),
        },
        { Name: 'TargetGroup', Value: dimension(resources.targetGroups![0]!.arn!) },
      ],
      StartTime: from,
      EndTime: new Date(Date.now() + 60_000),
      Period: 60,
      Statistics: ['Sum'],
    }),
  );
  const sum = (fourXx.Datapoints ?? []).reduce((n, d) => n + d.Sum!, 0);
  if (behaviour === 'no-health-route') expect(sum).toBeGreaterThan(0);
  else expect(sum).toBe(0);
});
