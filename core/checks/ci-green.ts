import { ciGreenSchema } from './schemas/ci-green.js';
import { defineCheck } from './types.js';

/** Names of check runs the gate itself creates (never judged by ci-green). */
export const GATE_CHECK_RUN_PREFIX = 'apprunner-ops:';
const OK_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);

/** The runbook's "CI green on main (lint, typecheck, tests, E2E, docker-build)". */
export const ciGreen = defineCheck({
  ...ciGreenSchema,
  defaultTimeoutMs: 30_000,
  group: 'Application',
  async run(check, ctx) {
    const token = ctx.secrets.githubToken;
    const run = ctx.run;
    if (!token || !run?.sha)
      return {
        status: 'error',
        line: !token
          ? 'ci-green needs the github-token input (checks: read, statuses: read)'
          : 'ci-green needs the commit (GITHUB_SHA) of the run',
      };
    const [owner, repo] = run.repository.split('/') as [string, string];
    // Loaded on use: the registry is imported by every action that reads the configuration.
    const { createOctokit } = await import('../github/octokit.js');
    const octokit = createOctokit(token, { apiUrl: run.apiUrl, logger: ctx.logger });
    // Check runs (GitHub Actions, apps) and commit statuses (older CI) of the same commit.
    const forRef = { owner, repo, ref: run.sha, per_page: 100, request: { signal: ctx.signal } };
    const runs = await octokit.paginate(octokit.rest.checks.listForRef, forRef);
    const statuses = await octokit.paginate(octokit.rest.repos.listCommitStatusesForRef, forRef);
    // This run's own jobs are in progress on the same commit: they are not CI.
    const ownRun = `/actions/runs/${run.runId}/`;
    const judged = runs.filter(
      (r) => !r.name.startsWith(GATE_CHECK_RUN_PREFIX) && !(r.details_url ?? '').includes(ownRun),
    );
    // Statuses come newest first; the newest per context counts.
    const latest = new Map<string, string>();
    for (const s of statuses) if (!latest.has(s.context)) latest.set(s.context, s.state);
    const results = [
      ...judged.map((r) => ({
        name: r.name,
        kind: 'check run',
        result: r.status === 'completed' ? (r.conclusion ?? 'none') : r.status,
        ok: r.status === 'completed' && OK_CONCLUSIONS.has(r.conclusion ?? ''),
      })),
      ...[...latest].map(([name, state]) => ({
        name,
        kind: 'status',
        result: state,
        ok: state === 'success',
      })),
    ];
    const problems = results
      .filter((r) => !r.ok)
      .map((r) => `${r.kind} "${r.name}" is ${r.result}`);
    for (const name of check.required)
      if (!results.some((r) => r.name === name))
        problems.push(`required "${name}" has not reported`);
    if (results.length === 0) problems.push('no check runs or statuses at all');
    const observed = {
      commit: run.sha,
      results: results.map(({ name, kind, result }) => ({ name, kind, result })),
    };
    if (problems.length > 0)
      return {
        status: 'fail',
        line: `commit ${run.sha7}: ${problems.join('; ')}; launch a commit whose CI passed`,
        observed,
      };
    return {
      status: 'pass',
      line: `commit ${run.sha7}: ${results.length} check(s) successful`,
      observed,
    };
  },
});
