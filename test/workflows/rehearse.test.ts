import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRun, ActionRunOptions } from '../../sim/run-action.js';
import {
  jobOrder,
  rehearseWorkflow,
  type RehearsalOptions,
  type RehearsalResult,
} from '../../workflows-src/rehearse/engine.js';
import {
  CALLER_WORKFLOW,
  SUITE_RELEASE,
  suiteRepositories,
} from '../../workflows-src/rehearse/with-sim.js';
import { dropHealth, json, startServer, type TestServer } from '../helpers/servers.js';
import { scratchFolder } from '../../sim/scratch-folders.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const FIXTURE = path.join(FIXTURES, 'rehearse-smoke.yml');

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
      // The reusable workflows' first job: no database here needs a runner of its own.
      outputs: options.inputs?.['mode'] === 'runners' ? { 'runs-on': '{}' } : outputs,
      state: {},
      env: {},
      summary: '',
    };
  };
  return { calls, runAction };
}

/** An action call as `<action> [(mode m)] <environment>`. */
/** The calls of our actions that may change something (mode: runners only reads). */
const changing = (calls: ActionRunOptions[]) =>
  calls.filter((c) => c.inputs?.['mode'] !== 'runners');

const call = (c: { action: string; inputs?: Record<string, string> }): string =>
  `${c.action}${c.inputs?.['mode'] ? ` (mode ${c.inputs['mode']})` : ''} ${c.inputs?.['environment']}`;

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
});

/** A caller repository: only its configuration and one workflow (docs/setup.md's, or another). */
async function callerRepository(workflow = readFileSync(CALLER_WORKFLOW, 'utf8')) {
  const workspace = await scratchFolder('caller-');
  await mkdir(path.join(workspace, '.github', 'workflows'), { recursive: true });
  await writeFile(path.join(workspace, '.github', 'apprunner-ops.yml'), 'version: 1\n');
  const file = path.join(workspace, '.github', 'workflows', 'apprunner-ops.yml');
  await writeFile(file, workflow);
  return { workspace, file, repositories: suiteRepositories() };
}

const roles = (names: string[], extra: Record<string, string> = {}) =>
  Object.fromEntries(
    names.map((e) => [
      e,
      {
        vars: {
          AWS_ROLE_ARN: `arn:aws:iam::123456789012:role/apprunner-ops-${e}`,
          AWS_REGION: 'eu-west-1',
          ...extra,
        },
      },
    ]),
  );
const summary = (result: RehearsalResult) =>
  result.order.map((id) => `${id}: ${result.jobs[id]?.result}`);

