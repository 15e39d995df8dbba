/**
 * What GitHub holds of an environment's changes, for the report's delivery figures: the
 * deployments apprunner-ops made (when each went live: its first `success` status), the
 * commit each deployed (its committer date, where the lead time starts) and the compliance
 * gate's runs on those commits (its check runs, `apprunner-ops: <gate> gate (<environment>)`).
 *
 * Read to the end or not at all: a list GitHub answers only in part is an error, so a
 * report never shows fewer deployments or gate runs than there were.
 */
import type { RunInfo } from '../action/github-context.js';
import { GitHubDeployments, type DeploymentRecord } from '../github/deployments.js';
import { createOctokit } from '../github/octokit.js';
import { statusOf } from '../github/status.js';
import type { Clock } from '../util/clock.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { median, type LeadTimeFigures, type LeadTimeItem } from './delivery.js';
import type { ReportPeriod } from './period.js';

export interface GateRun {
  gate: string;
  sha: string;
  conclusion: string;
  at: string;
  url: string | undefined;
}

export interface GithubRecords {
  repository: string;
  deployments: DeploymentRecord[];
  /** Committer date (epoch ms) of each deployed commit GitHub knows. */
  committedAt: Map<string, number>;
  gateRuns: GateRun[];
  /**
   * Why the gate runs were not read: the routine-check jobs' token has no `checks: read`
   * unless the workflow grants it. Said in the report (a warning), never taken as "no runs".
   */
  gateRunsUnread: string | undefined;
}

class ChecksRefused extends Error {
  override readonly name = 'ChecksRefused';
}

/** The gate's check run name (core/gate/gate.ts GATE_CHECK_RUN_NAME) read back. */
const GATE_RUN = /^apprunner-ops: (.+) gate \((.+)\)$/;
/** Pages of 100 check runs read per commit before the read counts as unbounded. */
const MAX_CHECK_RUN_PAGES = 10;
/** Commits read side by side. */
const CONCURRENT_COMMITS = 8;

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Every deployment of `environment` made since `since`, the committer date of each deployed
 * commit, and the gate runs on those commits.
 */
export async function readGithubRecords(
  request: { environment: string; since: number },
  deps: { run: RunInfo; token: string; clock: Clock; logger: Logger },
): Promise<GithubRecords> {
  const { run, token } = deps;
  const github = new GitHubDeployments({ ...run, token }, deps);
  const deployments = await github.history(request.environment, 0, { since: request.since });
  const octokit = createOctokit(token, { apiUrl: run.apiUrl, logger: deps.logger });
  const [owner = '', repo = ''] = run.repository.split('/');
  const shas = [
    ...new Set(deployments.filter((d) => d.payload.kind === 'deploy').map((d) => d.sha)),
  ].filter((sha) => /^[0-9a-f]{40}$/.test(sha));
  const committedAt = new Map<string, number>();
  const runsOf = new Map<string, GateRun[]>();
  let gateRunsUnread: string | undefined;
  const readOne = async (sha: string): Promise<void> => {
    try {
      const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha, per_page: 1 });
      const date = data.commit.committer?.date ?? data.commit.author?.date;
      if (date) committedAt.set(sha, Date.parse(date));
    } catch (error) {
      // GitHub answers 422 (or 404) for a commit it does not hold: counted as unknown.
      if (statusOf(error) !== 422 && statusOf(error) !== 404)
        throw new Error(
          `GitHub could not read commit ${sha.slice(0, 7)} of ${run.repository}: ${errorMessage(error)}${statusOf(error) === 403 ? ' (give the job contents: read)' : ''}`,
          { cause: error },
        );
    }
    if (gateRunsUnread) return;
    try {
      runsOf.set(sha, await gateRunsOf(octokit, { owner, repo, sha }, request.environment));
    } catch (error) {
      if (!(error instanceof ChecksRefused)) throw error;
      gateRunsUnread = error.message;
    }
  };
  // A few commits at a time: a month of deploys reads in seconds, within GitHub's limits.
  const queue = [...shas];
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENT_COMMITS, queue.length) }, async () => {
      try {
        for (let sha = queue.shift(); sha !== undefined; sha = queue.shift()) await readOne(sha);
      } catch (error) {
        // The report is not made: the other readers stop after their current commit.
        queue.length = 0;
        throw error;
      }
    }),
  );
  const gateRuns = gateRunsUnread ? [] : shas.flatMap((sha) => runsOf.get(sha) ?? []);
  return { repository: run.repository, deployments, committedAt, gateRuns, gateRunsUnread };
}

