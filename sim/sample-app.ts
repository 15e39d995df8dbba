/**
 * The app an App Runner service "runs": one HTTP server per service on its own loopback port.
 * It answers like the Drop app for the image that is live (switching only when an operation
 * succeeds, as App Runner does), so smoke tests and version checks see what they would see.
 */
import http from 'node:http';
import type net from 'node:net';
import pg from 'pg';
import { insideVpcUrl } from './vpc.js';
import type { ImageBehaviour } from './fixture.js';
import { keySetFromEnv, signToken, verifyToken } from '../examples/app/jwt-keys.js';

export interface RunningApp {
  /** `RUNNING`, `PAUSED`, `OPERATION_IN_PROGRESS` … of the service. */
  serviceStatus: string;
  behaviour: ImageBehaviour;
  version: string;
  /** Wall-clock time the image went live (for uptime and crash-after-start). */
  liveSince: number;
  /** Secrets as read at the last deployment (App Runner reads them only then). */
  env?: Record<string, string>;
}

export type DatabaseCheck =
  { status: 'pass'; latencyMs: number } | { status: 'fail'; error: string };

/**
 * What the app's database check sees: a new connection with the DATABASE_URL it read at its
 * last deployment and `SELECT 1`. A new connection each time, because that is what breaks
 * when the password changed under the app (existing pooled connections would keep working).
 */
