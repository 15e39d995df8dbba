import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderWorkflows } from '../../scripts/generate-workflows.js';
import { ACTION_TYPES_FILE, renderActionTypes } from '../../workflows-src/action-types.js';
import { ourAction } from '../../workflows-src/dsl.js';
import { ENVIRONMENTS } from '../../workflows-src/environments.js';

const ROOT = path.join(import.meta.dirname, '../..');
const committed = (file: string): string =>
  readFileSync(path.join(ROOT, '.github/workflows', file), 'utf8');

interface Job {
  needs?: string[];
  environment?: string | { name: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  steps: { uses?: string; with?: Record<string, unknown> }[];
}
const jobsOf = (file: string): Record<string, Job> =>
  (parse(committed(file)) as { jobs: Record<string, Job> }).jobs;

describe('npm run workflows', () => {
  it('reproduces the committed workflows byte for byte', () => {
    const rendered = renderWorkflows();
    expect([...rendered.keys()].sort()).toEqual([
      'ci.yml',
      'deploy.yml',
      'go-live.yml',
      'ops-daily.yml',
      'ops-monthly.yml',
      'ops-weekly.yml',
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

  it('deploys the image the build job made to every environment, in order', () => {
    const names = ENVIRONMENTS.map((e) => e.name);
    expect(Object.keys(deploy)).toEqual(['build', ...names.map((n) => `deploy-${n}`)]);
    names.forEach((name, i) => {
      const job = deploy[`deploy-${name}`] as Job;
      expect(job.needs).toEqual(i === 0 ? ['build'] : ['build', `deploy-${names[i - 1]}`]);
      const step = job.steps.find((s) => s.uses === './actions/deploy');
      expect(step?.with?.['image']).toBe('${{ needs.build.outputs.image }}');
      expect(job.environment).toMatchObject({ name });
    });
  });

  it('queues deploys and rollbacks of an environment in one group, never cancelling', () => {
    for (const name of ENVIRONMENTS.map((e) => e.name)) {
      expect(deploy[`deploy-${name}`]?.concurrency).toEqual({
        group: `apprunner-ops-${name}`,
        'cancel-in-progress': false,
      });
    }
    // With inputs.environment = <name> this is the same group as the deploy job's.
    expect(rollback['rollback']?.concurrency).toEqual({
      group: 'apprunner-ops-${{ inputs.environment }}',
      'cancel-in-progress': false,
    });
  });

  it('are reusable with the same secrets', () => {
    for (const file of ['deploy.yml', 'rollback.yml']) {
      const on = (parse(committed(file)) as { on: Record<string, { secrets?: object }> }).on;
      expect(Object.keys(on['workflow_call']?.secrets ?? {})).toEqual([
        'SLACK_WEBHOOK_URL',
        'BETTERSTACK_TOKEN',
        'AUDIT_DATABASE_URL',
      ]);
    }
  });
});