async function gateRunsOf(
  octokit: ReturnType<typeof createOctokit>,
  where: { owner: string; repo: string; sha: string },
  environment: string,
): Promise<GateRun[]> {
  const runs: GateRun[] = [];
  let read = 0;
  for (let page = 1; ; page++) {
    let data;
    try {
      // filter: all — GitHub's default (latest) keeps only the newest run of each name.
      ({ data } = await octokit.rest.checks.listForRef({
        ...where,
        ref: where.sha,
        filter: 'all',
        per_page: 100,
        page,
      }));
    } catch (error) {
      if (statusOf(error) === 403)
        throw new ChecksRefused(
          `the token may not read check runs (GitHub answered 403 for ${where.sha.slice(0, 7)}); give the job checks: read`,
        );
      throw new Error(
        `GitHub could not list the check runs of ${where.sha.slice(0, 7)}: ${errorMessage(error)}`,
        { cause: error },
      );
    }
    read += data.check_runs.length;
    for (const c of data.check_runs) {
      const m = GATE_RUN.exec(c.name);
      if (!m || m[2] !== environment || !c.completed_at) continue;
      runs.push({
        gate: m[1]!,
        sha: where.sha,
        conclusion: c.conclusion ?? 'none',
        at: c.completed_at,
        url: c.html_url ?? undefined,
      });
    }
    if (read >= data.total_count || data.check_runs.length === 0) {
      if (read < data.total_count)
        throw new Error(
          `GitHub listed ${read} of the ${data.total_count} check runs of ${where.sha.slice(0, 7)}`,
        );
      return runs;
    }
    if (page >= MAX_CHECK_RUN_PAGES)
      throw new Error(
        `${where.sha.slice(0, 7)} has ${data.total_count} check runs; read ${read} in ${MAX_CHECK_RUN_PAGES} pages and stopped`,
      );
  }
}

/** When a deployment went live: its first `success` status. */
function wentLive(d: DeploymentRecord): number | undefined {
  const times = d.statuses.filter((s) => s.state === 'success').map((s) => Date.parse(s.createdAt));
  return times.length ? Math.min(...times) : undefined;
}

/**
 * Lead time for changes: for each deploy that went live in the period, from its commit's
 * committer date to the deployment's first success, in minutes; the median of them.
 */
export function leadTimes(records: GithubRecords, period: ReportPeriod): LeadTimeFigures {
  const items: LeadTimeItem[] = [];
  const unknownCommits: string[] = [];
  let deployments = 0;
  for (const d of records.deployments) {
    if (d.payload.kind !== 'deploy') continue;
    const live = wentLive(d);
    if (live === undefined || live < period.start || live >= period.end) continue;
    deployments++;
    const committed = records.committedAt.get(d.sha);
    if (committed === undefined) {
      unknownCommits.push(d.sha);
      continue;
    }
    items.push({
      sha: d.sha,
      tag: d.payload.tag,
      committedAt: new Date(committed).toISOString(),
      deployedAt: new Date(live).toISOString(),
      minutes: round1((live - committed) / 60_000),
    });
  }
  items.sort((a, b) => a.deployedAt.localeCompare(b.deployedAt));
  return {
    deployments,
    items,
    unknownCommits,
    medianMinutes: median(items.map((i) => i.minutes)),
  };
}

export interface GateRunFigures {
  runs: GateRun[];
  byGate: { gate: string; runs: number; passed: number; failed: number }[];
}

/** The gate runs that ended in the period, and per gate how many passed. */
export function gateRunFigures(
  records: GithubRecords,
  period: ReportPeriod,
): GateRunFigures | undefined {
  if (records.gateRunsUnread) return undefined;
  const runs = records.gateRuns
    .filter((r) => Date.parse(r.at) >= period.start && Date.parse(r.at) < period.end)
    .sort((a, b) => a.at.localeCompare(b.at));
  const gates = [...new Set(runs.map((r) => r.gate))].sort();
  return {
    runs,
    byGate: gates.map((gate) => {
      const mine = runs.filter((r) => r.gate === gate);
      return {
        gate,
        runs: mine.length,
        passed: mine.filter((r) => r.conclusion === 'success').length,
        failed: mine.filter((r) => r.conclusion !== 'success').length,
      };
    }),
  };
}
