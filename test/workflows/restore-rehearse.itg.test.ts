/**
 * `npm run rehearse -- restore`, as a test: docs/setup.md §12's caller, in a repository of its
 * own, calls restore.yml against the sim with drop-db backed by a real PostgreSQL, after rows
 * written at T1 were deleted by a bad DELETE at T2. Production's reviewers approve the restore
 * job, which restores to T1 + 30 s beside drop-db and shows the deleted rows there and not in
 * drop-db; then, approved again, the cut-over job swaps the instances: the service's unchanged
 * DATABASE_URL reads the rows again and the replaced instance is kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import {
  RESTORE_CALLER_WORKFLOW,
  RESTORE_ROLE_ARN,
  badDelete,
  restoreInputs,
  restoreRehearsalFixture,
  restoreRehearsalOptions,
} from '../../workflows-src/rehearse/restore.js';

const ROOT = path.join(import.meta.dirname, '../..');

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function t1Rows(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number(
      (
        await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM users WHERE email LIKE 't1-%'",
        )
      ).rows[0]!.n,
    );
  } finally {
    await client.end();
  }
}

async function instanceIds(s: SimHandle): Promise<string[]> {
  const rds = new RDSClient(s.clientConfig());
  try {
    const out = await rds.send(new DescribeDBInstancesCommand({}));
    return (out.DBInstances ?? []).map((i) => i.DBInstanceIdentifier ?? '').sort();
  } finally {
    rds.destroy();
  }
}

describe("docs/setup.md's restore caller, rehearsed against the sim", () => {
  it('is the snippet docs/setup.md shows', () => {
    const setup = readFileSync(path.join(ROOT, 'docs/setup.md'), 'utf8');
    const blocks = [...setup.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks).toContain(readFileSync(RESTORE_CALLER_WORKFLOW, 'utf8'));
  });

  it('restores beside drop-db and, approved twice, cuts over: the service reads the deleted rows again, the replaced instance kept', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: restoreRehearsalFixture() });
    const s = sim;
    /** What the reviewers saw when each job asked for approval. */
    const seen: { job: string; instances: string[]; t1RowsServed: number }[] = [];
    const options = await restoreRehearsalOptions(
      s,
      { callerWorkflow: RESTORE_CALLER_WORKFLOW },
      async (job) => {
        seen.push({
          job: job.id,
          instances: await instanceIds(s),
          t1RowsServed: await t1Rows(options.databaseUrl),
        });
      },
    );
    const to = await badDelete(s, options.databaseUrl);
    expect(await t1Rows(options.databaseUrl)).toBe(0);
    const result = await rehearseWorkflow({
      workflow: path.join(
        options.workspace as string,
        '.github/workflows',
        path.basename(RESTORE_CALLER_WORKFLOW),
      ),
      inputs: restoreInputs(to),
      ...options,
    });
    const log = result.log.join('\n');
    expect(result.conclusion, log).toBe('success');
    expect(result.order.map((id) => `${id}: ${result.jobs[id]?.result}`)).toEqual([
      'restore: success',
      'restore/runners: success',
      'restore/restore: success',
      'restore/cut-over: success',
    ]);
    const restored = result.jobs['restore/restore']!.outputs['restored-instance']!;
    expect(restored).toMatch(/^drop-db-restored-\d{14}$/);
    const replaced = result.jobs['restore/cut-over']!.outputs['replaced-instance']!;
    expect(replaced).toMatch(/^drop-db-replaced-\d{14}$/);

    // Each job waited for production's reviewers: the restore first; the cut-over once the
    // restore stood beside drop-db, drop-db still without the rows.
    expect(options.approvals.map((a) => `${a.job} (${a.environment})`)).toEqual([
      'restore/restore (production)',
      'restore/cut-over (production)',
    ]);
    expect(seen).toEqual([
      { job: 'restore/restore', instances: ['drop-db'], t1RowsServed: 0 },
      { job: 'restore/cut-over', instances: ['drop-db', restored], t1RowsServed: 0 },
    ]);
    // Both jobs assumed the environment's restore role.
    expect(log.match(new RegExp(`would assume ${RESTORE_ROLE_ARN} `, 'g'))).toHaveLength(2);

    // The side-by-side tables: the rows only in the restore, then the same after the swap.
    const summaryOf = (job: string): string =>
      result.jobs[job]!.steps.map((step) => step.action?.summary ?? '').join('\n');
    expect(summaryOf('restore/restore')).toMatch(/\| t1-rows \| 0 \| 3 \| differs \|/);
    expect(summaryOf('restore/cut-over')).toMatch(/\| t1-rows \| 3 \| 3 \| same \|/);
    expect(summaryOf('restore/cut-over')).toContain(
      `aws rds delete-db-instance --db-instance-identifier ${replaced}`,
    );

    // The service's unchanged DATABASE_URL reads the restored rows; the replaced one is kept.
    expect(await t1Rows(options.databaseUrl)).toBe(3);
    expect(await instanceIds(s)).toEqual(['drop-db', replaced]);
    expect(s.mutatingCalls().some((c) => c.operation === 'DeleteDBInstance')).toBe(false);
    // The maintenance window closed again.
    expect(s.betterstack.monitors().every((m) => !m.paused)).toBe(true);
    // The DATABASE_URL's password is in no log.
    expect(log).not.toContain(decodeURIComponent(new URL(options.databaseUrl).password));
  }, 240_000);
});
