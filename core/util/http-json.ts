import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { retry } from './retry.js';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly url: string,
    readonly body: string,
  ) {
    super(`HTTP ${status} from ${url}${body ? `: ${body.slice(0, 200)}` : ''}`);
  }
}

export interface HttpDeps {
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
}

/**
 * A JSON request to GitHub, Slack or BetterStack with a per-attempt deadline and bounded
 * retries on 429/5xx and network errors. `label` names the call in logs (never a URL that
 * could hold a secret, such as a Slack webhook).
 */
export async function requestJson<T>(
  label: string,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: unknown; timeoutMs?: number },
  deps: HttpDeps,
): Promise<T> {
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
      if (!response.ok) throw new HttpError(response.status, label, text);
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
          ? error.status === 429 || error.status >= 500
          : !(error instanceof SyntaxError),
      clock: deps.clock,
      logger: deps.logger,
    },
  );
}
