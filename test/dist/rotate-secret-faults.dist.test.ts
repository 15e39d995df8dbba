/**
 * The figure that matters: the rotation is stopped with SIGKILL (a lost runner: no post step)
 * after each step of each kind, then run once more with the same run id. After that re-run,
 * AWSCURRENT logs in (database kinds), the service is healthy, and exactly one version is
 * AWSCURRENT. The table of outcomes is printed (and kept in .tmp/rotate-kill-points.md).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, describe, it } from 'vitest';
import { tryLogin } from '../../core/rotation/values.js';
import { startRotationWorld, type RotationWorld } from '../../sim/rotation-world.js';
import { RUN_TIMEOUT_MS } from '../../sim/run-action.js';

interface Row {
  kind: string;
  step: string;
  killed: boolean;
  currentWorksAfterKill: string;
  rerunExit: number | null;
  rerunNote: string;
  currentWorks: string;
  healthy: boolean;
  currents: number;
}
const rows: Row[] = [];

const KINDS = [
  {
    kind: 'random',
    name: 'JWT_SECRET',
    secretId: 'drop/production/jwt-secret',
    appUser: false,
    steps: [
      'preflight',
      'new-value',
      'put-pending',
      'write-previous',
      'move-current',
      'start-deployment',
      'follow-operation',
      'verify-health',
      'audit-row',
    ],
  },
  {
    kind: 'rds-master-password',
    name: 'DATABASE_URL',
    secretId: 'drop/production/database-url',
    appUser: false,
    steps: [
      'preflight',
      'new-value',
      'put-pending',
      'modify-db-instance',
      'wait-applied',
      'test-login',
      'move-current',
      'start-deployment',
      'follow-operation',
      'verify-health',
      'audit-row',
    ],
  },
  {
    kind: 'database-user',
    name: 'DATABASE_URL',
    secretId: 'drop/production/app-database-url',
    appUser: true,
    steps: [
      'preflight',
      'new-value',
      'put-pending',
      'alter-role',
      'test-login',
      'move-current',
      'start-deployment',
      'follow-operation',
      'verify-health',
      'audit-row',
    ],
  },
] as const;

async function healthy(world: RotationWorld): Promise<boolean> {
  const res = await fetch(`${world.sim.serviceUrl('drop-web')}/api/health`);
  const body = (await res.json()) as { data: { checks: { db: { status: string } } } };
  return res.status === 200 && body.data.checks.db.status === 'pass';
}

afterAll(async () => {
  const table = [
    '| kind | killed after step | killed | AWSCURRENT logs in right after the kill | re-run | re-run says | AWSCURRENT logs in after re-run | healthy | AWSCURRENT versions |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    // The kinds ran side by side: group their rows again (the sort is stable).
    ...[...rows]
      .sort(
        (a, b) =>
          KINDS.findIndex((k) => k.kind === a.kind) - KINDS.findIndex((k) => k.kind === b.kind),
      )
      .map(
        (r) =>
          `| ${r.kind} | ${r.step} | ${r.killed ? 'SIGKILL' : 'finished first'} | ${r.currentWorksAfterKill} | exit ${r.rerunExit} | ${r.rerunNote} | ${r.currentWorks} | ${r.healthy ? 'yes' : 'NO'} | ${r.currents} |`,
      ),
  ].join('\n');
  await mkdir('.tmp', { recursive: true });
  await writeFile('.tmp/rotate-kill-points.md', `${table}\n`);
  console.log(table);
});

/**
 * The test's safety net is the sum of its runs' own deadlines (each run of a bundle is stopped
 * at RUN_TIMEOUT_MS): a fixed 300 s, five times what the slowest kind takes alone, was reached
 * by all three kinds on a fresh clone beside other work on 2 cores, though no run hung.
 */
const RUNS_PER_KIND = Math.max(...KINDS.map((k) => k.steps.length)) * 2;

// Each kind has its own world (its own PostgreSQL), so the three run side by side.
describe.concurrent('kill points', () => {
  it.for(KINDS)(
    'of kind $kind: after every step, one re-run finishes with a working AWSCURRENT, one AWSCURRENT and a healthy service',
    { timeout: RUNS_PER_KIND * RUN_TIMEOUT_MS },
    async (k, { expect }) => {
      const world = await startRotationWorld({ appUser: k.appUser, timeScale: 0.002 });
      try {
        for (const [i, step] of k.steps.entries()) {
          const runId = `${5000 + KINDS.indexOf(k) * 100 + i}`;
          const inputs = { secret: k.name, 'login-timeout': '1s' };
          const killed = await world.rotate(inputs, {
            runId,
            killOn: new RegExp(`step done: ${k.name} ${step}\\b`),
          });
          const after = world.sim.secret(k.secretId).current!;
          const afterKill = k.kind === 'random' ? 'n/a' : (await tryLogin(after)).ok ? 'yes' : 'no';
          const rerun = await world.rotate({ ...inputs, unfinished: 'resume' }, { runId });
          const current = world.sim.secret(k.secretId).current!;
          const works = k.kind === 'random' ? 'n/a' : (await tryLogin(current)).ok ? 'yes' : 'NO';
          const note = /unfinished rotation[^|]*finished/.test(rerun.summary)
            ? 'finished the unfinished rotation'
            : /unfinished rotation[^|]*undone/.test(rerun.summary)
              ? 'undid the unfinished rotation, rotated afresh'
              : /resumed at the redeploy/.test(rerun.summary)
                ? 'resumed at the redeploy'
                : 'rotated';
          const row: Row = {
            kind: k.kind,
            step,
            killed: killed.signal === 'SIGKILL',
            currentWorksAfterKill: afterKill,
            rerunExit: rerun.exitCode,
            rerunNote: note,
            currentWorks: works,
            healthy: await healthy(world),
            currents: world.sim
              .secret(k.secretId)
              .versions.filter((v) => v.stages.includes('AWSCURRENT')).length,
          };
          rows.push(row);
          expect(row.killed, `${k.kind} ${step}: the run was not killed`).toBe(true);
          expect(rerun.exitCode, `${k.kind} ${step}: ${rerun.stdout}`).toBe(0);
          expect(row.currentWorks).not.toBe('NO');
          expect(row.healthy).toBe(true);
          expect(row.currents).toBe(1);
          expect(
            world.sim
              .secret(k.secretId)
              .versions.some(
                (v) => v.stages.includes('AWSPENDING') && !v.stages.includes('AWSCURRENT'),
              ),
          ).toBe(false);
        }
      } finally {
        await world.stop();
      }
    },
  );
});
