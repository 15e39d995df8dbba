import {
  AppRunnerClient,
  DescribeServiceCommand,
  ListOperationsCommand,
  ListServicesCommand,
  PauseServiceCommand,
  ResumeServiceCommand,
  StartDeploymentCommand,
  UpdateServiceCommand,
  type OperationSummary,
} from '@aws-sdk/client-apprunner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { image, sdkError, waitFor } from './helpers.js';

// 0.003: a 3m15s deployment takes ~0.6 s, a 2-minute rollback ~0.36 s.
const TIME_SCALE = 0.003;

let sim: SimHandle;
let client: AppRunnerClient;
let arn: string;

beforeEach(async () => {
  sim = await startSim({ timeScale: TIME_SCALE });
  client = new AppRunnerClient(sim.clientConfig({ maxAttempts: 1 }));
  arn = sim.service('drop-web').arn;
});
afterEach(async () => {
  client.destroy();
  await sim.stop();
});

async function operation(id: string): Promise<OperationSummary> {
  const out = await client.send(new ListOperationsCommand({ ServiceArn: arn }));
  const op = out.OperationSummaryList?.find((o) => o.Id === id);
  if (!op) throw new Error(`operation ${id} not listed`);
  return op;
}

/** Waits for the operation to end and records every status it was seen in. */
async function follow(id: string): Promise<{ final: OperationSummary; seen: string[] }> {
  const seen: string[] = [];
  const final = await waitFor(`operation ${id} to end`, async () => {
    const op = await operation(id);
    if (seen.at(-1) !== op.Status) seen.push(op.Status!);
    return op.EndedAt ? op : undefined;
  });
  return { final, seen };
}

async function health(): Promise<{
  status: number;
  body: { data: { status: string; version: string } };
}> {
  const response = await fetch(`${sim.serviceUrl('drop-web')}/api/health`);
  return { status: response.status, body: (await response.json()) as never };
}

/** What a careful client does: read the service, change only the image identifier. */
async function deployImage(identifier: string): Promise<string> {
  const { Service } = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
  const source = structuredClone(Service!.SourceConfiguration!);
  source.ImageRepository!.ImageIdentifier = identifier;
  const out = await client.send(
    new UpdateServiceCommand({ ServiceArn: arn, SourceConfiguration: source }),
  );
  return out.OperationId!;
}

