import {
  AppRunnerClient,
  DescribeServiceCommand,
  ListServicesCommand,
} from '@aws-sdk/client-apprunner';
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { sdkError } from './helpers.js';

let sim: SimHandle;
let clients: { apprunner: AppRunnerClient; ecr: ECRClient; rds: RDSClient; sts: STSClient };

// One read-only call per service, so a fault's effect is seen through each protocol.
const calls: Record<string, () => Promise<unknown>> = {
  apprunner: () => clients.apprunner.send(new ListServicesCommand({})),
  ecr: () => clients.ecr.send(new DescribeRepositoriesCommand({})),
  rds: () => clients.rds.send(new DescribeDBInstancesCommand({})),
  sts: () => clients.sts.send(new GetCallerIdentityCommand({})),
};

beforeAll(async () => {
  sim = await startSim({ timeScale: 0.01 });
  // maxAttempts 1: the raw error of the service, not the SDK's retries.
  const config = sim.clientConfig({ maxAttempts: 1 });
  clients = {
    apprunner: new AppRunnerClient(config),
    ecr: new ECRClient(config),
    rds: new RDSClient(config),
    sts: new STSClient(config),
  };
});
afterEach(() => sim.setFaults({ rules: [] }));
afterAll(async () => {
  for (const c of Object.values(clients)) c.destroy();
  await sim.stop();
});

describe('faults reach the SDK as the real services send them', () => {
  it.each([
    ['apprunner', 'ThrottlingException', 400],
    ['ecr', 'ThrottlingException', 400],
    ['rds', 'Throttling', 400],
    ['sts', 'Throttling', 400],
  ])('%s throttling → %s %i', async (service, name, status) => {
    sim.setFaults({ rules: [{ service, kind: 'throttle' }] });
    const error = await sdkError(calls[service]!());
    expect(error).toMatchObject({ name, status });
    expect(error.message).toMatch(/Rate exceeded/);
    expect(sim.calls({ service }).at(-1)).toMatchObject({ fault: 'throttle', error: name, status });
  });

  it.each([
    ['apprunner', 'InternalServiceErrorException'],
    ['ecr', 'ServerException'],
    ['rds', 'InternalFailure'],
    ['sts', 'InternalFailure'],
  ])('%s server error → %s 500', async (service, name) => {
    sim.setFaults({ rules: [{ service, kind: 'server-error' }] });
    expect(await sdkError(calls[service]!())).toMatchObject({ name, status: 500 });
  });

  it.each(['apprunner', 'ecr', 'rds', 'sts'])(
    '%s unavailable → ServiceUnavailable 503',
    async (service) => {
      sim.setFaults({ rules: [{ service, kind: 'unavailable' }] });
      expect(await sdkError(calls[service]!())).toMatchObject({
        name: 'ServiceUnavailable',
        status: 503,
      });
    },
  );

  it('the SDK retries throttling and recovers (default retry strategy)', async () => {
    sim.setFaults({
      rules: [{ service: 'apprunner', operation: 'ListServices', kind: 'throttle', times: 2 }],
    });
    const client = new AppRunnerClient({ ...sim.clientConfig(), maxAttempts: 3 });
    const out = await client.send(new ListServicesCommand({}));
    expect(out.$metadata.attempts).toBe(3);
    expect(out.ServiceSummaryList?.[0]?.ServiceName).toBe('drop-web');
    client.destroy();
  });

  it('resets connections', async () => {
    sim.setFaults({ rules: [{ service: 'ecr', kind: 'reset' }] });
    const error = await sdkError(calls['ecr']!());
    expect(error.message).toMatch(/socket hang up|ECONNRESET/);
    expect(sim.calls({ service: 'ecr' }).at(-1)?.fault).toBe('reset');
  });

  it('adds latency to one operation only', async () => {
    sim.setFaults({
      rules: [{ service: 'apprunner', operation: 'ListServices', kind: 'latency', latencyMs: 300 }],
    });
    const started = performance.now();
    await calls['apprunner']!();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(sim.calls({ operation: 'ListServices' }).at(-1)?.latencyMs).toBe(300);
    // The other operation is not delayed: the sim's record of the call says so. Its wall time
    // is no measure of that on a loaded machine (a 250 ms budget for a whole SDK request
    // failed there).
    await clients.apprunner.send(
      new DescribeServiceCommand({ ServiceArn: sim.service('drop-web').arn }),
    );
    const other = sim.calls({ operation: 'DescribeService' }).at(-1);
    expect(other?.status).toBe(200);
    expect(other?.latencyMs).toBeUndefined();
    expect(other?.fault).toBeUndefined();
  });

  it('is deterministic from the seed, and a rate hits about that share of calls', async () => {
    const pattern = async (seed: number): Promise<string> => {
      sim.setFaults({ seed, rules: [{ service: 'sts', kind: 'throttle', rate: 0.5 }] });
      let out = '';
      for (let i = 0; i < 40; i++)
        out += (await calls['sts']!().then(
          () => '.',
          () => 'x',
        )) as string;
      return out;
    };
    const a = await pattern(7);
    expect(await pattern(7)).toBe(a);
    expect(await pattern(8)).not.toBe(a);
    const hits = [...a].filter((c) => c === 'x').length;
    expect(hits).toBeGreaterThan(8);
    expect(hits).toBeLessThan(32);
  });

  it('faults GitHub with its secondary rate limit answer', async () => {
    sim.setFaults({ rules: [{ service: 'github', kind: 'throttle' }] });
    const response = await fetch(`${sim.env['GITHUB_API_URL']}/repos/example/drop/deployments`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(((await response.json()) as { message: string }).message).toMatch(
      /secondary rate limit/,
    );
  });

  it('refuses unsigned AWS requests and unknown operations', async () => {
    const unsigned = await fetch(sim.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AppRunner.ListServices',
        'content-type': 'application/x-amz-json-1.0',
      },
      body: '{}',
    });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
