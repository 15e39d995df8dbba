/**
 * BetterStack Uptime API under `/betterstack`: v2 monitors (GET, list, PATCH with `paused`
 * and the maintenance-window fields), v3 metadata (list by owner, upsert/remove by key) and
 * v2 status-page reports of type maintenance; incidents and SLA figures in
 * betterstack-incidents.ts. JSON:API shape `{ data: { id, type,
 * attributes } }`; a Team API token is required.
 *
 * A monitor's `status` follows BetterStack: pausing makes it `paused` (and sets `paused_at`,
 * which a second pause leaves as it was); resuming makes it `pending` until its next check,
 * `check_frequency` seconds of modelled time later, which finds the fixture's `status`
 * (up, down, …).
 */
import type { Fixture } from '../fixture.js';
import { json, type RestRequest, type RestResponse, type RestService } from '../rest.js';
import type { SimClock } from '../clock.js';
import {
  incidentRoutes,
  pagedJson,
  rateLimited,
  seedIncidents,
  type BetterStackIncident,
  type BetterStackPolicy,
} from './betterstack-incidents.js';

/** What this service reads of the world. */
interface BetterStackWorld {
  betterstack: BetterStackState;
  clock: SimClock;
  fixture: Fixture;
  /** Base URL of the sim. */
  url: string;
}

export type MonitorStatus = 'up' | 'down' | 'paused' | 'pending' | 'maintenance' | 'validating';

export interface BetterStackMonitor {
  id: string;
  attributes: Record<string, unknown>;
  /** What the monitor's checks find when it runs (the fixture's `status`). */
  checked: MonitorStatus;
}

/** One metadata record: a key and its values on one resource (v3 metadata API). */
export interface BetterStackMetadata {
  id: string;
  ownerId: string;
  ownerType: string;
  key: string;
  values: { type: string; value: string }[];
}

export interface BetterStackRequest {
  method: string;
  path: string;
  body: unknown;
  time: number;
}

export interface BetterStackState {
  monitors: Map<string, BetterStackMonitor>;
  metadata: BetterStackMetadata[];
  statusReports: { id: string; statusPageId: string; attributes: Record<string, unknown> }[];
  requests: BetterStackRequest[];
  /** Incidents of monitors and made through the API (betterstack-incidents.ts). */
  incidents: BetterStackIncident[];
  policies: BetterStackPolicy[];
  /** Times of the requests inside the rate-limit window. */
  recent: number[];
}

export function seedBetterStack(fixture: Fixture, now: number): BetterStackState {
  const monitors = new Map<string, BetterStackMonitor>();
  const created = new Date(now - 90 * 86_400_000).toISOString();
  for (const m of fixture.betterstack.monitors) {
    monitors.set(m.id, {
      id: m.id,
      checked: m.status,
      attributes: {
        url: m.url,
        pronounceable_name: m.name,
        monitor_type: 'status',
        monitor_group_id: null,
        last_checked_at: new Date(now - 30_000).toISOString(),
        status: m.paused ? 'paused' : m.status,
        paused: m.paused,
        paused_at: m.paused ? new Date(now - m.pausedAgo).toISOString() : null,
        check_frequency: 30,
        request_timeout: 15,
        recovery_period: 180,
        confirmation_period: 0,
        verify_ssl: true,
        email: true,
        sms: false,
        call: false,
        push: true,
        http_method: 'get',
        regions: ['us', 'eu', 'as', 'au'],
        maintenance_from: null,
        maintenance_to: null,
        maintenance_timezone: 'UTC',
        maintenance_days: [],
        created_at: created,
        updated_at: created,
      },
    });
  }
  return {
    monitors,
    metadata: [],
    statusReports: [],
    requests: [],
    ...seedIncidents(fixture),
    recent: [],
  };
}

/** Owner types the metadata API accepts (BetterStack's reference lists these). */
const METADATA_OWNER_TYPES = [
  'Monitor',
  'Heartbeat',
  'Incident',
  'WebhookIntegration',
  'EmailIntegration',
  'IncomingWebhook',
  'CallRouting',
];
const METADATA_PAGE_SIZE = 50;

const metadataJson = (m: BetterStackMetadata): Record<string, unknown> => ({
  id: m.id,
  type: 'metadata',
  attributes: {
    key: m.key,
    values: m.values,
    team_name: 'Sim team',
    owner_id: m.ownerId,
    owner_type: m.ownerType,
  },
});

