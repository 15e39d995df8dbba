/**
 * GitHub issues, as ops-check uses them: create, list (by labels and state), get, update
 * (close), and comments. Routes are mounted in github.ts's table; state lives in GithubState.
 */
import { json, type RestResponse, type RestRoute } from '../rest.js';
import { bodyOf, iso, notFound, page, REPO, repoOf, type Json } from './github-page.js';
import type { GithubIssue, GithubIssueComment, GithubWorld } from './github-state.js';

export type { GithubIssue, GithubIssueComment } from './github-state.js';

const invalid = (field: string, message: string): RestResponse =>
  json(422, {
    message: 'Validation Failed',
    errors: [{ resource: 'Issue', code: 'invalid', field, message }],
    documentation_url: 'https://docs.github.com/rest/issues/issues',
    status: '422',
  });

function labelsOf(value: unknown): string[] | RestResponse {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return invalid('labels', 'labels must be an array');
  return value.map((l) => (typeof l === 'string' ? l : String((l as Json)['name'] ?? '')));
}

function issueJson(world: GithubWorld, i: GithubIssue): Json {
  const api = `${world.url}/github/repos/${i.repo}`;
  return {
    url: `${api}/issues/${i.number}`,
    repository_url: api,
    html_url: `https://github.com/${i.repo}/issues/${i.number}`,
    id: i.id,
    node_id: `I_sim${i.id}`,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels.map((name, n) => ({ id: 7000 + n, name, color: 'd73a4a', default: false })),
    user: { login: world.fixture.github.login, id: 41898282, type: 'Bot' },
    comments: i.comments.length,
    locked: false,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
  };
}

function commentJson(world: GithubWorld, i: GithubIssue, c: GithubIssueComment): Json {
  return {
    id: c.id,
    node_id: `IC_sim${c.id}`,
    url: `${world.url}/github/repos/${i.repo}/issues/comments/${c.id}`,
    html_url: `https://github.com/${i.repo}/issues/${i.number}#issuecomment-${c.id}`,
    issue_url: `${world.url}/github/repos/${i.repo}/issues/${i.number}`,
    body: c.body,
    user: { login: world.fixture.github.login, id: 41898282, type: 'Bot' },
    created_at: c.created_at,
    updated_at: c.created_at,
  };
}

function find(world: GithubWorld, p: Record<string, string>): GithubIssue | undefined {
  return world.github.issues.find((i) => i.repo === repoOf(p) && i.number === Number(p['number']));
}

export const issueRoutes: RestRoute<GithubWorld>[] = [
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/issues$`),
    operation: 'createIssue',
    mutating: true,
    handle(req, p, world) {
      const b = bodyOf(req);
      if (typeof b['title'] !== 'string' || b['title'].trim() === '')
        return invalid('title', 'title is required');
      const labels = labelsOf(b['labels']);
      if (!Array.isArray(labels)) return labels;
      const now = iso(world.clock.now());
      const repo = repoOf(p);
      const issue: GithubIssue = {
        id: world.github.id(),
        repo,
        number: world.github.issues.filter((i) => i.repo === repo).length + 1,
        title: b['title'],
        body: typeof b['body'] === 'string' ? b['body'] : null,
        state: 'open',
        state_reason: null,
        labels,
        comments: [],
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      world.github.issues.push(issue);
      return json(201, issueJson(world, issue));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/issues$`),
    operation: 'listIssues',
    mutating: false,
    handle(req, p, world) {
      const state = req.query.get('state') ?? 'open';
      if (!['open', 'closed', 'all'].includes(state))
        return invalid('state', `invalid state ${state}`);
      const wanted = (req.query.get('labels') ?? '')
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean);
      const items = world.github.issues
        .filter(
          (i) =>
            i.repo === repoOf(p) &&
            (state === 'all' || i.state === state) &&
            wanted.every((l) => i.labels.includes(l)),
        )
        .sort((a, b) => b.number - a.number)
        .map((i) => issueJson(world, i));
      return page(req, items, `${world.url}/github${req.path}`);
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/issues/(?<number>\\d+)$`),
    operation: 'getIssue',
    mutating: false,
    handle(_req, p, world) {
      const issue = find(world, p);
      return issue ? json(200, issueJson(world, issue)) : notFound();
    },
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^${REPO}/issues/(?<number>\\d+)$`),
    operation: 'updateIssue',
    mutating: true,
    handle(req, p, world) {
      const issue = find(world, p);
      if (!issue) return notFound();
      const b = bodyOf(req);
      if (b['state'] !== undefined && b['state'] !== 'open' && b['state'] !== 'closed')
        return invalid('state', 'state must be open or closed');
      const labels = b['labels'] === undefined ? issue.labels : labelsOf(b['labels']);
      if (!Array.isArray(labels)) return labels;
      const now = world.clock.now();
      if (typeof b['title'] === 'string') issue.title = b['title'];
      if (typeof b['body'] === 'string') issue.body = b['body'];
      issue.labels = labels;
      if (b['state'] === 'closed' && issue.state === 'open') {
        issue.state = 'closed';
        issue.state_reason =
          typeof b['state_reason'] === 'string' ? b['state_reason'] : 'completed';
        issue.closed_at = iso(now);
      } else if (b['state'] === 'open' && issue.state === 'closed') {
        issue.state = 'open';
        issue.state_reason = 'reopened';
        issue.closed_at = null;
      }
      issue.updated_at = iso(now);
      return json(200, issueJson(world, issue));
    },
  },
  {
    method: 'POST',
    pattern: new RegExp(`^${REPO}/issues/(?<number>\\d+)/comments$`),
    operation: 'createIssueComment',
    mutating: true,
    handle(req, p, world) {
      const issue = find(world, p);
      if (!issue) return notFound();
      const b = bodyOf(req);
      if (typeof b['body'] !== 'string' || b['body'].trim() === '')
        return invalid('body', 'body is required');
      const comment = {
        id: world.github.id(),
        body: b['body'],
        created_at: iso(world.clock.now()),
      };
      issue.comments.push(comment);
      issue.updated_at = comment.created_at;
      return json(201, commentJson(world, issue, comment));
    },
  },
  {
    method: 'GET',
    pattern: new RegExp(`^${REPO}/issues/(?<number>\\d+)/comments$`),
    operation: 'listIssueComments',
    mutating: false,
    handle(req, p, world) {
      const issue = find(world, p);
      if (!issue) return notFound();
      return page(
        req,
        issue.comments.map((c) => commentJson(world, issue, c)),
        `${world.url}/github${req.path}`,
      );
    },
  },
];
