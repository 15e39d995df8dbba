/**
 * BetterStack Uptime's incidents and SLA figures under `/betterstack`:
 * - `GET /api/v2/monitors/{id}/sla?from=YYYY-MM-DD&to=YYYY-MM-DD`: availability (percent),
 *   `total_downtime` (seconds), `number_of_incidents`, `longest_incident`, `average_incident`
 *   (seconds) of the monitor's incidents over whole UTC days, up to now;
 * - `GET /api/v3/incidents` (filters `from`, `to`, `monitor_id`, `resolved`, `acknowledged`;
 *   `page`, `per_page` ≤ 50, default 10; `pagination.next`), `GET /api/v3/incidents/{id}`;
 * - `POST /api/v3/incidents` (`requester_email` and `summary` required; `policy_id` escalates
 *   by that policy), `POST …/{id}/acknowledge`, `POST …/{id}/resolve` (409 when already so);
 * - `GET /api/v3/incidents/{id}/timeline` (not paginated): started, each escalation step
 *   reached (`generic` items titled "Escalated …"), acknowledged, resolved.
 *
 * Escalation follows the policy in modelled time: step n notifies `waitBefore` seconds after
 * the step before, unless the incident was acknowledged or resolved first.
 */
import type { Fixture } from '../fixture.js';
import { json, type RestRequest, type RestResponse, type RestRoute } from '../rest.js';
import type { SimClock } from '../clock.js';

export interface BetterStackIncident {
  id: string;
  monitorId: string | undefined;
  name: string;
  summary: string;
  cause: string;
  requesterEmail: string | undefined;
  policyId: string | undefined;
  startedAt: number;
  acknowledgedAt: number | undefined;
  acknowledgedBy: string | undefined;
  resolvedAt: number | undefined;
  resolvedBy: string | undefined;
  timeline: { at: number; title: string }[];
}

export interface BetterStackPolicy {
  id: string;
  name: string;
  steps: { waitBefore: number; notify: string }[];
}

