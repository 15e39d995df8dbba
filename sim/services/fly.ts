/**
 * Fly.io's Machines API under `/fly` (the sim's stand-in for https://api.machines.dev):
 * apps, machines (list, get, update with a new `config.image`, restart), leases with nonces
 * and a TTL, `wait` for a state, app secrets, and the registry at registry.fly.io/<app>.
 *
 * Strict like Fly: a token is required (`Authorization: Bearer …` or `FlyV1 …`), 401
 * otherwise; an unknown app or machine is 404; a machine leased by someone else refuses
 * updates, restarts and a second lease with 409 naming the holder until its TTL ends or it is
 * released; mutating actions are rate limited per action and machine (a burst, then one per
 * second) with 429 and `retry-after`. A machine's `checks` are run against the image it runs
 * (the sample app), `warning` during the grace period, then `passing` or `critical`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { parseDuration } from '../../core/util/duration.js';
import type { SimClock } from '../clock.js';
import { DEFAULT_BEHAVIOUR, type Fixture, type ImageBehaviour } from '../fixture.js';
import type { FlyFixtureApp } from '../fly-fixture.js';
import { json, type RestRequest, type RestResponse, type RestService } from '../rest.js';
import { appAnswer, SampleApp, type RunningApp } from '../sample-app.js';
import type { RegistryClient } from '../registry.js';
import type { EcrImage, EcrState } from './ecr.js';

export const FLY_REGISTRY = 'registry.fly.io';

export type MachineState =
  | 'created'
  | 'starting'
  | 'started'
  | 'stopping'
  | 'stopped'
  | 'replacing'
  | 'suspended'
  | 'failed'
  | 'destroying'
  | 'destroyed';

export interface FlyLease {
  nonce: string;
  owner: string;
  description: string;
  /** Wall-clock ms (the sim clock) when it lapses. */
  expiresAt: number;
  version: string;
}

export interface FlyImage {
  digest: string;
  tag: string | undefined;
  version: string;
  behaviour: ImageBehaviour;
}

export interface FlyMachine {
  id: string;
  /** The app it belongs to. */
  app: string;
  name: string;
  region: string;
  instanceId: string;
  state: MachineState;
  /** The configuration as sent (image, env, metadata, checks …). */
  config: Record<string, unknown>;
  image: FlyImage;
  /** When the current instance started (checks' grace period counts from here). */
  startedAt: number;
  createdAt: number;
  updatedAt: number;
  lease: FlyLease | undefined;
  /** Secrets as read when the instance started. */
  secretsSeen: Record<string, string>;
  /** Every image this machine was configured with, oldest first (its versions). */
  history: { instanceId: string; image: string; at: number }[];
  /** A fault: versions whose health checks fail on this machine only (say, its region). */
  failingVersions: Set<string>;
  /** Its services are off (cordoned, or created with skip_service_registration): no traffic. */
  cordoned: boolean;
}

export interface FlyApp {
  name: string;
  org: string;
  repository: string;
  machines: Map<string, FlyMachine>;
  secrets: Record<string, string>;
  /** The app's public URL as its proxy answers it: the first started machine passing checks. */
  proxy: SampleApp;
  /** A fault: `<region> <version>` whose health checks fail on every machine there, new ones too. */
  failingInRegion: Set<string>;
  /** Bumped by every secrets change (Fly's secrets `version`). */
  secretsVersion: number;
  /** When each secret was set (ms). */
  secretTimes: Record<string, { created: number; updated: number }>;
}

const duration = (text: unknown, fallback: number): number =>
  typeof text === 'string' ? (parseDuration(text) ?? fallback) : fallback;

export class FlyState {
  readonly apps = new Map<string, FlyApp>();
  /** Tokens bucket per `<action> <machine>`: what is left, and when it was last refilled. */
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /**
   * registry.fly.io as a real registry of its own (repository `<app>`), when a test attaches
   * one: then only what was pushed there is pulled; otherwise each app's registry mirrors its
   * ECR repository.
   */
  registry: RegistryClient | undefined;

  constructor(
    private readonly fixture: Fixture,
    private readonly clock: SimClock,
    private readonly ecr: EcrState,
  ) {}

