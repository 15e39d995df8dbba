import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { retry } from './retry.js';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
    /** What a 429 or 503 asked for in Retry-After (seconds), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status} from ${url}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

export interface HttpDeps {
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}

/** The connection was refused or the host not found: the request never reached the service. */
export function neverSent(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

/**
 * A JSON request to Slack or BetterStack (GitHub goes through Octokit, core/github) with a
 * per-attempt deadline and bounded retries. `label` names the call in logs (never a URL that
 * could hold a secret, such as a Slack webhook).
 *
 * An idempotent request (the default) is retried on 429, 5xx and network errors. One that is
 * not (`idempotent: false`, e.g. posting a message) is retried only when the service cannot
 * have acted on it: a 429, or a connection that was never made. After a 5xx or a lost answer
 * it may have been applied, so it is not sent again.
 */
export async function requestJson<T>(
  label: string,
  url: string,
  init: {
    method: string;
    headers?: Record<string, string>;
    body?: unknown;
    timeoutMs?: number;
    idempotent?: boolean;
  },
  deps: HttpDeps,
): Promise<T> {
  const idempotent = init.idempotent ?? true;
  const doFetch = deps.fetch ?? fetch;
  return retry(
    async () => {
      const response = await doFetch(url, {
        method: init.method,
        headers: {
          accept: 'application/json',
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
      });
      const text = await response.text();
      if (!response.ok)
        throw new HttpError(
          response.status,
          label,
          text,
          retryAfterMs(response.headers.get('retry-after')),
        );
      if (!text) return undefined as T;
      try {
        return JSON.parse(text) as T;
      } catch {
        return text as T;
      }
    },
    {
      label,
      attempts: 4,
      baseDelayMs: 500,
      maxDelayMs: 5_000,
      isRetryable: (error) =>
        error instanceof HttpError
          ? error.status === 429 || (idempotent && error.status >= 500)
          : idempotent
            ? !(error instanceof SyntaxError)
            : neverSent(error),
      delayOf: (error) => (error instanceof HttpError ? error.retryAfterMs : undefined),
      clock: deps.clock,
      logger: deps.logger,
    },
  );
}

/** Retry-After in seconds (the HTTP-date form is not used by the services the suite calls). */
function retryAfterMs(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1000;
}
