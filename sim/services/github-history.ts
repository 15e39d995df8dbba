/**
 * History the GitHub stand-in starts with: commits (with their author and committer dates),
 * deployments with their statuses, and check runs, each at the time a fixture gives, so a
 * report of a month gone by reads what GitHub would hold. Deployments and check runs go into
 * the same lists the live routes use (github.ts); commits are answered by
 * `GET /repos/{owner}/{repo}/commits/{ref}`, as GitHub answers it for a full SHA.
 */
import type { z } from 'zod';
import { json, type RestRoute } from '../rest.js';
import { iso, REPO, repoOf, type Json } from './github-page.js';
import type { GithubState, GithubWorld } from './github-state.js';
import type { GithubCommit, githubHistorySchema } from './github-history-schema.js';

type History = z.output<z.ZodObject<typeof githubHistorySchema>>;

/** Puts the fixture's history into the state, deployments and check runs in time order. */
export function seedGithubHistory(state: GithubState, history: History): void {
  const at = (t: string): string => iso(Date.parse(t));
  for (const c of history.commits)
    state.commits.push({
      repo: c.repo,
      sha: c.sha,
      message: c.message,
      authoredAt: at(c.authoredAt ?? c.committedAt),
      committedAt: at(c.committedAt),
    });
  const deployments = [...history.deployments].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
  for (const d of deployments) {
    const statuses = [...d.statuses].sort(
      (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt),
    );
    const last = statuses.at(-1)?.createdAt ?? d.createdAt;
    state.deployments.push({
      id: state.id(),
      repo: d.repo,
      sha: d.sha,
      ref: d.ref,
      task: 'deploy',
      payload: d.payload,
      environment: d.environment,
      description: null,
      transient_environment: false,
      production_environment: d.environment === 'production',
      created_at: at(d.createdAt),
      updated_at: at(last),
      statuses: statuses.map((s) => ({
        id: state.id(),
        state: s.state,
        description: s.description,
        environment: d.environment,
        target_url: '',
        log_url: '',
        environment_url: '',
        created_at: at(s.createdAt),
        updated_at: at(s.createdAt),
      })),
    });
  }
  for (const c of [...history.checkRuns].sort(
    (a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt),
  ))
    state.checkRuns.push({
      id: state.id(),
      repo: c.repo,
      name: c.name,
      head_sha: c.headSha,
      status: 'completed',
      conclusion: c.conclusion,
      details_url: null,
      external_id: c.externalId ?? null,
      output: { title: c.title ?? null, summary: null, text: null },
      started_at: at(c.startedAt),
      completed_at: at(c.completedAt),
    });
}

function commitJson(world: GithubWorld, c: GithubCommit): Json {
  const api = `${world.url}/github/repos/${c.repo}`;
  const person = (date: string) => ({ name: 'Drop developer', email: 'dev@example.com', date });
  return {
    sha: c.sha,
    node_id: `C_sim${c.sha.slice(0, 12)}`,
    url: `${api}/commits/${c.sha}`,
    html_url: `https://github.com/${c.repo}/commit/${c.sha}`,
    commit: {
      author: person(c.authoredAt),
      committer: person(c.committedAt),
      message: c.message,
      tree: { sha: c.sha.split('').reverse().join(''), url: `${api}/git/trees/${c.sha}` },
      url: `${api}/git/commits/${c.sha}`,
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null },
    },
    author: null,
    committer: null,
    parents: [],
  };
}

export const commitRoutes: RestRoute<GithubWorld>[] = [
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/commits/(?<ref>[^/]+)$`),
    operation: 'getCommit',
    mutating: false,
    handle(_req, p, world) {
      const ref = decodeURIComponent(p['ref']!);
      const found = world.github.commits.find((c) => c.repo === repoOf(p) && c.sha === ref);
      if (found) return json(200, commitJson(world, found));
      // What GitHub answers for a ref it does not know (a SHA that is not in the repository).
      return json(422, {
        message: `No commit found for SHA: ${ref}`,
        documentation_url: 'https://docs.github.com/rest/commits/commits#get-a-commit',
        status: '422',
      });
    },
  },
];
