import type { Clock } from '../util/clock.js';
import { formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { HealthCheck } from './check-schema.js';
import { evaluateRedirect, evaluateResponse } from './evaluate.js';
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
  logger.info(
    `Running ${checks.length} check${checks.length === 1 ? '' : 's'} (deadline ${formatDuration(options.timeoutMs)}, retry every ${formatDuration(options.intervalMs)})`,
  );
  return Promise.all(
    checks.map((check, index) =>
      runOne(check, {
        ...options,
        deadline,
        version: carriers.has(index) ? options.expectVersion : undefined,
      }),
    ),
  );
}

async function runOne(
  check: HealthCheck,
  options: RunChecksOptions & {
    deadline: number;
    version: { values: readonly string[]; path: string } | undefined;
  },
): Promise<CheckResult> {
  const { clock, logger } = options;
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
      lastReasons = [errorMessage(error)];
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
    });

    if (lastReasons.length === 0) {
      logger.info(
        `✓ ${check.name}: ${last?.status} in ${Math.round(last?.latencyMs ?? 0)} ms (attempt ${attempts})`,
      );
      return result();
    }
    const remainingAfter = options.deadline - clock.now();
    if (remainingAfter <= options.intervalMs || options.signal?.aborted) {
      logger.info(
        `✗ ${check.name}: ${lastReasons.join('; ')} (gave up after ${attempts} attempts)`,
      );
      return result();
    }
    // Log a failing attempt when its reason changes, not every poll: a warming service
    // would otherwise fill the log with the same line.
    const line = lastReasons.join('; ');
    if (line !== lastLogged) {
      logger.info(
        `… ${check.name}: ${line} (attempt ${attempts}; retrying every ${formatDuration(options.intervalMs)})`,
      );
      lastLogged = line;
    }
    await clock.sleep(options.intervalMs, options.signal).catch(() => undefined);
  }
}