/** Sets `paused` as BetterStack does, with the status and `paused_at` that go with it. */
function setPaused(
  world: BetterStackWorld,
  m: BetterStackMonitor,
  paused: boolean,
  now: string,
): void {
  const wasPaused = m.attributes['paused'] === true;
  m.attributes['paused'] = paused;
  if (paused) {
    if (!wasPaused) m.attributes['paused_at'] = now;
    m.attributes['status'] = 'paused';
    return;
  }
  m.attributes['paused_at'] = null;
  if (!wasPaused) return;
  m.attributes['status'] = 'pending';
  const frequencyS = Number(m.attributes['check_frequency'] ?? 30);
  world.clock.after(frequencyS * 1000, (at) => {
    if (m.attributes['paused'] === true || m.attributes['status'] !== 'pending') return;
    m.attributes['status'] = m.checked;
    m.attributes['last_checked_at'] = new Date(at).toISOString();
  });
}

const monitorJson = (m: BetterStackMonitor): Record<string, unknown> => ({
  id: m.id,
  type: 'monitor',
  attributes: m.attributes,
});

const notFound = (what: string, id: string): RestResponse =>
  json(404, { errors: `Resource type ${what} with id = ${id} was not found` });

function body(req: RestRequest): Record<string, unknown> {
  return req.body !== null && typeof req.body === 'object'
    ? (req.body as Record<string, unknown>)
    : {};
}

function record(world: BetterStackWorld, req: RestRequest): void {
  world.betterstack.requests.push({
    method: req.method,
    path: req.path,
    body: req.body,
    time: world.clock.now(),
  });
}

const TIME_OF_DAY = /^\d{2}:\d{2}$/;

