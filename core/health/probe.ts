import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface ProbeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  latencyMs: number;
  /** Present for https:// URLs. */
  certificate?: { validTo: Date; subject: string };
}

export class ProbeError extends Error {
  override readonly name = 'ProbeError';
}

const BODY_LIMIT = 1024 * 1024;

/**
 * One HTTP request with a deadline, on a fresh connection (so TLS is negotiated and the
 * certificate seen every time), without following redirects.
 */
export function probe(
  url: URL,
  options: { method: string; timeoutMs: number; signal?: AbortSignal },
): Promise<ProbeResponse> {
  const transport = url.protocol === 'https:' ? https : http;
  const started = performance.now();
  return new Promise<ProbeResponse>((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: options.method,
        agent: false,
        headers: { 'user-agent': 'apprunner-ops-smoke-test', accept: 'application/json, */*' },
        signal: options.signal,
      },
      (response) => {
        const socket = response.socket as TLSSocket;
        let certificate: ProbeResponse['certificate'];
        if (typeof socket.getPeerCertificate === 'function') {
          const peer = socket.getPeerCertificate();
          if (peer && peer.valid_to) {
            certificate = {
              validTo: new Date(peer.valid_to),
              subject: String(peer.subject?.CN ?? ''),
            };
          }
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= BODY_LIMIT) chunks.push(chunk);
        });
        response.on('end', () => {
          clearTimeout(timer);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(response.headers)) {
            if (value !== undefined)
              headers[name] = Array.isArray(value) ? value.join(', ') : value;
          }
          resolve({
            status: response.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString('utf8'),
            latencyMs: performance.now() - started,
            ...(certificate ? { certificate } : {}),
          });
        });
        response.on('error', (error) => {
          clearTimeout(timer);
          reject(new ProbeError(describeNetworkError(error)));
        });
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new ProbeError(`no response within ${options.timeoutMs}ms`));
    }, options.timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error instanceof ProbeError ? error : new ProbeError(describeNetworkError(error)));
    });
    request.end();
  });
}

function describeNetworkError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused (ECONNREFUSED)';
    case 'ECONNRESET':
      return 'connection reset (ECONNRESET)';
    case 'ENOTFOUND':
      return 'host not found (ENOTFOUND)';
    case 'CERT_HAS_EXPIRED':
      return 'TLS certificate has expired';
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return `TLS certificate is not trusted (${code})`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'TLS certificate does not cover this host name';
    default:
      return code ? `${error.message} (${code})` : error.message;
  }
}
