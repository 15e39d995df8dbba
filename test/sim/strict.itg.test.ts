import {
  AppRunnerClient,
  DescribeServiceCommand,
  ListOperationsCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-apprunner';
import {
  CreateDBSnapshotCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { sdkError } from './helpers.js';

// The sim is as strict as AWS where the suite once got it wrong (issue 10), and its new faults
// reach the SDK as a real network would deliver them.

let sim: SimHandle;
let rds: RDSClient;
let apprunner: AppRunnerClient;

beforeEach(async () => {
  sim = await startSim({ timeScale: 0.002 });
  rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
  apprunner = new AppRunnerClient(sim.clientConfig({ maxAttempts: 1 }));
});
afterEach(async () => {
  rds.destroy();
  apprunner.destroy();
  await sim.stop();
});

describe('RDS identifiers and states', () => {
  it('stores identifiers lowercase and finds them whatever their case', async () => {
    const out = await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'Drop-DB',
        DBSnapshotIdentifier: 'Drop-DB-Manual-1',
      }),
    );
    expect(out.DBSnapshot?.DBSnapshotIdentifier).toBe('drop-db-manual-1');
    expect(out.DBSnapshot?.DBInstanceIdentifier).toBe('drop-db');
    const listed = await rds.send(
      new DescribeDBSnapshotsCommand({ DBInstanceIdentifier: 'DROP-DB', SnapshotType: 'manual' }),
    );
    expect(listed.DBSnapshots?.map((s) => s.DBSnapshotIdentifier)).toContain('drop-db-manual-1');
    const one = await rds.send(
      new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'DROP-DB-MANUAL-1' }),
    );
    expect(one.DBSnapshots?.[0]?.DBSnapshotIdentifier).toBe('drop-db-manual-1');
  });

  it('creates a snapshot of an instance in storage-optimization, refuses one in modifying', async () => {
    sim.setInstanceStatus('drop-db', 'storage-optimization');
    const out = await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'drop-db',
        DBSnapshotIdentifier: 'so-1',
      }),
    );
    expect(out.DBSnapshot?.Status).toBe('creating');
    sim.setInstanceStatus('drop-db', 'modifying');
    const error = await sdkError(
      rds.send(
        new CreateDBSnapshotCommand({
          DBInstanceIdentifier: 'drop-db',
          DBSnapshotIdentifier: 'mod-1',
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'InvalidDBInstanceStateFault' });
  });
});

describe('App Runner ImageIdentifier', () => {
  it.each([
    'drop-web:v1.5.0',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/Drop-Web:v1',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web:v1 ',
    'docker.io/library/nginx:latest',
  ])('refuses %j as App Runner does', async (identifier) => {
    const { Service } = await apprunner.send(
      new DescribeServiceCommand({ ServiceArn: sim.services()[0]!.arn }),
    );
    const source = structuredClone(Service!.SourceConfiguration!);
    source.ImageRepository!.ImageIdentifier = identifier;
    const error = await sdkError(
      apprunner.send(
        new UpdateServiceCommand({ ServiceArn: Service!.ServiceArn, SourceConfiguration: source }),
      ),
    );
    expect(error).toMatchObject({ name: 'InvalidRequestException' });
    expect(error.message).toMatch(
      /failed to satisfy constraint: Member must satisfy regular expression pattern/,
    );
    expect(
      sim.service(Service!.ServiceArn!).operations.filter((o) => o.type === 'UPDATE_SERVICE'),
    ).toEqual([]);
  });
});

describe('new faults', () => {
  it('applied-then-lost: the update happens, the client sees a reset or a 500', async () => {
    const arn = sim.services()[0]!.arn;
    const { Service } = await apprunner.send(new DescribeServiceCommand({ ServiceArn: arn }));
    sim.setFaults({
      rules: [
        {
          service: 'apprunner',
          operation: 'UpdateService',
          kind: 'applied-then-lost',
          lostAs: 'server-error',
        },
      ],
    });
    const error = await sdkError(
      apprunner.send(
        new UpdateServiceCommand({
          ServiceArn: arn,
          SourceConfiguration: Service!.SourceConfiguration,
        }),
      ),
    );
    expect(error).toMatchObject({ name: 'InternalServiceErrorException', status: 500 });
    expect(sim.service(arn).status).toBe('OPERATION_IN_PROGRESS');
    expect(sim.calls({ operation: 'UpdateService' }).at(-1)).toMatchObject({
      fault: 'applied-then-lost',
    });
  });

  it('hang: never answers; a client with a request timeout that throws gets a TimeoutError', async () => {
    sim.setFaults({
      rules: [{ service: 'apprunner', operation: 'DescribeService', kind: 'hang' }],
    });
    const client = new AppRunnerClient({
      ...sim.clientConfig({ maxAttempts: 1 }),
      requestHandler: new NodeHttpHandler({ requestTimeout: 300, throwOnRequestTimeout: true }),
    });
    const started = Date.now();
    const error = await sdkError(
      client.send(new DescribeServiceCommand({ ServiceArn: sim.services()[0]!.arn })),
    );
    client.destroy();
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sim.calls({ operation: 'DescribeService' }).at(-1)).toMatchObject({ fault: 'hang' });
  });

  it('a clock offset skews every timestamp; a listing delay hides new operations for a while', async () => {
    const arn = sim.services()[0]!.arn;
    sim.setFaults({ clockOffsetMs: -60_000, listingDelayMs: 400, rules: [] });
    const { Service } = await apprunner.send(new DescribeServiceCommand({ ServiceArn: arn }));
    const before = Date.now();
    const { OperationId } = await apprunner.send(
      new UpdateServiceCommand({
        ServiceArn: arn,
        SourceConfiguration: Service!.SourceConfiguration,
      }),
    );
    const list = async (): Promise<string[]> =>
      (
        (await apprunner.send(new ListOperationsCommand({ ServiceArn: arn })))
          .OperationSummaryList ?? []
      ).map((o) => o.Id ?? '');
    expect(await list()).not.toContain(OperationId);
    await new Promise((r) => setTimeout(r, 450));
    const ops =
      (await apprunner.send(new ListOperationsCommand({ ServiceArn: arn }))).OperationSummaryList ??
      [];
    const op = ops.find((o) => o.Id === OperationId);
    expect(op).toBeDefined();
    expect(op!.StartedAt!.getTime()).toBeLessThan(before - 55_000);
  });
});