export const betterstack: RestService<BetterStackWorld> = {
  name: 'betterstack',
  prefix: '/betterstack',
  authenticate(req, world) {
    const auth = req.headers['authorization'];
    if (auth === `Bearer ${world.fixture.betterstack.token}`)
      return rateLimited(world, world.betterstack.recent);
    return json(401, {
      errors:
        'Invalid Team API token. How to find your Team API token: https://betterstack.com/docs/uptime/api/getting-started-with-uptime-api#obtaining-an-uptime-api-token',
    });
  },
  badBody: () => json(400, { errors: 'Invalid JSON body' }),
  notFound: () => json(404, { errors: 'Not found' }),
  faults: {
    throttle: json(429, { errors: 'Too many requests' }, { 'retry-after': '1' }),
    serverError: json(500, { errors: 'Internal server error' }),
    unavailable: json(503, { errors: 'Service unavailable' }),
  },
  routes: [
    {
      method: 'GET',
      pattern: /^\/api\/v2\/monitors$/,
      operation: 'listMonitors',
      mutating: false,
      handle(req, _p, world) {
        record(world, req);
        return json(200, {
          data: [...world.betterstack.monitors.values()].map(monitorJson),
          pagination: {
            first: `${world.url}/betterstack/api/v2/monitors?page=1`,
            last: `${world.url}/betterstack/api/v2/monitors?page=1`,
            prev: null,
            next: null,
          },
        });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v2\/monitors\/(?<id>\d+)$/,
      operation: 'getMonitor',
      mutating: false,
      handle(req, p, world) {
        record(world, req);
        const m = world.betterstack.monitors.get(p['id']!);
        return m ? json(200, { data: monitorJson(m) }) : notFound('Monitor', p['id']!);
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/api\/v2\/monitors\/(?<id>\d+)$/,
      operation: 'updateMonitor',
      mutating: true,
      handle(req, p, world) {
        record(world, req);
        const m = world.betterstack.monitors.get(p['id']!);
        if (!m) return notFound('Monitor', p['id']!);
        const b = body(req);
        const errors: Record<string, string[]> = {};
        if (b['paused'] !== undefined && typeof b['paused'] !== 'boolean')
          errors['paused'] = ['must be a boolean'];
        for (const key of ['maintenance_from', 'maintenance_to'])
          if (
            b[key] !== undefined &&
            b[key] !== null &&
            !(typeof b[key] === 'string' && TIME_OF_DAY.test(b[key]))
          )
            errors[key] = ['must be a time of day like 01:00'];
        if (Object.keys(errors).length > 0) return json(422, { errors });
        const now = new Date(world.clock.now()).toISOString();
        if (typeof b['paused'] === 'boolean') setPaused(world, m, b['paused'], now);
        for (const key of [
          'maintenance_from',
          'maintenance_to',
          'maintenance_timezone',
          'maintenance_days',
          'pronounceable_name',
          'url',
        ])
          if (b[key] !== undefined) m.attributes[key] = b[key];
        m.attributes['updated_at'] = now;
        return json(200, { data: monitorJson(m) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/api\/v3\/metadata$/,
      operation: 'listMetadata',
      mutating: false,
      handle(req, _p, world) {
        record(world, req);
        const ownerId = req.query.get('owner_id');
        const ownerType = req.query.get('owner_type');
        const page = Number(req.query.get('page') ?? '1');
        if (!Number.isInteger(page) || page < 1)
          return json(422, { errors: { page: ['must be a positive integer'] } });
        const all = world.betterstack.metadata.filter(
          (m) =>
            (ownerId === null || m.ownerId === ownerId) &&
            (ownerType === null || m.ownerType === ownerType),
        );
        return pagedJson(all, metadataJson, {
          page,
          perPage: METADATA_PAGE_SIZE,
          query: req.query,
          base: `${world.url}/betterstack/api/v3/metadata`,
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v3\/metadata$/,
      operation: 'updateMetadata',
      mutating: true,
      handle(req, _p, world) {
        record(world, req);
        const b = body(req);
        const errors: Record<string, string[]> = {};
        const ownerId = b['owner_id'];
        const ownerType = b['owner_type'];
        const key = b['key'];
        const values = b['values'];
        if (typeof ownerId !== 'string' || ownerId === '') errors['owner_id'] = ['is required'];
        if (typeof ownerType !== 'string' || !METADATA_OWNER_TYPES.includes(ownerType))
          errors['owner_type'] = [`must be one of ${METADATA_OWNER_TYPES.join(', ')}`];
        if (typeof key !== 'string' || key.trim() === '') errors['key'] = ['is required'];
        if (b['mode'] !== undefined && b['mode'] !== 'replace' && b['mode'] !== 'merge')
          errors['mode'] = ['must be replace or merge'];
        const parsed: { type: string; value: string }[] = [];
        if (!Array.isArray(values)) errors['values'] = ['must be an array'];
        else
          for (const v of values as unknown[]) {
            const item = v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
            const type = item['type'] ?? 'String';
            // Only String values are modelled; other types reference users, teams, policies …
            if (type !== 'String' || typeof item['value'] !== 'string') {
              errors['values'] = ['each value needs type String (the default) and a string value'];
              break;
            }
            parsed.push({ type: 'String', value: item['value'] });
          }
        if (Object.keys(errors).length > 0) return json(422, { errors });
        if (ownerType === 'Monitor' && !world.betterstack.monitors.has(ownerId as string))
          return notFound('Monitor', ownerId as string);
        const list = world.betterstack.metadata;
        const at = list.findIndex(
          (m) => m.ownerId === ownerId && m.ownerType === ownerType && m.key === key,
        );
        // An empty list removes the key from the resource.
        if (parsed.length === 0) {
          if (at >= 0) list.splice(at, 1);
          return { status: 204 };
        }
        const replace = b['mode'] !== 'merge';
        const existing = at >= 0 ? list[at] : undefined;
        if (existing) {
          existing.values = replace ? parsed : [...existing.values, ...parsed];
          return json(200, { data: metadataJson(existing) });
        }
        const created: BetterStackMetadata = {
          id: String(7000 + list.length + world.betterstack.requests.length),
          ownerId: ownerId as string,
          ownerType: ownerType as string,
          key: key as string,
          values: parsed,
        };
        list.push(created);
        return json(201, { data: metadataJson(created) });
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/v2\/status-pages\/(?<page>\d+)\/status-reports$/,
      operation: 'createStatusReport',
      mutating: true,
      handle(req, p, world) {
        record(world, req);
        const b = body(req);
        if (typeof b['title'] !== 'string' || typeof b['message'] !== 'string')
          return json(422, { errors: { title: ['is required'], message: ['is required'] } });
        const report = {
          id: String(900000 + world.betterstack.statusReports.length + 1),
          statusPageId: p['page']!,
          attributes: {
            ...b,
            report_type: b['report_type'] ?? 'manual',
            aggregate_state: 'maintenance',
          },
        };
        world.betterstack.statusReports.push(report);
        return json(201, {
          data: { id: report.id, type: 'status_page_report', attributes: report.attributes },
        });
      },
    },
    ...incidentRoutes,
  ],
};
