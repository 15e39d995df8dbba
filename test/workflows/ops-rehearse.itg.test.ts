/**
 * ops-daily/weekly/monthly.yml rehearsed against the sim with the real ops-check bundle: every
 * job green, and docs/iam-policy-ops.json allows exactly the AWS calls they make (read-only).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import { rehearsalFixture, simRehearsalOptions } from '../../workflows-src/rehearse/with-sim.js';
import { policyActions, policyGaps, type PolicyDocument } from './iam-policy.js';

const ROOT = path.join(import.meta.dirname, '../..');
/** Signing names in the call log → IAM service prefixes. */
const IAM_PREFIX: Record<string, string> = {
  apprunner: 'apprunner',
  ecr: 'ecr',
  rds: 'rds',
  sts: 'sts',
  monitoring: 'cloudwatch',
  logs: 'logs',
  secretsmanager: 'secretsmanager',
};

describe('ops workflows rehearsed against the sim', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
  });
  afterAll(() => sim.stop());

  it('runs ops-daily, ops-weekly and ops-monthly green; the ops policy is exactly their calls', async () => {
    const options = await simRehearsalOptions(sim);
    for (const schedule of ['daily', 'weekly', 'monthly']) {
      const result = await rehearseWorkflow({
        workflow: path.join(ROOT, '.github/workflows', `ops-${schedule}.yml`),
        ...options,
      });
      expect(result.conclusion, result.log.join('\n')).toBe('success');
      expect(result.order).toEqual([
        'checks-staging',
        'cleanup-staging',
        'checks-production',
        'cleanup-production',
      ]);
      // No <ENV>_CLEANUP_ROLE_ARN variable: no clean-up job runs, nothing is deleted.
      for (const id of ['cleanup-staging', 'cleanup-production'])
        expect(result.jobs[id]?.result, id).toBe('skipped');
    }
    expect(sim.mutatingCalls()).toEqual([]);
    const called = new Set(
      sim
        .calls()
        .filter((c) => c.service in IAM_PREFIX)
        .map((c) => `${IAM_PREFIX[c.service]}:${c.operation}`),
    );
    const policy = JSON.parse(
      readFileSync(path.join(ROOT, 'docs/iam-policy-ops.json'), 'utf8'),
    ) as PolicyDocument;
    // The rehearsal's configuration has no rotation-due check; its reads
    // (SecretsReadRotationDates, RotationDueReadsTheLastDeployment) are the calls of
    // test/dist/ops-check-lists-policy.dist.test.ts.
    expect(
      policyGaps([policy], sim.calls(), [
        'SecretsReadRotationDates',
        'RotationDueReadsTheLastDeployment',
      ]),
    ).toEqual({ denied: [], unneeded: [] });
    expect([...called].sort()).toEqual(
      policyActions(policy).filter(
        (a) => !a.startsWith('secretsmanager:') && a !== 'apprunner:ListOperations',
      ),
    );
    // Read-only: nothing in the policy can change anything.
    expect(policyActions(policy).every((a) => /:(Describe|Get|List|Filter)/.test(a))).toBe(true);
  });

  it('with PRODUCTION_CLEANUP_ROLE_ARN set, cleanup-production runs ops-check with that role and cleanup: only; the checks jobs keep the read-only role', async () => {
    const options = await simRehearsalOptions(sim);
    const role = 'arn:aws:iam::123456789012:role/apprunner-ops-ecr-cleanup-production';
    const result = await rehearseWorkflow({
      workflow: path.join(ROOT, '.github/workflows/ops-weekly.yml'),
      ...options,
      vars: { ...options.vars, PRODUCTION_CLEANUP_ROLE_ARN: role },
    });
    expect(result.conclusion, result.log.join('\n')).toBe('success');
    expect(result.jobs['cleanup-staging']?.result).toBe('skipped');
    const cleanup = result.jobs['cleanup-production'];
    expect(cleanup?.result).toBe('success');
    const roleOf = (id: string) =>
      result.jobs[id]?.steps.find((s) => s.uses?.includes('configure-aws-credentials'))?.inputs[
        'role-to-assume'
      ];
    expect(roleOf('cleanup-production')).toBe(role);
    expect(roleOf('checks-production')).toBe(options.vars?.['PRODUCTION_OPS_ROLE_ARN']);
    const step = cleanup?.steps.find((s) => s.uses?.includes('ops-check'));
    expect(step?.inputs['cleanup']).toBe('only');
    // The rehearsal's weekly list deletes nothing: the clean-up job says so and runs no check.
    expect(step?.action?.stdout).toContain('nothing for the clean-up job to run');
  });
});
