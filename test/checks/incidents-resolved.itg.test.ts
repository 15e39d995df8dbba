/**
 * incidents-resolved against the sim's BetterStack: the runbook's "no unresolved critical
 * alerts in 24 h". The one old incident sits on the second page of unresolved incidents
 * (newest first, 50 a page), so a check that read only the first page would pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture } from '../../sim/fixture.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { runOne, sharedContext } from './context.js';

let sim: SimHandle;
const saved = process.env['BETTERSTACK_API_URL'];
const HOUR = 3_600_000;

beforeAll(async () => {
  const base = loadFixture();
  const now = Date.now();
  sim = await startSim({
    timeScale: 0.01,
    fixture: {
      ...base,
      betterstack: {
        ...base.betterstack,
        incidents: [
          // Open for 30 hours, acknowledged: still not resolved.
          {
            id: '700001',
            monitorId: '2001002',
            name: 'Drop web',
            startedAt: new Date(now - 30 * HOUR).toISOString(),
            acknowledgedAt: new Date(now - 29 * HOUR).toISOString(),
          },
          ...Array.from({ length: 55 }, (_, n) => ({
            monitorId: '2001001',
            name: 'Drop API health',
            startedAt: new Date(now - HOUR - n * 60_000).toISOString(),
          })),
          {
            monitorId: '2001001',
            startedAt: new Date(now - 72 * HOUR).toISOString(),
            resolvedAt: new Date(now - 71 * HOUR).toISOString(),
          },
        ],
      },
    },
  });
  process.env['BETTERSTACK_API_URL'] = `${sim.url}/betterstack`;
});
afterAll(async () => {
  if (saved === undefined) delete process.env['BETTERSTACK_API_URL'];
  else process.env['BETTERSTACK_API_URL'] = saved;
  await sim?.stop();
});

const ctx = (token = 'sim-betterstack-token') =>
  sharedContext(sim, { secrets: { betterstackToken: token } });

describe('incidents-resolved', () => {
  it('fails naming the incident unresolved past max-age, read from the second page', async () => {
    const result = await runOne({ type: 'incidents-resolved' }, ctx());
    expect(result.status, result.line).toBe('fail');
    expect(result.line).toMatch(
      /1 BetterStack incident\(s\) unresolved for more than 24h: Drop web \(700001, acknowledged for 30h/,
    );
    expect(result.observed).toMatchObject({ unresolved: 56 });
  });

  it('passes with a longer max-age, or for monitors whose incidents are recent', async () => {
    expect((await runOne({ type: 'incidents-resolved', 'max-age': '48h' }, ctx())).status).toBe(
      'pass',
    );
    const recent = await runOne({ type: 'incidents-resolved', 'monitor-ids': ['2001001'] }, ctx());
    expect(recent).toMatchObject({
      status: 'pass',
      line: '55 incident(s) open, none for more than 24h',
    });
  });

  it('is an error without a token, or when BetterStack refuses it', async () => {
    expect((await runOne({ type: 'incidents-resolved' }, sharedContext(sim))).line).toMatch(
      /no betterstack-token given/,
    );
    const refused = await runOne({ type: 'incidents-resolved' }, ctx('wrong'));
    expect(refused).toMatchObject({
      status: 'error',
      line: expect.stringMatching(/unresolved incidents: HTTP 401/),
    });
  });
});
