/** The ECS Express stand-in through @aws-sdk/client-ecs: protocol, strictness, the canary. */
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  UpdateExpressGatewayServiceCommand,
  UpdateServiceCommand,
  type ServiceDeploymentStatus,
} from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { dropFixture, ECS_ARN } from '../helpers/target-world.js';
import { image, sdkError, waitFor } from './helpers.js';

async function ecsWorld(
  onFinished: (fn: () => Promise<void>) => void,
  timeScale = 0.003,
): Promise<{ sim: SimHandle; client: ECSClient }> {
  const sim = await startSim({ fixture: dropFixture(), timeScale });
  const client = new ECSClient(sim.clientConfig({ maxAttempts: 1 }));
  onFinished(async () => {
    client.destroy();
    await sim.stop();
  });
  return { sim, client };
}

const deploymentOf = async (client: ECSClient, arn: string) =>
  (await client.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })))
    .serviceDeployments![0]!;

async function newestDeployment(client: ECSClient): Promise<string> {
  const out = await client.send(new ListServiceDeploymentsCommand({ service: ECS_ARN }));
  return out.serviceDeployments![0]!.serviceDeploymentArn!;
}

describe('ECS stand-in through @aws-sdk/client-ecs', () => {
  it.concurrent(
    'describes an Express service: active configuration, bare endpoint, revision digest',
    async ({ onTestFinished }) => {
      const { sim, client } = await ecsWorld(onTestFinished);
      const { service } = await client.send(
        new DescribeExpressGatewayServiceCommand({ serviceArn: ECS_ARN }),
      );
      expect(service?.status?.statusCode).toBe('ACTIVE');
      expect(service?.serviceName).toBe('drop-web');
      expect(service?.cluster).toBe('arn:aws:ecs:eu-west-1:123456789012:cluster/default');
      expect(service?.createdAt).toBeInstanceOf(Date);
      const [config] = service!.activeConfigurations!;
      expect(config?.primaryContainer?.image).toBe(image('v1.4.2'));
      expect(config?.ingressPaths?.[0]).toEqual({
        accessType: 'PUBLIC',
        endpoint: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      });
      // Reordered by the API (terraform-provider-aws#45792): by name, not as created.
      expect(config?.primaryContainer?.environment?.map((e) => e.name)).toEqual([
        'APP_BASE_URL',
        'LOG_LEVEL',
        'NODE_ENV',
      ]);
      const revisions = await client.send(
        new DescribeServiceRevisionsCommand({
          serviceRevisionArns: [config!.serviceRevisionArn!, `${config!.serviceRevisionArn!}9`],
        }),
      );
      expect(revisions.serviceRevisions?.[0]?.containerImages?.[0]?.imageDigest).toBe(
        sim.ecs.service('drop-web').running.digest,
      );
      expect(revisions.failures).toEqual([
        { arn: `${config!.serviceRevisionArn!}9`, reason: 'MISSING' },
      ]);
    },
  );

  it.concurrent(
    'is as strict as ECS: validation, unknown and inactive services, unsigned calls',
    async ({ onTestFinished }) => {
      const { sim, client } = await ecsWorld(onTestFinished);
      expect(
        await sdkError(
          client.send(
            new UpdateExpressGatewayServiceCommand({
              serviceArn: ECS_ARN,
              primaryContainer: {} as never,
            }),
          ),
        ),
      ).toMatchObject({
        name: 'InvalidParameterException',
        status: 400,
        message:
          "1 validation error detected: Value null at 'primaryContainer.image' failed to satisfy constraint: Member must not be null",
      });
      expect(
        await sdkError(
          client.send(new DescribeExpressGatewayServiceCommand({ serviceArn: 'drop-web' })),
        ),
      ).toMatchObject({ name: 'InvalidParameterException' });
      expect(
        await sdkError(
          client.send(
            new DescribeExpressGatewayServiceCommand({
              serviceArn: ECS_ARN.replace('drop-web', 'nope'),
            }),
          ),
        ),
      ).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
      expect(
        await sdkError(
          client.send(
            new ListServiceDeploymentsCommand({
              service: ECS_ARN,
              status: ['FAILED' as ServiceDeploymentStatus],
            }),
          ),
        ),
      ).toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringContaining(
          "Value 'FAILED' at 'status.1.member' failed to satisfy constraint: Member must satisfy enum value set: [PENDING,",
        ),
      });
      expect(
        await sdkError(
          client.send(new UpdateServiceCommand({ service: ECS_ARN, desiredCount: 3 })),
        ),
      ).toMatchObject({ name: 'InvalidParameterException' });
      sim.ecs.setStatus('drop-web', 'INACTIVE');
      const inactive = await sdkError(
        client.send(
          new UpdateExpressGatewayServiceCommand({
            serviceArn: ECS_ARN,
            primaryContainer: { image: image('v1.5.0') },
          }),
        ),
      );
      expect(inactive).toMatchObject({ name: 'ServiceNotActiveException', status: 400 });
      expect(sim.ecs.service('drop-web').deployments).toHaveLength(1);
      // Routed by x-amz-target; an unsigned request is refused in ECS's JSON error shape.
      const res = await fetch(sim.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AmazonEC2ContainerServiceV20141113.DescribeExpressGatewayService',
        },
        body: JSON.stringify({ serviceArn: ECS_ARN }),
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        __type: 'MissingAuthenticationTokenException',
        message: 'Missing Authentication Token',
      });
    },
  );

  it.concurrent(
    'replaces the whole container it is given: a container without its environment loses it',
    async ({ onTestFinished }) => {
      const { client } = await ecsWorld(onTestFinished);
      const out = await client.send(
        new UpdateExpressGatewayServiceCommand({
          serviceArn: ECS_ARN,
          primaryContainer: { image: image('v1.5.0') },
        }),
      );
      expect(out.service?.targetConfiguration?.primaryContainer?.environment).toBeUndefined();
      expect(out.service?.targetConfiguration?.primaryContainer?.secrets).toBeUndefined();
      // Sizing and roles not given are kept.
      expect(out.service?.targetConfiguration?.cpu).toBe('1024');
      expect(out.service?.targetConfiguration?.taskRoleArn).toBe(
        'arn:aws:iam::123456789012:role/drop-web-task',
      );
    },
  );

  it.concurrent(
    'deploys as the Express canary: 5 % of traffic, then 100 %, then SUCCESSFUL',
    async ({ onTestFinished }) => {
      const { sim, client } = await ecsWorld(onTestFinished, 0.006);
      // PENDING modelled at 10 minutes (3.6 s real), so a loaded machine still sees it; the
      // sim's clock then moves past it rather than the test waiting.
      sim.fixture.ecs.durations.pending = 10 * 60_000;
      const { service } = await client.send(
        new DescribeExpressGatewayServiceCommand({ serviceArn: ECS_ARN }),
      );
      const container = service!.activeConfigurations![0]!.primaryContainer!;
      const update = await client.send(
        new UpdateExpressGatewayServiceCommand({
          serviceArn: ECS_ARN,
          primaryContainer: { ...container, image: image('v1.5.0') },
        }),
      );
      const revision = update.service!.targetConfiguration!.serviceRevisionArn!;
      const arn = await newestDeployment(client);
      const first = await deploymentOf(client, arn);
      // PENDING lasts 90 ms here; a loaded machine may ask later. The history below shows it.
      expect(['PENDING', 'IN_PROGRESS']).toContain(first.status);
      expect(first.targetServiceRevision?.arn).toBe(revision);
      sim.advance(sim.scaled(10 * 60_000));
      const url = `${sim.ecs.service('drop-web').url}/`;
      const versions = async (n: number): Promise<number> => {
        let hits = 0;
        for (let i = 0; i < n; i++)
          if ((await (await fetch(url)).text()).includes('v1.5.0')) hits++;
        return hits;
      };
      await waitFor(
        'the canary traffic shift',
        async () => (await deploymentOf(client, arn)).lifecycleStage === 'PRODUCTION_TRAFFIC_SHIFT',
      );
      const canary = await deploymentOf(client, arn);
      expect(canary.status).toBe('IN_PROGRESS');
      expect(canary.targetServiceRevision?.requestedProductionTrafficWeight).toBe(5);
      expect(await versions(40)).toBe(2); // 5 % of 40, evenly spread
      await waitFor(
        'the bake time at 100 %',
        async () => (await deploymentOf(client, arn)).lifecycleStage === 'BAKE_TIME',
      );
      expect(await versions(10)).toBe(10);
      const done = await waitFor('SUCCESSFUL', async () => {
        const d = await deploymentOf(client, arn);
        return d.status === 'SUCCESSFUL' && d;
      });
      expect(done.finishedAt).toBeInstanceOf(Date);
      expect(done.alarms?.status).toBe('MONITORING_COMPLETE');
      expect(sim.ecs.service('drop-web').deployments[0]!.history.map((h) => h.status)).toEqual([
        'PENDING',
        'IN_PROGRESS',
        'SUCCESSFUL',
      ]);
    },
  );

  it.concurrent.for([
    ['v1.4.1', 'SUCCESSFUL', undefined],
    [
      'v1.7.0-crash',
      'ROLLBACK_SUCCESSFUL',
      /^ECS deployment circuit breaker: tasks failed ELB health checks on \/ \(502\)\.$/,
    ],
    ['v1.5.1-broken', 'ROLLBACK_SUCCESSFUL', /circuit breaker/],
  ] as const)(
    "the sample app's behaviours: %s ends %s",
    async ([tag, status, reason], { onTestFinished }) => {
      const { sim, client } = await ecsWorld(onTestFinished);
      // Crashes 150 ms after it starts: before the canary ends, so ECS's health checks see it.
      sim.pushImage('drop-web', {
        tags: ['v1.7.0-crash'],
        behaviour: 'crash-after-start',
        crashAfterMs: 150,
      });
      const { service } = await client.send(
        new DescribeExpressGatewayServiceCommand({ serviceArn: ECS_ARN }),
      );
      const container = service!.activeConfigurations![0]!.primaryContainer!;
      await client.send(
        new UpdateExpressGatewayServiceCommand({
          serviceArn: ECS_ARN,
          primaryContainer: { ...container, image: image(tag) },
        }),
      );
      const arn = await newestDeployment(client);
      const done = await waitFor('the deployment to end', async () => {
        const d = await deploymentOf(client, arn);
        return ['SUCCESSFUL', 'ROLLBACK_SUCCESSFUL'].includes(d.status!) && d;
      });
      expect(done.status).toBe(status);
      if (reason) {
        expect(done.rollback?.reason).toMatch(reason);
        expect(done.deploymentCircuitBreaker?.status).toBe('TRIGGERED');
        expect(done.rollback?.serviceRevisionArn).toBe(
          service!.activeConfigurations![0]!.serviceRevisionArn,
        );
        expect(sim.ecs.service('drop-web').running.version).toBe('v1.4.2');
      } else expect(sim.ecs.service('drop-web').running.version).toBe(tag);
    },
  );

  it.concurrent(
    'a newer update stops the deployment in progress (STOPPED, no FAILED anywhere)',
    async ({ onTestFinished }) => {
      const { sim, client } = await ecsWorld(onTestFinished);
      await client.send(
        new UpdateExpressGatewayServiceCommand({
          serviceArn: ECS_ARN,
          primaryContainer: { image: image('v1.5.0') },
        }),
      );
      const first = await newestDeployment(client);
      await client.send(
        new UpdateServiceCommand({
          service: 'drop-web',
          cluster: 'default',
          forceNewDeployment: true,
        }),
      );
      const stopped = await deploymentOf(client, first);
      expect(stopped.status).toBe('STOPPED');
      expect(stopped.statusReason).toMatch(/newer deployment/);
      const listed = await client.send(
        new ListServiceDeploymentsCommand({ service: ECS_ARN, status: ['STOPPED'] }),
      );
      expect(listed.serviceDeployments?.map((d) => d.serviceDeploymentArn)).toEqual([first]);
      expect(sim.ecs.service('drop-web').deployments).toHaveLength(3);
    },
  );
});
