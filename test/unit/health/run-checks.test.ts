import { describe, expect, it } from 'vitest';
import { healthCheckSchema } from '../../../core/health/check-schema.js';
import type { ProbeResponse } from '../../../core/health/probe.js';
import { runChecks, type RunChecksOptions } from '../../../core/health/run-checks.js';
import { recordingLogger } from '../../../core/util/logger.js';
import { fakeClock } from '../../helpers/fake-clock.js';

// Verification's failure rule: failures count once the new version is known to serve, and
// `limit` of them in a row end it before the deadline; before that, they are retried.

const check = (name: string, extra: Record<string, unknown> = {}) =>
  healthCheckSchema.parse({ name, path: `/${name}`, ...extra });

const answer = (status: number, data: Record<string, unknown>): ProbeResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ data }),
  latencyMs: 3,
});
const newBroken = answer(503, { status: 'degraded', version: 'v2' });
const newGood = answer(200, { status: 'ok', version: 'v2' });
const oldGood = answer(200, { status: 'ok', version: 'v1' });
const warming = answer(503, { status: 'starting' });

/** A probe that answers each path from its script, the last answer repeated. */
function scripted(scripts: Record<string, ProbeResponse[]>) {
  const calls: Record<string, number> = {};
  const probe = async (url: URL): Promise<ProbeResponse> => {
    const n = (calls[url.pathname] = (calls[url.pathname] ?? 0) + 1);
    const script = scripts[url.pathname]!;
    return script[Math.min(n, script.length) - 1]!;
  };
  return { probe, calls };
}

function options(probe: RunChecksOptions['probe'], extra: Partial<RunChecksOptions> = {}) {
  const clock = fakeClock();
  const logger = recordingLogger();
  return {
    clock,
    logger,
    options: {
      baseUrl: new URL('http://app.test'),
      expectVersion: { values: ['v2'], path: 'data.version' },
      timeoutMs: 300_000,
      intervalMs: 5_000,
      clock,
      logger,
      probe,
      failureLimit: { limit: 3, servingKnown: true },
      ...extra,
    } satisfies RunChecksOptions,
  };
}

describe('runChecks with a failure limit', () => {
  it('ends after 3 failures in a row once the new version reports itself, not at the deadline', async () => {
    const { probe, calls } = scripted({ '/health': [newBroken] });
    const { clock, options: o } = options(probe);
    const started = clock.now();
    const [result] = await runChecks([check('health')], o);
    expect(result?.passed).toBe(false);
    expect(calls['/health']).toBe(3);
    expect(clock.now() - started).toBe(10_000);
    expect(result?.endedEarly).toBe('3 failures in a row once the new version served');
  });

  it('retries a warming version (no version reported yet) past the limit, and it passes', async () => {
    const { probe, calls } = scripted({
      '/health': [warming, warming, warming, warming, warming, warming, newGood],
    });
    const { options: o } = options(probe);
    const [result] = await runChecks([check('health')], o);
    expect(result?.passed).toBe(true);
    expect(calls['/health']).toBe(7);
  });

  it('does not count the previous version answering; counts from the first answer of the new one', async () => {
    const { probe, calls } = scripted({
      '/health': [oldGood, oldGood, oldGood, oldGood, newBroken],
    });
    const { options: o } = options(probe);
    const [result] = await runChecks([check('health')], o);
    expect(result?.passed).toBe(false);
    expect(calls['/health']).toBe(7);
    expect(result?.lastReason).toMatch(/status 503/);
  });

  it("one check's limit ends the others still under way", async () => {
    const { probe: scriptedProbe } = scripted({ '/health': [newBroken] });
    // The second check hangs until verification ends it.
    const probe: RunChecksOptions['probe'] = (url, o) =>
      url.pathname === '/hangs'
        ? new Promise((_, reject) =>
            o.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        : scriptedProbe(url);
    const { clock, options: o } = options(probe, {
      failureLimit: { limit: 2, servingKnown: false },
    });
    const started = clock.now();
    const [health, hangs] = await runChecks([check('health'), check('hangs')], o);
    expect(clock.now() - started).toBe(5_000);
    expect(health?.endedEarly).toBe('2 failures in a row once the new version served');
    expect(hangs?.passed).toBe(false);
    expect(hangs?.lastReason).toBe('not finished: health failed 2 times in a row');
    expect(hangs?.endedEarly).toBe('stopped: health failed 2 times in a row');
  });

  it('without a version to read, the platform saying the new version serves starts the count', async () => {
    const { probe, calls } = scripted({ '/health': [warming] });
    const { options: o } = options(probe, { expectVersion: undefined });
    const [result] = await runChecks([check('health')], o);
    expect(result?.passed).toBe(false);
    expect(calls['/health']).toBe(3);
  });

  it('without a failure limit, a failing check is retried to the deadline', async () => {
    const { probe, calls } = scripted({ '/health': [newBroken] });
    const { options: o } = options(probe, { timeoutMs: 60_000 });
    delete (o as Partial<RunChecksOptions>).failureLimit;
    const [result] = await runChecks([check('health')], o);
    expect(result?.passed).toBe(false);
    expect(calls['/health']).toBe(12);
    expect(result?.endedEarly).toBeUndefined();
  });
});
