/**
 * The app an App Runner service "runs": one HTTP server per service on its own loopback port.
 * It answers like the Drop app for the image that is live (switching only when an operation
 * succeeds, as App Runner does), so smoke tests and version checks see what they would see.
 */
import http from 'node:http';
import type net from 'node:net';
import type { ImageBehaviour } from './fixture.js';

export interface RunningApp {
  /** `RUNNING`, `PAUSED`, `OPERATION_IN_PROGRESS` … of the service. */
  serviceStatus: string;
  behaviour: ImageBehaviour;
  version: string;
  /** Wall-clock time the image went live (for uptime and crash-after-start). */
  liveSince: number;
}

export interface AppAnswer {
  status: number;
  contentType: string;
  body: string;
  delayMs: number;
}

const HEALTH_PATHS = new Set(['/api/health', '/health', '/healthz']);

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

export class SampleApp {
  private server?: http.Server;
  private requests = 0;
  port = 0;

  constructor(
    private readonly current: () => RunningApp,
    private readonly now: () => number = Date.now,
  ) {}

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const pathname = new URL(req.url ?? '/', 'http://app').pathname;
      const app = this.current();
      let answer = appAnswer(app, pathname, this.now());
      // `errorRate`: that share of ordinary requests fails, evenly spread; health stays green,
      // so verification passes and only the metrics (the bake period) can see it.
      if (app.behaviour.errorRate > 0 && !HEALTH_PATHS.has(pathname) && answer.status < 500) {
        this.requests++;
        const rate = app.behaviour.errorRate;
        if (Math.floor(this.requests * rate) > Math.floor((this.requests - 1) * rate))
          answer = {
            ...answer,
            status: 500,
            contentType: 'text/plain',
            body: 'Internal Server Error\n',
          };
      }
      const send = (): void => {
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
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
