/**
 * docs/setup.md §10, `database.access: runner`: in every reusable workflow, each job that
 * reaches an environment's database runs on that environment's runner-label (read from the
 * configuration by the first job, `runners`), and every other job on the caller's `runs-on`.
 * database-runner.itg.test.ts runs it; this holds it for every workflow, present and future.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderWorkflows } from '../../scripts/generate-workflows.js';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string[];
  'runs-on': string;
  environment?: string | { name: string };
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const suite = (step: Step): string | undefined =>
  /^\.\/\.apprunner-ops\/actions\/([\w-]+)$/.exec(step.uses ?? '')?.[1];

/** Our actions that open a connection to the environment's database (core/util/pg-client.ts). */
function reachesDatabase(step: Step): boolean {
  const action = suite(step);
  const mode = step.with?.['mode'];
  if (action === 'deploy') return mode !== 'snapshot' && mode !== 'runners';
  if (action === 'ops-check') return step.with?.['cleanup'] !== 'only';
  return ['rollback', 'rotate-secret', 'restore-database', 'compliance-gate'].includes(
    action ?? '',
  );
}

const reusable = [...renderWorkflows()]
  .map(([file, text]) => [file, parse(text) as Workflow] as const)
  .filter(([, workflow]) => 'workflow_call' in workflow.on);

describe('jobs that reach a database (database.access: runner)', () => {
  it('are in the reusable workflows that change or check an environment', () => {
    expect(reusable.map(([file]) => file).sort()).toEqual([
      'checks.yml',
      'deploy.yml',
      'go-live.yml',
      'restart.yml',
      'restore.yml',
      'rollback.yml',
      'rotate.yml',
    ]);
  });

  for (const [file, workflow] of reusable)
    it(`${file}: run on their environment's runner-label, every other job on runs-on`, () => {
      const database = Object.entries(workflow.jobs).filter(([, job]) =>
        job.steps.some(reachesDatabase),
      );
      expect(database.length, file).toBeGreaterThan(0);
      for (const [id, job] of Object.entries(workflow.jobs)) {
        if (!job.steps.some(reachesDatabase)) {
          expect(job['runs-on'], `${file} ${id}`).toBe('${{ inputs.runs-on }}');
          continue;
        }
        // The environment the job's database step names: inputs.environment or the matrix's.
        const step = job.steps.find(reachesDatabase) as Step;
        const environment = /^\$\{\{ (.+) \}\}$/.exec(String(step.with?.['environment']))?.[1];
        expect(environment, `${file} ${id}`).toMatch(/^(inputs|matrix)\.environment$/);
        expect(job['runs-on'], `${file} ${id}`).toBe(
          `\${{ fromJSON(needs.runners.outputs.runs-on)[${environment}] || inputs.runs-on }}`,
        );
        expect(job.needs, `${file} ${id}`).toContain('runners');
      }
      // The first job reads the runner-label of every environment the workflow may touch.
      const runners = workflow.jobs['runners'];
      const read = runners?.steps.find((s) => suite(s) === 'deploy');
      expect(read?.with?.['mode']).toBe('runners');
      expect(read?.with?.['environment']).toMatch(/^\$\{\{ inputs\.environments? \}\}$/);
    });
});
