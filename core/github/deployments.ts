import { requestJson, type HttpDeps } from '../util/http-json.js';

/** What apprunner-ops stores in a GitHub deployment's payload, so history can be read back. */
export interface DeploymentPayload {
  tool: 'apprunner-ops';
  kind: 'deploy' | 'rollback';
  /** `<registry>/<repo>@sha256:…` */
  image: string;
  digest: string;
  tag?: string;
  /** The image that ran before; for a rollback, the version rolled back away from. */
  previousImage?: string;
  reason?: string;
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
  sha: string;
  ref: string;
  actor: string;
}

/** GitHub deployments and statuses, so the Deployments page shows what runs where. */
export class GitHubDeployments {
  constructor(
    private readonly ctx: GitHubContext,
    private readonly deps: HttpDeps,
  ) {}

  get runUrl(): string {
    return `${this.ctx.serverUrl}/${this.ctx.repository}/actions/runs/${this.ctx.runId}`;
  }

  private call<T>(label: string, method: string, path: string, body?: unknown): Promise<T> {
    return requestJson<T>(
      `GitHub ${label}`,
      `${this.ctx.apiUrl}/repos/${this.ctx.repository}${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${this.ctx.token}`,
          accept: 'application/vnd.github+json',
          'x-github-api-version': '2022-11-28',
          'user-agent': 'apprunner-ops',
        },
        ...(body !== undefined ? { body } : {}),
      },
      this.deps,
    );
  }

  async create(
    environment: string,
    payload: DeploymentPayload,
    description: string,
  ): Promise<number> {
    const created = await this.call<{ id: number }>('create deployment', 'POST', '/deployments', {
      ref: this.ctx.sha,
      environment,
      description: description.slice(0, 140),
      payload,
      // The commit's checks already passed for this workflow to run; do not merge or wait.
      auto_merge: false,
      required_contexts: [],
      production_environment: environment === 'production',
      transient_environment: false,
    });
    return created.id;
  }

  async setStatus(
    id: number,
    state: DeploymentState,
    description: string,
    environmentUrl?: string,
  ): Promise<void> {
    await this.call('create deployment status', 'POST', `/deployments/${id}/statuses`, {
      state,
      description: description.slice(0, 140),
      log_url: this.runUrl,
      ...(environmentUrl ? { environment_url: environmentUrl } : {}),
      auto_inactive: state === 'success',
    });
  }

  /** Deployments of an environment made by apprunner-ops, newest first, with their statuses. */
  async history(environment: string, limit = 50): Promise<DeploymentRecord[]> {
    const records: DeploymentRecord[] = [];
    for (let page = 1; page <= 5 && records.length < limit; page++) {
      const list = await this.call<
        {
          id: number;
          sha: string;
          ref: string;
          environment: string;
          created_at: string;
          payload: unknown;
        }[]
      >(
        'list deployments',
        'GET',
        `/deployments?environment=${encodeURIComponent(environment)}&per_page=100&page=${page}`,
      );
      for (const d of list) {
        const payload = (
          typeof d.payload === 'object' && d.payload !== null ? d.payload : {}
        ) as Partial<DeploymentPayload>;
        if (payload.tool !== 'apprunner-ops') continue;
        const statuses = await this.call<
          { state: string; description: string | null; created_at: string }[]
        >('list deployment statuses', 'GET', `/deployments/${d.id}/statuses?per_page=100`);
        records.push({
          id: d.id,
          sha: d.sha,
          ref: d.ref,
          environment: d.environment,
          createdAt: d.created_at,
          payload,
          statuses: statuses.map((s) => ({
            state: s.state,
            description: s.description ?? '',
            createdAt: s.created_at,
          })),
        });
      }
      if (list.length < 100) break;
    }
    return records.slice(0, limit);
  }
}
