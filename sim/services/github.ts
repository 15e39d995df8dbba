/**
 * GitHub REST, the parts the suite calls: deployments and their statuses (with
 * `auto_inactive`), commit statuses, check runs, issues, and tags, refs and releases. Served under `/github`, so a client's
 * GITHUB_API_URL is `<sim>/github`. Any repository exists; a token is required.
 *
 * What Octokit relies on is answered as GitHub does: `Link` headers on lists (`next`, `prev`,
 * `first`, `last`), `x-ratelimit-*` headers on every authenticated answer and a primary-limit
 * 403 when they run out, and the `throttle` fault's secondary-rate-limit 403 with
 * `retry-after`.
 */
import { json, type RestRequest, type RestResponse, type RestService } from '../rest.js';
import { answerGraphql } from './github-graphql.js';
import { page } from './github-page.js';
import { gitRoutes } from './github-git.js';
import { commitRoutes } from './github-history.js';
import { issueRoutes } from './github-issues.js';
import { DEPLOYMENT_STATES } from './github-history-schema.js';
import type {
  GithubCheckRun,
  GithubCommitStatus,
  GithubDeployment,
  GithubDeploymentStatus,
  GithubRateLimit,
  GithubWorld,
} from './github-state.js';

export {
  GithubState,
  type GithubCheckRun,
  type GithubCommitStatus,
  type GithubDeployment,
  type GithubDeploymentStatus,
  type GithubRateLimit,
} from './github-state.js';

type Json = Record<string, unknown>;

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const SHA = /^[0-9a-f]{40}$/;
/** A ref that is not a sha resolves to a stable made-up commit. */
function shaOf(ref: string): string {
  if (SHA.test(ref)) return ref;
  let out = '';
  let h = 2166136261;
  while (out.length < 40) {
    for (const c of `${ref}${out.length}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

const validation = (message: string, field?: string): RestResponse =>
  json(422, {
    message: 'Validation Failed',
    errors: [field ? { resource: 'Deployment', code: 'invalid', field, message } : { message }],
    documentation_url: 'https://docs.github.com/rest',
    status: '422',
  });

function creator(world: GithubWorld): Json {
  return { login: world.fixture.github.login, id: 41898282, type: 'Bot' };
}

function body(req: RestRequest): Json {
  return req.body !== null && typeof req.body === 'object' ? (req.body as Json) : {};
}

function api(world: GithubWorld): string {
  return `${world.url}/github`;
}

function deploymentJson(world: GithubWorld, d: GithubDeployment): Json {
  const url = `${api(world)}/repos/${d.repo}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: `DE_sim${d.id}`,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.environment,
    environment: d.environment,
    description: d.description,
    creator: creator(world),
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${url}/statuses`,
    repository_url: `${api(world)}/repos/${d.repo}`,
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
  };
}

function statusJson(world: GithubWorld, d: GithubDeployment, s: GithubDeploymentStatus): Json {
  return {
    url: `${api(world)}/repos/${d.repo}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: `DES_sim${s.id}`,
    state: s.state,
    creator: creator(world),
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    log_url: s.log_url,
    environment_url: s.environment_url,
    created_at: s.created_at,
    updated_at: s.updated_at,
    deployment_url: `${api(world)}/repos/${d.repo}/deployments/${d.id}`,
    repository_url: `${api(world)}/repos/${d.repo}`,
  };
}

function checkRunJson(world: GithubWorld, c: GithubCheckRun): Json {
  return {
    id: c.id,
    node_id: `CR_sim${c.id}`,
    head_sha: c.head_sha,
    external_id: c.external_id,
    url: `${api(world)}/repos/${c.repo}/check-runs/${c.id}`,
    html_url: `https://github.com/${c.repo}/runs/${c.id}`,
    details_url: c.details_url,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.started_at,
    completed_at: c.completed_at,
    output: {
      ...c.output,
      annotations_count: 0,
      annotations_url: `${api(world)}/repos/${c.repo}/check-runs/${c.id}/annotations`,
    },
    name: c.name,
    app: { slug: 'github-actions', name: 'GitHub Actions' },
  };
}

const REPO = '/repos/(?<owner>[\\w.-]+)/(?<repo>[\\w.-]+)';
const repoOf = (p: Record<string, string>): string => `${p['owner']}/${p['repo']}`;
const COMMIT_STATES = ['error', 'failure', 'pending', 'success'];
const CHECK_CONCLUSIONS = [
  'action_required',
  'cancelled',
  'failure',
  'neutral',
  'success',
  'skipped',
  'stale',
  'timed_out',
];

function findDeployment(
  world: GithubWorld,
  p: Record<string, string>,
): GithubDeployment | undefined {
  return world.github.deployments.find((d) => d.repo === repoOf(p) && d.id === Number(p['id']));
}

const notFound = (): RestResponse =>
  json(404, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  });

