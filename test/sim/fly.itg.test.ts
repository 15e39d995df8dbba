/**
 * The sim's Fly.io Machines API answers as Fly does, over HTTP: authentication, 404s, leases
 * and their nonces, the wait long poll, update validation and the per-machine rate limit.
 */
import { describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { APP_MACHINES, FLY_APP, flyFixture } from '../helpers/fly-world.js';

async function sim(
  onFinished: (fn: () => Promise<void>) => void,
  rateLimitBurst?: number,
  replace?: string,
) {
  const fixture = flyFixture();
  const s = await startSim({
    fixture: {
      ...fixture,
      fly: {
        ...fixture.fly,
        ...(rateLimitBurst ? { rateLimit: { burst: rateLimitBurst, perSecond: 0.001 } } : {}),
        ...(replace ? { durations: { replace } } : {}),
      },
    },
    timeScale: 0.003,
  });
  onFinished(() => s.stop());
  return s;
}

function call(
  s: SimHandle,
  method: string,
  path: string,
  init: { body?: unknown; token?: string | null; nonce?: string } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const token = init.token === undefined ? s.fly.token : init.token;
  return fetch(`${s.fly.apiUrl}${path}`, {
    method,
    headers: {
      ...(token !== null ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.nonce ? { 'fly-machine-lease-nonce': init.nonce } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as Record<string, unknown>,
    headers: r.headers,
  }));
}

const M = `/v1/apps/${FLY_APP}/machines/${APP_MACHINES[0]}`;

describe("the sim's Fly Machines API", () => {
  it.concurrent(
    'refuses a request without a token, or with an unknown one, with 401',
    async ({ onTestFinished }) => {
      const s = await sim(onTestFinished);
      for (const token of [null, 'fly-not-a-token']) {
        const out = await call(s, 'GET', `/v1/apps/${FLY_APP}/machines`, { token });
        expect(out).toMatchObject({
          status: 401,
          body: { error: 'You must be authenticated to view this.' },
        });
      }
    },
  );

  it.concurrent('answers 404 for an unknown app or machine', async ({ onTestFinished }) => {
    const s = await sim(onTestFinished);
    expect(await call(s, 'GET', '/v1/apps/nope-app/machines')).toMatchObject({
      status: 404,
      body: { error: 'app not found' },
    });
    expect(await call(s, 'GET', `/v1/apps/${FLY_APP}/machines/00000000000000`)).toMatchObject({
      status: 404,
      body: { error: 'machine not found' },
    });
  });

  it.concurrent(
    'a lease: one holder, its nonce required to update or release, 409 naming it otherwise',
    async ({ onTestFinished }) => {
      const s = await sim(onTestFinished);
      // The longest TTL Fly takes (10.8 s real at this time scale): it must not lapse while a
      // loaded machine runs the checks below (600 s, 1.8 s real, did).
      const lease = await call(s, 'POST', `${M}/lease`, {
        body: { ttl: 3600, description: 'deploy' },
      });
      expect(lease.status).toBe(200);
      const nonce = (lease.body['data'] as { nonce: string; owner: string }).nonce;
      expect((lease.body['data'] as { owner: string }).owner).toBe('deploy@example.com');
      const second = await call(s, 'POST', `${M}/lease`, { body: { ttl: 30 } });
      expect(second.status).toBe(409);
      expect(second.body['error']).toMatch(
        new RegExp(
          `^machine ID ${APP_MACHINES[0]} lease currently held by deploy@example\\.com, expires at `,
        ),
      );
      const machine = (await call(s, 'GET', M)).body as { config: Record<string, unknown> };
      const update = await call(s, 'POST', M, { body: { config: machine.config } });
      expect(update.status).toBe(409);
      // GET lease never shows the nonce.
      const shown = await call(s, 'GET', `${M}/lease`);
      expect(shown.status).toBe(200);
      expect(JSON.stringify(shown.body)).not.toContain(nonce);
      expect((await call(s, 'DELETE', `${M}/lease`)).status).toBe(400);
      expect((await call(s, 'DELETE', `${M}/lease`, { nonce: 'wrong' })).status).toBe(409);
      expect((await call(s, 'DELETE', `${M}/lease`, { nonce })).status).toBe(200);
      expect((await call(s, 'GET', `${M}/lease`)).status).toBe(404);
      expect(
        s
          .mutatingCalls({ service: 'fly', operation: 'updateMachine' })
          .every((c) => c.status === 409),
      ).toBe(true);
    },
  );

  it.concurrent(
    'refuses a bad ttl, an update without an image, and an image not in the app registry',
    async ({ onTestFinished }) => {
      const s = await sim(onTestFinished);
      expect((await call(s, 'POST', `${M}/lease`, { body: { ttl: 0 } })).status).toBe(400);
      expect((await call(s, 'POST', M, { body: { config: {} } })).body).toEqual({
        error: 'config.image is required',
      });
      const unknown = await call(s, 'POST', M, {
        body: { config: { image: `registry.fly.io/${FLY_APP}@sha256:${'0'.repeat(64)}` } },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body['error']).toMatch(/manifest unknown/);
      expect(s.fly.machines(FLY_APP)[0]!.history).toHaveLength(1);
    },
  );

  it.concurrent(
    'wait: 200 once the instance is started, 408 at its timeout, 400 for a bad state',
    async ({ onTestFinished }) => {
      // A 10-minute replace (1.8 s real): still replacing when the first wait's second is up.
      const s = await sim(onTestFinished, undefined, '10m');
      expect((await call(s, 'GET', `${M}/wait?state=running`)).status).toBe(400);
      expect((await call(s, 'GET', `${M}/wait?state=started&timeout=61`)).status).toBe(400);
      const machine = (await call(s, 'GET', M)).body as { config: Record<string, unknown> };
      const v150 = s.images('drop-web').find((i) => i.tags.includes('v1.5.0'))!.digest;
      const updated = await call(s, 'POST', M, {
        body: { config: { ...machine.config, image: `registry.fly.io/${FLY_APP}@${v150}` } },
      });
      expect(updated.body['state']).toBe('replacing');
      const instance = String(updated.body['instance_id']);
      // 1 modelled second is less than the replace: Fly's own timeout answers first.
      const early = await call(
        s,
        'GET',
        `${M}/wait?state=started&timeout=1&instance_id=${instance}`,
      );
      expect(early.status).toBe(408);
      expect(early.body['error']).toMatch(/^deadline_exceeded: /);
      s.advance(s.scaled(600_000)); // the replace is over
      const done = await call(
        s,
        'GET',
        `${M}/wait?state=started&timeout=60&instance_id=${instance}`,
      );
      expect(done).toMatchObject({ status: 200, body: { ok: true } });
      expect(s.fly.machines(FLY_APP)[0]!.running.version).toBe('v1.5.0');
    },
  );

  it.concurrent(
    'rate limits mutating actions per machine with 429 and retry-after',
    async ({ onTestFinished }) => {
      const s = await sim(onTestFinished, 2);
      const take = () => call(s, 'POST', `${M}/lease`, { body: { ttl: 1 } });
      const first = await take();
      const nonce = (first.body['data'] as { nonce: string }).nonce;
      await call(s, 'DELETE', `${M}/lease`, { nonce });
      const second = await take();
      await call(s, 'DELETE', `${M}/lease`, {
        nonce: (second.body['data'] as { nonce: string }).nonce,
      });
      const third = await take();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Another machine has its own allowance.
      const other = await call(s, 'POST', `/v1/apps/${FLY_APP}/machines/${APP_MACHINES[1]}/lease`, {
        body: { ttl: 1 },
      });
      expect(other.status).toBe(200);
    },
  );
});
