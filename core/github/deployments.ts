import type { Clock } from '../util/clock.js';
import { formatDuration } from '../util/duration.js';
import { DomainFailure, errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { retry } from '../util/retry.js';
import type { Octokit } from './octokit.js';
import { statusOf } from './status.js';

/** What apprunner-ops stores in a GitHub deployment's payload, so history can be read back. */
export interface DeploymentPayload {
  tool: 'apprunner-ops';
  kind: 'deploy' | 'rollback' | 'restart';
  /** `<registry>/<repo>@sha256:…` */
  image: string;
  digest: string;
  tag?: string;
  /** The image that ran before; for a rollback, the version rolled back away from. */
  previousImage?: string;
  reason?: string;
  /** Who started the run that made it (GITHUB_ACTOR, or the terminal's user). */
  actor?: string;
  /**
   * Which run made it (`<run id>.<attempt>.<job>`): set by `create`, so a create whose answer
   * was lost is found again instead of made twice.
   */
  runKey?: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  createdAt: string;
  payload: Partial<DeploymentPayload>;
  /** Newest status first. */
  statuses: { state: string; description: string; createdAt: string }[];
}

export type DeploymentState =
  'in_progress' | 'success' | 'failure' | 'error' | 'inactive' | 'queued' | 'pending';

export interface GitHubContext {
  apiUrl: string;
  token: string;
  repository: string;
  serverUrl: string;
  runId: string;
  /** GITHUB_RUN_ATTEMPT: a re-run is a new attempt and records a new deployment. */
  runAttempt?: string;
  /** GITHUB_JOB */
  job?: string;
  sha: string;
  ref: string;
  actor: string;
}

export interface GitHubDeps {
  clock: Clock;
  logger: Logger;
  /** Tests only. */
  fetch?: typeof fetch;
}

/** Attempts at creating one deployment, each after looking up whether the last one landed. */
const CREATE_ATTEMPTS = 3;

class CreateLost extends Error {
  override readonly name = 'CreateLost';
}

/** GitHub deployments and statuses, so the Deployments page shows what runs where. */
export class GitHubDeployments {
  private octokitMade: Promise<Octokit> | undefined;
  private readonly owner: string;
  private readonly repo: string;

  constructor(
    private readonly ctx: GitHubContext,
    private readonly deps: GitHubDeps,
  ) {
    const [owner = '', repo = ''] = ctx.repository.split('/');
    this.owner = owner;
    this.repo = repo;
  }

  /**
   * Octokit and its plugins are imported on first use (a separate chunk in the bundles): a run
   * without a github-token never loads them, and every action starts faster.
   */
  private client(): Promise<Octokit> {
    this.octokitMade ??= import('./octokit.js').then(({ createOctokit }) =>
      createOctokit(this.ctx.token, {
        apiUrl: this.ctx.apiUrl,
        logger: this.deps.logger,
        ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      }),
    );
    return this.octokitMade;
  }

  get runUrl(): string {
    return `${this.ctx.serverUrl}/${this.ctx.repository}/actions/runs/${this.ctx.runId}`;
  }

  get runKey(): string {
    return `${this.ctx.runId}.${this.ctx.runAttempt ?? '1'}.${this.ctx.job ?? ''}`;
  }

  /** One line for an answer that retrying cannot fix: what the token lacks, and the fix. */
  private refused(error: unknown, what: string, permission: string): Error {
    const status = statusOf(error);
    if (/rate limit/i.test(errorMessage(error)))
      return new DomainFailure(
        `GitHub's rate limit kept refusing to ${what} in ${this.ctx.repository}: ${firstLine(error)}`,
      );
    if (status === 401 || status === 403 || status === 404)
      return new DomainFailure(
        `the token cannot ${what} in ${this.ctx.repository}: give the job \`${permission}\` (GitHub answered ${status}: ${firstLine(error)})`,
      );
    return new DomainFailure(
      `GitHub could not ${what} in ${this.ctx.repository}: ${firstLine(error)}`,
    );
  }

  /**
   * Creates the deployment once. Creating is not idempotent: after a 5xx or a lost answer the
   * deployment may exist all the same, so before each new attempt the environment's newest
   * deployments are searched for this run's key.
   */
  async create(
    environment: string,
    payload: DeploymentPayload,
    description: string,
  ): Promise<number> {
    const keyed: DeploymentPayload = { ...payload, runKey: this.runKey };
    return retry(
      async (attempt) => {
        if (attempt > 1) {
          const found = await this.findByKey(environment, keyed);
          if (found !== undefined) {
            this.deps.logger.info(
              `GitHub deployment ${found} of this run exists after all (the answer to creating it was lost): using it rather than creating a second one`,
            );
            return found;
          }
        }
        const octokit = await this.client();
        try {
          const created = await octokit.rest.repos.createDeployment({
            owner: this.owner,
            repo: this.repo,
            ref: this.ctx.sha,
            environment,
            description: description.slice(0, 140),
            payload: keyed as unknown as Record<string, unknown>,
            // The commit's checks already passed for this workflow to run; do not merge or wait.
            auto_merge: false,
            required_contexts: [],
            production_environment: environment === 'production',
            transient_environment: false,
            // Not retried by plugin-retry: whether a lost answer created it is looked up first.
            request: { retries: 0 },
          });
          if (created.status !== 201 || !('id' in created.data))
            throw new DomainFailure(
              `GitHub did not create a deployment of ${environment}: ${'message' in created.data ? String(created.data.message) : `answer ${created.status}`}`,
            );
          return created.data.id;
        } catch (error) {
          const status = statusOf(error);
          // A 5xx or no answer at all: GitHub may or may not have created it.
          if (status === 0 || status >= 500) throw new CreateLost(firstLine(error));
          throw error instanceof DomainFailure
            ? error
            : this.refused(error, 'create deployments', 'deployments: write');
        }
      },
      {
        label: 'GitHub create deployment',
        attempts: CREATE_ATTEMPTS,
        baseDelayMs: 1_000,
        maxDelayMs: 5_000,
        isRetryable: (error) => error instanceof CreateLost,
        clock: this.deps.clock,
        logger: this.deps.logger,
      },
    ).catch((error: unknown) => {
      if (error instanceof CreateLost)
        throw new DomainFailure(
          `GitHub did not confirm creating a deployment of ${environment} after ${CREATE_ATTEMPTS} attempts (${error.message}), and none of this run was found`,
        );
      throw error;
    });
  }

  /** This run's deployment of the environment, among the newest ones, if it exists. */
  private async findByKey(
    environment: string,
    payload: DeploymentPayload,
  ): Promise<number | undefined> {
    const octokit = await this.client();
    const { data } = await octokit.rest.repos.listDeployments({
      owner: this.owner,
      repo: this.repo,
      environment,
      per_page: 30,
    });
    const mine = data.find((d) => {
      const p = payloadOf(d.payload);
      return p.tool === 'apprunner-ops' && p.runKey === payload.runKey && p.kind === payload.kind;
    });
    return mine?.id;
  }

  async setStatus(
    id: number,
    state: DeploymentState,
    description: string,
    environmentUrl?: string,
  ): Promise<void> {
    const octokit = await this.client();
    try {
      // A second identical status (a retried 5xx) changes nothing the page shows.
      await octokit.rest.repos.createDeploymentStatus({
        owner: this.owner,
        repo: this.repo,
        deployment_id: id,
        state,
        description: description.slice(0, 140),
        log_url: this.runUrl,
        ...(environmentUrl ? { environment_url: environmentUrl } : {}),
        auto_inactive: state === 'success',
      });
    } catch (error) {
      throw this.refused(error, `set the status of deployment ${id}`, 'deployments: write');
    }
  }

  /**
   * When this workflow run's latest attempt started: GitHub's `run_started_at` (a re-run is a
   * new attempt, started — and so approved again — by a person). Needs `actions: read`.
   */
  async runStartedAt(): Promise<number> {
    const octokit = await this.client();
    try {
      const { data } = await octokit.rest.actions.getWorkflowRun({
        owner: this.owner,
        repo: this.repo,
        run_id: Number(this.ctx.runId),
      });
      const at = Date.parse(data.run_started_at ?? data.created_at);
      if (Number.isNaN(at))
        throw new DomainFailure(
          `GitHub's workflow run ${this.ctx.runId} has no start time (run_started_at ${String(data.run_started_at)})`,
        );
      return at;
    } catch (error) {
      throw error instanceof DomainFailure
        ? error
        : this.refused(error, `read workflow run ${this.ctx.runId}`, 'actions: read');
    }
  }

  /**
   * Deployments of an environment made by apprunner-ops, newest first, with their statuses.
   *
   * Two requests per 100 deployments: the REST list (exact ids, payload as an object), then
   * every listed deployment's statuses in one GraphQL `nodes` query by their `node_id`. The
   * GraphQL `databaseId` is a 32-bit Int that deployment ids outgrow, so ids come from REST.
   * Should GraphQL be refused, statuses are read one deployment at a time, as before.
   *
   * With `since` (epoch ms), every deployment created since then, however many pages that is
   * (a report of a month needs all of them, not the newest `limit`).
   */
  async history(
    environment: string,
    limit = 50,
    options: { since?: number } = {},
  ): Promise<DeploymentRecord[]> {
    const { since } = options;
    const started = this.deps.clock.now();
    const records: DeploymentRecord[] = [];
    let requests = 0;
    let seen = 0;
    try {
      // GitHub lists newest first; 5 pages of 100 is far more history than a rollback needs.
      let pages = 0;
      const octokit = await this.client();
      const deployments = await octokit.paginate(
        octokit.rest.repos.listDeployments,
        { owner: this.owner, repo: this.repo, environment, per_page: 100 },
        (response, done) => {
          pages++;
          requests++;
          const ours = response.data.filter((d) => payloadOf(d.payload).tool === 'apprunner-ops');
          seen += ours.length;
          if (since !== undefined) {
            // Newest first: a page reaching back before `since` is the last one needed.
            if (response.data.some((d) => Date.parse(d.created_at) < since)) done();
          } else if (pages >= 5 || seen >= limit) done();
          return ours;
        },
      );
      const wanted =
        since === undefined
          ? deployments.slice(0, limit)
          : deployments.filter((d) => Date.parse(d.created_at) >= since);
      let statuses: Map<string, DeploymentRecord['statuses']> | undefined = new Map();
      for (let i = 0; statuses && i < wanted.length; i += NODES_PER_QUERY) {
        requests++;
        const found = await this.statusesByGraphQL(
          wanted.slice(i, i + NODES_PER_QUERY).map((d) => d.node_id),
        ).catch((error: unknown) => {
          if (/rate limit/i.test(errorMessage(error))) throw error;
          this.deps.logger.warning(
            `GitHub GraphQL did not answer for deployment statuses (${firstLine(error)}); reading them one deployment at a time`,
          );
          return undefined;
        });
        if (found) for (const [id, list] of found) statuses.set(id, list);
        else statuses = undefined;
      }
      for (const d of wanted) {
        let known = statuses?.get(d.node_id);
        if (!known) {
          requests++;
          known = await this.statusesByRest(d.id);
          // Deleted since it was listed.
          if (!known) continue;
        }
        records.push({
          id: d.id,
          sha: d.sha,
          ref: d.ref,
          environment: d.environment,
          createdAt: d.created_at,
          payload: payloadOf(d.payload),
          statuses: known,
        });
      }
    } catch (error) {
      throw this.refused(error, 'read deployments', 'deployments: read');
    }
    this.deps.logger.debug(
      `GitHub deployment history of ${environment}: ${records.length} records in ${requests} requests, ${formatDuration(this.deps.clock.now() - started)}`,
    );
    return records;
  }

  /**
   * The statuses of up to 100 deployments in one GraphQL query, by node id. A deployment with
   * more than 100 statuses, or one deleted since it was listed, is left out (read by REST).
   */
  private async statusesByGraphQL(
    nodeIds: readonly string[],
  ): Promise<Map<string, DeploymentRecord['statuses']>> {
    let data: StatusesQuery;
    try {
      data = await (await this.client()).graphql<StatusesQuery>(STATUSES_QUERY, { ids: nodeIds });
    } catch (error) {
      // A deployment deleted since it was listed: GitHub answers the others and NOT_FOUND.
      const partial = error as {
        name?: string;
        data?: StatusesQuery;
        errors?: { type?: string }[];
      };
      if (
        partial.name !== 'GraphqlResponseError' ||
        !partial.data ||
        !(partial.errors ?? []).every((e) => e.type === 'NOT_FOUND')
      )
        throw error;
      data = partial.data;
    }
    const out = new Map<string, DeploymentRecord['statuses']>();
    for (const node of data.nodes) {
      if (!node?.id || !node.statuses || node.statuses.pageInfo.hasNextPage) continue;
      out.set(
        node.id,
        node.statuses.nodes
          .flatMap((s) =>
            s
              ? [
                  {
                    state: s.state.toLowerCase(),
                    description: s.description ?? '',
                    createdAt: s.createdAt,
                  },
                ]
              : [],
          )
          // Newest first, as REST lists them.
          .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt)),
      );
    }
    return out;
  }

  /** Undefined when the deployment is gone. */
  private async statusesByRest(id: number): Promise<DeploymentRecord['statuses'] | undefined> {
    const octokit = await this.client();
    const statuses = await octokit
      .paginate(octokit.rest.repos.listDeploymentStatuses, {
        owner: this.owner,
        repo: this.repo,
        deployment_id: id,
        per_page: 100,
      })
      .catch((error: unknown) => {
        if (statusOf(error) === 404) return undefined;
        throw error;
      });
    return statuses?.map((s) => ({
      state: s.state,
      description: s.description ?? '',
      createdAt: s.created_at,
    }));
  }
}

