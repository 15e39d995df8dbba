/**
 * The ops-check bundle on an environment on Fly.io: the checks that read the deploy target
 * (service-running, service-env) read the app's machines with the `fly-api-token` input, which
 * is masked and sent to Fly only. Without it they are errors naming the input.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../core/checks/report.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { runActionBundle, type ActionRun } from '../../sim/run-action.js';
import { APP_MACHINES, FLY_APP, flyFixture } from '../helpers/fly-world.js';

const CHECKS = `- type: service-running
- type: service-env
  equals: { NODE_ENV: production }
`;

const statuses = async (run: ActionRun): Promise<[string, string, string][]> => {
  const report = JSON.parse(await readFile(run.outputs['report']!, 'utf8')) as CheckReport;
  return report.checks.map((c) => [c.id, c.status, c.line]);
};

describe('ops-check bundle on Fly', () => {
  let sim: SimHandle;
  let workspace: string;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005, fixture: flyFixture() });
    workspace = await mkdtemp(path.join(os.tmpdir(), 'ops-check-fly-'));
    await writeFile(
      path.join(workspace, 'apprunner-ops.yml'),
      `version: 1
environments:
  staging:
    region: ${sim.region}
    target: { kind: fly, app: ${FLY_APP} }
    ecr-registry-id: '${sim.accountId}'
    ecr-repository: drop-web
    health:
      base-url: ${sim.fly.url(FLY_APP)}
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

  const run = (inputs: Record<string, string>) =>
    runActionBundle({
      action: 'ops-check',
      cwd: workspace,
      // The token comes from the input only: FLY_API_TOKEN is not in the step's environment.
      env: sim.env,
      inputs: {
        config: 'apprunner-ops.yml',
        environment: 'staging',
        checks: CHECKS,
        'open-issue': 'false',
        ...inputs,
      },
    });

  it('reads the machines with the fly-api-token input, masked, and is green', async () => {
    expect(sim.env['FLY_API_TOKEN']).toBeUndefined();
    const before = sim.calls({ service: 'fly', operation: 'listMachines' }).length;
    const result = await run({ 'fly-api-token': sim.fly.token });
    const checks = await statuses(result);
    expect(
      checks.map(([id, status]) => [id, status]),
      checks.map((c) => c[2]).join('\n'),
    ).toEqual([
      ['service-running', 'pass'],
      ['service-env', 'pass'],
    ]);
    expect(checks[0]![2]).toBe(`fly:${FLY_APP}:app: 3 of 3 machines started, checks passing`);
    expect(result.outputs['passed']).toBe('true');
    expect(sim.calls({ service: 'fly', operation: 'listMachines' }).length).toBeGreaterThan(before);
    expect(result.stdout).toContain(`::add-mask::${sim.fly.token}`);
    const said = [
      ...result.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')),
      result.stderr,
      result.summary,
      await readFile(result.outputs['report']!, 'utf8'),
    ].join('\n');
    expect(said).not.toContain(sim.fly.token);
  });

  it('without the token the checks are errors naming the fly-api-token input, no call made', async () => {
    const before = sim.calls({ service: 'fly' }).length;
    const result = await run({});
    const checks = await statuses(result);
    expect(checks.map(([, status]) => status)).toEqual(['error', 'error']);
    for (const [, , line] of checks)
      expect(line).toMatch(/input "fly-api-token": is required for Fly app drop-staging/);
    expect(sim.calls({ service: 'fly' }).length).toBe(before);
    expect(result.exitCode).toBe(1);
  });

  it('a token that is not one token is an input error before any call, its value not shown', async () => {
    const before = sim.calls({ service: 'fly' }).length;
    const pasted = `Bearer ${sim.fly.token}`;
    const header = await run({ 'fly-api-token': pasted });
    expect(header.exitCode).toBe(1);
    const twoLines = await run({ 'fly-api-token': `${sim.fly.token}\nsecond-token-0123` });
    expect(twoLines.exitCode).toBe(1);
    const said = (r: ActionRun) =>
      r.annotations
        .filter((a) => a.level === 'error')
        .map((a) => a.message)
        .join('\n');
    expect(said(header)).toMatch(
      /input "fly-api-token": looks like an HTTP header, not a token \(value not shown\)/,
    );
    expect(said(twoLines)).toMatch(
      /input "fly-api-token": is not one Fly API token: .*\(value not shown\)/,
    );
    for (const r of [header, twoLines]) {
      expect(said(r)).not.toContain(sim.fly.token);
      expect(r.outputs['report']).toBeUndefined();
    }
    expect(sim.calls({ service: 'fly' }).length).toBe(before);
  });

  it('a refused token is an error saying to set the FLY_API_TOKEN secret', async () => {
    const result = await run({ 'fly-api-token': 'not-a-token-of-this-org' });
    const checks = await statuses(result);
    expect(checks.map(([, status]) => status)).toEqual(['error', 'error']);
    expect(checks[0]![2]).toMatch(
      /Fly refused the API token \(401: .*\); set the FLY_API_TOKEN secret/,
    );
  });
  it('a machine failing its health checks is a red service-running naming it', async () => {
    sim.fly.failChecks(FLY_APP, APP_MACHINES[2], 'v1.4.2');
    const red = await run({ 'fly-api-token': sim.fly.token, checks: '- type: service-running\n' });
    const [[, status, line]] = (await statuses(red)) as [[string, string, string]];
    expect(status).toBe('fail');
    expect(line).toMatch(
      new RegExp(`2 of 3 machines serve; ${APP_MACHINES[2]} \\(ams\\) alive critical`),
    );
    expect(red.exitCode).toBe(1);
  });
});
