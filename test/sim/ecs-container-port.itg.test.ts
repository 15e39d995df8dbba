/** ECS Express checks its tasks on the revision's containerPort, as its target group does. */
import {
  DescribeExpressGatewayServiceCommand,
  DescribeServiceDeploymentsCommand,
  ECSClient,
  ListServiceDeploymentsCommand,
  UpdateExpressGatewayServiceCommand,
} from '@aws-sdk/client-ecs';
import { expect, it } from 'vitest';
import { startSim } from '../../sim/index.js';
import { dropFixture, ECS_ARN } from '../helpers/target-world.js';
import { waitFor } from './helpers.js';

it.for([
  ['the port the container listens on', 'same', 'SUCCESSFUL'],
  ['another port', 'other', 'ROLLBACK_SUCCESSFUL'],
] as const)(
  'an update whose containerPort is %s (%s) ends %s',
  async ([, port, status], { onTestFinished }) => {
    const sim = await startSim({ fixture: dropFixture(), timeScale: 0.003 });
    const client = new ECSClient(sim.clientConfig({ maxAttempts: 1 }));
    onTestFinished(async () => {
      client.destroy();
      await sim.stop();
    });
    const { service } = await client.send(
      new DescribeExpressGatewayServiceCommand({ serviceArn: ECS_ARN }),
    );
    const container = service!.activeConfigurations![0]!.primaryContainer!;
    const listening = container.containerPort!;
    await client.send(
      new UpdateExpressGatewayServiceCommand({
        serviceArn: ECS_ARN,
        primaryContainer: {
          ...container,
          containerPort: port === 'same' ? listening : listening + 1,
        },
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
    if (port === 'other') {
      expect(done.rollback?.reason).toBe(
        `ECS deployment circuit breaker: tasks failed ELB health checks on port ${listening + 1}: connection refused (the container listens on ${listening}).`,
      );
      expect(done.deploymentCircuitBreaker?.status).toBe('TRIGGERED');
    }
  },
);