  async seed(): Promise<void> {
    const now = this.clock.now();
    for (const a of this.fixture.fly.apps) {
      const image = this.imageByTag(a, a.image);
      const app: FlyApp = {
        name: a.name,
        org: a.org,
        repository: a.repository,
        machines: new Map(),
        secrets: { ...a.secrets },
        proxy: undefined as unknown as SampleApp,
        failingInRegion: new Set(),
        secretsVersion: 1,
        secretTimes: Object.fromEntries(
          Object.keys(a.secrets).map((k) => [
            k,
            { created: now - 86_400_000, updated: now - 86_400_000 },
          ]),
        ),
      };
      app.proxy = new SampleApp(
        () => this.served(app),
        () => this.clock.now(),
      );
      for (const m of a.machines) {
        const instanceId = newInstanceId();
        const ref = `${FLY_REGISTRY}/${a.name}@${image.digest}`;
        app.machines.set(m.id, {
          id: m.id,
          app: a.name,
          name: `${a.name}-${m.id.slice(0, 6)}`,
          region: m.region,
          instanceId,
          state: m.state,
          config: {
            image: ref,
            env: { ...a.env },
            guest: { cpu_kind: 'shared', cpus: 1, memory_mb: 512 },
            metadata: { fly_process_group: m.processGroup, fly_platform_version: 'v2' },
            checks: Object.fromEntries(
              Object.entries(a.checks).map(([name, c]) => [
                name,
                {
                  type: 'http',
                  port: c.port,
                  method: 'GET',
                  path: c.path,
                  interval: c.interval,
                  timeout: c.timeout,
                  grace_period: c.gracePeriod,
                },
              ]),
            ),
            restart: { policy: 'on-failure' },
            // fly.toml's [http_service] serves the `app` process group only: the proxy routes
            // to the machines that have services.
            ...(m.processGroup === 'app'
              ? {
                  services: [
                    {
                      protocol: 'tcp',
                      internal_port: 3000,
                      ports: [
                        { port: 80, handlers: ['http'], force_https: true },
                        { port: 443, handlers: ['tls', 'http'] },
                      ],
                    },
                  ],
                }
              : {}),
          },
          image,
          startedAt: now - 86_400_000,
          createdAt: now - 30 * 86_400_000,
          updatedAt: now - 86_400_000,
          lease: undefined,
          secretsSeen: { ...a.secrets },
          history: [{ instanceId, image: ref, at: now - 86_400_000 }],
          failingVersions: new Set(),
          cordoned: false,
        });
      }
      this.apps.set(a.name, app);
      await app.proxy.start();
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((a) => a.proxy.stop()));
  }

  url(app: FlyApp): string {
    return `http://127.0.0.1:${app.proxy.port}`;
  }

  private imageByTag(app: FlyFixtureApp, tag: string): FlyImage {
    const repo = this.ecr.repository(app.repository);
    const image = this.ecr.find(repo, { imageTag: tag });
    if (!image)
      throw new Error(`sim: fly app ${app.name}: image ${tag} is not in repository ${repo.name}`);
    return flyImage(image, tag);
  }

  /**
   * An image reference in registry.fly.io: `registry.fly.io/<app>:<tag>` or `@sha256:…`. The
   * app's registry holds what was mirrored from its repository plus what was pushed to it.
   */
  resolve(reference: string): FlyImage | undefined {
    const match = /^registry\.fly\.io\/([a-z0-9-]+)(?::([\w][\w.-]*)|@(sha256:[0-9a-f]{64}))$/.exec(
      reference,
    );
    if (!match) return undefined;
    const [, appName, tag, digest] = match;
    const app = this.apps.get(appName!);
    if (!app) return undefined;
    const repo = this.ecr.repository(app.repository);
    const image = this.ecr.find(repo, digest ? { imageDigest: digest } : { imageTag: tag! });
    return image ? flyImage(image, tag) : undefined;
  }