function applyCheckRun(c: GithubCheckRun, b: Json, now: number): RestResponse | undefined {
  if (b['status'] !== undefined) {
    if (!['queued', 'in_progress', 'completed'].includes(String(b['status'])))
      return validation(`status must be queued, in_progress or completed`, 'status');
    c.status = String(b['status']);
  }
  if (b['conclusion'] !== undefined) {
    if (!CHECK_CONCLUSIONS.includes(String(b['conclusion'])))
      return validation(`conclusion is not one of ${CHECK_CONCLUSIONS.join(', ')}`, 'conclusion');
    c.conclusion = String(b['conclusion']);
    c.status = 'completed';
  }
  if (c.status === 'completed' && !c.conclusion)
    return validation('conclusion is required when status is completed', 'conclusion');
  if (c.status === 'completed')
    c.completed_at = typeof b['completed_at'] === 'string' ? b['completed_at'] : iso(now);
  if (typeof b['details_url'] === 'string') c.details_url = b['details_url'];
  if (typeof b['external_id'] === 'string') c.external_id = b['external_id'];
  const output = b['output'] as Json | undefined;
  if (output) {
    if (typeof output['title'] !== 'string' || typeof output['summary'] !== 'string')
      return validation('output needs title and summary', 'output');
    if (output['summary'].length > 65535)
      return validation('output.summary is longer than 65535 characters', 'output');
    c.output = {
      title: output['title'],
      summary: output['summary'],
      text: typeof output['text'] === 'string' ? output['text'] : null,
    };
  }
  return undefined;
}

/**
 * The permission (scope) a REST request needs, as GitHub's fine-grained and job tokens check
 * it: reads need `read`, anything else `write`. Undefined: a request no scope restricts here.
 */
export function requiredPermission(
  method: string,
  path: string,
): { scope: string; level: 'read' | 'write' } | undefined {
  const m = /^\/repos\/[^/]+\/[^/]+\/([^/?]+)(?:\/[^/?]+)?(?:\/([^/?]+))?/.exec(path);
  if (!m) return undefined;
  const [, area, sub] = m;
  const scope =
    area === 'deployments'
      ? 'deployments'
      : area === 'statuses' || (area === 'commits' && (sub === 'statuses' || sub === 'status'))
        ? 'statuses'
        : area === 'check-runs' ||
            area === 'check-suites' ||
            (area === 'commits' && sub === 'check-runs')
          ? 'checks'
          : area === 'issues'
            ? 'issues'
            : area === 'contents' || area === 'git' || area === 'commits'
              ? 'contents'
              : undefined;
  if (!scope) return undefined;
  return { scope, level: method === 'GET' || method === 'HEAD' ? 'read' : 'write' };
}

/**
 * A token `ghs_perm_<scope>-<read|write>_…` holds exactly those permissions (as a job token with
 * `permissions:` does); write includes read. Other tokens hold every permission.
 */
function missingPermission(auth: string, method: string, path: string): string | undefined {
  const granted = /^\S+ ghs_perm_(\S+)$/i.exec(auth)?.[1];
  if (granted === undefined) return undefined;
  const need = requiredPermission(method, path);
  if (!need) return undefined;
  const has = new Map(granted.split('_').map((g) => g.split('-') as [string, string]));
  const level = has.get(need.scope);
  if (level === 'write' || (level === 'read' && need.level === 'read')) return undefined;
  return `${need.scope}: ${need.level}`;
}

