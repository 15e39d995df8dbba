/**
 * The clean-up role (docs/iam-policy-ecr-cleanup.json, the only one with ecr:BatchDeleteImage)
 * is assumed by the clean-up job alone, which runs only the items that delete; every routine
 * checks job keeps the read-only role and runs those items as a dry run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itemsForCleanupMode } from '../../core/checks/ops-check.js';
import { checkItemSchema } from '../../core/checks/registry.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  if?: string;
  permissions: Record<string, string>;
  strategy?: unknown;
  steps: Step[];
}
interface Workflow {
  jobs: Record<string, Job>;
}

const workflow = (file: string): Workflow =>
  parse(
    readFileSync(path.join(import.meta.dirname, '../../.github/workflows', file), 'utf8'),
  ) as Workflow;

const roleOf = (job: Job): string | undefined =>
  job.steps.find((s) => s.uses?.includes('configure-aws-credentials'))?.with?.['role-to-assume'];
const opsCheckOf = (job: Job): Step | undefined =>
  job.steps.find((s) => s.uses?.includes('ops-check'));

describe('ops-daily/weekly/monthly.yml: the clean-up role', () => {
  for (const file of ['ops-daily.yml', 'ops-weekly.yml', 'ops-monthly.yml']) {
    it(`${file}: only cleanup-<env> assumes <ENV>_CLEANUP_ROLE_ARN; checks-<env> keep the read-only role`, () => {
      const { jobs } = workflow(file);
      const names = Object.keys(jobs);
      const checks = names.filter((n) => n.startsWith('checks-'));
      expect(checks.length).toBeGreaterThan(0);
      expect(names.filter((n) => n.startsWith('cleanup-'))).toEqual(
        checks.map((n) => n.replace('checks-', 'cleanup-')),
      );
      for (const name of names) {
        const job = jobs[name]!;
        const env = name.replace(/^(checks|cleanup)-/, '').toUpperCase();
        const role = roleOf(job);
        const opsCheck = opsCheckOf(job);
        if (name.startsWith('cleanup-')) {
          expect(role).toBe(`\${{ vars.${env}_CLEANUP_ROLE_ARN }}`);
          expect(job.if).toBe(`vars.${env}_CLEANUP_ROLE_ARN != ''`);
          expect(opsCheck?.with?.['cleanup']).toBe('only');
          // No issue of its own: the checks job of the list keeps it.
          expect(job.permissions['issues']).toBeUndefined();
        } else {
          expect(role).toBe(`\${{ vars.${env}_OPS_ROLE_ARN }}`);
          // A dry run where the clean-up job runs; where it does not, delete: true is an error.
          expect(opsCheck?.with?.['cleanup']).toBe(
            `\${{ vars.${env}_CLEANUP_ROLE_ARN != '' && 'skip' || 'no-role' }}`,
          );
        }
        // The clean-up role is assumed by the clean-up job only.
        expect(
          JSON.stringify(job.steps.filter((s) => s !== opsCheck)).includes('CLEANUP_ROLE_ARN'),
        ).toBe(name.startsWith('cleanup-'));
      }
    });
  }
});

/** Runs checks.yml's plan step as the runner would, with these repository variables. */
function plan(vars: Record<string, string>, environments: string, schedule: string) {
  const step = workflow('checks.yml').jobs['plan']!.steps.find((s) => s.id === 'plan')!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-'));
  try {
    const output = path.join(dir, 'output');
    writeFileSync(output, '');
    execFileSync('bash', ['-e', '-o', 'pipefail', '-c', step.run!], {
      env: {
        PATH: process.env['PATH'],
        GITHUB_OUTPUT: output,
        ENVIRONMENTS: environments,
        WHICH: schedule,
        VARS: JSON.stringify(vars),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const out = Object.fromEntries(
      readFileSync(output, 'utf8')
        .trim()
        .split('\n')
        .map((line) => [
          line.slice(0, line.indexOf('=')),
          JSON.parse(line.slice(line.indexOf('=') + 1)),
        ]),
    ) as Record<
      'legs' | 'monthly' | 'cleanup',
      { environment: string; role: string; schedule: string; cleanup?: string }[]
    >;
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('checks.yml: the clean-up role', () => {
  const vars = {
    STAGING_OPS_ROLE_ARN: 'arn:aws:iam::123456789012:role/staging-ops',
    STAGING_AWS_REGION: 'eu-west-1',
    PRODUCTION_OPS_ROLE_ARN: 'arn:aws:iam::123456789012:role/production-ops',
    PRODUCTION_AWS_REGION: 'eu-west-1',
    PRODUCTION_CLEANUP_ROLE_ARN: 'arn:aws:iam::123456789012:role/production-ecr-cleanup',
  };

  it('the plan gives the clean-up role only to clean-up legs, of the environments that set it', () => {
    const out = plan(vars, 'staging production', 'weekly');
    expect(out.cleanup).toEqual([
      {
        environment: 'production',
        schedule: 'weekly',
        role: vars.PRODUCTION_CLEANUP_ROLE_ARN,
        region: 'eu-west-1',
      },
    ]);
    expect(out.legs.map((l) => [l.environment, l.role, l.cleanup])).toEqual([
      // No clean-up role: ops-check refuses delete: true rather than dry-running it forever.
      ['staging', vars.STAGING_OPS_ROLE_ARN, 'no-role'],
      ['production', vars.PRODUCTION_OPS_ROLE_ARN, 'skip'],
    ]);
    const monthly = plan(vars, 'production', 'monthly');
    expect(monthly.monthly.map((l) => l.role)).toEqual([vars.PRODUCTION_OPS_ROLE_ARN]);
    expect(monthly.cleanup.map((l) => l.role)).toEqual([vars.PRODUCTION_CLEANUP_ROLE_ARN]);
  });

  it('only the cleanup job reads the clean-up legs, and it runs only the items that delete', () => {
    const { jobs } = workflow('checks.yml');
    const readers = Object.entries(jobs)
      .filter(([, job]) => JSON.stringify(job).includes('needs.plan.outputs.cleanup'))
      .map(([name]) => name);
    expect(readers).toEqual(['cleanup']);
    expect(roleOf(jobs['cleanup']!)).toBe('${{ matrix.role }}');
    expect(opsCheckOf(jobs['cleanup']!)?.with?.['cleanup']).toBe('only');
    expect(jobs['cleanup']!.permissions['issues']).toBeUndefined();
    for (const name of ['checks', 'monthly']) {
      expect(JSON.stringify(jobs[name]!.strategy)).toContain(
        `outputs.${name === 'checks' ? 'legs' : 'monthly'}`,
      );
      expect(opsCheckOf(jobs[name]!)?.with?.['cleanup']).toBe('${{ matrix.cleanup }}');
    }
  });
});

describe('ops-check cleanup mode', () => {
  const items = [
    { type: 'ecr-untagged', delete: true },
    { type: 'ecr-untagged' },
    { type: 'lifecycle-policy' },
  ].map((i) => checkItemSchema.parse(i));

  it('skip (read-only jobs) runs the deleting item as a dry run; only (clean-up job) runs it alone', () => {
    const skip = itemsForCleanupMode(items, 'skip');
    expect(skip.map((i) => [i.type, (i as { delete?: boolean }).delete])).toEqual([
      ['ecr-untagged', false],
      ['ecr-untagged', false],
      ['lifecycle-policy', undefined],
    ]);
    expect(itemsForCleanupMode(items, 'only')).toEqual([items[0]]);
    expect(itemsForCleanupMode(items, 'include')).toBe(items);
  });
});
