import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderWorkflows } from '../../scripts/generate-workflows.js';
import { ACTION_TYPES_FILE, renderActionTypes } from '../../workflows-src/action-types.js';
import { ourAction } from '../../workflows-src/dsl.js';

const ROOT = path.join(import.meta.dirname, '../..');
const committed = (file: string): string =>
  readFileSync(path.join(ROOT, '.github/workflows', file), 'utf8');

interface Job {
  needs?: string[];
  environment?: string | { name: string; deployment?: boolean };
  concurrency?: { group: string; 'cancel-in-progress': boolean; queue?: string };
  steps: { uses?: string; with?: Record<string, unknown> }[];
}
const jobsOf = (file: string): Record<string, Job> =>
  (parse(committed(file)) as { jobs: Record<string, Job> }).jobs;

describe('npm run workflows', () => {
  it('reproduces the committed workflows byte for byte', () => {
    const rendered = renderWorkflows();
    expect([...rendered.keys()].sort()).toEqual([
      'checks.yml',
      'ci.yml',
      'deploy.yml',
      'go-live.yml',
      'ops-daily.yml',
      'ops-monthly.yml',
      'ops-weekly.yml',
      'release.yml',
      'restart.yml',
      'restore.yml',
      'rollback.yml',
      'rotate.yml',
    ]);
    for (const [file, text] of rendered) expect(text, file).toBe(committed(file));
    // Twice the same: nothing depends on time, order of iteration or the machine.
    expect(renderWorkflows()).toEqual(rendered);
  });

  it('keeps action-inputs.generated.ts in step with the action.yml files', async () => {
    expect(await renderActionTypes(), 'run npm run workflows').toBe(
      readFileSync(ACTION_TYPES_FILE, 'utf8'),
    );
  });

  it('heads each file with its source and "generated — do not edit"', () => {
    expect(committed('deploy.yml').split('\n')[0]).toBe(
      '# deploy.yml: generated from workflows-src/deploy.ts by `npm run workflows` — generated — do not edit.',
    );
  });

  it('types the with: of our actions from their action.yml', () => {
    // These lines are the test: `npm run typecheck` fails if either starts to compile.
    // @ts-expect-error: image-tag is not an input of actions/deploy
    ourAction('deploy', { with: { environment: 'staging', 'image-tag': 'v1' } });
    // @ts-expect-error: reason is a required input of actions/rollback
    ourAction('rollback', { with: { environment: 'production' } });
    expect(ourAction('smoke-test', { id: 'smoke', with: { 'base-url': 'http://x' } })).toEqual({
      id: 'smoke',
      uses: './actions/smoke-test',
      with: { 'base-url': 'http://x' },
    });
  });
});