interface IncidentsWorld {
  betterstack: {
    monitors: Map<string, { id: string; attributes: Record<string, unknown> }>;
    incidents: BetterStackIncident[];
    policies: BetterStackPolicy[];
  };
  clock: SimClock;
  fixture: Fixture;
  url: string;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PER_PAGE = 50;

export function seedIncidents(fixture: Fixture): {
  incidents: BetterStackIncident[];
  policies: BetterStackPolicy[];
} {
  const incidents = fixture.betterstack.incidents.map((i, n): BetterStackIncident => {
    const startedAt = Date.parse(i.startedAt);
    const resolvedAt = i.resolvedAt ? Date.parse(i.resolvedAt) : undefined;
    const acknowledgedAt = i.acknowledgedAt ? Date.parse(i.acknowledgedAt) : undefined;
    return {
      id: i.id ?? String(500_000 + n + 1),
      monitorId: i.monitorId,
      name: i.name,
      summary: i.name,
      cause: i.cause,
      requesterEmail: undefined,
      policyId: undefined,
      startedAt,
      acknowledgedAt,
      acknowledgedBy: acknowledgedAt ? 'on-call' : undefined,
      resolvedAt,
      resolvedBy: resolvedAt ? 'monitor' : undefined,
      timeline: [
        { at: startedAt, title: `Incident started: ${i.cause}` },
        ...(acknowledgedAt ? [{ at: acknowledgedAt, title: 'Acknowledged by on-call' }] : []),
        ...(resolvedAt ? [{ at: resolvedAt, title: 'Resolved automatically' }] : []),
      ],
    };
  });
  return { incidents, policies: fixture.betterstack.policies.map((p) => structuredClone(p)) };
}

const iso = (t: number | undefined): string | null =>
  t === undefined ? null : new Date(t).toISOString();

function statusOf(i: BetterStackIncident): string {
  if (i.resolvedAt !== undefined) return 'Resolved';
  if (i.acknowledgedAt !== undefined) return 'Acknowledged';
  return 'Started';
}

function incidentJson(world: IncidentsWorld, i: BetterStackIncident): Record<string, unknown> {
  const monitor = i.monitorId ? world.betterstack.monitors.get(i.monitorId) : undefined;
  return {
    id: i.id,
    type: 'incident',
    attributes: {
      name: i.name,
      url: monitor ? (monitor.attributes['url'] ?? null) : null,
      http_method: monitor ? 'get' : null,
      cause: i.cause,
      incident_group_id: null,
      started_at: iso(i.startedAt),
      acknowledged_at: iso(i.acknowledgedAt),
      acknowledged_by: i.acknowledgedBy ?? null,
      resolved_at: iso(i.resolvedAt),
      resolved_by: i.resolvedBy ?? null,
      status: statusOf(i),
      team_name: 'Sim team',
      response_content: null,
      response_options: null,
      regions: monitor ? ['us', 'eu'] : [],
      response_url: null,
      screenshot_url: null,
      origin_url: null,
      escalation_policy_id: i.policyId ? Number(i.policyId) : null,
      call: false,
      sms: false,
      email: true,
      push: true,
      critical_alert: false,
    },
    relationships: i.monitorId ? { monitor: { data: { id: i.monitorId, type: 'monitor' } } } : {},
  };
}

const unprocessable = (errors: Record<string, string[]>): RestResponse => json(422, { errors });
const notFound = (id: string): RestResponse =>
  json(404, { errors: `Resource type Incident with id = ${id} was not found` });

function body(req: RestRequest): Record<string, unknown> {
  return req.body !== null && typeof req.body === 'object'
    ? (req.body as Record<string, unknown>)
    : {};
}

/** A `YYYY-MM-DD` query value as the start of that UTC day, or an error message. */
function dayOf(value: string | null, name: string): number | string | undefined {
  if (value === null) return undefined;
  const t = Date.parse(`${value}T00:00:00Z`);
  // BetterStack refuses a day the calendar lacks (2026-11-31); Date.parse would roll it on.
  if (!DATE.test(value) || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== value)
    return `${name} must be a date like 2026-01-31`;
  return t;
}

function bool(value: string | null, name: string): boolean | string | undefined {
  if (value === null) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return `${name} must be true or false`;
}

/** Schedules the policy's steps; each fires unless the incident was acknowledged or resolved. */
function escalate(world: IncidentsWorld, incident: BetterStackIncident, policy: BetterStackPolicy) {
  let waited = 0;
  policy.steps.forEach((step, n) => {
    waited += step.waitBefore;
    world.clock.after(waited * 1000, (at) => {
      if (incident.acknowledgedAt !== undefined || incident.resolvedAt !== undefined) return;
      incident.timeline.push({
        at,
        title: `Escalated to step ${n + 1} of ${policy.name}: notified ${step.notify}`,
      });
    });
  });
}

function find(world: IncidentsWorld, id: string): BetterStackIncident | undefined {
  return world.betterstack.incidents.find((i) => i.id === id);
}

/**
 * One page of a Better Stack list (`page`, `perPage` items a page) as the API answers it:
 * `data`, and `pagination` links to `base` that keep the request's query but for `page`.
 */
export function pagedJson<T>(
  all: readonly T[],
  shown: (item: T) => unknown,
  at: { page: number; perPage: number; query: URLSearchParams; base: string },
): RestResponse {
  const { page, perPage } = at;
  const last = Math.max(1, Math.ceil(all.length / perPage));
  const link = (n: number): string => {
    const params = new URLSearchParams(at.query);
    params.set('page', String(n));
    return `${at.base}?${params.toString()}`;
  };
  return json(200, {
    data: all.slice((page - 1) * perPage, page * perPage).map(shown),
    pagination: {
      first: link(1),
      last: link(last),
      prev: page > 1 ? link(page - 1) : null,
      next: page < last ? link(page + 1) : null,
    },
  });
}

export const incidentRoutes: RestRoute<IncidentsWorld>[] = [
  {
    method: 'GET',
    pattern: /^\/api\/v2\/monitors\/(?<id>\d+)\/sla$/,
    operation: 'getMonitorSla',
    mutating: false,
    handle(req, p, world) {
      const monitor = world.betterstack.monitors.get(p['id']!);
      if (!monitor)
        return json(404, { errors: `Resource type Monitor with id = ${p['id']} was not found` });
      const now = world.clock.now();
      const created = Date.parse(String(monitor.attributes['created_at']));
      const from = dayOf(req.query.get('from'), 'from');
      const to = dayOf(req.query.get('to'), 'to');
      const errors: Record<string, string[]> = {};
      if (typeof from === 'string') errors['from'] = [from];
      if (typeof to === 'string') errors['to'] = [to];
      if (Object.keys(errors).length > 0) return unprocessable(errors);
      const start = (from as number | undefined) ?? Math.floor(created / DAY) * DAY;
      const end = Math.min(((to as number | undefined) ?? Math.floor(now / DAY) * DAY) + DAY, now);
      if (start >= end)
        return unprocessable({ to: ['must not be before from, nor is a range in the future'] });
      const durations = world.betterstack.incidents
        .filter((i) => i.monitorId === monitor.id)
        .map((i) => Math.min(i.resolvedAt ?? now, end) - Math.max(i.startedAt, start))
        .filter((ms) => ms > 0);
      const downtime = durations.reduce((n, ms) => n + ms, 0);
      const seconds = (ms: number): number => Math.round(ms / 1000);
      return json(200, {
        data: {
          id: monitor.id,
          type: 'monitor_sla',
          attributes: {
            // Four decimals: enough for a month's minute of downtime (0.0023 %).
            availability: Math.round((1 - downtime / (end - start)) * 100 * 10_000) / 10_000,
            total_downtime: seconds(downtime),
            number_of_incidents: durations.length,
            longest_incident: seconds(Math.max(0, ...durations)),
            average_incident: durations.length ? seconds(downtime / durations.length) : 0,
          },
        },
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/v3\/incidents$/,
    operation: 'listIncidents',
    mutating: false,
    handle(req, _p, world) {
      const q = req.query;
      const from = dayOf(q.get('from'), 'from');
      const to = dayOf(q.get('to'), 'to');
      const resolved = bool(q.get('resolved'), 'resolved');
      const acknowledged = bool(q.get('acknowledged'), 'acknowledged');
      const page = Number(q.get('page') ?? '1');
      const perPage = Number(q.get('per_page') ?? '10');
      const errors: Record<string, string[]> = {};
      for (const [name, v] of Object.entries({ from, to, resolved, acknowledged }))
        if (typeof v === 'string') errors[name] = [v];
      if (!Number.isInteger(page) || page < 1) errors['page'] = ['must be a positive integer'];
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE)
        errors['per_page'] = [`must be an integer from 1 to ${MAX_PER_PAGE}`];
      if (Object.keys(errors).length > 0) return unprocessable(errors);
      const monitorId = q.get('monitor_id');
      const all = world.betterstack.incidents
        .filter(
          (i) =>
            (from === undefined || i.startedAt >= (from as number)) &&
            (to === undefined || i.startedAt < (to as number) + DAY) &&
            (monitorId === null || i.monitorId === monitorId) &&
            (resolved === undefined || (i.resolvedAt !== undefined) === resolved) &&
            (acknowledged === undefined || (i.acknowledgedAt !== undefined) === acknowledged),
        )
        .sort((a, b) => b.startedAt - a.startedAt);
      return pagedJson(all, (i) => incidentJson(world, i), {
        page,
        perPage,
        query: q,
        base: `${world.url}/betterstack/api/v3/incidents`,
      });
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/v3\/incidents\/(?<id>\d+)$/,
    operation: 'getIncident',
    mutating: false,
    handle(_req, p, world) {
      const incident = find(world, p['id']!);
      return incident ? json(200, { data: incidentJson(world, incident) }) : notFound(p['id']!);
    },
  },
  {
    method: 'POST',
    pattern: /^\/api\/v3\/incidents$/,
    operation: 'createIncident',
    mutating: true,
    handle(req, _p, world) {
      const b = body(req);
      const errors: Record<string, string[]> = {};
      const email = b['requester_email'];
      if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email))
        errors['requester_email'] = ['is required and must be an e-mail address'];
      if (typeof b['summary'] !== 'string' || b['summary'].trim() === '')
        errors['summary'] = ['is required'];
      for (const key of ['name', 'description'])
        if (b[key] !== undefined && typeof b[key] !== 'string') errors[key] = ['must be a string'];
      for (const key of ['call', 'sms', 'email', 'push', 'critical_alert'])
        if (b[key] !== undefined && typeof b[key] !== 'boolean')
          errors[key] = ['must be a boolean'];
      const policyId = b['policy_id'];
      let policy: BetterStackPolicy | undefined;
      if (policyId !== undefined && policyId !== null) {
        policy = world.betterstack.policies.find((x) => x.id === String(policyId));
        if (!policy) errors['policy_id'] = [`no escalation policy with id ${String(policyId)}`];
      }
      if (Object.keys(errors).length > 0) return unprocessable(errors);
      const now = world.clock.now();
      const incident: BetterStackIncident = {
        id: String(600_000 + world.betterstack.incidents.length + 1),
        monitorId: undefined,
        name: typeof b['name'] === 'string' ? b['name'] : 'Incident',
        summary: b['summary'] as string,
        cause: b['summary'] as string,
        requesterEmail: email as string,
        policyId: policy?.id,
        startedAt: now,
        acknowledgedAt: undefined,
        acknowledgedBy: undefined,
        resolvedAt: undefined,
        resolvedBy: undefined,
        timeline: [{ at: now, title: `Incident started by ${email as string}` }],
      };
      world.betterstack.incidents.push(incident);
      if (policy) escalate(world, incident, policy);
      return json(201, { data: incidentJson(world, incident) });
    },
  },
  ...(['acknowledge', 'resolve'] as const).map((verb): RestRoute<IncidentsWorld> => ({
    method: 'POST',
    pattern: new RegExp(`^/api/v3/incidents/(?<id>\\d+)/${verb}$`),
    operation: `${verb}Incident`,
    mutating: true,
    handle(req, p, world) {
      const incident = find(world, p['id']!);
      if (!incident) return notFound(p['id']!);
      const by = body(req)[verb === 'acknowledge' ? 'acknowledged_by' : 'resolved_by'];
      if (by !== undefined && typeof by !== 'string')
        return unprocessable({
          [verb === 'acknowledge' ? 'acknowledged_by' : 'resolved_by']: ['must be a string'],
        });
      const now = world.clock.now();
      if (incident.resolvedAt !== undefined)
        return json(409, { errors: 'Incident is already resolved' });
      if (verb === 'acknowledge') {
        if (incident.acknowledgedAt !== undefined)
          return json(409, { errors: 'Incident is already acknowledged' });
        incident.acknowledgedAt = now;
        incident.acknowledgedBy = by ?? 'API';
        incident.timeline.push({ at: now, title: `Acknowledged by ${incident.acknowledgedBy}` });
      } else {
        incident.resolvedAt = now;
        incident.resolvedBy = by ?? 'API';
        incident.timeline.push({ at: now, title: `Resolved by ${incident.resolvedBy}` });
      }
      return json(200, { data: incidentJson(world, incident) });
    },
  })),
  {
    method: 'GET',
    pattern: /^\/api\/v3\/incidents\/(?<id>\d+)\/timeline$/,
    operation: 'listIncidentTimeline',
    mutating: false,
    handle(_req, p, world) {
      const incident = find(world, p['id']!);
      if (!incident) return notFound(p['id']!);
      return json(200, {
        data: incident.timeline.map((item, n) => ({
          id: String(n + 1),
          type: 'timeline_item',
          attributes: { item_type: 'generic', at: iso(item.at), data: { title: item.title } },
        })),
      });
    },
  },
];

/**
 * A sliding window per token: more than `requests` in `windowSeconds` (real time) is 429 with
 * Retry-After, the seconds until the oldest request leaves the window.
 */
export function rateLimited(
  world: { clock: SimClock; fixture: Fixture },
  seen: number[],
): RestResponse | undefined {
  const { requests, windowSeconds } = world.fixture.betterstack.rateLimit;
  const now = world.clock.now();
  const windowMs = windowSeconds * 1000;
  while (seen.length > 0 && seen[0]! <= now - windowMs) seen.shift();
  if (seen.length >= requests) {
    const retryAfter = Math.max(1, Math.ceil((seen[0]! + windowMs - now) / 1000));
    return json(
      429,
      { errors: 'Too many requests, slow down' },
      { 'retry-after': String(retryAfter) },
    );
  }
  seen.push(now);
  return undefined;
}
