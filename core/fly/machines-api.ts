/**
 * Fly.io's Machines API (https://api.machines.dev): the calls the `fly` deploy target makes.
 * A request refused with 429 was not applied, so it is sent again after the `retry-after` Fly
 * gives (bounded); a read is also retried after a 5xx or a lost connection; an update or a
 * restart never is (it may have been applied). The token is sent only in the Authorization
 * header and never appears in a label, a log line or an error.
 */
import type { Clock } from '../util/clock.js';
import { neverSent } from '../util/http-json.js';
import type { Logger } from '../util/logger.js';
import { retry } from '../util/retry.js';
import { FLY_REGISTRY, flyRegistryHolds } from './registry.js';

export const FLY_API_URL = 'https://api.machines.dev';

/** The Machines API base URL: FLY_API_HOSTNAME (as Fly's docs name it), else the public one. */
export function flyApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env['FLY_API_HOSTNAME'] || FLY_API_URL).replace(/\/$/, '');
}
export { FLY_REGISTRY };

export interface FlyCheck {
  name: string;
  status: 'passing' | 'warning' | 'critical' | string;
  output?: string;
}

export interface FlyMachine {
  id: string;
  name?: string;
  state: string;
  region: string;
  instance_id: string;
  config: Record<string, unknown> & {
    image: string;
    env?: Record<string, string>;
    metadata?: Record<string, string>;
  };
  image_ref?: { registry?: string; repository?: string; tag?: string; digest?: string };
  updated_at?: string;
  checks?: FlyCheck[];
}

export interface FlyLease {
  nonce: string;
  owner: string;
  description?: string;
  /** Unix seconds. */
  expires_at: number;
}

export class FlyApiError extends Error {
  override readonly name = 'FlyApiError';
  constructor(
    readonly status: number,
    readonly call: string,
    /** Fly's own `error` text. */
    readonly detail: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(`Fly ${call} answered ${status}: ${detail}`);
  }
}

export interface FlyApiDeps {
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}

export interface FlyApiOptions {
  /** Each request's own deadline. */
  requestTimeoutMs?: number;
  /** Attempts per call, the first included. */
  attempts?: number;
  /** The longest `retry-after` honoured; a longer one fails the call (the caller says why). */
  maxRetryAfterMs?: number;
  /** registry.fly.io's HTTP API (flyRegistryUrl()); absent: images are not looked up first. */
  registryUrl?: string;
}

export class FlyMachinesApi {
  constructor(
    readonly baseUrl: string,
    /** Absent: every call fails with `missing` (e.g. a snapshot-only run never makes one). */
    private readonly token: string | undefined,
    private readonly deps: FlyApiDeps,
    private readonly options: FlyApiOptions & { missing?: () => Error } = {},
  ) {}

