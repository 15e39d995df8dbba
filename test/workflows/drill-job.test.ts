/**
 * The job that runs the restore drill lives as long as the drill's own deadlines allow, and a
 * post step after a cancellation stays inside GitHub's budget (it ends what still runs about
 * five minutes after cancelling); the next drill's leftover sweep is the guarantee
 * (test/dist/ops-check-drill.dist.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { snapshotRestore } from '../../core/checks/snapshot-restore.js';
import {
  DRILL_DEFAULTS,
  POST_STEP_BUDGET_MS,
  drillJobTimeoutMinutes,
  snapshotRestoreShape,
} from '../../core/drill/schema.js';
import { parseDuration } from '../../core/util/duration.js';

interface Workflow {
  jobs: Record<
    string,
    { 'timeout-minutes': number; if?: string; permissions: Record<string, string> }
  >;
}
const workflow = (file: string): Workflow =>
  parse(
    readFileSync(path.join(import.meta.dirname, '../../.github/workflows', file), 'utf8'),
  ) as Workflow;
const minutes = (text: string): number => (parseDuration(text) ?? 0) / 60_000;

describe('the restore drill job', () => {
  it("is derived from the drill's deadlines: restore + delete ≤ the check's timeout < the job's", () => {
    const restore = minutes(snapshotRestoreShape.deadline.parse(undefined));
    const remove = minutes(snapshotRestoreShape['delete-deadline'].parse(undefined));
    expect([restore, remove]).toEqual([
      DRILL_DEFAULTS.restoreDeadlineMinutes,
      DRILL_DEFAULTS.deleteDeadlineMinutes,
    ]);
    const check = snapshotRestore.defaultTimeoutMs / 60_000;
    expect(restore + remove).toBeLessThan(check);
    expect(drillJobTimeoutMinutes()).toBeGreaterThan(check);
  });

  it('checks.yml runs the monthly list in its own job with that timeout; ops-monthly.yml too', () => {
    const checks = workflow('checks.yml');
    expect(checks.jobs['monthly']?.['timeout-minutes']).toBe(drillJobTimeoutMinutes());
    expect(checks.jobs['monthly']?.if).toBe("needs.plan.outputs.monthly != '[]'");
    expect(checks.jobs['checks']?.['timeout-minutes']).toBe(20);
    expect(checks.jobs['checks']?.if).toBe("needs.plan.outputs.legs != '[]'");
    const monthly = workflow('ops-monthly.yml');
    const checksJobs = (w: Workflow) =>
      Object.entries(w.jobs)
        .filter(([name]) => name.startsWith('checks-'))
        .map(([, job]) => job);
    for (const job of checksJobs(monthly))
      expect(job['timeout-minutes']).toBe(drillJobTimeoutMinutes());
    for (const job of checksJobs(workflow('ops-daily.yml')))
      expect(job['timeout-minutes']).toBe(20);
  });

  it('the post step waits at most four minutes, inside the five GitHub allows after a cancel', () => {
    expect(POST_STEP_BUDGET_MS).toBeLessThanOrEqual(4 * 60_000);
  });

  it('checks.yml may read deployments (the ECR clean-up reads rollback targets)', () => {
    const checks = workflow('checks.yml');
    for (const name of ['checks', 'monthly'])
      expect(checks.jobs[name]?.permissions).toMatchObject({ deployments: 'read' });
  });
});
