/**
 * The smoke-test bundle, run through the harness as the runner runs it, against the sample
 * app of a sim App Runner service: the sim's `/api/health` is what the action reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { runActionBundle } from '../../sim/run-action.js';

const CHECKS = `
- name: health
  path: /api/health
  reports-version: true
  expect:
    status: 200
    json: { "data.status": "ok", "data.checks.db.status": "pass" }
    headers: { "strict-transport-security": "max-age=\\\\d+" }
- name: home
  path: /
`;

let sim: SimHandle;

beforeAll(async () => {
  sim = await startSim({ timeScale: 0.002 });
});
afterAll(async () => {
  await sim.stop();
});

describe('smoke-test bundle against a sim service', () => {
  // Failing runs retry until the deadline, so those get the shortest one the action allows.
  const run = (expectVersion: string, timeout = '3s') =>
    runActionBundle({
      action: 'smoke-test',
      env: sim.env,
      inputs: {
        'base-url': sim.serviceUrl('drop-web'),
        checks: CHECKS,
        'expect-version': expectVersion,
        'version-path': 'data.version',
        timeout,
        interval: '200ms',
      },
      timeoutMs: 30_000,
    });

  it('passes on the healthy running image and reads its version', async () => {
    const result = await run('v1.4.2');
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs['passed']).toBe('true');
    expect(result.outputs['failed-checks']).toBe('0');
  });

  it('fails when the running version is not the one expected', async () => {
    const result = await run('v9.9.9', '1s');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['passed']).toBe('false');
    expect(result.annotations.some((a) => a.level === 'error' && /v9\.9\.9/.test(a.message))).toBe(
      true,
    );
  });

  it('fails on an unhealthy-app image that App Runner itself accepted', async () => {
    const { AppRunnerClient, DescribeServiceCommand, UpdateServiceCommand, ListOperationsCommand } =
      await import('@aws-sdk/client-apprunner');
    const client = new AppRunnerClient(sim.clientConfig());
    const arn = sim.service('drop-web').arn;
    const { Service } = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
    Service!.SourceConfiguration!.ImageRepository!.ImageIdentifier =
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web:v1.4.1';
    const { OperationId } = await client.send(
      new UpdateServiceCommand({
        ServiceArn: arn,
        SourceConfiguration: Service!.SourceConfiguration,
      }),
    );
    const deadline = Date.now() + 10_000;
    let status: string | undefined;
    while (Date.now() < deadline && !status?.endsWith('SUCCEEDED')) {
      const ops = await client.send(new ListOperationsCommand({ ServiceArn: arn }));
      status = ops.OperationSummaryList?.find((o) => o.Id === OperationId)?.Status;
      await new Promise((r) => setTimeout(r, 25));
    }
    client.destroy();
    expect(status).toBe('SUCCEEDED');
    const result = await run('v1.4.1', '1s');
    expect(result.exitCode).toBe(1);
    expect(result.outputs['failed-checks']).toBe('1');
  });
});