/** GraphQL's `nodes(ids:)` takes at most 100 ids. */
const NODES_PER_QUERY = 100;

/** Checked against GitHub's public schema (Query.nodes, Deployment.statuses, DeploymentStatus). */
const STATUSES_QUERY = `query DeploymentStatuses($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Deployment {
      id
      statuses(first: 100) {
        pageInfo { hasNextPage }
        nodes { state description createdAt }
      }
    }
  }
}`;

interface StatusesQuery {
  nodes: ({
    id?: string;
    statuses?: {
      pageInfo: { hasNextPage: boolean };
      nodes: ({ state: string; description: string | null; createdAt: string } | null)[];
    } | null;
  } | null)[];
}

function payloadOf(payload: unknown): Partial<DeploymentPayload> {
  if (typeof payload === 'string') {
    try {
      return payloadOf(JSON.parse(payload));
    } catch {
      return {};
    }
  }
  return typeof payload === 'object' && payload !== null
    ? (payload as Partial<DeploymentPayload>)
    : {};
}

/**
 * One line for a GitHub error: its message and the fields it names, never the raw JSON body
 * Octokit puts into a 422's message.
 */
function firstLine(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown; errors?: unknown } } }).response
    ?.data;
  if (typeof data?.message === 'string' && Array.isArray(data.errors) && data.errors.length > 0) {
    const details = (data.errors as unknown[]).flatMap((e) => {
      if (typeof e === 'string') return [e];
      if (typeof e !== 'object' || e === null) return [];
      const { field, message, code } = e as Record<string, unknown>;
      const text = [field, message ?? code].filter((x) => typeof x === 'string').join(': ');
      return text ? [text] : [];
    });
    return `${data.message}${details.length > 0 ? ` (${details.join('; ')})` : ''}`.slice(0, 200);
  }
  return (errorMessage(error).split('\n')[0] ?? '').slice(0, 200);
}
