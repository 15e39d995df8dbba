/**
 * The report's GitHub reads against the sim's GitHub seeded with history: every deployment
 * since a day however many pages that is, commit dates (a commit GitHub no longer holds is
 * named, not measured), and every gate run of a commit past GitHub's first page of check runs.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunInfo } from '../../core/action/github-context.js';
import { gateRunFigures, leadTimes, readGithubRecords } from '../../core/report/github-records.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';

const DAY = 86_400_000;
const MINUTE = 60_000;
const sha = (n: number): string => createHash('sha1').update(`commit ${n}`).digest('hex');
const iso = (t: number): string => new Date(t).toISOString();
// A month whose deployments take 6 pages of 100 to list.
const start = Date.UTC(2026, 9, 1);
const period = {
  from: '2026-10-01',
  to: '2026-10-31',
  start,
  end: Date.UTC(2026, 10, 1),
  label: 'October 2026',
};
const COUNT = 510;
const GONE = 7;

let s: SimHandle;
beforeAll(async () => {
  const base = loadFixture();
  const deploys = Array.from({ length: COUNT }, (_, i) => start + i * 80 * MINUTE);
  s = await startSim({
    fixture: {
      ...base,
      github: {
        // Commit 7 was force-pushed away: GitHub no longer holds it.
        commits: deploys.flatMap((at, i) =>
          i === GONE ? [] : [{ sha: sha(i), committedAt: iso(at - (i % 3) * 60 * MINUTE) }],
        ),
        deployments: deploys.map((at, i) => ({
          environment: 'production',
          sha: sha(i),
          payload: { tool: 'apprunner-ops', kind: 'deploy', tag: `v${i}` },
          createdAt: iso(at),
          statuses: [{ state: 'success' as const, createdAt: iso(at + 5 * MINUTE) }],
        })),
        // 150 runs of other checks and 3 gate runs on commit 0: GitHub's first page holds 100.
        checkRuns: [
          ...Array.from({ length: 150 }, (_, i) => ({
            name: `test ${i}`,
            headSha: sha(0),
            conclusion: 'success' as const,
            startedAt: iso(start - DAY + i * MINUTE),
            completedAt: iso(start - DAY + i * MINUTE + 30_000),
          })),
          ...(['failure', 'success'] as const).map((conclusion, i) => ({
            name: 'apprunner-ops: go-live gate (production)',
            headSha: sha(0),
            conclusion,
            startedAt: iso(start + i * MINUTE),
            completedAt: iso(start + i * MINUTE + 30_000),
          })),
          {
            name: 'apprunner-ops: go-live gate (staging)',
            headSha: sha(0),
            conclusion: 'success' as const,
            startedAt: iso(start + 5 * MINUTE),
            completedAt: iso(start + 6 * MINUTE),
          },
        ],
      },
    },
  });
});
afterAll(() => s?.stop());

const read = (token: string) =>
  readGithubRecords(
    { environment: 'production', since: start - DAY },
    {
      run: readRunInfo({
        GITHUB_REPOSITORY: 'example/drop',
        GITHUB_API_URL: s.env['GITHUB_API_URL'],
      }),
      token,
      clock: systemClock,
      logger: recordingLogger(),
    },
  );

describe('the report reading GitHub', () => {
  it('reads every deployment past five pages, measures each lead time and names the commit GitHub lost', async () => {
    const records = await read('ghs_perm_contents-read_deployments-read_checks-read');
    const lead = leadTimes(records, period);
    // 510 deploys every 80 minutes: those that went live in October.
    const live = Array.from(
      { length: COUNT },
      (_, i) => start + i * 80 * MINUTE + 5 * MINUTE,
    ).filter((t) => t < period.end).length;
    expect(lead.deployments).toBe(live);
    expect(lead.unknownCommits).toEqual([sha(GONE)]);
    expect(lead.items).toHaveLength(live - 1);
    // Commits 0, 60 and 120 minutes before the deploy, live 5 minutes after it.
    expect(new Set(lead.items.map((i) => i.minutes))).toEqual(new Set([5, 65, 125]));
    expect(lead.medianMinutes).toBe(65);
    const listed = s.calls({ service: 'github', operation: 'listDeployments' }).length;
    expect(listed).toBeGreaterThanOrEqual(6);

    const gates = gateRunFigures(records, period);
    expect(gates?.byGate).toEqual([{ gate: 'go-live', runs: 2, passed: 1, failed: 1 }]);
  });

  it('a token without checks: read: gate runs are unread with the fix, lead times still measured', async () => {
    const records = await read('ghs_perm_contents-read_deployments-read');
    expect(records.gateRunsUnread).toMatch(/give the job checks: read/);
    expect(gateRunFigures(records, period)).toBeUndefined();
    expect(leadTimes(records, period).medianMinutes).toBe(65);
  });

  it('answers a commit it holds with its dates and one it does not with 422, as GitHub does', async () => {
    const get = (ref: string) =>
      fetch(`${s.env['GITHUB_API_URL']}/repos/example/drop/commits/${ref}`, {
        headers: { authorization: 'Bearer ghs_simtoken' },
      });
    const found = await get(sha(1));
    expect(found.status).toBe(200);
    const body = (await found.json()) as { sha: string; commit: { committer: { date: string } } };
    expect(body.sha).toBe(sha(1));
    expect(body.commit.committer.date).toBe(
      iso(start + 80 * MINUTE - 60 * MINUTE).replace('.000', ''),
    );
    const gone = await get(sha(GONE));
    expect(gone.status).toBe(422);
    expect(await gone.json()).toMatchObject({ message: `No commit found for SHA: ${sha(GONE)}` });
  });
});