describe("docs/setup.md's caller, deploying", () => {
  it('deploys staging on a push but leaves production (reviewers not confirmed) to a person', async () => {
    const caller = await callerRepository();
    const runner = fakeRunner({ image: 'drop-web@sha256:2', result: 'deployed' });
    const result = await rehearseWorkflow({
      workflow: caller.file,
      event: 'push',
      ...caller,
      environments: roles(['staging', 'production']),
      runAction: runner.runAction,
    });
    expect(summary(result), result.log.join('\n')).toEqual([
      'deploy: success',
      'deploy/plan: success',
      'deploy/runners: success',
      'deploy/build: success',
      'deploy/snapshot: success',
      'deploy/deploy: success',
      'deploy/deploy (staging): success',
      'rollback: skipped',
      'checks: skipped',
    ]);
    // build and snapshot run side by side: either may call first.
    expect(runner.calls.map(call).sort()).toEqual([
      'build-push staging',
      'deploy (mode runners) staging production',
      'deploy (mode snapshot) staging',
      'deploy staging',
    ]);
    expect(result.log).toContain(
      "    | ::notice::production and what follows are not deployed by a push: production has reviewers and the repository variable PRODUCTION_REVIEWERS is not 'required' yet; Run workflow deploys it",
    );
  });

  it('deploys production when dispatched by hand, after staging, with the image built once', async () => {
    const caller = await callerRepository();
    const runner = fakeRunner({ image: 'drop-web@sha256:2', result: 'deployed' });
    const result = await rehearseWorkflow({
      workflow: caller.file,
      inputs: {},
      ...caller,
      environments: roles(['staging', 'production']),
      runAction: runner.runAction,
    });
    expect(result.jobs['deploy/deploy (production)']?.result).toBe('success');
    expect(runner.calls.map(call).sort()).toEqual([
      'build-push staging',
      'deploy (mode runners) staging production',
      'deploy (mode snapshot) staging',
      'deploy production',
      'deploy staging',
    ]);
    expect(runner.calls.at(-1)?.inputs).toMatchObject({
      environment: 'production',
      config: '.github/apprunner-ops.yml',
      image: 'drop-web@sha256:2',
      'dry-run': 'false',
    });
  });

  it('gives each job an OIDC token naming the called workflow at the pinned commit', async () => {
    const caller = await callerRepository();
    const runner = fakeRunner({ image: 'drop-web@sha256:2', result: 'deployed' });
    const result = await rehearseWorkflow({
      workflow: caller.file,
      event: 'push',
      ...caller,
      environments: roles(['staging', 'production']),
      vars: { PRODUCTION_REVIEWERS: 'required' },
      runAction: runner.runAction,
    });
    expect(result.conclusion).toBe('success');
    // build, the snapshot beside it, staging, production: each asked for a token (the plan
    // job has no id-token). The two that run side by side both count. The runners job has no
    // environment: its token names the branch, and it assumes no role.
    expect(result.tokens.map((t) => t['sub']).sort()).toEqual([
      'repo:example@700000002/drop@700000001:environment:production',
      'repo:example@700000002/drop@700000001:environment:staging',
      'repo:example@700000002/drop@700000001:environment:staging',
      'repo:example@700000002/drop@700000001:environment:staging',
      'repo:example@700000002/drop@700000001:ref:refs/heads/main',
    ]);
    for (const token of result.tokens) {
      expect(token['job_workflow_ref']).toBe(
        `apprunner-ops/apprunner-ops/.github/workflows/deploy.yml@${SUITE_RELEASE.sha}`,
      );
      expect(token['job_workflow_sha']).toBe(SUITE_RELEASE.sha);
    }
    const leg = result.jobs['deploy/deploy (production)'];
    expect(leg?.deployment).toBe(false);
    expect(leg?.concurrency).toEqual({
      group: 'apprunner-ops-production',
      cancelInProgress: false,
      queue: 'max',
    });
    expect(leg?.steps.find((s) => s.label === 'deploy')?.uses).toBe(
      './.apprunner-ops/actions/deploy',
    );
  });
});

describe('where GitHub would refuse the caller', () => {
  const run = async (workflow: string, extra: Partial<RehearsalOptions> = {}) => {
    const caller = await callerRepository(workflow);
    const runner = fakeRunner({ image: 'drop-web@sha256:2', result: 'deployed' });
    const result = await rehearseWorkflow({
      workflow: caller.file,
      event: 'push',
      ...caller,
      environments: roles(['staging']),
      runAction: runner.runAction,
      ...extra,
    });
    return { result, runner };
  };
  const caller = (lines: string[]) =>
    [
      'name: caller',
      'on: push',
      'permissions:',
      '  contents: read',
      '  id-token: write',
      '  deployments: write',
      'jobs:',
      '  deploy:',
      ...lines.map((l) => `    ${l}`),
      '',
    ].join('\n');
  const uses = (ref: string) =>
    `uses: apprunner-ops/apprunner-ops/.github/workflows/deploy.yml@${ref}`;

  it('fails a ref the suite does not have', async () => {
    const { result } = await run(caller([uses('v9.9.9'), 'with: { environments: staging }']));
    expect(result.jobs['deploy']?.message).toMatch(/unable to find version `v9.9.9`/);
  });

  it('fails an input or a secret the reusable workflow does not declare', async () => {
    const input = await run(caller([uses('v1'), 'with: { environments: staging, colour: red }']));
    expect(input.result.jobs['deploy']?.message).toBe(
      'job deploy: Invalid input, colour is not defined in the referenced workflow.',
    );
    const secret = await run(
      caller([uses('v1'), 'with: { environments: staging }', 'secrets: { TOKEN: x }']),
    );
    expect(secret.result.jobs['deploy']?.message).toBe(
      'job deploy: Invalid secret, TOKEN is not defined in the referenced workflow.',
    );
  });

  it('fails a called job that asks for more permissions than the caller grants', async () => {
    const { result, runner } = await run(
      caller([uses('v1'), 'permissions: { contents: read }', 'with: { environments: staging }']),
    );
    expect(result.jobs['deploy/build']?.message).toBe(
      "The nested job 'build' is requesting 'id-token: write', but is only allowed 'id-token: none'.",
    );
    expect(runner.calls).toEqual([]);
  });

  it("fails a reusable workflow whose ./actions/… resolve against the caller's checkout", async () => {
    // The suite as it was: deploy.yml calling ./actions/deploy. The caller has no actions/.
    const old = await scratchFolder('old-suite-');
    await mkdir(path.join(old, '.github', 'workflows'), { recursive: true });
    await writeFile(
      path.join(old, '.github', 'workflows', 'deploy.yml'),
      readFileSync(path.join(FIXTURES, 'reusable-local-actions.yml'), 'utf8'),
    );
    const { result } = await run(
      caller(['uses: example/old-suite/.github/workflows/deploy.yml@v1']),
      {
        repositories: {
          ...suiteRepositories(),
          'example/old-suite': { root: old, refs: { v1: SUITE_RELEASE.sha } },
        },
      },
    );
    const step = result.jobs['deploy/caller-relative']?.steps.find((s) => s.label === 'smoke');
    expect(step?.outcome).toBe('failure');
    expect(step?.message).toMatch(
      /^Can't find 'action\.yml', 'action\.yaml' or 'Dockerfile' under '.*\/actions\/smoke-test'\. Did you forget to run actions\/checkout/,
    );
    // The job that checked the suite out first finds it.
    expect(result.jobs['deploy/suite-checkout']?.result).toBe('success');
  });
});

