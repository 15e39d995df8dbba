import {
  DescribeServiceCommand,
  PauseServiceCommand,
  ResumeServiceCommand,
  StartDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-apprunner';
import { describe, expect, it } from 'vitest';
import { appRunnerWorld } from './apprunner-world.js';
import { image, sdkError, waitFor } from './helpers.js';

describe('App Runner stand-in through @aws-sdk/client-apprunner: configuration and images', () => {
  it.concurrent(
    'replaces a SourceConfiguration sent from scratch: environment, secrets and port are lost (pitfall 2)',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      const id = (
        await t.client.send(
          new UpdateServiceCommand({
            ServiceArn: t.arn,
            SourceConfiguration: {
              ImageRepository: { ImageIdentifier: image('v1.4.0'), ImageRepositoryType: 'ECR' },
              AuthenticationConfiguration: {
                AccessRoleArn: 'arn:aws:iam::123456789012:role/drop-web-ecr-access',
              },
            },
          }),
        )
      ).OperationId!;
      await t.follow(id);
      const { Service } = await t.client.send(new DescribeServiceCommand({ ServiceArn: t.arn }));
      const config = Service?.SourceConfiguration?.ImageRepository?.ImageConfiguration;
      expect(config?.RuntimeEnvironmentVariables).toBeUndefined();
      expect(config?.RuntimeEnvironmentSecrets).toBeUndefined();
      expect(config?.Port).toBe('8080');
      // Sections not sent are kept.
      expect(Service?.InstanceConfiguration?.Cpu).toBe('1024');

      const missingRole = await sdkError(
        t.client.send(
          new UpdateServiceCommand({
            ServiceArn: t.arn,
            SourceConfiguration: {
              ImageRepository: { ImageIdentifier: image('v1.4.0'), ImageRepositoryType: 'ECR' },
            },
          }),
        ),
      );
      expect(missingRole.name).toBe('InvalidRequestException');
    },
  );

  it.concurrent(
    'StartDeployment re-pulls the configured tag (a moved tag deploys the new image)',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      const before = t.sim.service('drop-web').running.digest;
      const pushed = t.sim.pushImage('drop-web', { tags: ['v1.4.2'], version: 'v1.4.2-rebuilt' });
      expect(pushed.digest).not.toBe(before);
      const { OperationId } = await t.client.send(
        new StartDeploymentCommand({ ServiceArn: t.arn }),
      );
      expect((await t.follow(OperationId!)).final.Status).toBe('SUCCEEDED');
      expect(t.sim.service('drop-web').running.digest).toBe(pushed.digest);
      expect(t.sim.service('drop-web').imageIdentifier).toBe(image('v1.4.2'));
      expect((await t.health()).body.data.version).toBe('v1.4.2-rebuilt');
    },
  );

  it.concurrent('deploys by digest', async ({ onTestFinished }) => {
    const t = await appRunnerWorld(onTestFinished);
    const target = t.sim.images('drop-web').find((i) => i.tags.includes('v1.4.0'))!;
    const id = await t.deployImage(`${image('x').replace(/:x$/, '')}@${target.digest}`);
    expect((await t.follow(id)).final.Status).toBe('SUCCEEDED');
    expect((await t.health()).body.data.version).toBe('v1.4.0');
  });

  it.concurrent(
    'serves an unhealthy-app image: App Runner check passes, /api/health says degraded',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      const id = await t.deployImage(image('v1.4.1'));
      expect((await t.follow(id)).final.Status).toBe('SUCCEEDED');
      const h = await t.health();
      expect(h.status).toBe(503);
      expect(h.body).toMatchObject({
        data: { status: 'degraded', checks: { db: { status: 'fail' } } },
      });
      const root = await fetch(t.sim.serviceUrl('drop-web'));
      expect(root.status).toBe(200);
      expect(root.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    },
  );

  it.concurrent(
    'an HTTP health check on /api/health makes App Runner roll back an unhealthy-app image',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      const first = await t.client.send(
        new UpdateServiceCommand({
          ServiceArn: t.arn,
          HealthCheckConfiguration: { Protocol: 'HTTP', Path: '/api/health' },
        }),
      );
      await t.follow(first.OperationId!);
      const id = await t.deployImage(image('v1.4.1'));
      expect((await t.follow(id)).final.Status).toBe('ROLLBACK_SUCCEEDED');
    },
  );

  it.concurrent(
    'a crash-after-start image passes App Runner, then answers 502',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      t.sim.pushImage('drop-web', {
        tags: ['v1.6.0-crash'],
        behaviour: 'crash-after-start',
        crashAfterMs: 3000,
      });
      expect((await t.follow(await t.deployImage(image('v1.6.0-crash')))).final.Status).toBe(
        'SUCCEEDED',
      );
      expect((await t.health()).status).toBe(200);
      await waitFor(
        'the app to crash',
        async () => (await fetch(t.sim.serviceUrl('drop-web'))).status === 502,
      );
    },
  );

  it.concurrent('serves a slow image slowly', async ({ onTestFinished }) => {
    const t = await appRunnerWorld(onTestFinished);
    t.sim.pushImage('drop-web', { tags: ['v1.6.0-slow'], behaviour: 'slow', latencyMs: 400 });
    await t.follow(await t.deployImage(image('v1.6.0-slow')));
    const started = performance.now();
    const h = await t.health();
    expect(h.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(380);
  });

  it.concurrent('pauses and resumes', async ({ onTestFinished }) => {
    const t = await appRunnerWorld(onTestFinished);
    const paused = await t.client.send(new PauseServiceCommand({ ServiceArn: t.arn }));
    expect(paused.Service?.Status).toBe('OPERATION_IN_PROGRESS');
    expect((await t.follow(paused.OperationId!)).final.Type).toBe('PAUSE_SERVICE');
    expect(
      (await t.client.send(new DescribeServiceCommand({ ServiceArn: t.arn }))).Service?.Status,
    ).toBe('PAUSED');
    expect((await fetch(`${t.sim.serviceUrl('drop-web')}/api/health`)).status).toBe(503);
    const notRunning = await sdkError(
      t.client.send(new StartDeploymentCommand({ ServiceArn: t.arn })),
    );
    expect(notRunning.name).toBe('InvalidStateException');
    const resumed = await t.client.send(new ResumeServiceCommand({ ServiceArn: t.arn }));
    expect((await t.follow(resumed.OperationId!)).final.Status).toBe('SUCCEEDED');
    expect((await t.health()).status).toBe(200);
  });
});
