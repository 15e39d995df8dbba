import { afterEach, describe, expect, it } from 'vitest';
import { BetterStackIncidents } from '../../core/notify/betterstack-incidents.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { loadFixture } from '../../sim/fixture.js';
import { startSim, type SimHandle } from '../../sim/index.js';

// The sim's BetterStack incidents and SLA figures: what the monthly report and the
// incidents-resolved and escalation-test checks read, as strict as the real API.

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

const fixture = (extra: Record<string, unknown> = {}) => {
  const base = loadFixture();
  return {
    ...base,
    betterstack: {
      ...base.betterstack,
      incidents: [
        {
          monitorId: '2001001',
          startedAt: '2026-11-10T08:00:00Z',
          resolvedAt: '2026-11-10T08:43:00Z',
        },
        ...Array.from({ length: 60 }, (_, n) => ({
          monitorId: '2001002',
          startedAt: new Date(Date.UTC(2026, 9, 1, n, 0)).toISOString(),
          resolvedAt: new Date(Date.UTC(2026, 9, 1, n, 1)).toISOString(),
        })),
      ],
      policies: [
        {
          id: '42',
          name: 'Drop on-call',
          steps: [
            { waitBefore: 0, notify: 'primary' },
            { waitBefore: 300, notify: 'secondary' },
          ],
        },
      ],
      ...extra,
    },
  };
};

const call = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${sim!.url}/betterstack${path}`, {
    method,
    headers: {
      authorization: 'Bearer sim-betterstack-token',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    // Answers of several shapes; each test reads the fields it asserts.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    body: (text ? JSON.parse(text) : {}) as Record<string, any>,
  };
};

const client = () =>
  new BetterStackIncidents(`${sim!.url}/betterstack`, 'sim-betterstack-token', {
    clock: systemClock,
    logger: recordingLogger(),
  });

describe('BetterStack SLA and incidents', () => {
  it('SLA over whole UTC days counts a monitor incident’s minutes', async () => {
    sim = await startSim({ timeScale: 0.01, fixture: fixture() });
    const sla = await client().sla('2001001', '2026-11-01', '2026-11-30');
    expect(sla.downtimeSeconds).toBe(43 * 60);
    expect(sla.incidents).toBe(1);
    expect(sla.availability).toBeCloseTo(100 * (1 - 43 / (30 * 24 * 60)), 4);
    const october = await client().sla('2001001', '2026-10-01', '2026-10-31');
    expect(october).toMatchObject({ availability: 100, downtimeSeconds: 0, incidents: 0 });
    const bad = await call('GET', '/api/v2/monitors/2001001/sla?from=2026-11&to=2026-11-30');
    expect(bad.status).toBe(422);
    expect(bad.body['errors']).toHaveProperty('from');
    expect((await call('GET', '/api/v2/monitors/999/sla')).status).toBe(404);
    const noSuchDay = await call(
      'GET',
      '/api/v2/monitors/2001001/sla?from=2026-11-31&to=2026-12-01',
    );
    expect(noSuchDay.status).toBe(422);
  });

  it('lists incidents by page (per_page ≤ 50) and the client follows pagination.next to the end', async () => {
    sim = await startSim({ timeScale: 0.01, fixture: fixture() });
    const first = await call('GET', '/api/v3/incidents?from=2026-10-01&to=2026-10-31');
    expect(first.body['data']).toHaveLength(10);
    expect(first.body['pagination'].next).toMatch(/page=2/);
    expect((await call('GET', '/api/v3/incidents?per_page=51')).status).toBe(422);
    const all = await client().list({ from: '2026-10-01', to: '2026-10-31' });
    expect(all).toHaveLength(60);
    expect(new Set(all.map((i) => i.id)).size).toBe(60);
    const november = await client().list({
      from: '2026-11-01',
      to: '2026-11-30',
      monitorId: '2001001',
    });
    expect(november.map((i) => [i.monitorId, i.status])).toEqual([['2001001', 'Resolved']]);
  });

  it('a created incident escalates by its policy until resolved; a second resolve is 409', async () => {
    sim = await startSim({ timeScale: 0.001, fixture: fixture() });
    const missing = await call('POST', '/api/v3/incidents', { summary: 'x' });
    expect(missing.status).toBe(422);
    expect(missing.body['errors']).toHaveProperty('requester_email');
    const noPolicy = await call('POST', '/api/v3/incidents', {
      summary: 'x',
      requester_email: 'ops@example.com',
      policy_id: 7,
    });
    expect(noPolicy.status).toBe(422);
    const incident = await client().create({
      summary: 'Escalation test',
      name: 'Escalation test',
      description: 'monthly',
      requesterEmail: 'ops@example.com',
      policyId: '42',
    });
    expect(incident.status).toBe('Started');
    // Step 1 notifies at once; step 2 after 300 s of modelled time (0.3 s at 0.001).
    const first = (await client().timeline(incident.id)).map((t) => t.title);
    expect(first.filter((t) => t.startsWith('Escalated'))).toEqual([
      'Escalated to step 1 of Drop on-call: notified primary',
    ]);
    sim.advance(300);
    const titles = (await client().timeline(incident.id)).map((t) => t.title);
    expect(titles.filter((t) => t.startsWith('Escalated'))).toHaveLength(2);
    expect(await client().resolve(incident.id, 'test')).toBe('resolved');
    expect(await client().resolve(incident.id, 'test')).toBe('already resolved');
    const again = await call('POST', `/api/v3/incidents/${incident.id}/acknowledge`, {});
    expect(again.status).toBe(409);
    expect(sim.betterstack.incidents().find((i) => i.id === incident.id)?.resolvedAt).toBeDefined();
  });

  it('refuses past the rate limit with 429 and Retry-After, and the client waits for it', async () => {
    sim = await startSim({
      timeScale: 0.01,
      fixture: fixture({ rateLimit: { requests: 3, windowSeconds: 1 } }),
    });
    for (let n = 0; n < 3; n++) expect((await call('GET', '/api/v3/incidents')).status).toBe(200);
    const refused = await call('GET', '/api/v3/incidents');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    const logger = recordingLogger();
    const started = Date.now();
    const c = new BetterStackIncidents(`${sim.url}/betterstack`, 'sim-betterstack-token', {
      clock: systemClock,
      logger,
    });
    await c.list({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(logger.lines.some((l) => /429/.test(l.message))).toBe(true);
  });
});