  /**
   * What a machine pulls for `reference`: from the attached registry when there is one (the
   * image's version and behaviour are those of the ECR image with the same digest, if any),
   * else from the mirror.
   */
  async lookup(reference: string): Promise<FlyImage | undefined> {
    if (!this.registry) return this.resolve(reference);
    const match = /^registry\.fly\.io\/([a-z0-9-]+)(?::([\w][\w.-]*)|@(sha256:[0-9a-f]{64}))$/.exec(
      reference,
    );
    if (!match) return undefined;
    const [, appName, tag, digest] = match;
    const app = this.apps.get(appName!);
    if (!app) return undefined;
    const manifest = await this.registry.manifest(app.name, (digest ?? tag)!);
    if (!manifest) return undefined;
    const repo = this.ecr.repository(app.repository);
    await this.ecr.sync(repo);
    const same = this.ecr.find(repo, { imageDigest: manifest.digest });
    if (same) return flyImage(same, tag);
    return {
      digest: manifest.digest,
      tag,
      version: tag ?? manifest.digest.slice(7, 19),
      behaviour: { ...DEFAULT_BEHAVIOUR },
    };
  }

  app(name: string): FlyApp | undefined {
    return this.apps.get(name);
  }

  /** What the machine's instance answers, as the sample app for its image. */
  running(machine: FlyMachine): RunningApp {
    return {
      serviceStatus: machine.state === 'started' ? 'RUNNING' : 'PAUSED',
      behaviour: machine.image.behaviour,
      version: machine.image.version,
      liveSince: machine.startedAt,
      env: { ...((machine.config['env'] as Record<string, string>) ?? {}), ...machine.secretsSeen },
    };
  }

  /** The state of each configured check now, as the machine's state lists them. */
  checks(machine: FlyMachine): {
    name: string;
    status: 'passing' | 'warning' | 'critical';
    output: string;
    updated_at: string;
  }[] {
    const now = this.clock.now();
    const configured = (machine.config['checks'] ?? {}) as Record<string, Record<string, unknown>>;
    return Object.entries(configured).map(([name, c]) => {
      const at = new Date(now).toISOString();
      if (machine.state !== 'started')
        return { name, status: 'critical', output: `machine is ${machine.state}`, updated_at: at };
      const grace = this.clock.scaled(duration(c['grace_period'], 0));
      if (now - machine.startedAt < grace)
        return { name, status: 'warning', output: 'waiting for status update', updated_at: at };
      if (
        machine.failingVersions.has(machine.image.version) ||
        this.apps
          .get(machine.app)
          ?.failingInRegion.has(`${machine.region} ${machine.image.version}`)
      )
        return {
          name,
          status: 'critical',
          output: `[✗] 503: ${machine.image.version} cannot serve in ${machine.region}`,
          updated_at: at,
        };
      const answer = appAnswer(this.running(machine), String(c['path'] ?? '/'), now);
      return answer.status >= 200 && answer.status < 300
        ? { name, status: 'passing', output: `[✓] ${answer.status}`, updated_at: at }
        : {
            name,
            status: 'critical',
            output: `[✗] ${answer.status}: ${answer.body.replace(/\s+/g, ' ').trim().slice(0, 80)}`,
            updated_at: at,
          };
    });
  }

