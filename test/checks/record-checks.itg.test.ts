import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAuditEntry } from '../../core/audit/audit-log.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { fakeClock } from '../helpers/fake-clock.js';
import { runOne, sharedContext, simRun } from './context.js';

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSim({ timeScale: 0.01 });
});
afterAll(() => sim.stop());

async function github(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${sim.url}/github/repos/acme/drop${path}`, {
    method: 'POST',
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

describe('ci-green against the sim GitHub', () => {
  const sha = 'b'.repeat(40);
  const ctx = () =>
    sharedContext(sim, { run: simRun(sim, sha, '777'), secrets: { githubToken: 't' } });

  it('needs a token', async () => {
    const result = await runOne({ type: 'ci-green' }, sharedContext(sim));
    expect(result).toMatchObject({ status: 'error', line: expect.stringMatching(/github-token/) });
  });

  it('fails with no CI at all, passes when every run and status succeeded, ignores its own run', async () => {
    expect((await runOne({ type: 'ci-green' }, ctx())).line).toMatch(/no check runs or statuses/);
    for (const name of ['lint', 'typecheck', 'e2e'])
      await github('/check-runs', {
        name,
        head_sha: sha,
        status: 'completed',
        conclusion: 'success',
      });
    await github(`/statuses/${sha}`, { state: 'success', context: 'docker-build' });
    // This run's own job (in progress) and the gate's check run are not CI.
    await github('/check-runs', {
      name: 'gate',
      head_sha: sha,
      status: 'in_progress',
      details_url: 'https://github.com/acme/drop/actions/runs/777/job/1',
    });
    await github('/check-runs', {
      name: 'apprunner-ops: go-live gate',
      head_sha: sha,
      status: 'in_progress',
    });
    const result = await runOne(
      { type: 'ci-green', required: ['lint', 'e2e', 'docker-build'] },
      ctx(),
    );
    expect(result).toMatchObject({
      status: 'pass',
      line: expect.stringMatching(/4 check\(s\) successful/),
    });
  });

  it('fails for a failed run, a newer failing status, and a required one that never reported', async () => {
    await github('/check-runs', {
      name: 'tests',
      head_sha: sha,
      status: 'completed',
      conclusion: 'failure',
    });
    await github(`/statuses/${sha}`, { state: 'failure', context: 'docker-build' });
    const result = await runOne({ type: 'ci-green', required: ['deploy-preview'] }, ctx());
    expect(result.status).toBe('fail');
    expect(result.line).toContain('check run "tests" is failure');
    expect(result.line).toContain('status "docker-build" is failure');
    expect(result.line).toContain('required "deploy-preview" has not reported');
    expect(sim.mutatingCalls({ service: 'ec2' })).toEqual([]);
  });
});

describe('restore-verified reads the restore drill records', () => {
  let pg: LocalPostgres;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(() => pg.stop());
  const entry = (details: Record<string, unknown>) => ({
    action: 'restore_drill',
    resourceType: 'db_instance',
    resourceId: 'drop-db',
    details,
    actor: 'apprunner-ops',
    runUrl: 'https://github.com/acme/drop/actions/runs/1',
  });

  it('needs database-url; with no drill on record it is an error saying so', async () => {
    expect((await runOne({ type: 'restore-verified' }, sharedContext(sim))).line).toMatch(
      /database-url/,
    );
    const none = await runOne(
      { type: 'restore-verified' },
      sharedContext(sim, { secrets: { databaseUrl: pg.url } }),
    );
    expect(none).toMatchObject({
      status: 'error',
      line: expect.stringMatching(/^no restore drill of drop-db on record/),
    });
  });

  it('a failed drill fails; a successful one passes until it is older than max-age-days', async () => {
    // A green drill of another instance does not count for this environment's database.
    await writeAuditEntry(pg.url, {
      ...entry({ status: 'passed', restored: 'staging-db-drill-1' }),
      resourceId: 'staging-db',
    });
    await writeAuditEntry(pg.url, entry({ status: 'failed' }));
    const ctx = sharedContext(sim, { secrets: { databaseUrl: pg.url } });
    expect((await runOne({ type: 'restore-verified' }, ctx)).line).toMatch(
      /none of the 1 restore drill/,
    );
    await writeAuditEntry(pg.url, entry({ status: 'passed', restored: 'drop-db-drill-1' }));
    expect(await runOne({ type: 'restore-verified' }, ctx)).toMatchObject({ status: 'pass' });
    const later = fakeClock(Date.now() + 40 * 86_400_000);
    const old = await runOne({ type: 'restore-verified' }, { ...ctx, clock: later });
    expect(old).toMatchObject({
      status: 'fail',
      line: expect.stringMatching(/40 days ago \(limit 35\)/),
    });
  });
});

describe('attestation', () => {
  const DAY = 86_400_000;
  const now = Date.UTC(2026, 10, 22, 12);
  const book = (records: Record<string, { at: number; expires: number }>) => ({
    file: '.github/apprunner-ops/attestations.yml',
    maxAgeDays: 30,
    find: (id: string) =>
      records[id]
        ? {
            id,
            by: 'octocat',
            evidence: 'https://example.com/evidence',
            at: new Date(records[id].at),
            expires: new Date(records[id].expires),
          }
        : undefined,
  });
  const item = { type: 'attestation', id: 'bankid-callback', text: 'BankID works' };

  it('passes when current; fails when missing, expired or too old; errors outside the gate', async () => {
    const ctx = (records: Record<string, { at: number; expires: number }>) =>
      sharedContext(sim, { clock: fakeClock(now), attestations: book(records) });
    expect(
      await runOne(
        item,
        ctx({ 'bankid-callback': { at: now - 2 * DAY, expires: now + 10 * DAY } }),
      ),
    ).toMatchObject({
      status: 'pass',
      observed: { by: 'octocat', expires: '2026-12-02' },
    });
    expect((await runOne(item, ctx({}))).line).toMatch(/no attestation for "bankid-callback"/);
    expect(
      (await runOne(item, ctx({ 'bankid-callback': { at: now - 5 * DAY, expires: now - DAY } })))
        .line,
    ).toMatch(/expired on 2026-11-21/);
    expect(
      (await runOne(item, ctx({ 'bankid-callback': { at: now - 31 * DAY, expires: now + DAY } })))
        .line,
    ).toMatch(/31 days old \(limit 30\)/);
    expect((await runOne(item, sharedContext(sim))).status).toBe('error');
  });
});
