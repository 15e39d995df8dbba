import { requestJson, type HttpDeps } from '../util/http-json.js';

/** BetterStack Uptime API base; overridable so tests and the demo talk to the local sim. */
export function betterStackApiUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env['BETTERSTACK_API_URL'] ?? 'https://uptime.betterstack.com').replace(/\/$/, '');
}

/** The parts of a monitor (`GET /api/v2/monitors/{id}`) the suite reads. */
export interface MonitorSnapshot {
  id: string;
  name: string;
  paused: boolean;
  /** When it was paused, as BetterStack records it; null while it runs. */
  pausedAt: string | null;
  /** up, down, paused, pending, maintenance or validating. */
  status: string;
}

interface MonitorResponse {
  data?: { id?: unknown; attributes?: Record<string, unknown> };
}

interface MetadataListResponse {
  data?: { attributes?: { key?: unknown; values?: { value?: unknown }[] } }[];
  pagination?: { next?: unknown };
}

/** More pages of one monitor's metadata than this is not a real monitor: stop, loudly. */
const MAX_METADATA_PAGES = 20;

function snapshot(id: string, response: MonitorResponse, label: string): MonitorSnapshot {
  const a = response.data?.attributes;
  if (!a) throw new Error(`${label}: the answer has no data.attributes`);
  return {
    id,
    name: typeof a['pronounceable_name'] === 'string' ? a['pronounceable_name'] : id,
    paused: a['paused'] === true,
    pausedAt: typeof a['paused_at'] === 'string' ? a['paused_at'] : null,
    status: typeof a['status'] === 'string' ? a['status'] : 'unknown',
  };
}

/**
 * The Uptime API calls the suite makes: read a monitor, pause or resume it, and keep one
 * metadata value on it (the v3 metadata API: `POST /api/v3/metadata` replaces the values of a
 * key on a resource, an empty list removes the key; `GET /api/v3/metadata?owner_id=…`
 * lists them, paginated). Every call is idempotent, so the shared HTTP retry is safe.
 */
export class BetterStackMonitors {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly deps: HttpDeps,
  ) {}

  private request<T>(label: string, url: string, method: string, body?: unknown): Promise<T> {
    return requestJson<T>(
      label,
      url,
      {
        method,
        headers: { authorization: `Bearer ${this.token}` },
        ...(body !== undefined ? { body } : {}),
      },
      this.deps,
    );
  }

  private monitorUrl(id: string): string {
    return `${this.apiUrl}/api/v2/monitors/${encodeURIComponent(id)}`;
  }

  async get(id: string): Promise<MonitorSnapshot> {
    const label = `BetterStack get monitor ${id}`;
    return snapshot(
      id,
      await this.request<MonitorResponse>(label, this.monitorUrl(id), 'GET'),
      label,
    );
  }

  private async setPaused(id: string, paused: boolean): Promise<MonitorSnapshot> {
    const label = `BetterStack ${paused ? 'pause' : 'resume'} monitor ${id}`;
    const response = await this.request<MonitorResponse>(label, this.monitorUrl(id), 'PATCH', {
      paused,
    });
    return snapshot(id, response, label);
  }

  pause(id: string): Promise<MonitorSnapshot> {
    return this.setPaused(id, true);
  }

  resume(id: string): Promise<MonitorSnapshot> {
    return this.setPaused(id, false);
  }

  /** The first value of `key` on monitor `id`, or undefined when the monitor has none. */
  async readMetadata(id: string, key: string): Promise<string | undefined> {
    const label = `BetterStack metadata of monitor ${id}`;
    const origin = new URL(this.apiUrl).origin;
    let url: string | undefined =
      `${this.apiUrl}/api/v3/metadata?owner_type=Monitor&owner_id=${encodeURIComponent(id)}`;
    for (let page = 1; url; page++) {
      if (page > MAX_METADATA_PAGES)
        throw new Error(`${label}: more than ${MAX_METADATA_PAGES} pages; stopped reading`);
      const response: MetadataListResponse = await this.request(label, url, 'GET');
      for (const item of response.data ?? []) {
        if (item.attributes?.key !== key) continue;
        const value = item.attributes.values?.[0]?.value;
        return typeof value === 'string' ? value : undefined;
      }
      const next = response.pagination?.next;
      // The token goes only to the API it was given for, whatever a `next` link says.
      url = typeof next === 'string' && new URL(next).origin === origin ? next : undefined;
    }
    return undefined;
  }

  async writeMetadata(id: string, key: string, value: string): Promise<void> {
    await this.request(
      `BetterStack write metadata on monitor ${id}`,
      `${this.apiUrl}/api/v3/metadata`,
      'POST',
      { owner_type: 'Monitor', owner_id: id, key, values: [{ type: 'String', value }] },
    );
  }

  async removeMetadata(id: string, key: string): Promise<void> {
    await this.request(
      `BetterStack remove metadata from monitor ${id}`,
      `${this.apiUrl}/api/v3/metadata`,
      'POST',
      { owner_type: 'Monitor', owner_id: id, key, values: [] },
    );
  }
}
