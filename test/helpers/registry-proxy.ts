/**
 * A pass-through proxy in front of a real registry that writes down what a client (buildah)
 * asked of the registry API, as the ECR IAM actions AWS authorises those requests by
 * (ECR's "Registry permissions" for docker push and pull), so a policy test can judge a push the
 * sim's own call log never sees.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RegistryProxy {
  /** `http://127.0.0.1:<port>`: give it to the sim as its registry URL. */
  url: string;
  /** Calls as the sim logs them (`service: 'ecr'`), for policyGaps. */
  calls: { service: string; operation: string; method: string; path: string }[];
  stop(): Promise<void>;
}

/** The ECR action a registry API v2 request needs, or undefined for the version probe. */
export function ecrActionOf(method: string, pathname: string): string[] {
  if (/^\/v2\/?$/.test(pathname)) return [];
  if (/\/manifests\/[^/]+$/.test(pathname))
    return method === 'PUT'
      ? ['PutImage']
      : method === 'DELETE'
        ? ['BatchDeleteImage']
        : ['BatchGetImage'];
  if (/\/blobs\/uploads\/?$/.test(pathname)) return ['InitiateLayerUpload'];
  if (/\/blobs\/uploads\/[^/]+$/.test(pathname))
    return method === 'PATCH'
      ? ['UploadLayerPart']
      : method === 'PUT'
        ? ['UploadLayerPart', 'CompleteLayerUpload']
        : ['InitiateLayerUpload'];
  if (/\/blobs\/sha256:[0-9a-f]{64}$/.test(pathname))
    return method === 'HEAD' ? ['BatchCheckLayerAvailability'] : ['GetDownloadUrlForLayer'];
  return [`unknown ${method} ${pathname}`];
}

/**
 * Starts the proxy. Requests whose user agent is Node's own (the sim reading the registry to
 * answer DescribeImages) are passed on but not written down: they are not the action's.
 */
export async function startRegistryProxy(target: string): Promise<RegistryProxy> {
  const upstream = new URL(target);
  const calls: RegistryProxy['calls'] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://proxy').pathname;
    const agent = req.headers['user-agent'] ?? '';
    if (!/^node|undici/i.test(agent))
      for (const operation of ecrActionOf(req.method ?? 'GET', pathname))
        calls.push({ service: 'ecr', operation, method: req.method ?? 'GET', path: pathname });
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
