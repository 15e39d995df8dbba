/**
 * BetterStack Uptime API v2 under `/betterstack/api/v2`: monitors (GET, list, PATCH with
 * `paused` and the maintenance-window fields) and status-page reports of type maintenance.
 * JSON:API shape `{ data: { id, type, attributes } }`; a Team API token is required.
 */
import type { Fixture } from '../fixture.js';
import { json, type RestRequest, type RestResponse, type RestService } from '../rest.js';
import type { World } from '../world.js';

export interface BetterStackMonitor {
  id: string;
  attributes: Record<string, unknown>;
}

export interface BetterStackRequest {
  method: string;
  path: string;
  body: unknown;
  time: number;
}

export interface BetterStackState {
  monitors: Map<string, BetterStackMonitor>;
  statusReports: { id: string; statusPageId: string; attributes: Record<string, unknown> }[];
  requests: BetterStackRequest[];
}

export function seedBetterStack(fixture: Fixture, now: number): BetterStackState {
  const monitors = new Map<string, BetterStackMonitor>();
  const created = new Date(now - 90 * 86_400_000).toISOString();
  for (const m of fixture.betterstack.monitors) {
    monitors.set(m.id, {
      id: m.id,
      attributes: {
        url: m.url,
        pronounceable_name: m.name,
        monitor_type: 'status',
        monitor_group_id: null,
        last_checked_at: new Date(now - 30_000).toISOString(),
        status: m.paused ? 'paused' : 'up',
        paused: m.paused,
        paused_at: m.paused ? created : null,
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
  return { monitors, statusReports: [], requests: [] };
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

function record(world: World, req: RestRequest): void {
  world.betterstack.requests.push({
    method: req.method,
    path: req.path,
    body: req.body,
    time: world.clock.now(),
  });
}

const TIME_OF_DAY = /^\d{2}:\d{2}$/;

export const betterstack: RestService = {
  name: 'betterstack',
  prefix: '/betterstack',
  authenticate(req, world) {
    const auth = req.headers['authorization'];
    if (auth === `Bearer ${world.fixture.betterstack.token}`) return undefined;
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
        if (typeof b['paused'] === 'boolean') {
          m.attributes['paused'] = b['paused'];
          m.attributes['paused_at'] = b['paused'] ? now : null;
          m.attributes['status'] = b['paused'] ? 'paused' : 'pending';
        }
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
  ],
};
