import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';

// The sim's BetterStack Uptime API as strict as the real one on what the suite relies on:
// a monitor's status and paused_at through pause and resume, and the v3 metadata records.

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSim({ timeScale: 0.01 });
});
afterAll(async () => {
  await sim.stop();
});

interface Answer {
  data: {
    type: string;
    attributes: Record<string, unknown> & { values?: unknown; paused_at?: string | null };
  };
  pagination: Record<string, unknown>;
  errors: Record<string, unknown>;
}

const call = async (
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Answer }> => {
  const response = await fetch(`${sim.url}/betterstack${path}`, {
    method,
    headers: {
      authorization: 'Bearer sim-betterstack-token',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Answer };
};

describe('BetterStack monitors', () => {
  it('a pause sets status paused and paused_at, a second pause keeps it; a resume is pending until the next check', async () => {
    const first = await call('PATCH', '/api/v2/monitors/2001001', { paused: true });
    expect(first.body['data'].attributes).toMatchObject({ paused: true, status: 'paused' });
    const pausedAt = first.body['data'].attributes.paused_at as string;
    expect(Date.parse(pausedAt)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const again = await call('PATCH', '/api/v2/monitors/2001001', { paused: true });
    expect(again.body['data'].attributes.paused_at).toBe(pausedAt);

    const resumed = await call('PATCH', '/api/v2/monitors/2001001', { paused: false });
    expect(resumed.body['data'].attributes).toMatchObject({
      paused: false,
      paused_at: null,
      status: 'pending',
    });
    // check_frequency 30 s of modelled time, ×0.01.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await call('GET', '/api/v2/monitors/2001001')).body['data'].attributes.status).toBe(
      'up',
    );
  });
});

describe('BetterStack metadata (v3)', () => {
  it('upserts, lists by owner and removes with an empty list', async () => {
    const record = { owner_type: 'Monitor', owner_id: '2001002', key: 'note' };
    const created = await call('POST', '/api/v3/metadata', {
      ...record,
      values: [{ value: 'first' }],
    });
    expect(created.status).toBe(201);
    expect(created.body['data']).toMatchObject({
      type: 'metadata',
      attributes: { key: 'note', owner_id: '2001002', owner_type: 'Monitor' },
    });
    const replaced = await call('POST', '/api/v3/metadata', {
      ...record,
      values: [{ type: 'String', value: 'second' }],
    });
    expect(replaced.status).toBe(200);
    const listed = await call('GET', '/api/v3/metadata?owner_type=Monitor&owner_id=2001002');
    const list = listed.body['data'] as unknown as { attributes: { values: unknown } }[];
    expect(list.map((m) => m.attributes.values)).toEqual([[{ type: 'String', value: 'second' }]]);
    expect(listed.body['pagination']).toMatchObject({ prev: null, next: null });
    expect(
      (await call('GET', '/api/v3/metadata?owner_type=Monitor&owner_id=2001001')).body['data'],
    ).toEqual([]);

    const removed = await call('POST', '/api/v3/metadata', { ...record, values: [] });
    expect(removed.status).toBe(204);
    expect(sim.betterstack.metadata()).toEqual([]);
  });

  it('refuses what the real API refuses', async () => {
    const bad = await call('POST', '/api/v3/metadata', {
      owner_type: 'Server',
      key: '',
      values: 'x',
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body['errors']).sort()).toEqual([
      'key',
      'owner_id',
      'owner_type',
      'values',
    ]);
    const unknown = await call('POST', '/api/v3/metadata', {
      owner_type: 'Monitor',
      owner_id: '99',
      key: 'k',
      values: [{ value: 'v' }],
    });
    expect(unknown.status).toBe(404);
    const typed = await call('POST', '/api/v3/metadata', {
      owner_type: 'Monitor',
      owner_id: '2001001',
      key: 'k',
      values: [{ value: 7 }],
    });
    expect(typed.status).toBe(422);
    const noToken = await fetch(`${sim.url}/betterstack/api/v3/metadata`);
    expect(noToken.status).toBe(401);
  });
});
