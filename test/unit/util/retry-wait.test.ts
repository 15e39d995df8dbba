import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationWords, parseDuration } from '../../../core/util/duration.js';
import { errorMessage } from '../../../core/util/errors.js';
import { recordingLogger } from '../../../core/util/logger.js';
import { retry } from '../../../core/util/retry.js';
import { waitFor, WaitTimeout } from '../../../core/util/wait.js';
import { fakeClock } from '../../helpers/fake-clock.js';

describe('retry', () => {
  it('retries a retryable failure with growing, jittered delays and logs each retry', async () => {
    const clock = fakeClock();
    const logger = recordingLogger();
    let calls = 0;
    const value = await retry(
      async () => {
        if (++calls < 3) throw new Error('Throttling');
        return 'ok';
      },
      {
        label: 'DescribeService',
        attempts: 5,
        baseDelayMs: 100,
        maxDelayMs: 1000,
        isRetryable: () => true,
        clock,
        logger,
        random: () => 0.5,
      },
    );
    expect(value).toBe('ok');
    expect(clock.sleeps).toEqual([75, 150]);
    expect(logger.lines.map((l) => l.message)).toEqual([
      'DescribeService: attempt 1/5 failed (Throttling); retrying in 75ms',
      'DescribeService: attempt 2/5 failed (Throttling); retrying in 150ms',
    ]);
  });

  it('stops at the attempt limit and at a non-retryable error', async () => {
    const clock = fakeClock();
    const opts = {
      label: 'x',
      attempts: 3,
      baseDelayMs: 10,
      maxDelayMs: 10,
      clock,
      logger: recordingLogger(),
    };
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new Error('busy');
        },
        { ...opts, isRetryable: () => true },
      ),
    ).rejects.toThrow('busy');
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new Error('AccessDenied');
        },
        { ...opts, isRetryable: () => false },
      ),
    ).rejects.toThrow('AccessDenied');
    expect(calls).toBe(1);
  });
});

describe('waitFor', () => {
  it('returns when the probe is done and logs only status changes', async () => {
    const clock = fakeClock();
    const logger = recordingLogger();
    const states = ['OPERATION_IN_PROGRESS', 'OPERATION_IN_PROGRESS', 'RUNNING'];
    const value = await waitFor({
      what: 'service drop-web to be RUNNING',
      timeoutMs: 60_000,
      intervalMs: 5_000,
      clock,
      logger,
      probe: async () => {
        const s = states.shift() as string;
        return s === 'RUNNING' ? { done: true, value: s } : { done: false, status: s };
      },
    });
    expect(value).toBe('RUNNING');
    expect(logger.lines.filter((l) => l.message.includes('OPERATION_IN_PROGRESS'))).toHaveLength(1);
  });

  it('gives up at the deadline saying what it waited for and the last status', async () => {
    const clock = fakeClock();
    const error = await waitFor({
      what: 'snapshot drop-db-pre-deploy-1 to be available',
      timeoutMs: 30_000,
      intervalMs: 10_000,
      clock,
      logger: recordingLogger(),
      probe: async () => ({ done: false, status: 'creating (40%)' }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeout);
    expect(errorMessage(error)).toBe(
      'gave up after 30s waiting for snapshot drop-db-pre-deploy-1 to be available; last seen: creating (40%)',
    );
  });
});

describe('durations and messages', () => {
  it('parses and formats durations', () => {
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('')).toBeUndefined();
    expect(formatDuration(93_000)).toBe('1m33s');
    expect(formatDuration(450)).toBe('450ms');
    expect(formatDuration(3_600_000)).toBe('1h');
    // A unit between two shown ones is shown too, zero or not.
    expect(formatDuration(5 * 3_600_000 + 29_000)).toBe('5h0m29s');
    expect(formatDuration(5 * 3_600_000 + 60_000)).toBe('5h1m');
  });

  it('formats durations for a person at a terminal: units apart, none skipped', () => {
    expect(formatDurationWords(5 * 3_600_000 + 29_000)).toBe('5 h 0 m 29 s');
    expect(formatDurationWords(93_000)).toBe('1 m 33 s');
    expect(formatDurationWords(450)).toBe('450 ms');
    expect(formatDurationWords(1_500)).toBe('1.5 s');
    expect(formatDurationWords(3_600_000)).toBe('1 h');
  });

  it('describes any thrown value', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('text')).toBe('text');
    expect(errorMessage({ code: 42 })).toBe('{"code":42}');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