  /** What the app's proxy serves: the first started machine whose checks pass. */
  private served(app: FlyApp): RunningApp {
    this.clock.runDue();
    for (const machine of [...app.machines.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      if (machine.state !== 'started' || machine.cordoned) continue;
      const services = machine.config['services'];
      if (!Array.isArray(services) || services.length === 0) continue;
      if (this.checks(machine).every((c) => c.status === 'passing')) return this.running(machine);
    }
    const first =
      [...app.machines.values()].find((m) => m.state !== 'destroyed') ??
      [...app.machines.values()][0]!;
    return {
      ...this.running(first),
      behaviour: { ...first.image.behaviour, behaviour: 'fails-platform-health-check' },
    };
  }

  /** Takes one token of `<action> <machine>`'s bucket; the seconds to wait when empty. */
  take(action: string, machine: string): number | undefined {
    const { burst, perSecond } = this.fixture.fly.rateLimit;
    const key = `${action} ${machine}`;
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    const refill = ((now - bucket.at) / this.clock.scaled(1000)) * perSecond;
    bucket.tokens = Math.min(burst, bucket.tokens + refill);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  /** The lease on a machine, or undefined once it lapsed. */
  lease(machine: FlyMachine): FlyLease | undefined {
    if (machine.lease && machine.lease.expiresAt <= this.clock.now()) machine.lease = undefined;
    return machine.lease;
  }

  update(app: FlyApp, machine: FlyMachine, config: Record<string, unknown>, image: FlyImage): void {
    const instanceId = newInstanceId();
    machine.state = 'replacing';
    machine.instanceId = instanceId;
    machine.config = config;
    machine.updatedAt = this.clock.now();
    machine.history.push({ instanceId, image: String(config['image']), at: this.clock.now() });
    this.clock.after(this.fixture.fly.durations.replace, (at) => {
      if (machine.instanceId !== instanceId) return;
      machine.image = image;
      machine.state = 'started';
      machine.startedAt = at;
      machine.updatedAt = at;
      machine.secretsSeen = { ...app.secrets };
    });
  }

  /** A new machine: `created`, then `started` on its first instance after a replace's time. */
  create(
    app: FlyApp,
    config: Record<string, unknown>,
    region: string,
    image: FlyImage,
    skipServiceRegistration: boolean,
  ): FlyMachine {
    const now = this.clock.now();
    let id: string;
    do id = randomBytes(7).toString('hex');
    while (app.machines.has(id));
    const instanceId = newInstanceId();
    const machine: FlyMachine = {
      id,
      app: app.name,
      name: `${app.name}-${id.slice(0, 6)}`,
      region,
      instanceId,
      state: 'created',
      config,
      image,
      startedAt: now,
      createdAt: now,
      updatedAt: now,
      lease: undefined,
      secretsSeen: {},
      history: [{ instanceId, image: String(config['image']), at: now }],
      failingVersions: new Set(),
      cordoned: skipServiceRegistration,
    };
    app.machines.set(id, machine);
    this.clock.after(this.fixture.fly.durations.replace, (at) => {
      if (machine.instanceId !== instanceId || machine.state !== 'created') return;
      machine.state = 'started';
      machine.startedAt = at;
      machine.updatedAt = at;
      machine.secretsSeen = { ...app.secrets };
    });
    return machine;
  }

  /** Destroyed: no traffic, no lease, listed no more (GET still answers, `destroyed`). */
  destroy(machine: FlyMachine): void {
    machine.state = 'destroyed';
    machine.instanceId = newInstanceId();
    machine.lease = undefined;
    machine.cordoned = true;
    machine.updatedAt = this.clock.now();
  }

  restart(app: FlyApp, machine: FlyMachine): void {
    const instanceId = machine.instanceId;
    machine.state = 'stopping';
    machine.updatedAt = this.clock.now();
    this.clock.after(this.fixture.fly.durations.restart, (at) => {
      if (machine.instanceId !== instanceId) return;
      machine.state = 'started';
      machine.startedAt = at;
      machine.updatedAt = at;
      machine.secretsSeen = { ...app.secrets };
    });
  }

  describe(app: FlyApp, machine: FlyMachine): Record<string, unknown> {
    const ref = String(machine.config['image']);
    const at = ref.indexOf('@');
    const colon = ref.lastIndexOf(':');
    return {
      id: machine.id,
      name: machine.name,
      state: machine.state,
      region: machine.region,
      instance_id: machine.instanceId,
      private_ip: `fdaa:0:1:a7b:${machine.id.slice(0, 4)}::2`,
      config: machine.config,
      image_ref: {
        registry: FLY_REGISTRY,
        repository: app.name,
        tag: at < 0 && colon > ref.indexOf('/') ? ref.slice(colon + 1) : '',
        digest: machine.image.digest,
      },
      created_at: new Date(machine.createdAt).toISOString(),
      updated_at: new Date(machine.updatedAt).toISOString(),
      checks: this.checks(machine),
    };
  }
}

function flyImage(image: EcrImage, tag: string | undefined): FlyImage {
  return { digest: image.digest, tag, version: image.version, behaviour: image.behaviour };
}

function newInstanceId(): string {
  return `01${randomBytes(12).toString('hex').toUpperCase()}`.slice(0, 26);
}

/** What this service reads of the world. */
interface FlyWorld {
  fly: FlyState;
  clock: SimClock;
  fixture: Fixture;
}

const error = (status: number, message: string, headers?: Record<string, string>): RestResponse =>
  json(status, { error: message }, headers);

function owner(req: RestRequest, world: FlyWorld): string | undefined {
  const auth = req.headers['authorization'];
  let token = (typeof auth === 'string' ? /^(?:Bearer|FlyV1) (.+)$/.exec(auth) : null)?.[1];
  const basic = typeof auth === 'string' ? /^Basic (.+)$/.exec(auth) : null;
  if (basic && req.path.startsWith('/registry/')) {
    const [user, password] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':', 2);
    if (user === 'x') token = password;
  }
  return world.fixture.fly.tokens.find((t) => t.token === token)?.owner;
}

function nonceOf(req: RestRequest): string | undefined {
  const value = req.headers['fly-machine-lease-nonce'];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The app and machine of a route, or the 404 Fly answers. */
function find(
  world: FlyWorld,
  params: Record<string, string>,
  /** Whether a destroyed machine is still found (reading it, waiting for `destroyed`). */
  destroyed = false,
): { app: FlyApp; machine?: FlyMachine } | RestResponse {
  world.clock.runDue();
  const app = world.fly.app(params['app'] ?? '');
  if (!app) return error(404, 'app not found');
  if (params['id'] === undefined) return { app };
  const machine = app.machines.get(params['id']);
  if (!machine || (machine.state === 'destroyed' && !destroyed))
    return error(404, 'machine not found');
  return { app, machine };
}

/** Refuses an action on a machine leased by someone else, naming the holder. */
function leaseRefusal(
  world: FlyWorld,
  machine: FlyMachine,
  req: RestRequest,
): RestResponse | undefined {
  const lease = world.fly.lease(machine);
  if (!lease || nonceOf(req) === lease.nonce) return undefined;
  return error(
    409,
    `machine ID ${machine.id} lease currently held by ${lease.owner}, expires at ${new Date(lease.expiresAt).toISOString()}`,
  );
}

/** Rate limit of a mutating action on one machine: 429 with `retry-after` when exceeded. */
function limited(world: FlyWorld, action: string, machine: FlyMachine): RestResponse | undefined {
  const wait = world.fly.take(action, machine.id);
  if (wait === undefined) return undefined;
  return error(429, 'rate limit exceeded', { 'retry-after': String(wait) });
}

const APP = '(?<app>[a-z0-9][a-z0-9-]*)';
const MACHINE = `${APP}\\/machines\\/(?<id>[0-9a-f]{14})`;
const WAIT_STATES = new Set(['started', 'stopped', 'suspended', 'destroyed']);

export const fly: RestService<FlyWorld & { fly: FlyState }> = {
  name: 'fly',
  prefix: '/fly',
  authenticate(req, world) {
    if (owner(req, world)) return undefined;
    // The registry takes `docker login -u x -p <token>` (Basic), and says so when asked.
    if (req.path.startsWith('/registry/'))
      return error(401, 'authentication required', {
        'www-authenticate': `Basic realm="${FLY_REGISTRY}"`,
      });
    return error(401, 'You must be authenticated to view this.');
  },
  badBody: () => error(400, 'invalid JSON body'),
  notFound: (req) => error(404, `no route for ${req.method} ${req.path}`),
  faults: {
    throttle: error(429, 'rate limit exceeded', { 'retry-after': '1' }),
    serverError: error(500, 'internal server error'),
    unavailable: error(503, 'service unavailable'),
  },
  routes: [
    {
      method: 'GET',
      pattern: new RegExp(`^\\/v1\\/apps\\/${APP}$`),
      operation: 'getApp',
      mutating: false,
      handle(_req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        return json(200, {
          id: found.app.name,
          name: found.app.name,
          organization: { slug: found.app.org, name: found.app.org },
          status: 'deployed',
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^\\/v1\\/apps\\/${APP}\\/machines$`),
      operation: 'listMachines',
      mutating: false,
      handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const region = req.query.get('region');
        return json(
          200,
          [...found.app.machines.values()]
            .filter((m) => req.query.get('include_deleted') === 'true' || m.state !== 'destroyed')
            .filter((m) => !region || m.region === region)
            .map((m) => world.fly.describe(found.app, m)),
        );
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^\\/v1\\/apps\\/${APP}\\/machines$`),
      operation: 'createMachine',
      mutating: true,
      async handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const body = req.body as Record<string, unknown> | undefined;
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          return error(400, 'a JSON object body is required');
        const unknown = Object.keys(body).filter((k) => !CREATE_FIELDS.has(k));
        if (unknown.length) return error(400, `unknown field(s): ${unknown.join(', ')}`);
        const config = body['config'];
        if (typeof config !== 'object' || config === null || Array.isArray(config))
          return error(400, 'config is required');
        const image = (config as { image?: unknown }).image;
        if (typeof image !== 'string' || image === '')
          return error(400, 'config.image is required');
        const region = body['region'] ?? 'arn';
        if (typeof region !== 'string' || !/^[a-z]{3}$/.test(region))
          return error(400, `invalid region ${JSON.stringify(region)}`);
        const skip = body['skip_service_registration'] ?? false;
        if (typeof skip !== 'boolean')
          return error(400, 'skip_service_registration must be a boolean');
        const wait = world.fly.take('create', found.app.name);
        if (wait !== undefined)
          return error(429, 'rate limit exceeded', { 'retry-after': String(wait) });
        const resolved = await world.fly.lookup(image);
        if (!resolved)
          return error(
            422,
            `failed to get manifest ${image}: manifest unknown (push it to ${FLY_REGISTRY}/${found.app.name} first)`,
          );
        const machine = world.fly.create(
          found.app,
          config as Record<string, unknown>,
          region,
          resolved,
          skip,
        );
        return json(200, world.fly.describe(found.app, machine));
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}$`),
      operation: 'destroyMachine',
      mutating: true,
      handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const machine = found.machine!;
        const refused = leaseRefusal(world, machine, req);
        if (refused) return refused;
        const force = req.query.get('force');
        if (force !== null && force !== 'true' && force !== 'false')
          return error(400, 'force must be true or false');
        if (
          force !== 'true' &&
          !['stopped', 'suspended', 'failed', 'created'].includes(machine.state)
        )
          return error(
            412,
            `failed_precondition: unable to destroy machine, not currently stopped, suspended or failed (it is ${machine.state}); stop it first or pass force=true`,
          );
        world.fly.destroy(machine);
        return json(200, { ok: true });
      },
    },
    ...(['cordon', 'uncordon'] as const).map((action) => ({
      method: 'POST' as const,
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}\\/${action}$`),
      operation: `${action}Machine`,
      mutating: true,
      handle(req: RestRequest, params: Record<string, string>, world: FlyWorld) {
        const found = find(world, params);
        if ('status' in found) return found;
        const machine = found.machine!;
        const refused = leaseRefusal(world, machine, req);
        if (refused) return refused;
        machine.cordoned = action === 'cordon';
        return json(200, { ok: true });
      },
    })),
    {
      method: 'GET',
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}$`),
      operation: 'getMachine',
      mutating: false,
      handle(_req, params, world) {
        const found = find(world, params, true);
        if ('status' in found) return found;
        return json(200, world.fly.describe(found.app, found.machine!));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}$`),
      operation: 'updateMachine',
      mutating: true,
      async handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const machine = found.machine!;
        const body = req.body as { config?: unknown } | undefined;
        const config = body?.config;
        if (typeof config !== 'object' || config === null || Array.isArray(config))
          return error(400, 'config is required');
        const image = (config as { image?: unknown }).image;
        if (typeof image !== 'string' || image === '')
          return error(400, 'config.image is required');
        const refused = leaseRefusal(world, machine, req);
        if (refused) return refused;
        const throttled = limited(world, 'update', machine);
        if (throttled) return throttled;
        if (!['started', 'stopped', 'suspended', 'failed'].includes(machine.state))
          return error(
            412,
            `machine ${machine.id} is ${machine.state}; wait for it to settle before updating`,
          );
        const resolved = await world.fly.lookup(image);
        if (!resolved)
          return error(
            422,
            `failed to get manifest ${image}: manifest unknown (push it to ${FLY_REGISTRY}/${found.app.name} first)`,
          );
        world.fly.update(found.app, machine, config as Record<string, unknown>, resolved);
        return json(200, world.fly.describe(found.app, machine));
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}\\/restart$`),
      operation: 'restartMachine',
      mutating: true,
      handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const machine = found.machine!;
        const refused = leaseRefusal(world, machine, req);
        if (refused) return refused;
        const throttled = limited(world, 'restart', machine);
        if (throttled) return throttled;
        if (machine.state !== 'started')
          return error(
            412,
            `machine ${machine.id} is ${machine.state}; only a started machine restarts`,
          );
        world.fly.restart(found.app, machine);
        return json(200, { ok: true });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}\\/lease$`),
      operation: 'getLease',
      mutating: false,
      handle(_req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const lease = world.fly.lease(found.machine!);
        if (!lease) return error(404, 'lease not found');
        // The nonce is the holder's proof: Fly never shows it to anyone else.
        return json(200, {
          status: 'success',
          data: {
            owner: lease.owner,
            description: lease.description,
            expires_at: Math.floor(lease.expiresAt / 1000),
            version: lease.version,
          },
        });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}\\/lease$`),
      operation: 'acquireLease',
      mutating: true,
      handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const machine = found.machine!;
        const body = (req.body ?? {}) as { ttl?: unknown; description?: unknown };
        const ttl = body.ttl ?? 30;
        if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1 || ttl > 3600)
          return error(400, 'ttl must be an integer number of seconds from 1 to 3600');
        const held = world.fly.lease(machine);
        const nonce = nonceOf(req);
        // The holder extends its lease by sending its nonce; anyone else is refused.
        if (held && nonce !== held.nonce)
          return error(
            409,
            `machine ID ${machine.id} lease currently held by ${held.owner}, expires at ${new Date(held.expiresAt).toISOString()}`,
          );
        const throttled = limited(world, 'lease', machine);
        if (throttled) return throttled;
        const lease: FlyLease = {
          nonce: held?.nonce ?? randomBytes(8).toString('hex'),
          owner: owner(req, world)!,
          description: typeof body.description === 'string' ? body.description : '',
          expiresAt: world.clock.now() + world.clock.scaled(ttl * 1000),
          version: randomBytes(8).toString('hex'),
        };
        machine.lease = lease;
        return json(200, {
          status: 'success',
          data: {
            nonce: lease.nonce,
            expires_at: Math.floor(lease.expiresAt / 1000),
            owner: lease.owner,
            description: lease.description,
            version: lease.version,
          },
        });
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}\\/lease$`),
      operation: 'releaseLease',
      mutating: true,
      handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const machine = found.machine!;
        const held = world.fly.lease(machine);
        const nonce = nonceOf(req);
        if (!nonce) return error(400, 'fly-machine-lease-nonce header is required');
        if (!held) return json(200, { status: 'success', data: {} });
        if (nonce !== held.nonce)
          return error(
            409,
            `machine ID ${machine.id} lease is held by ${held.owner}; nonce does not match`,
          );
        machine.lease = undefined;
        return json(200, { status: 'success', data: {} });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^\\/v1\\/apps\\/${MACHINE}\\/wait$`),
      operation: 'waitMachine',
      mutating: false,
      async handle(req, params, world) {
        const found = find(world, params, true);
        if ('status' in found) return found;
        const machine = found.machine!;
        const state = req.query.get('state') ?? 'started';
        if (!WAIT_STATES.has(state))
          return error(400, `invalid state "${state}"; one of ${[...WAIT_STATES].join(', ')}`);
        const timeoutText = req.query.get('timeout') ?? '60';
        const timeout = Number(timeoutText);
        if (!Number.isInteger(timeout) || timeout < 1 || timeout > 60)
          return error(400, 'timeout must be an integer number of seconds from 1 to 60');
        const instance = req.query.get('instance_id');
        if (instance !== null && instance !== machine.instanceId)
          return error(
            400,
            `instance_id ${instance} is not the current instance of machine ${machine.id} (${machine.instanceId})`,
          );
        const deadline = Date.now() + world.clock.scaled(timeout * 1000);
        for (;;) {
          world.clock.runDue();
          if (machine.state === state) return json(200, { ok: true });
          if (instance !== null && machine.instanceId !== instance)
            return error(400, `machine ${machine.id} moved on to another instance`);
          if (Date.now() >= deadline)
            return error(
              408,
              `deadline_exceeded: machine ${machine.id} did not reach ${state} within ${timeout}s (it is ${machine.state})`,
            );
          const next = world.clock.nextEventAt();
          const pause = Math.min(
            50,
            deadline - Date.now(),
            next !== undefined ? Math.max(1, next - world.clock.now()) : 50,
          );
          await new Promise((resolve) => setTimeout(resolve, Math.max(1, pause)));
        }
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(
        `^\\/registry\\/v2\\/${APP}\\/manifests\\/(?<ref>sha256:[0-9a-f]{64}|[\\w][\\w.-]{0,127})$`,
      ),
      operation: 'getManifest',
      mutating: false,
      async handle(_req, params, world) {
        const found = find(world, params);
        if ('status' in found)
          return error(404, `name unknown: repository ${params['app']} not known to registry`);
        const ref = params['ref']!;
        const image = await world.fly.lookup(
          `${FLY_REGISTRY}/${found.app.name}${ref.startsWith('sha256:') ? '@' : ':'}${ref}`,
        );
        if (!image) return error(404, `manifest unknown: ${found.app.name}@${ref}`);
        return json(200, { schemaVersion: 2 }, { 'docker-content-digest': image.digest });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^\\/v1\\/apps\\/${APP}\\/secrets$`),
      operation: 'updateSecrets',
      mutating: true,
      handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const body = req.body as { values?: unknown } | undefined;
        const values = body?.values;
        if (typeof values !== 'object' || values === null || Array.isArray(values))
          return error(
            400,
            'values is required: an object of secret names to values (null unsets)',
          );
        const entries = Object.entries(values as Record<string, unknown>);
        if (entries.length === 0) return error(400, 'values is empty');
        for (const [name, value] of entries) {
          if (!SECRET_NAME.test(name))
            return error(400, `invalid secret name ${JSON.stringify(name)}`);
          if (value !== null && typeof value !== 'string')
            return error(400, `the value of ${name} must be a string, or null to unset it`);
        }
        const app = found.app;
        const now = world.clock.now();
        for (const [name, value] of entries) {
          if (value === null) {
            delete app.secrets[name];
            delete app.secretTimes[name];
          } else {
            app.secrets[name] = value as string;
            app.secretTimes[name] = {
              created: app.secretTimes[name]?.created ?? now,
              updated: now,
            };
          }
        }
        app.secretsVersion += 1;
        // Names and digests only, as Fly answers: a value is never returned.
        return json(200, { secrets: secretList(app), version: app.secretsVersion });
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^\\/v1\\/apps\\/${APP}\\/secrets\\/(?<name>[^/]+)$`),
      operation: 'setSecret',
      mutating: true,
      handle(req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const name = params['name']!;
        if (!SECRET_NAME.test(name))
          return error(400, `invalid secret name ${JSON.stringify(name)}`);
        const body = req.body as { value?: unknown } | undefined;
        if (typeof body?.value !== 'string') return error(400, 'value is required (a string)');
        const app = found.app;
        const now = world.clock.now();
        app.secrets[name] = body.value;
        app.secretTimes[name] = { created: app.secretTimes[name]?.created ?? now, updated: now };
        app.secretsVersion += 1;
        return json(201, {
          ...secretList(app).find((x) => x.name === name),
          version: app.secretsVersion,
        });
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^\\/v1\\/apps\\/${APP}\\/secrets\\/(?<name>[^/]+)$`),
      operation: 'deleteSecret',
      mutating: true,
      handle(_req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        const name = params['name']!;
        if (!(name in found.app.secrets)) return error(404, `secret ${name} not found`);
        delete found.app.secrets[name];
        delete found.app.secretTimes[name];
        found.app.secretsVersion += 1;
        return json(200, { name, version: found.app.secretsVersion });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^\\/v1\\/apps\\/${APP}\\/secrets$`),
      operation: 'listSecrets',
      mutating: false,
      handle(_req, params, world) {
        const found = find(world, params);
        if ('status' in found) return found;
        // Names and digests only: Fly never returns a secret's value.
        return json(200, { secrets: secretList(found.app), version: found.app.secretsVersion });
      },
    },
  ],
};

/** What the sim's create takes (Fly takes more: skip_launch, lease_ttl … are refused here, not ignored). */
const CREATE_FIELDS = new Set(['config', 'region', 'skip_service_registration']);
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function secretList(app: FlyApp) {
  return Object.entries(app.secrets)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ({
      name,
      digest: digestOf(value),
      created_at: new Date(app.secretTimes[name]?.created ?? 0).toISOString(),
      updated_at: new Date(app.secretTimes[name]?.updated ?? 0).toISOString(),
    }));
}

function digestOf(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 16);
}
