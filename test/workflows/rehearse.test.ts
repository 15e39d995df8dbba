import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRun, ActionRunOptions } from '../../sim/run-action.js';
import { jobOrder, rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import { dropHealth, json, startServer, type TestServer } from '../helpers/servers.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'rehearse-smoke.yml');

let service: TestServer; // reports version v1
beforeAll(async () => {
  service = await startServer((req, res) => {
    if (req.url === '/api/health') json(res, 200, dropHealth('v1'));
    else json(res, 404, { error: 'not found' });
  });
});
afterAll(() => service.close());

/** Stands in for the runner harness: records what it was asked to run. */
function fakeRunner(outputs: Record<string, string>, exitCode = 0) {
  const calls: ActionRunOptions[] = [];
  const runAction = async (options: ActionRunOptions): Promise<ActionRun> => {
    calls.push(options);
    return {
      exitCode,
      signal: null,
      stdout: '',
      stderr: '',
      annotations: exitCode
        ? [{ level: 'error', message: 'smoke-test: 1 check failed', properties: {} }]
        : [],
      durationMs: 1,
      runnerTemp: '/tmp',
      outputs,
      state: {},
      env: {},
      summary: '',
    };
  };
  return { calls, runAction };
}

describe('rehearseWorkflow on the smoke-test bundle', () => {
  it('runs the jobs in order and carries outputs from step to job to the action', async () => {
    const result = await rehearseWorkflow({
      workflow: FIXTURE,
      inputs: { 'base-url': service.url, version: 'v1' },
    });
    expect(result.order).toEqual(['prepare', 'verify', 'announce']);
    expect(result.conclusion).toBe('success');
    expect(result.jobs['prepare']?.outputs['version']).toBe('v1');
    const verify = result.jobs['verify'];
    expect(verify?.environment).toBe('staging');
    const smoke = verify?.steps.find((s) => s.label === 'smoke');
    expect(smoke?.kind).toBe('action');
    expect(smoke?.inputs).toMatchObject({
      'base-url': service.url,
      'expect-version': 'v1',
      checks: expect.stringContaining('max-latency-ms: 60000') as unknown as string,
    });
    expect(smoke?.outcome).toBe('success');
    expect(verify?.outputs).toEqual({ passed: 'true' });
    expect(verify?.steps.map((s) => s.outcome)).toEqual(['success', 'success', 'skipped']);
    expect(service.hits).toContain('/api/health');
    expect(result.log).toContain('    | passed=true');
    expect(result.log.some((l) => l.startsWith('    stand-in: actions/checkout@'))).toBe(true);
  });

  it('fails the job when the bundle fails, runs failure() steps and skips dependants', async () => {
    const result = await rehearseWorkflow({
      workflow: FIXTURE,
      inputs: { 'base-url': service.url, version: 'v2' },
      environments: { staging: { vars: { GREETING: 'look at the summary' } } },
    });
    expect(result.conclusion).toBe('failure');
    const verify = result.jobs['verify'];
    expect(verify?.result).toBe('failure');
    const smoke = verify?.steps.find((s) => s.label === 'smoke');
    expect(smoke?.outcome).toBe('failure');
    expect(smoke?.message).toMatch(/version/);
    expect(smoke?.action?.outputs['passed']).toBe('false');
    expect(result.log).toContain('    | smoke test failed; look at the summary');
    expect(result.jobs['announce']?.result).toBe('skipped');
  });

  it('evaluates if: against the event (push skips the dispatch-only job)', async () => {
    const runner = fakeRunner({ passed: 'true' });
    const result = await rehearseWorkflow({
      workflow: FIXTURE,
      event: 'push',
      runAction: runner.runAction,
      env: { EXTRA: 'from options' },
    });
    expect(result.jobs['announce']?.result).toBe('skipped');
    expect(result.jobs['verify']?.result).toBe('success');
    // On push there are no inputs: the defaults of a dispatch do not apply.
    expect(runner.calls[0]?.inputs).toMatchObject({ 'base-url': '', 'expect-version': '' });
    expect(runner.calls[0]?.env).toMatchObject({
      EXTRA: 'from options',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_JOB: 'verify',
    });
  });

  it('refuses dispatches the workflow would refuse', async () => {
    await expect(rehearseWorkflow({ workflow: FIXTURE, inputs: {} })).rejects.toThrow(
      'input "base-url" is required by rehearse-smoke.yml (workflow_dispatch)',
    );
    await expect(
      rehearseWorkflow({ workflow: FIXTURE, inputs: { 'base-url': 'x', colour: 'red' } }),
    ).rejects.toThrow('declares no input "colour"');
    await expect(
      rehearseWorkflow({ workflow: FIXTURE, event: 'workflow_call', inputs: {} }),
    ).rejects.toThrow('does not run on workflow_call');
  });

  it('masks secrets and stands in for AWS credentials only with a role', async () => {
    const runner = fakeRunner({ result: 'rolled-back' });
    const result = await rehearseWorkflow({
      workflow: path.join(import.meta.dirname, '../../.github/workflows/rollback.yml'),
      inputs: { environment: 'production', reason: 'bad release' },
      secrets: { SLACK_WEBHOOK_URL: 'https://hooks.example/very-secret' },
      runAction: runner.runAction,
    });
    const aws = result.jobs['rollback']?.steps.find((s) => s.label === 'AWS credentials (OIDC)');
    expect(aws?.outcome).toBe('failure');
    expect(aws?.message).toBe(
      'role-to-assume is empty (is the AWS_ROLE_ARN variable set for this environment?)',
    );
    expect(runner.calls).toEqual([]);
    expect(result.log.join('\n')).not.toContain('very-secret');
  });
});

describe('deploy.yml without confirmed reviewers', () => {
  const DEPLOY = path.join(import.meta.dirname, '../../.github/workflows/deploy.yml');
  const environments = Object.fromEntries(
    ['staging', 'production'].map((e) => [
      e,
      { vars: { AWS_ROLE_ARN: `arn:aws:iam::123456789012:role/${e}`, AWS_REGION: 'eu-west-1' } },
    ]),
  );

  it('deploys staging on a push but leaves production to a person', async () => {
    const runner = fakeRunner({ image: 'drop-web@sha256:2', result: 'deployed' });
    const result = await rehearseWorkflow({
      workflow: DEPLOY,
      event: 'push',
      environments,
      runAction: runner.runAction,
    });
    expect(result.order.map((id) => `${id}: ${result.jobs[id]?.result}`)).toEqual([
      'build: success',
      'deploy-staging: success',
      'deploy-production: skipped',
    ]);
    expect(runner.calls.map((c) => `${c.action} ${c.inputs?.['environment']}`)).toEqual([
      'build-push staging',
      'deploy staging',
    ]);
  });

  it('deploys production when dispatched by hand', async () => {
    const runner = fakeRunner({ image: 'drop-web@sha256:2', result: 'deployed' });
    const result = await rehearseWorkflow({
      workflow: DEPLOY,
      inputs: {},
      environments,
      runAction: runner.runAction,
    });
    expect(result.jobs['deploy-production']?.result).toBe('success');
    expect(runner.calls.at(-1)?.inputs).toMatchObject({
      environment: 'production',
      image: 'drop-web@sha256:2',
      'dry-run': 'false',
    });
  });
});

describe('rollback.yml dispatch', () => {
  const ROLLBACK = path.join(import.meta.dirname, '../../.github/workflows/rollback.yml');
  const production = (vars: Record<string, string> = {}) => ({
    production: {
      vars: {
        AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/apprunner-ops-production',
        AWS_REGION: 'eu-west-1',
        ...vars,
      },
    },
  });

  it('hands environment, to, reason and the down-migration command to the rollback action', async () => {
    const runner = fakeRunner({ result: 'rolled-back', image: 'drop-web@sha256:1' });
    const result = await rehearseWorkflow({
      workflow: ROLLBACK,
      inputs: {
        environment: 'production',
        to: 'v1.4.2',
        reason: 'checkout broken',
        'down-migration': true,
      },
      environments: production({ DOWN_MIGRATION_COMMAND: 'npm run migrate:down' }),
      runAction: runner.runAction,
    });
    expect(result.conclusion).toBe('success');
    expect(runner.calls).toHaveLength(1);
    expect(runner.calls[0]?.action).toBe('rollback');
    expect(runner.calls[0]?.inputs).toMatchObject({
      environment: 'production',
      to: 'v1.4.2',
      reason: 'checkout broken',
      'down-migration-command': 'npm run migrate:down',
      'github-token': 'ghs_rehearsal_token',
    });
    // The stand-in for configure-aws-credentials set the region the action runs in.
    expect(runner.calls[0]?.env).toMatchObject({ AWS_REGION: 'eu-west-1' });
    expect(result.jobs['rollback']?.concurrency?.group).toBe('apprunner-ops-production');
    expect(result.jobs['rollback']?.outputs).toEqual({
      result: 'rolled-back',
      image: 'drop-web@sha256:1',
    });
  });

  it('passes no down-migration command unless asked, and "previous" by default', async () => {
    const runner = fakeRunner({ result: 'rolled-back' });
    await rehearseWorkflow({
      workflow: ROLLBACK,
      inputs: { environment: 'staging', reason: 'slow pages' },
      environments: { staging: production({ DOWN_MIGRATION_COMMAND: 'x' }).production },
      runAction: runner.runAction,
    });
    expect(runner.calls[0]?.inputs).toMatchObject({ to: 'previous', 'down-migration-command': '' });
  });

  it('stops before anything changes when a down-migration is asked for but not configured', async () => {
    const runner = fakeRunner({ result: 'rolled-back' });
    const result = await rehearseWorkflow({
      workflow: ROLLBACK,
      inputs: { environment: 'production', reason: 'bad release', 'down-migration': 'true' },
      environments: production(),
      runAction: runner.runAction,
    });
    expect(result.conclusion).toBe('failure');
    expect(runner.calls).toEqual([]);
    expect(result.log).toContain(
      '    | ::error::down-migration was requested but the production environment has no DOWN_MIGRATION_COMMAND variable',
    );
  });

  it('offers only the configured environments', async () => {
    await expect(
      rehearseWorkflow({ workflow: ROLLBACK, inputs: { environment: 'qa', reason: 'x' } }),
    ).rejects.toThrow('input "environment" must be one of staging, production; got "qa"');
  });
});

describe('jobOrder', () => {
  it('respects needs and keeps file order otherwise', () => {
    expect(jobOrder({ c: { needs: ['a', 'b'] }, a: {}, b: { needs: 'a' } })).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
  it('names a cycle', () => {
    expect(() => jobOrder({ a: { needs: 'b' }, b: { needs: 'a' } })).toThrow(
      'jobs a, b need jobs that do not exist or form a cycle',
    );
  });
});
