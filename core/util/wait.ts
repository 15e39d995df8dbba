import type { Clock } from './clock.js';
import { formatDuration } from './duration.js';
import { DomainFailure } from './errors.js';
import type { Logger } from './logger.js';

export class WaitTimeout extends DomainFailure {
  override readonly name = 'WaitTimeout';
}

export interface WaitOptions<T> {
  /** What is awaited, in words: "service drop-web to be RUNNING". */
  what: string;
  timeoutMs: number;
  intervalMs: number;
  clock: Clock;
  logger: Logger;
  /** Returns `{ done: true, value }` when the wait is over, or a status line to log. */
  probe: () => Promise<{ done: true; value: T } | { done: false; status: string }>;
  signal?: AbortSignal;
}

/**
 * Polls until `probe` says done or the deadline passes. Logs when the status changes (not
 * every poll) and fails with what it waited for, how long, and the last status seen.
 */
export async function waitFor<T>(options: WaitOptions<T>): Promise<T> {
  const { clock, logger } = options;
  const started = clock.now();
  const deadline = started + options.timeoutMs;
  let lastStatus: string | undefined;
  logger.info(`Waiting up to ${formatDuration(options.timeoutMs)} for ${options.what}`);
  const progress = (status: string | undefined, done: boolean): void =>
    logger.progress?.({
      what: options.what,
      startedAt: started,
      deadline,
      ...(status !== undefined ? { status } : {}),
      done,
    });
  for (;;) {
    const result = await options.probe();
    if (result.done) {
      progress(lastStatus, true);
      return result.value;
    }
    progress(result.status, false);
    if (result.status !== lastStatus) {
      logger.info(
        `  ${options.what}: ${result.status} (after ${formatDuration(clock.now() - started)})`,
      );
      lastStatus = result.status;
    }
    const remaining = deadline - clock.now();
    if (remaining <= 0) {
      throw new WaitTimeout(
        `gave up after ${formatDuration(options.timeoutMs)} waiting for ${options.what}; last seen: ${lastStatus}`,
      );
    }
    await clock.sleep(Math.min(options.intervalMs, remaining), options.signal);
  }
}

/** A wait's deadline and pace, as targets, clients and steps pass them on. */
export interface WaitTiming {
  timeoutMs: number;
  intervalMs: number;
}

/**
 * `waitFor` with the clock and logger of a client's or step's dependencies: every poll in
 * core/ takes both from there, so they are named once here rather than at each wait.
 */
export function waitWith<T>(
  deps: { clock: Clock; logger: Logger },
  what: string,
  timing: WaitTiming,
  probe: WaitOptions<T>['probe'],
  signal?: AbortSignal,
): Promise<T> {
  return waitFor({
    what,
    timeoutMs: timing.timeoutMs,
    intervalMs: timing.intervalMs,
    clock: deps.clock,
    logger: deps.logger,
    probe,
    ...(signal ? { signal } : {}),
  });
}
