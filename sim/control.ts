/**
 * The control API, so a standalone `npm run sim` can be inspected and steered over HTTP (tests
 * use the in-process handle instead):
 *   GET    /_sim/health                → ok
 *   GET    /_sim/state                 → services, images, instances, snapshots, GitHub, Slack…
 *   GET    /_sim/calls[?service=&operation=]   DELETE /_sim/calls
 *   PUT    /_sim/faults  {seed?, rules: [...]}
 *   POST   /_sim/maintenance {service: "<arn or name>", duration: "5m"}
 *   POST   /_sim/advance {ms}          jump the clock forward
 */
import { parseDuration } from '../core/util/duration.js';
import type { RestResponse } from './rest.js';
import type { World } from './world.js';

/** A plain-JSON picture of the whole state (also what the handle's `state()` returns). */
export function stateView(world: World): Record<string, unknown> {
  world.clock.runDue();
  return structuredClone({
    url: world.url,
    apprunner: [...world.apprunner.services.values()].map((s) => ({
      ...world.apprunner.describe(s),
      running: {
        identifier: s.running.identifier,
        digest: s.running.digest,
        version: s.running.version,
        behaviour: s.running.behaviour.behaviour,
      },
      operations: s.operations,
      appUrl: `http://127.0.0.1:${s.app.port}`,
    })),
    ecs: [...world.ecs.services.values()].map((s) => ({
      ...world.ecs.describe(s),
      running: { image: s.running.image, digest: s.running.digest, version: s.running.version },
      deployments: s.deployments.map((d) => ({
        arn: d.arn,
        status: d.status,
        statusReason: d.statusReason,
        targetRevisionArn: d.target.arn,
        history: d.history,
      })),
      appUrl: `http://${world.ecs.endpoint(s)}`,
    })),
    ecr: [...world.ecr.repositories.values()].map((r) => ({
      name: r.name,
      uri: world.ecr.repositoryUri(r.name),
      images: r.images.map(({ manifest: _manifest, ...image }) => image),
    })),
    rds: {
      instances: [...world.rds.instances.values()].map((i) => ({ id: i.id, status: i.status })),
      snapshots: world.rds.snapshots.map((s) => world.rds.describeSnapshot(s)),
    },
    github: world.github,
    slack: world.slack,
    betterstack: {
      monitors: [...world.betterstack.monitors.values()],
      metadata: world.betterstack.metadata,
      statusReports: world.betterstack.statusReports,
      requests: world.betterstack.requests,
      incidents: world.betterstack.incidents,
    },
  }) as Record<string, unknown>;
}

function parse(raw: string): Record<string, unknown> {
  if (raw.trim() === '') return {};
  const value: unknown = JSON.parse(raw);
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export async function handleControl(
  world: World,
  method: string,
  url: URL,
  raw: string,
): Promise<RestResponse> {
  const route = `${method} ${url.pathname}`;
  try {
    // The stand-in aws command's data channel: where a session leads (and its process).
    const session = /^GET \/_sim\/ssm\/sessions\/([^/]+)$/.exec(route);
    if (session) {
      const found = world.ssm.session(decodeURIComponent(session[1]!));
      if (!found) return { status: 404, body: { message: `no SSM session ${session[1]}` } };
      const pid = Number(url.searchParams.get('pid'));
      if (Number.isInteger(pid) && pid > 0) found.pid = pid;
      return { status: 200, body: { forwardTo: found.forwardTo ?? null } };
    }
    switch (route) {
      case 'GET /_sim/health':
        return { status: 200, body: 'ok\n' };
      case 'GET /_sim/state':
        return { status: 200, body: stateView(world) };
      case 'GET /_sim/calls':
        return {
          status: 200,
          body: world.calls.list({
            ...(url.searchParams.get('service')
              ? { service: url.searchParams.get('service')! }
              : {}),
            ...(url.searchParams.get('operation')
              ? { operation: url.searchParams.get('operation')! }
              : {}),
          }),
        };
      case 'DELETE /_sim/calls':
        world.calls.clear();
        return { status: 204 };
      case 'PUT /_sim/faults':
        world.faults.set(parse(raw) as Parameters<World['faults']['set']>[0]);
        return { status: 204 };
      case 'POST /_sim/maintenance': {
        const body = parse(raw);
        const service = world.apprunner.lookup(String(body['service'] ?? ''));
        const ms =
          typeof body['duration'] === 'string'
            ? parseDuration(body['duration'])
            : world.fixture.durations.maintenance;
        if (ms === undefined) throw new Error('duration must look like 5m or 90s');
        world.clock.runDue();
        world.apprunner.startMaintenance(service, ms);
        return { status: 204 };
      }
      case 'POST /_sim/advance': {
        const ms = Number(parse(raw)['ms']);
        if (!(ms >= 0)) throw new Error('ms must be a number >= 0');
        world.clock.advance(ms);
        return { status: 204 };
      }
      default:
        return { status: 404, body: { message: `no control route ${route}` } };
    }
  } catch (error) {
    return {
      status: 400,
      body: { message: error instanceof Error ? error.message : String(error) },
    };
  }
}
