import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import { retry } from '../util/retry.js';

export interface AwsCallDeps {
  clock: Clock;
  logger: Logger;
  /** Random in [0, 1) for retry jitter; tests make it deterministic. */
  random?: () => number;
  /**
   * The action's own deadline for one call: no retry starts once this long has passed since
   * the first attempt (with per-request timeouts, eight attempts could otherwise take minutes).
   */
  retryBudgetMs?: number;
  /** Stops the retries (and their waits) when a caller's deadline passes. */
  signal?: AbortSignal;
}

const RETRYABLE_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'InternalFailure',
  'InternalServerException',
  'InternalServiceError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);
const RETRYABLE_NETWORK = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EAI_AGAIN',
]);

/**
 * Throttling, 5xx and dropped connections are worth another try; anything else (access
 * denied, validation, not found, invalid state) is an answer and is returned at once.
 */
export function isRetryableAwsError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  if (e.name && RETRYABLE_NAMES.has(e.name)) return true;
  if (e.code && RETRYABLE_NETWORK.has(e.code)) return true;
  if (e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && (status >= 500 || status === 429);
}

/**
 * Every AWS call goes through here: bounded retries with backoff and jitter, each retry
 * logged with the operation's name. The SDK clients are built with maxAttempts 1 so this is
 * the only retry loop.
 */
export const AWS_RETRY = { attempts: 8, baseDelayMs: 250, maxDelayMs: 8_000 } as const;

export function awsCall<T>(
  label: string,
  fn: (attempt: number) => Promise<T>,
  deps: AwsCallDeps,
): Promise<T> {
  const startedAt = deps.clock.now();
  const budget = deps.retryBudgetMs;
  return retry(fn, {
    label,
    ...AWS_RETRY,
    isRetryable: (error) =>
      isRetryableAwsError(error) && (budget === undefined || deps.clock.now() - startedAt < budget),
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
}

/** The AWS error name ("InvalidStateException"), if the value is one. */
export function awsErrorName(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'name' in error
    ? String((error as { name: unknown }).name)
    : undefined;
}

/**
 * Every item of a paged AWS list (NextToken, Marker), each page read through awsCall, at most
 * `maxPages` pages. More pages after those are an error naming the operation and `of` (a list read in
 * part is not read), unless `more: 'stop'` says a first part is enough (candidates for a
 * message).
 */
export async function awsPages<T>(
  operation: string,
  page: (
    token: string | undefined,
  ) => Promise<{ items: readonly T[] | undefined; next: string | undefined }>,
  deps: AwsCallDeps,
  options: { maxPages: number; more?: 'error' | 'stop'; of?: string },
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  for (let n = 0; n < options.maxPages; n++) {
    const out = await awsCall(operation, () => page(token), deps);
    items.push(...(out.items ?? []));
    token = out.next;
    if (!token) return items;
  }
  if (options.more === 'stop') return items;
  throw new Error(
    `${operation}${options.of ? ` of ${options.of}` : ''} still had more pages after ${options.maxPages}; refusing to act on a partial list`,
  );
}