describe("docs/setup.md's caller, rolling back", () => {
  const dispatch = (inputs: Record<string, string>) => ({
    'rollback-to': 'previous',
    environment: 'production',
    reason: 'bad release',
    ...inputs,
  });

  it('hands environment, to and reason to the rollback action; masks secrets', async () => {
    const caller = await callerRepository();
    const runner = fakeRunner({ result: 'rolled-back', image: 'drop-web@sha256:1' });
    const result = await rehearseWorkflow({
      workflow: caller.file,
      inputs: dispatch({ 'rollback-to': 'v1.4.2', reason: 'checkout broken' }),
      ...caller,
      environments: roles(['production']),
      secrets: { SLACK_WEBHOOK_URL: 'https://hooks.example/very-secret' },
      runAction: runner.runAction,
    });
    expect(summary(result)).toEqual([
      'deploy: skipped',
      'rollback: success',
      'rollback/runners: success',
      'rollback/rollback: success',
      'checks: skipped',
    ]);
    expect(changing(runner.calls).map((c) => c.action)).toEqual(['rollback']);
    expect(changing(runner.calls)[0]?.inputs).toMatchObject({
      environment: 'production',
      to: 'v1.4.2',
      reason: 'checkout broken',
      'down-migration-command': '',
      'github-token': 'ghs_rehearsal_token',
      // secrets: inherit
      'slack-webhook-url': 'https://hooks.example/very-secret',
    });
    expect(changing(runner.calls)[0]?.env).toMatchObject({ AWS_REGION: 'eu-west-1' });
    expect(result.jobs['rollback']?.outputs).toEqual({ result: 'rolled-back' });
    expect(result.jobs['rollback/rollback']?.concurrency).toEqual({
      group: 'apprunner-ops-rollback-production',
      cancelInProgress: false,
      queue: 'max',
    });
    expect(result.log.join('\n')).not.toContain('very-secret');
  });

  it('stands in for AWS credentials only with a role', async () => {
    const caller = await callerRepository();
    const runner = fakeRunner({ result: 'rolled-back' });
    const result = await rehearseWorkflow({
      workflow: caller.file,
      inputs: dispatch({}),
      ...caller,
      runAction: runner.runAction,
    });
    const aws = result.jobs['rollback/rollback']?.steps.find(
      (s) => s.label === 'AWS credentials (OIDC)',
    );
    expect(aws?.message).toBe(
      'role-to-assume is empty (is the AWS_ROLE_ARN variable set for this environment?)',
    );
    expect(changing(runner.calls)).toEqual([]);
  });

  it('stops before anything changes when a down-migration is asked for but not configured', async () => {
    const caller = await callerRepository(
      readFileSync(CALLER_WORKFLOW, 'utf8').replace(
        '      reason: ${{ inputs.reason }}\n',
        '      reason: ${{ inputs.reason }}\n      down-migration: true\n',
      ),
    );
    const runner = fakeRunner({ result: 'rolled-back' });
    const result = await rehearseWorkflow({
      workflow: caller.file,
      inputs: dispatch({}),
      ...caller,
      environments: roles(['production']),
      runAction: runner.runAction,
    });
    expect(result.conclusion).toBe('failure');
    expect(changing(runner.calls)).toEqual([]);
    expect(result.log).toContain(
      '    | ::error::down-migration was requested but the production environment has no DOWN_MIGRATION_COMMAND variable',
    );
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