describe('deploy.yml and rollback.yml', () => {
  const deploy = jobsOf('deploy.yml');
  const rollback = jobsOf('rollback.yml');
  const on = (file: string) =>
    (parse(committed(file)) as { on: Record<string, { inputs?: object; secrets?: object }> }).on;

  it('are reusable only: the suite deploys nothing of its own', () => {
    for (const file of ['deploy.yml', 'rollback.yml'])
      expect(Object.keys(on(file))).toEqual(['workflow_call']);
  });

  it("take the caller's environments, build settings, config and runner as inputs", () => {
    expect(Object.keys(on('deploy.yml')['workflow_call']?.inputs ?? {})).toEqual([
      'environments',
      'gated-environments',
      'config',
      'runs-on',
      'context',
      'dockerfile',
      'build-args',
      'dry-run',
    ]);
    expect(Object.keys(on('rollback.yml')['workflow_call']?.inputs ?? {})).toEqual([
      'environment',
      'to',
      'reason',
      'down-migration',
      'approval-environment',
      'config',
      'runs-on',
    ]);
    // No environment name is written into either workflow (descriptions aside).
    for (const file of ['deploy.yml', 'rollback.yml']) {
      const code = committed(file).replace(/^\s*description: .*$/gm, '');
      expect(code).not.toMatch(/\b(staging|production)\b/);
    }
  });

  it('deploys the image the build job made to each planned environment, one at a time', () => {
    expect(Object.keys(deploy)).toEqual(['plan', 'runners', 'build', 'snapshot', 'deploy']);
    const job = deploy['deploy'] as Job & { strategy: Record<string, unknown> };
    expect(job.needs).toEqual(['plan', 'build', 'snapshot', 'runners']);
    // The first environment's snapshot starts beside the build (both need only the plan), and
    // its deploy waits for that snapshot instead of taking one.
    expect(deploy['snapshot']?.needs).toEqual(['plan']);
    expect(deploy['build']?.needs).toEqual(['plan']);
    const ahead = deploy['snapshot']?.steps.find(
      (s) => s.uses === './.apprunner-ops/actions/deploy',
    );
    expect(ahead?.with?.['mode']).toBe('snapshot');
    expect(
      job.steps.find((s) => s.uses === './.apprunner-ops/actions/deploy')?.with?.['snapshot-id'],
    ).toBe(
      "${{ matrix.environment == needs.plan.outputs.first && needs.snapshot.outputs.snapshot-id || '' }}",
    );
    expect(job.strategy).toEqual({
      matrix: { environment: '${{ fromJSON(needs.plan.outputs.environments) }}' },
      'max-parallel': 1,
      'fail-fast': true,
    });
    const step = job.steps.find((s) => s.uses === './.apprunner-ops/actions/deploy');
    expect(step?.with?.['image']).toBe('${{ needs.build.outputs.image }}');
    expect(job.environment).toEqual({ name: '${{ matrix.environment }}', deployment: false });
    // The build job uses its environment for credentials only: no deployment entry.
    expect(deploy['build']?.environment).toEqual({
      name: '${{ needs.plan.outputs.first }}',
      deployment: false,
    });
  });

  it('queues deploys, and rollbacks apart from them (never behind a deploy waiting for approval): never cancelled, never dropped', () => {
    expect(deploy['deploy']?.concurrency).toEqual({
      group: 'apprunner-ops-${{ matrix.environment }}',
      'cancel-in-progress': false,
      queue: 'max',
    });
    expect(rollback['rollback']?.concurrency).toEqual({
      group: 'apprunner-ops-rollback-${{ inputs.environment }}',
      'cancel-in-progress': false,
      queue: 'max',
    });
  });

  it('run our actions from the suite checked out at the called commit, never ./actions/', () => {
    for (const file of ['deploy.yml', 'rollback.yml']) {
      expect(committed(file)).not.toMatch(/uses: \.\/actions\//);
      expect(committed(file)).toContain('path: .apprunner-ops');
      expect(committed(file)).toContain('job_workflow_sha');
    }
  });

  it('are reusable with the same optional secrets', () => {
    for (const file of ['deploy.yml', 'rollback.yml'])
      expect(Object.keys(on(file)['workflow_call']?.secrets ?? {})).toEqual([
        'SLACK_WEBHOOK_URL',
        'BETTERSTACK_TOKEN',
        'AUDIT_DATABASE_URL',
        'FLY_API_TOKEN',
      ]);
  });

  it("hand FLY_API_TOKEN to the steps that restart or update a Fly environment's machines", () => {
    // A rotation on Fly redeploys by restarting the machines: without the token it cannot.
    const steps = Object.values(jobsOf('rotate.yml')).flatMap((j) => j.steps);
    const rotate = steps.find((s) => s.uses?.endsWith('/actions/rotate-secret'));
    expect(rotate?.with?.['fly-api-token']).toBe('${{ secrets.FLY_API_TOKEN }}');
    const manifest = parse(
      readFileSync(path.join(ROOT, 'actions/rotate-secret/action.yml'), 'utf8'),
    ) as { inputs: Record<string, unknown> };
    expect(manifest.inputs['fly-api-token']).toBeDefined();
  });
});
