import {
  DescribeServiceCommand,
  ListOperationsCommand,
  ListServicesCommand,
  PauseServiceCommand,
  StartDeploymentCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-apprunner';
import { describe, expect, it } from 'vitest';
import { appRunnerWorld } from './apprunner-world.js';
import { image, sdkError, waitFor } from './helpers.js';

describe('App Runner stand-in through @aws-sdk/client-apprunner: lifecycles', () => {
  it.concurrent(
    'describes the seeded service with every field parsed',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      const { Service: s } = await t.client.send(new DescribeServiceCommand({ ServiceArn: t.arn }));
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
    },
  );

  it.concurrent(
    'lists services and pages through operations newest first',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      const list = await t.client.send(new ListServicesCommand({}));
      expect(list.ServiceSummaryList?.map((s) => [s.ServiceName, s.Status])).toEqual([
        ['drop-web', 'RUNNING'],
      ]);
      expect(list.ServiceSummaryList?.[0]?.CreatedAt).toBeInstanceOf(Date);

      const ids = [await t.deployImage(image('v1.4.0'))];
      await t.follow(ids[0]!);
      ids.push(
        (await t.client.send(new StartDeploymentCommand({ ServiceArn: t.arn }))).OperationId!,
      );
      await t.follow(ids[1]!);
      const first = await t.client.send(
        new ListOperationsCommand({ ServiceArn: t.arn, MaxResults: 2 }),
      );
      expect(first.OperationSummaryList?.map((o) => o.Id)).toEqual([ids[1], ids[0]]);
      expect(first.OperationSummaryList?.map((o) => o.Type)).toEqual([
        'START_DEPLOYMENT',
        'UPDATE_SERVICE',
      ]);
      expect(first.NextToken).toBeTypeOf('string');
      const second = await t.client.send(
        new ListOperationsCommand({ ServiceArn: t.arn, MaxResults: 2, NextToken: first.NextToken }),
      );
      // The seeded history: its creation, and the deployment that started what serves now.
      expect(second.OperationSummaryList?.map((o) => o.Type)).toEqual([
        'START_DEPLOYMENT',
        'CREATE_SERVICE',
      ]);
      expect(second.NextToken).toBeUndefined();
      expect(second.OperationSummaryList?.[0]?.StartedAt).toBeInstanceOf(Date);

      const bad = await sdkError(
        t.client.send(new ListOperationsCommand({ ServiceArn: t.arn, MaxResults: 21 })),
      );
      expect(bad.name).toBe('InvalidRequestException');
    },
  );

  it.concurrent(
    'deploys: PENDING → IN_PROGRESS → SUCCEEDED, and the app switches only at the end',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      expect((await t.health()).body.data.version).toBe('v1.4.2');
      const started = Date.now();
      const id = await t.deployImage(image('v1.4.0'));
      // PENDING lasts 45 ms at this time scale; a loaded machine may already see IN_PROGRESS.
      expect(['PENDING', 'IN_PROGRESS']).toContain((await t.operation(id)).Status);
      const busy = await t.client.send(new DescribeServiceCommand({ ServiceArn: t.arn }));
      expect(busy.Service?.Status).toBe('OPERATION_IN_PROGRESS');
      // The old image keeps serving during the deployment.
      expect((await t.health()).body.data.version).toBe('v1.4.2');

      const { final, seen } = await t.follow(id);
      // Polling may miss the short PENDING phase under load; the sim's history does not.
      expect(seen.at(-1)).toBe('SUCCEEDED');
      expect(t.sim.service('drop-web').operations[0]?.history.map((h) => h.status)).toEqual([
        'PENDING',
        'IN_PROGRESS',
        'SUCCEEDED',
      ]);
      expect(final.Type).toBe('UPDATE_SERVICE');
      expect(final.TargetArn).toBe(t.arn);
      expect(final.EndedAt!.getTime() - final.StartedAt!.getTime()).toBeCloseTo(
        t.sim.scaled(195_000),
        -2,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(t.sim.scaled(195_000) - 50);

      const after = await t.client.send(new DescribeServiceCommand({ ServiceArn: t.arn }));
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
      const h = await t.health();
      expect(h.status).toBe(200);
      expect(h.body.data).toMatchObject({ status: 'ok', version: 'v1.4.0' });
    },
  );

  it.concurrent(
    'rolls back an image that fails App Runner health check; the service is RUNNING on the old image',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      const id = await t.deployImage(image('v1.5.1-broken'));
      const { final, seen } = await t.follow(id);
      expect(seen).toContain('ROLLBACK_IN_PROGRESS');
      expect(t.sim.service('drop-web').operations[0]?.history.map((h) => h.status)).toEqual([
        'PENDING',
        'IN_PROGRESS',
        'ROLLBACK_IN_PROGRESS',
        'ROLLBACK_SUCCEEDED',
      ]);
      expect(final.Status).toBe('ROLLBACK_SUCCEEDED');
      const { Service } = await t.client.send(new DescribeServiceCommand({ ServiceArn: t.arn }));
      // Status alone looks healthy: only the operation tells the deployment failed (pitfall 1).
      expect(Service?.Status).toBe('RUNNING');
      expect(Service?.SourceConfiguration?.ImageRepository?.ImageIdentifier).toBe(image('v1.4.2'));
      expect((await t.health()).body.data.version).toBe('v1.4.2');
      const [latest] = t.sim.service('drop-web').operations;
      expect(latest).toMatchObject({ id, type: 'UPDATE_SERVICE', status: 'ROLLBACK_SUCCEEDED' });
      expect(latest?.reason).toMatch(/health check failed/);
    },
  );

  it.concurrent('rolls back an image that is not in ECR', async ({ onTestFinished }) => {
    const t = await appRunnerWorld(onTestFinished);
    const id = await t.deployImage(image('v9.9.9'));
    expect((await t.follow(id)).final.Status).toBe('ROLLBACK_SUCCEEDED');
  });

  it.concurrent(
    'refuses UpdateService, StartDeployment and PauseService while an operation is in progress',
    async ({ onTestFinished }) => {
      // 0.01: the deployment lasts ~2 s, ample time for the refused calls on a loaded machine.
      const t = await appRunnerWorld(onTestFinished, 0.01);
      const id = await t.deployImage(image('v1.4.0'));
      for (const call of [
        t.client.send(
          new UpdateServiceCommand({ ServiceArn: t.arn, InstanceConfiguration: { Cpu: '2048' } }),
        ),
        t.client.send(new StartDeploymentCommand({ ServiceArn: t.arn })),
        t.client.send(new PauseServiceCommand({ ServiceArn: t.arn })),
      ]) {
        const error = await sdkError(call);
        expect(error).toMatchObject({ name: 'InvalidStateException', status: 400 });
        expect(error.message).toMatch(/OPERATION_IN_PROGRESS/);
      }
      await t.follow(id);
      expect(
        t.sim.mutatingCalls({ service: 'apprunner' }).map((c) => [c.operation, c.error]),
      ).toEqual([
        ['UpdateService', undefined],
        ['UpdateService', 'InvalidStateException'],
        ['StartDeployment', 'InvalidStateException'],
        ['PauseService', 'InvalidStateException'],
      ]);
    },
  );

  it.concurrent(
    'platform maintenance makes the service busy for a while without an operation',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      t.sim.startMaintenance(t.arn, 600_000);
      const during = await t.client.send(new DescribeServiceCommand({ ServiceArn: t.arn }));
      expect(during.Service?.Status).toBe('OPERATION_IN_PROGRESS');
      expect((await sdkError(t.deployImage(image('v1.4.0')))).name).toBe('InvalidStateException');
      // The app keeps serving through maintenance.
      expect((await t.health()).status).toBe(200);
      await waitFor('maintenance to end', async () => {
        const { Service } = await t.client.send(new DescribeServiceCommand({ ServiceArn: t.arn }));
        return Service?.Status === 'RUNNING';
      });
      const ops = await t.client.send(new ListOperationsCommand({ ServiceArn: t.arn }));
      // Maintenance lists no operation: only the seeded ones.
      expect(ops.OperationSummaryList?.map((o) => o.Type)).toEqual([
        'START_DEPLOYMENT',
        'CREATE_SERVICE',
      ]);
      expect(await t.deployImage(image('v1.4.0'))).toMatch(/^[0-9a-f]{32}$/);
    },
  );

  it.concurrent(
    'answers ResourceNotFoundException for an unknown service',
    async ({ onTestFinished }) => {
      const t = await appRunnerWorld(onTestFinished);
      const error = await sdkError(
        t.client.send(
          new DescribeServiceCommand({
            ServiceArn: t.arn.replace(/[0-9a-f]{32}$/, '0'.repeat(32)),
          }),
        ),
      );
      expect(error).toMatchObject({ name: 'ResourceNotFoundException', status: 400 });
    },
  );
});