  private async request<T>(
    call: string,
    method: string,
    path: string,
    init: { body?: unknown; nonce?: string; query?: Record<string, string> } = {},
  ): Promise<T> {
    // Releasing a lease twice is harmless (the second finds none); reads are always safe.
    const token = this.token;
    if (!token) throw this.options.missing?.() ?? new Error('Fly: no API token');
    const idempotent = method === 'GET' || method === 'DELETE';
    const doFetch = this.deps.fetch ?? fetch;
    const query = init.query ? `?${new URLSearchParams(init.query).toString()}` : '';
    const url = `${this.baseUrl.replace(/\/$/, '')}${path}${query}`;
    const maxRetryAfterMs = this.options.maxRetryAfterMs ?? 60_000;
    return retry(
      async () => {
        const response = await doFetch(url, {
          method,
          headers: {
            accept: 'application/json',
            authorization: `Bearer ${token}`,
            ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(init.nonce ? { 'fly-machine-lease-nonce': init.nonce } : {}),
          },
          ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
          // A wait is a long poll: its deadline is its own `timeout` plus a margin.
          signal: AbortSignal.timeout(
            (this.options.requestTimeoutMs ?? 30_000) +
              (init.query?.['timeout'] ? Number(init.query['timeout']) * 1000 : 0),
          ),
        });
        const text = await response.text();
        if (!response.ok) {
          let detail = text.slice(0, 300);
          try {
            const parsed = JSON.parse(text) as { error?: unknown; message?: unknown };
            detail = String(parsed.error ?? parsed.message ?? detail);
          } catch {
            // not JSON: the text as it came
          }
          const retryAfter = Number(response.headers.get('retry-after'));
          throw new FlyApiError(
            response.status,
            call,
            detail,
            Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
          );
        }
        return (text ? JSON.parse(text) : undefined) as T;
      },
      {
        label: `Fly ${call}`,
        attempts: this.options.attempts ?? 6,
        baseDelayMs: 500,
        maxDelayMs: 8_000,
        isRetryable: (error) =>
          error instanceof FlyApiError
            ? (error.status === 429 && (error.retryAfterSeconds ?? 1) * 1000 <= maxRetryAfterMs) ||
              (idempotent && error.status >= 500)
            : idempotent
              ? !(error instanceof SyntaxError)
              : neverSent(error),
        // Fly says how long to wait after a 429: exactly that, never less.
        delayOf: (error) =>
          error instanceof FlyApiError && error.status === 429
            ? (error.retryAfterSeconds ?? 1) * 1000
            : undefined,
        clock: this.deps.clock,
        logger: this.deps.logger,
      },
    );
  }

  getApp(app: string): Promise<{ name: string; status?: string }> {
    return this.request('get app', 'GET', `/v1/apps/${app}`);
  }

  listMachines(app: string): Promise<FlyMachine[]> {
    return this.request('list machines', 'GET', `/v1/apps/${app}/machines`);
  }

  getMachine(app: string, id: string): Promise<FlyMachine> {
    return this.request(`get machine ${id}`, 'GET', `/v1/apps/${app}/machines/${id}`);
  }

  /** The lease on a machine, or undefined when none is held. */
  /**
   * Whether registry.fly.io/<app> holds `reference`; undefined when this client was given no
   * registry to ask. Bounded like a read: a lost answer is asked again, at most 3 times.
   */
  async registryHolds(app: string, reference: string): Promise<boolean | undefined> {
    const url = this.options.registryUrl;
    if (!url) return undefined;
    const token = this.token;
    if (!token) throw this.options.missing?.() ?? new Error('Fly: no API token');
    return retry(
      () =>
        flyRegistryHolds(app, reference, token, {
          url,
          ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
          timeoutMs: this.options.requestTimeoutMs ?? 30_000,
        }),
      {
        label: `Fly registry ${app}`,
        attempts: 3,
        baseDelayMs: 1000,
        maxDelayMs: 5000,
        clock: this.deps.clock,
        logger: this.deps.logger,
        isRetryable: (error) => !/check FLY_API_TOKEN|Bearer challenge/.test(String(error)),
      },
    );
  }

