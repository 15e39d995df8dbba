import type { Clock } from '../util/clock.js';
import { formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { HealthCheck } from './check-schema.js';
import { evaluateRedirect, evaluateResponse, reportsVersion } from './evaluate.js';
import { FailureStreak } from './failure-limit.js';
import { probe as httpProbe, type ProbeResponse } from './probe.js';
import { parseDuration } from '../util/duration.js';

const MIN_ATTEMPT_MS = 1000;

export interface CheckResult {
  name: string;
  url: string;
  passed: boolean;
  /** Of the last attempt. */
  status?: number;
  latencyMs?: number;
  attempts: number;
  /** Every distinct reason an attempt failed, in the order first seen, with how often. */
  reasons: { reason: string; count: number }[];
  /** Why the last attempt failed; absent when the check passed. */
  lastReason?: string;
  tlsDaysRemaining?: number;
  durationMs: number;
  /** Why it ended before the deadline: the failure limit was reached (by it or another check). */
  endedEarly?: string;
}

export interface FailureLimit {
  /** Failed attempts in a row of one check, once the new version serves, that end every check. */
  limit: number;
  /**
   * The platform says the new version alone serves. Used when no version is read from the
   * responses; with one, a response reporting the expected version is the sign.
   */
  servingKnown: boolean;
}

export interface RunChecksOptions {
  baseUrl?: URL;
  /** The version the service must report, with where to read it. */
  expectVersion?: { values: readonly string[]; path: string };
  timeoutMs: number;
  intervalMs: number;
  clock: Clock;
  logger: Logger;
  probe?: typeof httpProbe;
  signal?: AbortSignal;
  /**
   * Give up before the deadline once the new version is known to serve (see FailureLimit and
   * core/health/failure-limit.ts). Until then a failure is retried to the deadline: a version
   * still warming up, or the previous one still answering, is no verdict on the new one.
   * Absent: every check is retried to the deadline.
   */
  failureLimit?: FailureLimit;
}

/** What the checks of one run share: whether the new version is known to serve, and the stop. */
interface Shared {
  serving: boolean;
  stop: AbortController;
  /** Set by the check whose failures reached the limit. */
  endedBy?: string;
}

/** The absolute URL of a check: its own `url`, or `path` joined to the base URL. */
export function resolveCheckUrl(check: HealthCheck, baseUrl: URL | undefined): URL {
  if (check.url !== undefined) return new URL(check.url);
  if (!baseUrl) throw new Error(`check "${check.name}" has a path but no base URL was given`);
  const base = new URL(baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`);
  return new URL((check.path ?? '/').replace(/^\//, ''), base);
}

/** Which check carries the version: those marked reports-version, else the first one. */
export function versionCarriers(checks: readonly HealthCheck[]): Set<number> {
  const marked = checks.flatMap((c, i) => (c['reports-version'] ? [i] : []));
  return new Set(marked.length > 0 ? marked : [0]);
}

/**
 * Runs every check concurrently. A failing check is tried again every `intervalMs` until it
 * passes or the overall deadline passes, because a fresh deploy takes a moment to warm up.
 */
export async function runChecks(
  checks: readonly HealthCheck[],
  options: RunChecksOptions,
): Promise<CheckResult[]> {
  const { clock, logger } = options;
  const deadline = clock.now() + options.timeoutMs;
  const carriers = versionCarriers(checks);
  const limit = options.failureLimit;
  const shared: Shared = {
    serving: limit !== undefined && options.expectVersion === undefined && limit.servingKnown,
    stop: new AbortController(),
  };
  logger.info(
    `Running ${checks.length} check${checks.length === 1 ? '' : 's'} (deadline ${formatDuration(options.timeoutMs)}, retry every ${formatDuration(options.intervalMs)}${limit ? `; ${limit.limit} failures in a row once the new version serves end it` : ''})`,
  );
  const signal = options.signal
    ? AbortSignal.any([options.signal, shared.stop.signal])
    : shared.stop.signal;
  return Promise.all(
    checks.map((check, index) =>
      runOne(check, {
        ...options,
        signal,
        deadline,
        shared,
        version: carriers.has(index) ? options.expectVersion : undefined,
      }),
    ),
  );
}

async function runOne(
  check: HealthCheck,
  options: RunChecksOptions & {
    deadline: number;
    shared: Shared;
    version: { values: readonly string[]; path: string } | undefined;
  },
): Promise<CheckResult> {
  const { clock, logger, shared } = options;
  const streak = options.failureLimit ? new FailureStreak(options.failureLimit.limit) : undefined;
  let endedEarly: string | undefined;
  const doProbe = options.probe ?? httpProbe;
  const url = resolveCheckUrl(check, options.baseUrl);
  const attemptTimeout = parseDuration(check.timeout) ?? 10_000;
  const started = clock.now();
  const reasons = new Map<string, number>();
  let attempts = 0;
  let last: ProbeResponse | undefined;
  let lastReasons: string[] = [];
  let lastLogged: string | undefined;
  const redirectUrl =
    check['https-redirect'] === true
      ? new URL(url.href.replace(/^https:/, 'http:').replace(/^(http:\/\/[^/]+?):\d+/, '$1'))
      : typeof check['https-redirect'] === 'string'
        ? new URL(check['https-redirect'])
        : undefined;

  for (;;) {
    attempts++;
    // An attempt gets what is left of the deadline, but at least a second (or its own
    // timeout if shorter): a sliver of time would only report "no response" and hide the
    // real reason of the earlier attempts.
    const timeoutMs = Math.min(
      attemptTimeout,
      Math.max(options.deadline - clock.now(), MIN_ATTEMPT_MS),
    );
    lastReasons = [];
    last = undefined;
    try {
      last = await doProbe(url, { method: check.method, timeoutMs, signal: options.signal });
      lastReasons = evaluateResponse(last, {
        check,
        ...(options.version ? { version: options.version } : {}),
        now: new Date(clock.now()),
      });
    } catch (error) {
      lastReasons = [
        shared.endedBy !== undefined && shared.stop.signal.aborted
          ? `not finished: ${shared.endedBy}`
          : errorMessage(error),
      ];
    }
    if (last && options.version && !shared.serving && reportsVersion(last, options.version)) {
      shared.serving = true;
      logger.info(`  ${check.name}: the new version answers (${options.version.values[0]})`);
    }
    if (redirectUrl) {
      try {
        const plain = await doProbe(redirectUrl, {
          method: 'GET',
          timeoutMs,
          signal: options.signal,
        });
        lastReasons.push(...evaluateRedirect(plain, redirectUrl));
      } catch (error) {
        lastReasons.push(`${redirectUrl.href}: ${errorMessage(error)}`);
      }
    }
    for (const reason of lastReasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);

    const result = (): CheckResult => ({
      name: check.name,
      url: url.href,
      passed: lastReasons.length === 0,
      ...(last ? { status: last.status, latencyMs: Math.round(last.latencyMs) } : {}),
      attempts,
      reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
      ...(lastReasons.length > 0 ? { lastReason: lastReasons.join('; ') } : {}),
      ...(last?.certificate
        ? {
            tlsDaysRemaining: Math.floor(
              (last.certificate.validTo.getTime() - clock.now()) / 86_400_000,
            ),
          }
        : {}),
      durationMs: clock.now() - started,
      ...(endedEarly !== undefined ? { endedEarly } : {}),
    });

    if (lastReasons.length === 0) {
      logger.info(
        `✓ ${check.name}: ${last?.status} in ${Math.round(last?.latencyMs ?? 0)} ms (attempt ${attempts})`,
      );
      return result();
    }
    const line = lastReasons.join('; ');
    const reached = shared.serving ? streak?.observe(line) : undefined;
    if (reached) {
      endedEarly = `${reached.length} failures in a row once the new version served`;
      shared.endedBy ??= `${check.name} failed ${reached.length} times in a row`;
      logger.info(
        `✗ ${check.name}: ${line} (${endedEarly}; verification ends before its deadline)`,
      );
      shared.stop.abort();
      return result();
    }
    const remainingAfter = options.deadline - clock.now();
    if (remainingAfter <= options.intervalMs || options.signal?.aborted) {
      if (shared.endedBy !== undefined) endedEarly = `stopped: ${shared.endedBy}`;
      logger.info(
        `✗ ${check.name}: ${lastReasons.join('; ')} (gave up after ${attempts} attempts)`,
      );
      return result();
    }
    // Log a failing attempt when its reason changes, not every poll: a warming service
    // would otherwise fill the log with the same line.
    if (line !== lastLogged) {
      logger.info(
        `… ${check.name}: ${line} (attempt ${attempts}; retrying every ${formatDuration(options.intervalMs)})`,
      );
      lastLogged = line;
    }
    await clock.sleep(options.intervalMs, options.signal).catch(() => undefined);
    if (shared.endedBy !== undefined) {
      // Another check reached the failure limit: this one's last attempt is its answer.
      endedEarly = `stopped: ${shared.endedBy}`;
      return result();
    }
  }
}
