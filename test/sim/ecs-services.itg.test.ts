/** ECS DescribeServices, TagResource and UntagResource on the sim's Express services. */
import {
  DescribeServicesCommand,
  ECSClient,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { dropFixture, ECS_ARN } from '../helpers/target-world.js';
import { sdkError } from './helpers.js';

let sim: SimHandle;
let client: ECSClient;
beforeAll(async () => {
  sim = await startSim({ fixture: dropFixture(), timeScale: 0.003 });
  client = new ECSClient(sim.clientConfig({ maxAttempts: 1 }));
});
afterAll(async () => {
  client.destroy();
  await sim.stop();
});

const cluster = ECS_ARN.split('/').at(-2)!;
const name = ECS_ARN.split('/').at(-1)!;

describe('ECS DescribeServices, TagResource, UntagResource', () => {
  it('describes an Express service by ARN or by cluster and name; unknown ones are failures', async () => {
    const byArn = await client.send(new DescribeServicesCommand({ services: [ECS_ARN] }));
    expect(byArn.services?.[0]).toMatchObject({
      serviceArn: ECS_ARN,
      serviceName: name,
      status: 'ACTIVE',
      launchType: 'FARGATE',
      runningCount: 1,
    });
    expect(byArn.services?.[0]?.tags).toBeUndefined();
    const byName = await client.send(
      new DescribeServicesCommand({ cluster, services: [name, 'nope'] }),
    );
    expect(byName.services?.map((s) => s.serviceArn)).toEqual([ECS_ARN]);
    expect(byName.failures).toEqual([
      { arn: ECS_ARN.replace(`/${name}`, '/nope'), reason: 'MISSING' },
    ]);
    expect(
      await sdkError(
        client.send(
          new DescribeServicesCommand({ services: Array.from({ length: 11 }, () => ECS_ARN) }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidParameterException', status: 400 });
  });

  it('tags and untags a service; DescribeServices shows them with include TAGS', async () => {
    await client.send(
      new TagResourceCommand({
        resourceArn: ECS_ARN,
        tags: [
          { key: 'team', value: 'payments' },
          { key: 'env', value: 'staging' },
        ],
      }),
    );
    await client.send(new UntagResourceCommand({ resourceArn: ECS_ARN, tagKeys: ['env'] }));
    const out = await client.send(
      new DescribeServicesCommand({ services: [ECS_ARN], include: ['TAGS'] }),
    );
    expect(out.services?.[0]?.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect(
      await sdkError(
        client.send(
          new TagResourceCommand({ resourceArn: ECS_ARN, tags: [{ key: 'aws:x', value: 'y' }] }),
        ),
      ),
    ).toMatchObject({ name: 'InvalidParameterException' });
    expect(
      await sdkError(
        client.send(
          new TagResourceCommand({
            resourceArn: ECS_ARN.replace(`/${name}`, '/nope'),
            tags: [{ key: 'a', value: 'b' }],
          }),
        ),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException' });
    const again = await client.send(
      new DescribeServicesCommand({ services: [ECS_ARN], include: ['TAGS'] }),
    );
    expect(again.services?.[0]?.tags).toEqual([{ key: 'team', value: 'payments' }]);
  });
});