  async getLease(app: string, id: string): Promise<Omit<FlyLease, 'nonce'> | undefined> {
    try {
      const out = await this.request<{ data: Omit<FlyLease, 'nonce'> }>(
        `get lease of ${id}`,
        'GET',
        `/v1/apps/${app}/machines/${id}/lease`,
      );
      return out.data;
    } catch (error) {
      if (error instanceof FlyApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async acquireLease(
    app: string,
    id: string,
    ttlSeconds: number,
    description: string,
  ): Promise<FlyLease> {
    const out = await this.request<{ data: FlyLease }>(
      `lease machine ${id}`,
      'POST',
      `/v1/apps/${app}/machines/${id}/lease`,
      { body: { ttl: ttlSeconds, description } },
    );
    return out.data;
  }

  async releaseLease(app: string, id: string, nonce: string): Promise<void> {
    await this.request(`release lease of ${id}`, 'DELETE', `/v1/apps/${app}/machines/${id}/lease`, {
      nonce,
    });
  }

  updateMachine(
    app: string,
    id: string,
    config: FlyMachine['config'],
    nonce: string,
  ): Promise<FlyMachine> {
    return this.request(`update machine ${id}`, 'POST', `/v1/apps/${app}/machines/${id}`, {
      body: { config },
      nonce,
    });
  }

  /**
   * A new machine (Fly's bluegreen makes the green ones so): `skipServiceRegistration` keeps the
   * proxy from sending it traffic until it is uncordoned. Never retried after an answer was lost
   * (a second machine could be made): the caller finds what was made by its metadata.
   */
  createMachine(
    app: string,
    input: { config: FlyMachine['config']; region: string; skipServiceRegistration?: boolean },
  ): Promise<FlyMachine> {
    return this.request(`create machine in ${input.region}`, 'POST', `/v1/apps/${app}/machines`, {
      body: {
        config: input.config,
        region: input.region,
        ...(input.skipServiceRegistration ? { skip_service_registration: true } : {}),
      },
    });
  }

  /** Destroys a machine (force: even started); true, or false when it was already gone (404). */
  async destroyMachine(app: string, id: string, nonce?: string): Promise<boolean> {
    try {
      await this.request(`destroy machine ${id}`, 'DELETE', `/v1/apps/${app}/machines/${id}`, {
        query: { force: 'true' },
        ...(nonce ? { nonce } : {}),
      });
      return true;
    } catch (error) {
      if (error instanceof FlyApiError && error.status === 404) return false;
      throw error;
    }
  }

  /** Turns the machine's services on (uncordon) or off (cordon) in Fly's proxy. */
  async setCordoned(app: string, id: string, cordoned: boolean, nonce?: string): Promise<void> {
    const action = cordoned ? 'cordon' : 'uncordon';
    await this.request(
      `${action} machine ${id}`,
      'POST',
      `/v1/apps/${app}/machines/${id}/${action}`,
      {
        ...(nonce ? { nonce } : {}),
      },
    );
  }

  /** The app's secrets: names and digests (Fly never returns a value). */
  async listSecrets(app: string): Promise<{ name: string; digest: string }[]> {
    const out = await this.request<{ secrets: { name: string; digest: string }[] }>(
      'list secrets',
      'GET',
      `/v1/apps/${app}/secrets`,
    );
    return out.secrets;
  }

  /**
   * Sets (a string) and unsets (null) app secrets in one request, as `fly secrets set --stage`
   * does: the machines read them when they next start. Sending the same values again sets the
   * same state, so a lost answer may be asked again.
   */
  async updateSecrets(app: string, values: Record<string, string | null>): Promise<void> {
    await this.request('update secrets', 'POST', `/v1/apps/${app}/secrets`, {
      body: { values },
    });
  }

  async restartMachine(app: string, id: string, nonce: string): Promise<void> {
    await this.request(`restart machine ${id}`, 'POST', `/v1/apps/${app}/machines/${id}/restart`, {
      nonce,
    });
  }

  /**
   * Fly's long poll: true once the machine's instance is in `state`, false when Fly's own
   * timeout (at most 60 s) passed first (408).
   */
  async wait(
    app: string,
    id: string,
    state: 'started' | 'stopped',
    instanceId: string | undefined,
    timeoutSeconds: number,
  ): Promise<boolean> {
    try {
      await this.request(
        `wait for machine ${id} to be ${state}`,
        'GET',
        `/v1/apps/${app}/machines/${id}/wait`,
        {
          query: {
            state,
            timeout: String(Math.max(1, Math.min(60, Math.ceil(timeoutSeconds)))),
            ...(instanceId ? { instance_id: instanceId } : {}),
          },
        },
      );
      return true;
    } catch (error) {
      if (error instanceof FlyApiError && error.status === 408) return false;
      throw error;
    }
  }
}
