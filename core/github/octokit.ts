import { getOctokit } from '@actions/github';
import { defaults as actionsDefaults } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
// The light build plugin-throttling itself uses, so the bundle carries one copy.
import Bottleneck from 'bottleneck/light.js';
import { formatDuration } from '../util/duration.js';
import type { Logger } from '../util/logger.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface OctokitOptions {
  /** GITHUB_API_URL: github.com, GitHub Enterprise Server, or the local sim. */
  apiUrl: string;
  logger: Logger;
  /** Longest wait a rate limit may impose before the call gives up instead. */
  maxRateLimitWaitMs?: number;
  /** Deadline of one HTTP attempt; a hung connection must not outlast the action's deadlines. */
  requestTimeoutMs?: number;
  /** Retries of a 5xx or a lost connection (plugin-retry waits 1 s, 4 s, 9 s …). */
  retries?: number;
  /** Tests only: the fetch to send requests with. */
  fetch?: typeof fetch;
}

/**
 * plugin-throttling spaces every write by a second, GitHub's advice for integrations that make
 * many. A run makes at most four (a deployment and its statuses), and the second follows the
 * first at once, so that second would only delay the deploy behind it. Writes still go one at
 * a time, and a secondary rate limit, should one come, is waited out as `retry-after` asks.
 */
const writes = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });

/** Times one request may be retried after a rate limit; each wait is bounded by maxRateLimitWaitMs. */
const RATE_LIMIT_RETRIES = 3;
/** plugin-retry's own list: these answers mean the request was refused, not lost. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 451];

interface RequestLike {
  method: string;
  url: string;
  request?: { retries?: number; retryCount?: number };
}

function describe(request: { method: string; url: string }): string {
  return `${request.method} ${request.url.replace(/\?.*$/, '')}`;
}

/**
 * The one GitHub REST client: Octokit from @actions/github, with GitHub's own retry and
 * throttling plugins so primary and secondary rate limits (`retry-after`) are honoured. Every
 * wait is bounded and logged, every attempt has a deadline.
 *
 * A request that must not run twice (creating a deployment) passes `request: { retries: 0 }`
 * and decides itself whether to send it again; rate-limit answers are still waited out, since
 * GitHub did not act on them.
 */
export function createOctokit(token: string, options: OctokitOptions): Octokit {
  const maxWaitMs = options.maxRateLimitWaitMs ?? 60_000;
  const timeoutMs = options.requestTimeoutMs ?? 20_000;
  const retries = options.retries ?? 2;
  // @actions/github's own fetch honours the runner's HTTPS_PROXY / NO_PROXY; keep it.
  const baseFetch: typeof fetch =
    options.fetch ?? (actionsDefaults.request?.fetch as typeof fetch | undefined) ?? fetch;
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ): boolean => {
      const waitMs = retryAfter * 1000;
      const what = describe(request);
      if (retryCount >= RATE_LIMIT_RETRIES || waitMs > maxWaitMs) {
        options.logger.warning(
          `GitHub ${kind} rate limit on ${what}: not waiting ${formatDuration(waitMs)} more (tried ${retryCount + 1} times, longest wait allowed ${formatDuration(maxWaitMs)})`,
        );
        return false;
      }
      options.logger.info(
        `GitHub ${kind} rate limit on ${what}: waiting ${formatDuration(waitMs)} as GitHub's ${kind === 'secondary' ? 'retry-after' : 'x-ratelimit-reset'} asks (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})`,
      );
      return true;
    };
  const octokit = getOctokit(
    token,
    {
      baseUrl: options.apiUrl.replace(/\/$/, ''),
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        write: writes,
      },
      retry: { retries, doNotRetry: DO_NOT_RETRY },
      request: {
        ...actionsDefaults.request,
        fetch: (url: string | URL | Request, init?: RequestInit) =>
          baseFetch(url, {
            ...init,
            signal: init?.signal
              ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])
              : AbortSignal.timeout(timeoutMs),
          }),
      },
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
  // plugin-retry retries silently; say what failed and how long it waits (its own schedule).
  octokit.hook.error('request', (error, request) => {
    const status = (error as { status?: number }).status ?? 0;
    const options_ = request as unknown as RequestLike;
    const allowed = options_.request?.retries ?? retries;
    const done = options_.request?.retryCount ?? 0;
    if (status >= 400 && !DO_NOT_RETRY.includes(status) && done < allowed) {
      options.logger.info(
        `GitHub answered ${status} to ${describe(options_)} (${(error as Error).message.slice(0, 120)}): retrying in ${formatDuration((done + 1) ** 2 * 1000)} (retry ${done + 1} of ${allowed})`,
      );
    }
    throw error;
  });
  return octokit;
}
