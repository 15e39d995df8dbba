import { HttpError, requestJson, type HttpDeps } from '../util/http-json.js';

/** One monitor's SLA figures over whole UTC days (`GET /api/v2/monitors/{id}/sla`). */
export interface MonitorSla {
  monitorId: string;
  /** Percent, as BetterStack gives it. */
  availability: number;
  downtimeSeconds: number;
  incidents: number;
  longestIncidentSeconds: number;
}

/** The parts of an incident (`/api/v3/incidents`) the suite reads. */
export interface Incident {
  id: string;
  name: string;
  cause: string;
  monitorId: string | undefined;
  startedAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  /** Started, Acknowledged or Resolved. */
  status: string;
}

export interface TimelineItem {
  at: string;
  itemType: string;
  title: string;
}

interface IncidentJson {
  id?: unknown;
  attributes?: Record<string, unknown>;
  relationships?: { monitor?: { data?: { id?: unknown } } };
}

/** More pages of incidents than this for one range is not a month: stop, loudly. */
const MAX_INCIDENT_PAGES = 100;
const PER_PAGE = 50;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function incidentOf(item: IncidentJson, label: string): Incident {
  const a = item.attributes;
  if (!a || item.id === undefined)
    throw new Error(`${label}: an incident without id or attributes`);
  const started = str(a['started_at']);
  if (!started) throw new Error(`${label}: incident ${String(item.id)} has no started_at`);
  const monitor = item.relationships?.monitor?.data?.id;
  return {
    id: String(item.id),
    name: str(a['name']) ?? '',
    cause: str(a['cause']) ?? '',
    monitorId: monitor === undefined || monitor === null ? undefined : String(monitor),
    startedAt: started,
    acknowledgedAt: str(a['acknowledged_at']),
    resolvedAt: str(a['resolved_at']),
    status: str(a['status']) ?? 'unknown',
  };
}

/**
 * BetterStack Uptime's SLA figures and incidents. Reads are idempotent and retried by the
 * shared HTTP retry (429 waits for Retry-After); creating an incident is not, so it is sent
 * again only when BetterStack cannot have acted on it (a 429 or a connection never made).
 * A paginated read follows `pagination.next` to the end or fails: a partial list is never
 * returned as if whole.
 */
export class BetterStackIncidents {
  constructor(
    private readonly apiUrl: string,
    private readonly token: string,
    private readonly deps: HttpDeps,
  ) {}

  private request<T>(
    label: string,
    url: string,
    method: string,
    body?: unknown,
    idempotent = true,
  ): Promise<T> {
    return requestJson<T>(
      label,
      url,
      {
        method,
        headers: { authorization: `Bearer ${this.token}` },
        idempotent,
        ...(body !== undefined ? { body } : {}),
      },
      this.deps,
    );
  }

  /** SLA of a monitor from the first to the last day given (both inclusive, UTC). */
  async sla(monitorId: string, from: string, to: string): Promise<MonitorSla> {
    const label = `BetterStack SLA of monitor ${monitorId}`;
    const url = `${this.apiUrl}/api/v2/monitors/${encodeURIComponent(monitorId)}/sla?from=${from}&to=${to}`;
    const response = await this.request<{ data?: { attributes?: Record<string, unknown> } }>(
      label,
      url,
      'GET',
    );
    const a = response?.data?.attributes;
    const num = (key: string): number => {
      const v = a?.[key];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new Error(`${label}: the answer has no number ${key}`);
      return v;
    };
    return {
      monitorId,
      availability: num('availability'),
      downtimeSeconds: num('total_downtime'),
      incidents: num('number_of_incidents'),
      longestIncidentSeconds: num('longest_incident'),
    };
  }

  /** Every incident matching the filter, all pages. */
  async list(filter: {
    from?: string;
    to?: string;
    monitorId?: string;
    resolved?: boolean;
  }): Promise<Incident[]> {
    const label = 'BetterStack incidents';
    const origin = new URL(this.apiUrl).origin;
    const q = new URLSearchParams({ per_page: String(PER_PAGE) });
    if (filter.from) q.set('from', filter.from);
    if (filter.to) q.set('to', filter.to);
    if (filter.monitorId) q.set('monitor_id', filter.monitorId);
    if (filter.resolved !== undefined) q.set('resolved', String(filter.resolved));
    let url: string | undefined = `${this.apiUrl}/api/v3/incidents?${q.toString()}`;
    const out: Incident[] = [];
    for (let page = 1; url; page++) {
      if (page > MAX_INCIDENT_PAGES)
        throw new Error(
          `${label}: more than ${MAX_INCIDENT_PAGES} pages of ${PER_PAGE}; stopped reading, so the list is incomplete`,
        );
      const response: { data?: IncidentJson[]; pagination?: { next?: unknown } } =
        await this.request(label, url, 'GET');
      if (!Array.isArray(response?.data)) throw new Error(`${label}: the answer has no data list`);
      for (const item of response.data) out.push(incidentOf(item, label));
      const next = response.pagination?.next;
      if (next === null || next === undefined) url = undefined;
      else if (typeof next === 'string' && new URL(next).origin === origin) url = next;
      else
        // The token goes only to the API it was given for; an unreadable next page is an error.
        throw new Error(`${label}: pagination.next points elsewhere (${String(next)}); stopped`);
    }
    return out;
  }

  async get(id: string): Promise<Incident> {
    const label = `BetterStack incident ${id}`;
    const response = await this.request<{ data?: IncidentJson }>(
      label,
      `${this.apiUrl}/api/v3/incidents/${encodeURIComponent(id)}`,
      'GET',
    );
    return incidentOf(response?.data ?? {}, label);
  }

  /** Creates an incident that escalates by `policyId`. Not retried after a possible success. */
  async create(request: {
    summary: string;
    name: string;
    requesterEmail: string;
    policyId: string;
    description: string;
  }): Promise<Incident> {
    const label = 'BetterStack create incident';
    const response = await this.request<{ data?: IncidentJson }>(
      label,
      `${this.apiUrl}/api/v3/incidents`,
      'POST',
      {
        summary: request.summary,
        name: request.name,
        description: request.description,
        requester_email: request.requesterEmail,
        policy_id: request.policyId,
      },
      false,
    );
    return incidentOf(response?.data ?? {}, label);
  }

  async timeline(id: string): Promise<TimelineItem[]> {
    const label = `BetterStack timeline of incident ${id}`;
    const response = await this.request<{ data?: { attributes?: Record<string, unknown> }[] }>(
      label,
      `${this.apiUrl}/api/v3/incidents/${encodeURIComponent(id)}/timeline`,
      'GET',
    );
    if (!Array.isArray(response?.data)) throw new Error(`${label}: the answer has no data list`);
    return response.data.map((item) => {
      const a = item.attributes ?? {};
      const data = (a['data'] ?? {}) as Record<string, unknown>;
      return {
        at: str(a['at']) ?? '',
        itemType: str(a['item_type']) ?? '',
        title: str(data['title']) ?? '',
      };
    });
  }

  /**
   * Resolves an incident; one already resolved (409) counts as resolved, so the post step may
   * call this after the main step did.
   */
  async resolve(id: string, by: string): Promise<'resolved' | 'already resolved'> {
    try {
      await this.request(
        `BetterStack resolve incident ${id}`,
        `${this.apiUrl}/api/v3/incidents/${encodeURIComponent(id)}/resolve`,
        'POST',
        { resolved_by: by },
      );
      return 'resolved';
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) {
        const incident = await this.get(id);
        if (incident.resolvedAt) return 'already resolved';
      }
      throw error;
    }
  }
}
