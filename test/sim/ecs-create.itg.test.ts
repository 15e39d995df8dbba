/** ECS CreateExpressGatewayService: a new Express service, its first deployment and its refusals. */
import {
  CreateExpressGatewayServiceCommand,
  DescribeServicesCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  type CreateExpressGatewayServiceCommandInput,
} from '@aws-sdk/client-ecs';
import { expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { dropFixture, EXECUTION_ROLE } from '../helpers/target-world.js';
import { image, sdkError, waitFor } from './helpers.js';

const INFRA_ROLE = 'arn:aws:iam::123456789012:role/ecsInfrastructureRoleForExpressServices';

async function world(
  onTestFinished: (fn: () => Promise<void>) => void,
): Promise<{ sim: SimHandle; ecs: ECSClient }> {
  const sim = await startSim({ fixture: dropFixture(), timeScale: 0.003 });
  const ecs = new ECSClient(sim.clientConfig({ maxAttempts: 1 }));
  onTestFinished(async () => {
    ecs.destroy();
    await sim.stop();
  });
  return { sim, ecs };
}

const request = (
  over: Partial<CreateExpressGatewayServiceCommandInput> = {},
): CreateExpressGatewayServiceCommandInput => ({
  serviceName: 'drop-api',
  executionRoleArn: EXECUTION_ROLE,
  infrastructureRoleArn: INFRA_ROLE,
  healthCheckPath: '/api/health',
  primaryContainer: { image: image('v1.4.2'), containerPort: 3000 },
  tags: [{ key: 'team', value: 'payments' }],
  ...over,
});

it('creates a service whose first deployment starts its tasks, with its tags', async ({
  onTestFinished,
}) => {
  const { ecs } = await world(onTestFinished);
  const { service } = await ecs.send(new CreateExpressGatewayServiceCommand(request()));
  expect(service?.serviceArn).toBe('arn:aws:ecs:eu-west-1:123456789012:service/default/drop-api');
  expect(service?.status?.statusCode).toBe('ACTIVE');
  expect(service?.tags).toEqual([{ key: 'team', value: 'payments' }]);
  const config = service!.activeConfigurations![0]!;
  expect(config.healthCheckPath).toBe('/api/health');
  expect(config.cpu).toBe('1024');
  expect(config.memory).toBe('2048');
  const endpoint = config.ingressPaths![0]!.endpoint!;
  const { serviceDeployments } = await ecs.send(
    new ListServiceDeploymentsCommand({ service: service!.serviceArn! }),
  );
  expect(serviceDeployments).toHaveLength(1);
  expect(['PENDING', 'IN_PROGRESS']).toContain(serviceDeployments![0]!.status);
  await waitFor('the first deployment to succeed', async () => {
    const list = await ecs.send(new ListServiceDeploymentsCommand({ service: 'drop-api' }));
    return list.serviceDeployments![0]!.status === 'SUCCESSFUL';
  });
  const health = await fetch(`http://${endpoint}/api/health`);
  expect(health.status).toBe(200);
  expect(((await health.json()) as { data: { version: string } }).data.version).toBe('v1.4.2');
  const described = await ecs.send(
    new DescribeServicesCommand({ services: ['drop-api'], include: ['TAGS'] }),
  );
  expect(described.services![0]!.tags).toEqual([{ key: 'team', value: 'payments' }]);
});

it.for([
  [
    'a name an active service has',
    { serviceName: 'drop-web' },
    'InvalidParameterException',
    'Creation of service was not idempotent.',
  ],
  [
    'a cluster that does not exist',
    { cluster: 'nowhere' },
    'ClusterNotFoundException',
    'Cluster not found.',
  ],
  [
    'no execution role',
    { executionRoleArn: undefined },
    'InvalidParameterException',
    'executionRoleArn is required',
  ],
  [
    'a reserved tag key',
    { tags: [{ key: 'aws:owner', value: 'x' }] },
    'InvalidParameterException',
    'Tag keys beginning with "aws:" are reserved: aws:owner',
  ],
  [
    'no infrastructure role (model)',
    { infrastructureRoleArn: undefined },
    'InvalidParameterException',
    undefined,
  ],
] as const)(
  'refuses %s and creates nothing',
  async ([, over, name, message], { onTestFinished }) => {
    const { sim, ecs } = await world(onTestFinished);
    const error = await sdkError(
      ecs.send(
        new CreateExpressGatewayServiceCommand(
          request({
            ...(over as Partial<CreateExpressGatewayServiceCommandInput>),
            ...('serviceName' in over ? {} : { serviceName: 'drop-new' }),
          }),
        ),
      ),
    );
    expect(error.name).toBe(name);
    expect(error.status).toBe(400);
    if (message) expect(error.message).toBe(message);
    const described = await ecs.send(
      new DescribeServicesCommand({ services: ['drop-new'], cluster: 'default' }),
    );
    expect(described.failures?.[0]?.reason).toBe('MISSING');
    expect(sim.ecs.service('drop-web').status).toBe('ACTIVE');
  },
);