export const github: RestService<GithubWorld> = {
  name: 'github',
  prefix: '/github',
  authenticate(req, world) {
    const auth = req.headers['authorization'];
    if (typeof auth === 'string' && /^(Bearer|token) \S+$/i.test(auth)) {
      // Tokens named for what they stand for: a revoked or mistyped one, and the job token of
      // a job whose `permissions:` leave out the write it attempts.
      if (/^\S+ ghs_bad/i.test(auth))
        return json(401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        });
      // A GraphQL query is a read, though it is a POST.
      if (/^\S+ ghs_readonly/i.test(auth) && req.method !== 'GET' && req.path !== '/graphql')
        return json(403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/deployments/deployments',
          status: '403',
        });
      const missing = missingPermission(auth, req.method, req.path);
      if (missing)
        return json(
          403,
          {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest',
            status: '403',
          },
          { 'x-accepted-github-permissions': missing.replace(': ', '=') },
        );
      const limit = currentLimit(world);
      if (limit.used < limit.limit) return undefined;
      return json(
        403,
        {
          message:
            'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits',
          status: '403',
        },
        rateLimitHeaders(limit),
      );
    }
    return json(401, {
      message: 'Requires authentication',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
  },
  badBody: () =>
    json(400, {
      message: 'Problems parsing JSON',
      documentation_url: 'https://docs.github.com/rest',
      status: '400',
    }),
  notFound,
  responseHeaders(_req, world) {
    const limit = currentLimit(world);
    limit.used++;
    return rateLimitHeaders(limit);
  },
  faults: {
    // What GitHub sends for a secondary rate limit (and Octokit's throttling plugin matches:
    // 403, "secondary rate" in the message, `retry-after` in seconds). The primary limit's
    // headers still show calls left: the two limits are separate.
    throttle: json(
      403,
      {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
        status: '403',
      },
      { 'retry-after': '1' },
    ),
    serverError: json(500, { message: 'Server Error' }),
    unavailable: json(503, { message: 'Service Unavailable' }),
  },
  routes: [
    {
      method: 'POST',
      pattern: /^\/graphql$/,
      operation: 'graphql',
      mutating: false,
      handle: (req, _p, world) => answerGraphql(req, world),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${REPO}/deployments$`),
      operation: 'createDeployment',
      mutating: true,
      handle(req, p, world) {
        const b = body(req);
        if (typeof b['ref'] !== 'string' || b['ref'] === '')
          return validation('ref is required', 'ref');
        const sha = shaOf(String(b['ref']));
        // Without `required_contexts: []` every commit status of the ref must be success.
        const required = b['required_contexts'];
        if (!Array.isArray(required) || required.length > 0) {
          const latest = new Map<string, string>();
          for (const s of world.github.commitStatuses.filter(
            (s) => s.repo === repoOf(p) && s.sha === sha,
          ))
            latest.set(s.context, s.state);
          const contexts = Array.isArray(required) ? (required as string[]) : [...latest.keys()];
          const failing = contexts.filter((c) => latest.get(c) !== 'success');
          if (failing.length > 0)
            return json(409, {
              message: `Conflict: Commit status checks failed for ${String(b['ref'])}.`,
              errors: failing.map((c) => ({
                contexts: [{ context: c, state: latest.get(c) ?? 'missing' }],
                resource: 'Deployment',
                field: 'required_contexts',
                code: 'invalid',
              })),
            });
        }
        const environment = typeof b['environment'] === 'string' ? b['environment'] : 'production';
        const now = iso(world.clock.now());
        const d: GithubDeployment = {
          id: world.github.id(),
          repo: repoOf(p),
          sha,
          ref: String(b['ref']),
          task: typeof b['task'] === 'string' ? b['task'] : 'deploy',
          payload:
            typeof b['payload'] === 'string' ? safeParse(b['payload']) : (b['payload'] ?? {}),
          environment,
          description: typeof b['description'] === 'string' ? b['description'] : null,
          transient_environment: b['transient_environment'] === true,
          production_environment:
            typeof b['production_environment'] === 'boolean'
              ? b['production_environment']
              : environment === 'production',
          created_at: now,
          updated_at: now,
          statuses: [],
        };
        world.github.deployments.push(d);
        return json(201, deploymentJson(world, d));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${REPO}/deployments$`),
      operation: 'listDeployments',
      mutating: false,
      handle(req, p, world) {
        const q = req.query;
        const list = world.github.deployments
          .filter(
            (d) =>
              d.repo === repoOf(p) &&
              (!q.get('environment') || d.environment === q.get('environment')) &&
              (!q.get('sha') || d.sha === q.get('sha')) &&
              (!q.get('ref') || d.ref === q.get('ref')) &&
              (!q.get('task') || d.task === q.get('task')),
          )
          .reverse();
        return page(
          req,
          list.map((d) => deploymentJson(world, d)),
          `${api(world)}/repos/${repoOf(p)}/deployments`,
        );
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${REPO}/actions/runs/(?<id>\\d+)$`),
      operation: 'getWorkflowRun',
      mutating: false,
      handle(_req, p, world) {
        const run = world.github.runs.get(Number(p['id']));
        if (!run || run.repo !== repoOf(p)) return notFound();
        return json(200, {
          id: Number(p['id']),
          status: 'in_progress',
          run_attempt: run.attempt,
          created_at: iso(run.createdAt),
          run_started_at: iso(run.startedAt),
          html_url: `https://github.com/${run.repo}/actions/runs/${p['id']}`,
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${REPO}/deployments/(?<id>\\d+)$`),
      operation: 'getDeployment',
      mutating: false,
      handle(_req, p, world) {
        const d = findDeployment(world, p);
        return d ? json(200, deploymentJson(world, d)) : notFound();
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${REPO}/deployments/(?<id>\\d+)/statuses$`),
      operation: 'createDeploymentStatus',
      mutating: true,
      handle(req, p, world) {
        const d = findDeployment(world, p);
        if (!d) return notFound();
        const b = body(req);
        const state = String(b['state'] ?? '');
        if (!(DEPLOYMENT_STATES as readonly string[]).includes(state))
          return validation(`state is not one of ${DEPLOYMENT_STATES.join(', ')}`, 'state');
        const now = world.clock.now();
        const logUrl =
          typeof b['log_url'] === 'string'
            ? b['log_url']
            : typeof b['target_url'] === 'string'
              ? b['target_url']
              : '';
        const environment = typeof b['environment'] === 'string' ? b['environment'] : d.environment;
        const previous = d.statuses.at(-1);
        const status: GithubDeploymentStatus = {
          id: world.github.id(),
          state,
          description: typeof b['description'] === 'string' ? b['description'].slice(0, 140) : '',
          environment,
          target_url: logUrl,
          log_url: logUrl,
          environment_url:
            typeof b['environment_url'] === 'string'
              ? b['environment_url']
              : (previous?.environment_url ?? ''),
          created_at: iso(now),
          updated_at: iso(now),
        };
        d.statuses.push(status);
        d.environment = environment;
        d.updated_at = iso(now);
        // auto_inactive (default true), as GitHub documents it: "Adds a new inactive status to
        // all prior non-transient, non-production environment deployments with the same
        // repository and environment name as the created status's deployment. An inactive
        // status is only added to deployments that had a success state." Production
        // deployments are never made inactive by it.
        if (
          state === 'success' &&
          b['auto_inactive'] !== false &&
          !d.production_environment &&
          !d.transient_environment
        ) {
          for (const other of world.github.deployments) {
            if (
              other.id >= d.id ||
              other.repo !== d.repo ||
              other.environment !== d.environment ||
              other.transient_environment ||
              other.production_environment
            )
              continue;
            if (other.statuses.at(-1)?.state !== 'success') continue;
            other.statuses.push({
              ...other.statuses.at(-1)!,
              id: world.github.id(),
              state: 'inactive',
              description: '',
              created_at: iso(now),
              updated_at: iso(now),
            });
            other.updated_at = iso(now);
          }
        }
        return json(201, statusJson(world, d, status));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${REPO}/deployments/(?<id>\\d+)/statuses$`),
      operation: 'listDeploymentStatuses',
      mutating: false,
      handle(req, p, world) {
        const d = findDeployment(world, p);
        if (!d) return notFound();
        return page(
          req,
          [...d.statuses].reverse().map((s) => statusJson(world, d, s)),
          `${api(world)}/repos/${d.repo}/deployments/${d.id}/statuses`,
        );
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${REPO}/statuses/(?<sha>[0-9a-f]{40})$`),
      operation: 'createCommitStatus',
      mutating: true,
      handle(req, p, world) {
        const b = body(req);
        const state = String(b['state'] ?? '');
        if (!COMMIT_STATES.includes(state))
          return validation(`state is not one of ${COMMIT_STATES.join(', ')}`, 'state');
        const s: GithubCommitStatus = {
          id: world.github.id(),
          repo: repoOf(p),
          sha: p['sha']!,
          state,
          context: typeof b['context'] === 'string' ? b['context'] : 'default',
          description: typeof b['description'] === 'string' ? b['description'] : null,
          target_url: typeof b['target_url'] === 'string' ? b['target_url'] : null,
          created_at: iso(world.clock.now()),
        };
        world.github.commitStatuses.push(s);
        return json(201, {
          url: `${api(world)}/repos/${s.repo}/statuses/${s.sha}`,
          id: s.id,
          node_id: `SC_sim${s.id}`,
          state: s.state,
          description: s.description,
          target_url: s.target_url,
          context: s.context,
          created_at: s.created_at,
          updated_at: s.created_at,
          creator: creator(world),
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${REPO}/commits/(?<ref>[^/]+)/statuses$`),
      operation: 'listCommitStatusesForRef',
      mutating: false,
      handle(req, p, world) {
        const sha = shaOf(decodeURIComponent(p['ref']!));
        const list = world.github.commitStatuses
          .filter((s) => s.repo === repoOf(p) && s.sha === sha)
          .reverse();
        return page(
          req,
          list.map((s) => ({
            id: s.id,
            state: s.state,
            context: s.context,
            description: s.description,
            target_url: s.target_url,
            created_at: s.created_at,
          })),
          `${api(world)}/repos/${repoOf(p)}/commits/${p['ref']}/statuses`,
        );
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${REPO}/check-runs$`),
      operation: 'createCheckRun',
      mutating: true,
      handle(req, p, world) {
        const b = body(req);
        if (typeof b['name'] !== 'string' || b['name'] === '')
          return validation('name is required', 'name');
        if (typeof b['head_sha'] !== 'string' || !SHA.test(b['head_sha']))
          return validation('head_sha must be a commit sha', 'head_sha');
        const now = world.clock.now();
        const c: GithubCheckRun = {
          id: world.github.id(),
          repo: repoOf(p),
          name: b['name'],
          head_sha: b['head_sha'],
          status: 'queued',
          conclusion: null,
          details_url: null,
          external_id: null,
          output: { title: null, summary: null, text: null },
          started_at: typeof b['started_at'] === 'string' ? b['started_at'] : iso(now),
          completed_at: null,
        };
        const problem = applyCheckRun(c, b, now);
        if (problem) return problem;
        world.github.checkRuns.push(c);
        return json(201, checkRunJson(world, c));
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^${REPO}/check-runs/(?<id>\\d+)$`),
      operation: 'updateCheckRun',
      mutating: true,
      handle(req, p, world) {
        const c = world.github.checkRuns.find(
          (r) => r.repo === repoOf(p) && r.id === Number(p['id']),
        );
        if (!c) return notFound();
        const copy = structuredClone(c);
        const problem = applyCheckRun(copy, body(req), world.clock.now());
        if (problem) return problem;
        Object.assign(c, copy);
        return json(200, checkRunJson(world, c));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${REPO}/commits/(?<ref>[^/]+)/check-runs$`),
      operation: 'listCheckRunsForRef',
      mutating: false,
      handle(req, p, world) {
        const sha = shaOf(decodeURIComponent(p['ref']!));
        const name = req.query.get('check_name');
        const all = world.github.checkRuns
          .filter((c) => c.repo === repoOf(p) && c.head_sha === sha && (!name || c.name === name))
          .reverse();
        const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
        const pageNo = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
        // GitHub wraps this list: { total_count, check_runs }.
        return json(200, {
          total_count: all.length,
          check_runs: all
            .slice((pageNo - 1) * perPage, pageNo * perPage)
            .map((c) => checkRunJson(world, c)),
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${REPO}/check-runs/(?<id>\\d+)$`),
      operation: 'getCheckRun',
      mutating: false,
      handle(_req, p, world) {
        const c = world.github.checkRuns.find(
          (r) => r.repo === repoOf(p) && r.id === Number(p['id']),
        );
        return c ? json(200, checkRunJson(world, c)) : notFound();
      },
    },
    ...issueRoutes,
    ...gitRoutes,
    ...commitRoutes,
  ],
};

function currentLimit(world: GithubWorld): GithubRateLimit {
  const limit = world.github.rateLimit;
  const now = Date.now();
  if (limit.resetAt <= now) {
    limit.used = 0;
    limit.resetAt = now + 3_600_000;
  }
  return limit;
}

function rateLimitHeaders(limit: GithubRateLimit): Record<string, string> {
  return {
    'x-ratelimit-limit': String(limit.limit),
    'x-ratelimit-remaining': String(Math.max(0, limit.limit - limit.used)),
    'x-ratelimit-used': String(limit.used),
    'x-ratelimit-reset': String(Math.ceil(limit.resetAt / 1000)),
    'x-ratelimit-resource': 'core',
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
