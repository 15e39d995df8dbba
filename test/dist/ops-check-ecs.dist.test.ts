/**
 * The ops-check bundle on an ECS Express environment, as the runner runs it against the sim:
 * the bundle makes its own ECS client (AWS_ENDPOINT_URL_ECS), finds the service's load balancer
 * target groups and reads AWS/ApplicationELB. The running version answers 8 % of requests 500
 * and slowly: error-rate and latency-p99 are red, service-running and service-env green.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../core/checks/report.js';
import { startSim, type FixtureInput, type SimHandle } from '../../sim/index.js';
import { runActionBundle } from '../../sim/run-action.js';
import { ECS_ARN, dropFixture } from '../helpers/target-world.js';
import { policyActions, type PolicyDocument } from '../workflows/iam-policy.js';

function fixture(): FixtureInput {
  const f = dropFixture() as FixtureInput & {
    ecr: { repositories: { images: Record<string, unknown>[] }[] };
  };
  const running = f.ecr.repositories[0]!.images.find((i) =>
    (i['tags'] as string[]).includes('v1.4.2'),
  )!;
  Object.assign(running, { errorRate: 0.08, behaviour: 'slow', latencyMs: 1500 });
  return f;
}

const CHECKS = `- type: service-running
- type: service-env
  equals: { NODE_ENV: production }
- type: error-rate
  max-percent: 5
- type: latency-p99
  max-ms: 1000
`;

describe('ops-check bundle on ECS Express', () => {
  let sim: SimHandle;
  let workspace: string;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005, fixture: fixture() });
    workspace = await mkdtemp(path.join(os.tmpdir(), 'ops-check-ecs-'));
    await writeFile(
      path.join(workspace, 'apprunner-ops.yml'),
      `version: 1
environments:
  production:
    region: ${sim.region}
    target: { kind: ecs-express, service-arn: '${ECS_ARN}' }
    ecr-repository: drop-web
    health:
      base-url: ${sim.ecs.service('drop-web').url}
      checks:
        - name: api-health
          path: /api/health
`,
    );
  });
  afterAll(async () => {
    await sim?.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  it('reads the load balancer metrics: 8 % 5xx and a slow p99 are red', async () => {
    const run = await runActionBundle({
      action: 'ops-check',
      cwd: workspace,
      env: sim.env,
      inputs: {
        config: 'apprunner-ops.yml',
        environment: 'production',
        checks: CHECKS,
        'open-issue': 'false',
      },
    });
    const report = JSON.parse(await readFile(run.outputs['report']!, 'utf8')) as CheckReport;
    expect(
      report.checks.map((c) => [c.id, c.status]),
      report.checks.map((c) => c.line).join('\n'),
    ).toEqual([
      ['service-running', 'pass'],
      ['service-env', 'pass'],
      ['error-rate', 'fail'],
      ['latency-p99', 'fail'],
    ]);
    expect(report.checks[2]?.observed).toMatchObject({
      metrics:
        'AWS/ApplicationELB RequestCount, HTTPCode_Target_5XX_Count and TargetResponseTime of its target groups',
    });
    expect(report.checks[2]?.observed?.['errorPercent']).toBeCloseTo(8, 0);
    expect(report.checks[3]?.observed?.['p99Ms']).toBeGreaterThan(1500);
    expect(run.exitCode).toBe(1);
    expect(new Set(sim.calls({ service: 'ecs' }).map((c) => c.operation))).toEqual(
      new Set([
        'DescribeExpressGatewayService',
        'DescribeServiceRevisions',
        'ListServiceDeployments',
      ]),
    );
    expect(sim.calls({ service: 'apprunner' })).toEqual([]);
    // docs/iam-policy-ops-ecs-express.json: exactly these ECS reads, and CloudWatch.
    const policy = JSON.parse(
      readFileSync(
        path.join(import.meta.dirname, '../../docs/iam-policy-ops-ecs-express.json'),
        'utf8',
      ),
    ) as PolicyDocument;
    const actions = policyActions(policy);
    expect(actions.filter((a) => a.startsWith('ecs:'))).toEqual(
      [...new Set(sim.calls({ service: 'ecs' }).map((c) => `ecs:${c.operation}`))].sort(),
    );
    expect(actions).toContain('cloudwatch:GetMetricStatistics');
    expect(actions.every((a) => /:(Describe|Get|List|Filter)/.test(a))).toBe(true);
    expect(sim.mutatingCalls()).toEqual([]);
  });
});
