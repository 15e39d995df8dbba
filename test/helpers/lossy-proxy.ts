/**
 * A proxy in front of the sim that loses answers: the request reaches the sim and takes
 * effect, then the client gets a 5xx (or a dropped connection) instead of the sim's answer.
 * This is how a non-idempotent request is proven not to be retried blindly.
 */
import http from 'node:http';
import type net from 'node:net';

export interface LossRule {
  method: string;
  /** Matched against the path (without the query). */
  path: RegExp;
  /** What the client gets instead of the answer. */
  answer: { status: number; body: string } | 'reset';
  /** Lose at most this many answers. */
  times: number;
}

export interface LossyProxy {
  url: string;
  /** Requests whose answer was lost, as `METHOD path`. */
  lost: string[];
  close(): Promise<void>;
}

export async function startLossyProxy(target: string, rules: LossRule[]): Promise<LossyProxy> {
  const lost: string[] = [];
  const used = rules.map(() => 0);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', target);
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers))
          if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers.set(k, v);
        const body = Buffer.concat(chunks);
        const upstream = await fetch(url, {
          method: req.method ?? 'GET',
          headers,
          ...(body.length > 0 ? { body } : {}),
        });
        const text = Buffer.from(await upstream.arrayBuffer());
        const index = rules.findIndex(
          (r, i) => r.method === req.method && r.path.test(url.pathname) && used[i]! < r.times,
        );
        const rule = rules[index];
        if (rule) {
          used[index]!++;
          lost.push(`${req.method} ${url.pathname} (the sim answered ${upstream.status})`);
          if (rule.answer === 'reset') return void req.socket.destroy();
          res.writeHead(rule.answer.status, { 'content-type': 'application/json' });
          return void res.end(rule.answer.body);
        }
        const out: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (k !== 'content-length' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
        });
        res.writeHead(upstream.status, out);
        res.end(text);
      })().catch((error: unknown) => {
        res.writeHead(599);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    lost,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