describe('App Runner stand-in through @aws-sdk/client-apprunner', () => {
  it('describes the seeded service with every field parsed', async () => {
    const { Service: s } = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
    expect(s?.ServiceName).toBe('drop-web');
    expect(s?.ServiceId).toBe('8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f');
    expect(s?.ServiceArn).toBe(
      'arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f',
    );
    expect(s?.Status).toBe('RUNNING');
    expect(s?.ServiceUrl).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(s?.CreatedAt).toBeInstanceOf(Date);
    expect(s!.CreatedAt!.getTime()).toBeLessThan(Date.now() - 100 * 86_400_000);
    expect(s?.UpdatedAt).toBeInstanceOf(Date);
    const repo = s?.SourceConfiguration?.ImageRepository;
    expect(repo?.ImageIdentifier).toBe(image('v1.4.2'));
    expect(repo?.ImageRepositoryType).toBe('ECR');
    expect(repo?.ImageConfiguration?.Port).toBe('3000');
    expect(repo?.ImageConfiguration?.RuntimeEnvironmentVariables).toMatchObject({
      NODE_ENV: 'production',
    });
    expect(repo?.ImageConfiguration?.RuntimeEnvironmentSecrets?.['DATABASE_URL']).toMatch(
      /^arn:aws:secretsmanager:/,
    );
    expect(s?.SourceConfiguration?.AutoDeploymentsEnabled).toBe(false);
    expect(s?.SourceConfiguration?.AuthenticationConfiguration?.AccessRoleArn).toBe(
      'arn:aws:iam::123456789012:role/drop-web-ecr-access',
    );
    expect(s?.InstanceConfiguration).toEqual({
      Cpu: '1024',
      Memory: '2048',
      InstanceRoleArn: 'arn:aws:iam::123456789012:role/drop-web-instance',
    });
    expect(s?.HealthCheckConfiguration).toMatchObject({
      Protocol: 'HTTP',
      Path: '/',
      Interval: 10,
    });
    expect(s?.AutoScalingConfigurationSummary?.AutoScalingConfigurationRevision).toBe(1);
    expect(s?.NetworkConfiguration?.IngressConfiguration?.IsPubliclyAccessible).toBe(true);
  });

  it('lists services and pages through operations newest first', async () => {
    const list = await client.send(new ListServicesCommand({}));
    expect(list.ServiceSummaryList?.map((s) => [s.ServiceName, s.Status])).toEqual([
      ['drop-web', 'RUNNING'],
    ]);
    expect(list.ServiceSummaryList?.[0]?.CreatedAt).toBeInstanceOf(Date);

    const ids = [await deployImage(image('v1.4.0'))];
    await follow(ids[0]!);
    ids.push((await client.send(new StartDeploymentCommand({ ServiceArn: arn }))).OperationId!);
    await follow(ids[1]!);
    const first = await client.send(new ListOperationsCommand({ ServiceArn: arn, MaxResults: 2 }));
    expect(first.OperationSummaryList?.map((o) => o.Id)).toEqual([ids[1], ids[0]]);
    expect(first.OperationSummaryList?.map((o) => o.Type)).toEqual([
      'START_DEPLOYMENT',
      'UPDATE_SERVICE',
    ]);
    expect(first.NextToken).toBeTypeOf('string');
    const second = await client.send(
      new ListOperationsCommand({ ServiceArn: arn, MaxResults: 2, NextToken: first.NextToken }),
    );
    expect(second.OperationSummaryList?.map((o) => o.Type)).toEqual(['CREATE_SERVICE']);
    expect(second.NextToken).toBeUndefined();
    expect(second.OperationSummaryList?.[0]?.StartedAt).toBeInstanceOf(Date);

    const bad = await sdkError(
      client.send(new ListOperationsCommand({ ServiceArn: arn, MaxResults: 21 })),
    );
    expect(bad.name).toBe('InvalidRequestException');
  });

  it('deploys: PENDING → IN_PROGRESS → SUCCEEDED, and the app switches only at the end', async () => {
    expect((await health()).body.data.version).toBe('v1.4.2');
    const started = Date.now();
    const id = await deployImage(image('v1.4.0'));
    expect((await operation(id)).Status).toBe('PENDING');
    const busy = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
    expect(busy.Service?.Status).toBe('OPERATION_IN_PROGRESS');
    // The old image keeps serving during the deployment.
    expect((await health()).body.data.version).toBe('v1.4.2');

    const { final, seen } = await follow(id);
    expect(seen).toEqual(['PENDING', 'IN_PROGRESS', 'SUCCEEDED']);
    expect(final.Type).toBe('UPDATE_SERVICE');
    expect(final.TargetArn).toBe(arn);
    expect(final.EndedAt!.getTime() - final.StartedAt!.getTime()).toBeCloseTo(
      sim.scaled(195_000),
      -2,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(sim.scaled(195_000) - 50);

    const after = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
    expect(after.Service?.Status).toBe('RUNNING');
    expect(after.Service?.SourceConfiguration?.ImageRepository?.ImageIdentifier).toBe(
      image('v1.4.0'),
    );
    // Read-modify-write kept the environment.
    expect(
      after.Service?.SourceConfiguration?.ImageRepository?.ImageConfiguration
        ?.RuntimeEnvironmentVariables,
    ).toMatchObject({
      NODE_ENV: 'production',
    });
    const h = await health();
    expect(h.status).toBe(200);
    expect(h.body.data).toMatchObject({ status: 'ok', version: 'v1.4.0' });
  });

  it('rolls back an image that fails App Runner health check; the service is RUNNING on the old image', async () => {
    const id = await deployImage(image('v1.5.1-broken'));
    const { final, seen } = await follow(id);
    expect(seen).toEqual(['PENDING', 'IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCEEDED']);
    expect(final.Status).toBe('ROLLBACK_SUCCEEDED');
    const { Service } = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
    // Status alone looks healthy: only the operation tells the deployment failed (pitfall 1).
    expect(Service?.Status).toBe('RUNNING');
    expect(Service?.SourceConfiguration?.ImageRepository?.ImageIdentifier).toBe(image('v1.4.2'));
    expect((await health()).body.data.version).toBe('v1.4.2');
    const [latest] = sim.service('drop-web').operations;
    expect(latest).toMatchObject({ id, type: 'UPDATE_SERVICE', status: 'ROLLBACK_SUCCEEDED' });
    expect(latest?.reason).toMatch(/health check failed/);
  });

  it('rolls back an image that is not in ECR', async () => {
    const id = await deployImage(image('v9.9.9'));
    expect((await follow(id)).final.Status).toBe('ROLLBACK_SUCCEEDED');
  });

  it('refuses UpdateService, StartDeployment and PauseService while an operation is in progress', async () => {
    const id = await deployImage(image('v1.4.0'));
    for (const call of [
      client.send(
        new UpdateServiceCommand({ ServiceArn: arn, InstanceConfiguration: { Cpu: '2048' } }),
      ),
      client.send(new StartDeploymentCommand({ ServiceArn: arn })),
      client.send(new PauseServiceCommand({ ServiceArn: arn })),
    ]) {
      const error = await sdkError(call);
      expect(error).toMatchObject({ name: 'InvalidStateException', status: 400 });
      expect(error.message).toMatch(/OPERATION_IN_PROGRESS/);
    }
    await follow(id);
    expect(sim.mutatingCalls({ service: 'apprunner' }).map((c) => [c.operation, c.error])).toEqual([
      ['UpdateService', undefined],
      ['UpdateService', 'InvalidStateException'],
      ['StartDeployment', 'InvalidStateException'],
      ['PauseService', 'InvalidStateException'],
    ]);
  });

  it('replaces a SourceConfiguration sent from scratch: environment, secrets and port are lost (pitfall 2)', async () => {
    const id = (
      await client.send(
        new UpdateServiceCommand({
          ServiceArn: arn,
          SourceConfiguration: {
            ImageRepository: { ImageIdentifier: image('v1.4.0'), ImageRepositoryType: 'ECR' },
            AuthenticationConfiguration: {
              AccessRoleArn: 'arn:aws:iam::123456789012:role/drop-web-ecr-access',
            },
          },
        }),
      )
    ).OperationId!;
    await follow(id);
    const { Service } = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
    const config = Service?.SourceConfiguration?.ImageRepository?.ImageConfiguration;
    expect(config?.RuntimeEnvironmentVariables).toBeUndefined();
    expect(config?.RuntimeEnvironmentSecrets).toBeUndefined();
    expect(config?.Port).toBe('8080');
    // Sections not sent are kept.
    expect(Service?.InstanceConfiguration?.Cpu).toBe('1024');

    const missingRole = await sdkError(
      client.send(
        new UpdateServiceCommand({
          ServiceArn: arn,
          SourceConfiguration: {
            ImageRepository: { ImageIdentifier: image('v1.4.0'), ImageRepositoryType: 'ECR' },
          },
        }),
      ),
    );
    expect(missingRole.name).toBe('InvalidRequestException');
  });

  it('StartDeployment re-pulls the configured tag (a moved tag deploys the new image)', async () => {
    const before = sim.service('drop-web').running.digest;
    const pushed = sim.pushImage('drop-web', { tags: ['v1.4.2'], version: 'v1.4.2-rebuilt' });
    expect(pushed.digest).not.toBe(before);
    const { OperationId } = await client.send(new StartDeploymentCommand({ ServiceArn: arn }));
    expect((await follow(OperationId!)).final.Status).toBe('SUCCEEDED');
    expect(sim.service('drop-web').running.digest).toBe(pushed.digest);
    expect(sim.service('drop-web').imageIdentifier).toBe(image('v1.4.2'));
    expect((await health()).body.data.version).toBe('v1.4.2-rebuilt');
  });

  it('deploys by digest', async () => {
    const target = sim.images('drop-web').find((i) => i.tags.includes('v1.4.0'))!;
    const id = await deployImage(`${image('x').replace(/:x$/, '')}@${target.digest}`);
    expect((await follow(id)).final.Status).toBe('SUCCEEDED');
    expect((await health()).body.data.version).toBe('v1.4.0');
  });

  it('serves an unhealthy-app image: App Runner check passes, /api/health says degraded', async () => {
    const id = await deployImage(image('v1.4.1'));
    expect((await follow(id)).final.Status).toBe('SUCCEEDED');
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({
      data: { status: 'degraded', checks: { db: { status: 'fail' } } },
    });
    const root = await fetch(sim.serviceUrl('drop-web'));
    expect(root.status).toBe(200);
    expect(root.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('an HTTP health check on /api/health makes App Runner roll back an unhealthy-app image', async () => {
    const first = await client.send(
      new UpdateServiceCommand({
        ServiceArn: arn,
        HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/api/health' },
      }),
    );
    await follow(first.OperationId!);
    const id = await deployImage(image('v1.4.1'));
    expect((await follow(id)).final.Status).toBe('ROLLBACK_SUCCEEDED');
  });

  it('serves a slow image slowly', async () => {
    sim.pushImage('drop-web', { tags: ['v1.6.0-slow'], behaviour: 'slow', latencyMs: 400 });
    await follow(await deployImage(image('v1.6.0-slow')));
    const started = performance.now();
    const h = await health();
    expect(h.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('pauses and resumes', async () => {
    const paused = await client.send(new PauseServiceCommand({ ServiceArn: arn }));
    expect(paused.Service?.Status).toBe('OPERATION_IN_PROGRESS');
    expect((await follow(paused.OperationId!)).final.Type).toBe('PAUSE_SERVICE');
    expect(
      (await client.send(new DescribeServiceCommand({ ServiceArn: arn }))).Service?.Status,
    ).toBe('PAUSED');
    expect((await fetch(`${sim.serviceUrl('drop-web')}/api/health`)).status).toBe(503);
    const notRunning = await sdkError(client.send(new StartDeploymentCommand({ ServiceArn: arn })));
    expect(notRunning.name).toBe('InvalidStateException');
    const resumed = await client.send(new ResumeServiceCommand({ ServiceArn: arn }));
    expect((await follow(resumed.OperationId!)).final.Status).toBe('SUCCEEDED');
    expect((await health()).status).toBe(200);
  });

  it('platform maintenance makes the service busy for a while without an operation', async () => {
    sim.startMaintenance(arn, 300_000);
    const during = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
    expect(during.Service?.Status).toBe('OPERATION_IN_PROGRESS');
    expect((await sdkError(deployImage(image('v1.4.0')))).name).toBe('InvalidStateException');
    // The app keeps serving through maintenance.
    expect((await health()).status).toBe(200);
    await waitFor('maintenance to end', async () => {
      const { Service } = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
      return Service?.Status === 'RUNNING';
    });
    const ops = await client.send(new ListOperationsCommand({ ServiceArn: arn }));
    expect(ops.OperationSummaryList?.map((o) => o.Type)).toEqual(['CREATE_SERVICE']);
    expect(await deployImage(image('v1.4.0'))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('answers ResourceNotFoundException for an unknown service', async () => {
    const error = await sdkError(
      client.send(
        new DescribeServiceCommand({ ServiceArn: arn.replace(/[0-9a-f]{32}$/, '0'.repeat(32)) }),
      ),
    );
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
  });
});
