import type { Clock } from './clock.js';
import { errorMessage } from './errors.js';
import type { Logger } from './logger.js';

export interface RetryOptions {
  /** Shown in every log line, e.g. "DescribeService". */
  label: string;
  /** Attempts in all, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  isRetryable: (error: unknown) => boolean;
  clock: Clock;
  logger: Logger;
  /** Random in [0, 1); injected so tests are deterministic. */
  random?: () => number;
  signal?: AbortSignal;
  /** The wait a failure asks for (a 429's `retry-after`), used instead of the backoff. */
  delayFor?: (error: unknown) => number | undefined;
}

/** "ThrottlingException: Rate exceeded": the kind of error says more than its message. */
function describeError(error: unknown): string {
  const name = error instanceof Error && error.name !== 'Error' ? error.name : undefined;
  const message = errorMessage(error);
  return name && !message.startsWith(name) ? `${name}: ${message}` : message;
}

/**
 * The one retry helper: exponential backoff with full jitter, bounded attempts, and a log
 * line per retry saying what failed and when the next attempt is.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !options.isRetryable(error)) throw error;
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      const delay = options.delayFor?.(error) ?? Math.round(ceiling / 2 + (random() * ceiling) / 2);
      options.logger.info(
        `${options.label}: attempt ${attempt}/${options.attempts} failed (${describeError(error)}); retrying in ${delay}ms`,
      );
      await options.clock.sleep(delay, options.signal);
    }
  }
}