export async function checkDatabase(url: string): Promise<DatabaseCheck> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { status: 'pass', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // pg's messages name the user, never the password.
    return { status: 'fail', error: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The health answer with the real database check of an app that has a DATABASE_URL. */
async function withDatabase(app: RunningApp, answer: AppAnswer): Promise<AppAnswer> {
  const url = app.env?.['DATABASE_URL'];
  if (url === undefined || answer.status !== 200) return answer;
  // The app runs inside the VPC: a private endpoint's name resolves there.
  const db = await checkDatabase(insideVpcUrl(url));
  const body = JSON.parse(answer.body) as { data: Record<string, unknown> };
  body.data['checks'] = { db };
  if (db.status === 'fail') body.data['status'] = 'degraded';
  return { ...answer, status: db.status === 'pass' ? 200 : 503, body: JSON.stringify(body) };
}

export interface AppAnswer {
  status: number;
  contentType: string;
  body: string;
  delayMs: number;
}

export const HEALTH_PATHS: ReadonlySet<string> = new Set(['/api/health', '/health', '/healthz']);

/** Share of a version's requests answered 2xx/3xx, 4xx and 5xx. */
export interface AnswerShares {
  ok: number;
  client: number;
  server: number;
}

/**
 * What a version answers to modelled traffic (`traffic`: path → share of requests), path by
 * path with `appAnswer`, and `errorRate` turning that share of ordinary answers into 500 as
 * the running app does. The load balancer's metrics and the ECS canary alarm both read this.
 */
export function answerShares(
  app: RunningApp,
  traffic: Readonly<Record<string, number>>,
  at: number,
): AnswerShares {
  const out: AnswerShares = { ok: 0, client: 0, server: 0 };
  const total = Object.values(traffic).reduce((n, share) => n + share, 0);
  if (total <= 0) return out;
  for (const [path, weight] of Object.entries(traffic)) {
    const share = weight / total;
    const status = appAnswer(app, path, at).status;
    const failing = !HEALTH_PATHS.has(path) && status < 500 ? app.behaviour.errorRate : 0;
    out.server += share * failing;
    const rest = share * (1 - failing);
    if (status >= 500) out.server += rest;
    else if (status >= 400) out.client += rest;
    else out.ok += rest;
  }
  return out;
}

/** `warm-up` images' health answers given while warming (warmUpAnswers), per image. */
const warmUpAnswered = new WeakMap<ImageBehaviour, number>();

/** Whether a `warm-up` image still warms up: by its warmUpMs, then by its warmUpAnswers. */
function warmingUp(b: ImageBehaviour, upMs: number): boolean {
  if (upMs < b.warmUpMs) return true;
  const answered = warmUpAnswered.get(b) ?? 0;
  if (answered >= (b.warmUpAnswers ?? 0)) return false;
  warmUpAnswered.set(b, answered + 1);
  return true;
}

/** What the app answers for a path; also used for App Runner's own health check. */
export function appAnswer(app: RunningApp, pathname: string, now: number): AppAnswer {
  const { behaviour } = app.behaviour;
  const delayMs = behaviour === 'slow' ? app.behaviour.latencyMs : 0;
  const json = (status: number, body: unknown): AppAnswer => ({
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(body),
    delayMs,
  });
  if (app.serviceStatus === 'PAUSED')
    return { status: 503, contentType: 'text/plain', body: 'Service paused\n', delayMs: 0 };
  if (
    behaviour === 'fails-platform-health-check' ||
    (behaviour === 'crash-after-start' && now - app.liveSince > app.behaviour.crashAfterMs)
  )
    return { status: 502, contentType: 'text/plain', body: 'Bad Gateway\n', delayMs: 0 };
  const uptime = Math.max(0, Math.round((now - app.liveSince) / 1000));
  if (HEALTH_PATHS.has(pathname)) {
    if (behaviour === 'no-health-route')
      return json(404, { error: { code: 'not_found', message: `No route for ${pathname}` } });
    if (behaviour === 'warm-up' && warmingUp(app.behaviour, now - app.liveSince))
      return json(503, { data: { status: 'starting', uptime } });
    if (behaviour === 'unhealthy-app')
      return json(503, {
        data: {
          status: 'degraded',
          version: app.version,
          uptime,
          checks: { db: { status: 'fail', error: 'connect ETIMEDOUT' } },
        },
      });
    return json(200, {
      data: {
        status: 'ok',
        version: app.version,
        uptime,
        checks: { db: { status: 'pass', latencyMs: 12 } },
      },
    });
  }
  if (pathname === '/')
    return {
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html><head><title>Drop</title></head><body><h1>Drop</h1><p>version ${app.version}</p></body></html>\n`,
      delayMs,
    };
  return json(404, { error: { code: 'not_found', message: `No route for ${pathname}` } });
}

/** Where the app signs in (mints a token) and where it checks one. */
export const SESSION_PATH = '/api/session';
export const ME_PATH = '/api/me';
const TOKEN_TTL_SECONDS = 86_400;

/**
 * Which instance answered: its version and when it went live (one deployment's instances share
 * both), so a test can tell the old instances from the new ones while a rollout runs both.
 */
export const instanceOf = (app: RunningApp): string =>
  `${app.version} live since ${new Date(app.liveSince).toISOString()}`;

/**
 * Drop's sign-in and "who am I", with the example app's key set (examples/app/jwt-keys.ts) from
 * the secrets the instance read at its deployment: POST /api/session mints a token signed with
 * JWT_SECRET; GET /api/me accepts one signed with JWT_SECRET, JWT_SECRET_PREVIOUS or
 * JWT_SECRET_NEXT, else 401. Undefined: not one of those routes, or an app without JWT_SECRET.
 */
export function sessionAnswer(
  app: RunningApp,
  method: string,
  pathname: string,
  authorization: string | undefined,
  now: number,
): AppAnswer | undefined {
  if ((pathname !== SESSION_PATH && pathname !== ME_PATH) || !app.env?.['JWT_SECRET'])
    return undefined;
  const keys = keySetFromEnv(app.env);
  const json = (status: number, body: unknown): AppAnswer => ({
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(body),
    delayMs: 0,
  });
  const seconds = Math.floor(now / 1000);
  if (pathname === SESSION_PATH) {
    if (method !== 'POST')
      return json(405, { error: { code: 'method_not_allowed', message: 'POST to sign in' } });
    return json(201, { data: { token: signToken(keys, 'sim-user', seconds, TOKEN_TTL_SECONDS) } });
  }
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const claims = token ? verifyToken(keys, token, seconds) : undefined;
  return claims
    ? json(200, { data: { sub: claims.sub } })
    : json(401, { error: { code: 'invalid_token', message: 'sign in again' } });
}

export class SampleApp {
  private server?: http.Server;
  private requests = 0;
  port = 0;

  constructor(
    private readonly current: () => RunningApp,
    private readonly now: () => number = Date.now,
    /** Told of every answer sent, with the instance that gave it (the load balancer's count). */
    private readonly answered?: (app: RunningApp, status: number) => void,
  ) {}

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://app').pathname;
      const app = this.current();
      const plain = appAnswer(app, pathname, this.now());
      const session =
        plain.status < 500
          ? sessionAnswer(app, req.method ?? 'GET', pathname, req.headers.authorization, this.now())
          : undefined;
      if (session) {
        res.setHeader('x-sim-instance', instanceOf(app));
        this.reply(req, res, session, app);
        return;
      }
      // `errorRate`: that share of ordinary requests fails, evenly spread; health stays green,
      // so verification passes and only the metrics (the bake period) can see it.
      if (app.behaviour.errorRate > 0 && !HEALTH_PATHS.has(pathname) && plain.status < 500) {
        this.requests++;
        const rate = app.behaviour.errorRate;
        if (Math.floor(this.requests * rate) > Math.floor((this.requests - 1) * rate)) {
          this.reply(
            req,
            res,
            { ...plain, status: 500, contentType: 'text/plain', body: 'Internal Server Error\n' },
            app,
          );
          return;
        }
      }
      void (HEALTH_PATHS.has(pathname) ? withDatabase(app, plain) : Promise.resolve(plain)).then(
        (answer) => this.reply(req, res, answer, app),
      );
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  private reply(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    answer: AppAnswer,
    app: RunningApp,
  ): void {
    const send = (): void => {
      this.answered?.(app, answer.status);
      res.writeHead(answer.status, {
        'content-type': answer.contentType,
        'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : answer.body);
    };
    if (answer.delayMs > 0) {
      const timer = setTimeout(send, answer.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else send();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
