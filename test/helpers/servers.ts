import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface TestServer {
  url: string;
  /** Requests received, by path. */
  hits: string[];
  close(): Promise<void>;
}

/** An HTTP or HTTPS server on a free loopback port that records every request path. */
export async function startServer(
  handler: Handler,
  tls?: { key: string; cert: string },
): Promise<TestServer> {
  const hits: string[] = [];
  const wrapped: Handler = (request, response) => {
    hits.push(request.url ?? '');
    handler(request, response);
  };
  const server = tls ? https.createServer(tls, wrapped) : http.createServer(wrapped);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** The Drop app's health answer. */
export function dropHealth(version: string, db: 'pass' | 'fail' = 'pass'): unknown {
  return {
    data: {
      status: db === 'pass' ? 'ok' : 'degraded',
      version,
      uptime: 42,
      checks: { db: { status: db, latencyMs: 12 } },
    },
  };
}

export const HSTS = { 'strict-transport-security': 'max-age=63072000; includeSubDomains; preload' };
