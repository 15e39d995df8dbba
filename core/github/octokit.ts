import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/logger.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitOptions {
  /** GITHUB_API_URL: github.com, GitHub Enterprise Server, or the local sim. */
  apiUrl: string;
  logger: Logger;
  /** Longest wait a rate limit may impose before the call gives up instead. */
  maxRateLimitWaitMs?: number;
}

const RATE_LIMIT_RETRIES = 2;

/**
 * The one GitHub REST client: Octokit from @actions/github, with GitHub's own retry and
 * throttling plugins so primary and secondary rate limits (`retry-after`) are honoured. Every
 * wait is bounded and logged.
 */
export function createOctokit(token: string, options: OctokitOptions): Octokit {
  const maxWaitMs = options.maxRateLimitWaitMs ?? 60_000;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const waitMs = retryAfter * 1000;
      const what = `${request.method} ${request.url}`;
      if (retryCount >= RATE_LIMIT_RETRIES || waitMs > maxWaitMs) {
        options.logger.warning(
          `GitHub ${kind} rate limit on ${what}: not waiting ${formatDuration(waitMs)} more (tried ${retryCount + 1} times)`,
        );
        return false;
      }
      options.logger.info(
        `GitHub ${kind} rate limit on ${what}: waiting ${formatDuration(waitMs)} as retry-after asks (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`,
      );
      return true;
    };
  return getOctokit(
    token,
    {
      baseUrl: options.apiUrl.replace(/\/$/, ''),
      throttle: { onRateLimit: onLimit('primary'), onSecondaryRateLimit: onLimit('secondary') },
      retry: { retries: 2 },
      log: {
        debug: () => {},
        info: () => {},
        warn: (message: string) => options.logger.warning(message),
        error: (message: string) => options.logger.debug(message),
      },
    },
    retry,
    throttling,
  );
}
