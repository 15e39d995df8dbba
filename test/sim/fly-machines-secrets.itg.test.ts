/**
 * The sim's Fly Machines API beyond updates, over HTTP: machines created (with
 * skip_service_registration), cordoned and destroyed, and app secrets set and unset: strict
 * like Fly, and never answering a secret's value.
 */
import { describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { APP_MACHINES, FLY_APP, flyFixture } from '../helpers/fly-world.js';

async function sim(onFinished: (fn: () => Promise<void>) => void) {
  const s = await startSim({ fixture: flyFixture(), timeScale: 0.003 });
  onFinished(() => s.stop());
  return s;
}

async function call(
  s: SimHandle,
  method: string,
  path: string,
  init: { body?: unknown; nonce?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${s.fly.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${s.fly.token}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(init.nonce ? { 'fly-machine-lease-nonce': init.nonce } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

const APP = `/v1/apps/${FLY_APP}`;
const M = `${APP}/machines/${APP_MACHINES[0]}`;

describe("the sim's Fly Machines API: create, cordon, destroy, secrets", () => {
  it.concurrent(
    'creates a machine without traffic until uncordoned; refuses unknown fields and images',
    async ({ onTestFinished }) => {
      const s = await sim(onTestFinished);
      const { config } = (await call(s, 'GET', M)).body as { config: Record<string, unknown> };
      expect(
        (await call(s, 'POST', `${APP}/machines`, { body: { config, skip_launch: true } })).body,
      ).toEqual({ error: 'unknown field(s): skip_launch' });
      expect(
        (await call(s, 'POST', `${APP}/machines`, { body: { config, region: 'Stockholm' } }))
          .status,
      ).toBe(400);
      const missing = await call(s, 'POST', `${APP}/machines`, {
        body: {
          config: { ...config, image: `registry.fly.io/${FLY_APP}@sha256:${'0'.repeat(64)}` },
        },
      });
      expect(missing.status).toBe(422);
      const made = await call(s, 'POST', `${APP}/machines`, {
        body: { config, region: 'ams', skip_service_registration: true },
      });
      expect(made.status).toBe(200);
      expect(made.body).toMatchObject({ state: 'created', region: 'ams' });
      const id = made.body['id'] as string;
      expect(id).toMatch(/^[0-9a-f]{14}$/);
      const wait = await call(
        s,
        'GET',
        `${APP}/machines/${id}/wait?state=started&timeout=60&instance_id=${String(made.body['instance_id'])}`,
      );
      expect(wait.status).toBe(200);
      expect(s.fly.machines(FLY_APP).find((m) => m.id === id)).toMatchObject({
        state: 'started',
        cordoned: true,
      });
      expect((await call(s, 'POST', `${APP}/machines/${id}/uncordon`)).status).toBe(200);
      expect(s.fly.machines(FLY_APP).find((m) => m.id === id)!.cordoned).toBe(false);
    },
  );

  it.concurrent(
    'destroys only with force or once stopped, and only with the nonce while leased',
    async ({ onTestFinished }) => {
      const s = await sim(onTestFinished);
      expect((await call(s, 'DELETE', M)).status).toBe(412);
      const lease = await call(s, 'POST', `${M}/lease`, { body: { ttl: 3600 } });
      const nonce = (lease.body['data'] as { nonce: string }).nonce;
      expect((await call(s, 'DELETE', `${M}?force=true`)).status).toBe(409);
      expect((await call(s, 'DELETE', `${M}?force=true`, { nonce })).status).toBe(200);
      // Gone from the list, still answered by id as destroyed; anything else is 404.
      const list = (await call(s, 'GET', `${APP}/machines`)).body as unknown as { id: string }[];
      expect(list.map((m) => m.id)).not.toContain(APP_MACHINES[0]);
      expect((await call(s, 'GET', M)).body).toMatchObject({ state: 'destroyed' });
      expect((await call(s, 'POST', `${M}/restart`)).status).toBe(404);
      const all = (await call(s, 'GET', `${APP}/machines?include_deleted=true`))
        .body as unknown as { id: string }[];
      expect(all.map((m) => m.id)).toContain(APP_MACHINES[0]);
    },
  );

  it.concurrent(
    'sets and unsets app secrets in one version, never answering a value',
    async ({ onTestFinished }) => {
      const s = await sim(onTestFinished);
      for (const body of [
        {},
        { values: {} },
        { values: { 'BAD-NAME': 'x' } },
        { values: { JWT_SECRET: 42 } },
        { values: ['JWT_SECRET'] },
      ])
        expect((await call(s, 'POST', `${APP}/secrets`, { body })).status).toBe(400);
      const out = await call(s, 'POST', `${APP}/secrets`, {
        body: { values: { JWT_SECRET: 'a-new-signing-key', SESSION_SECRET: null } },
      });
      expect(out.status).toBe(200);
      expect(JSON.stringify(out.body)).not.toContain('a-new-signing-key');
      expect(out.body['secrets']).toEqual([
        expect.objectContaining({
          name: 'JWT_SECRET',
          digest: expect.stringMatching(/^[0-9a-f]{16}$/),
        }),
      ]);
      expect(s.fly.secrets(FLY_APP)).toEqual({ JWT_SECRET: 'a-new-signing-key' });
      const one = await call(s, 'POST', `${APP}/secrets/API_KEY`, { body: { value: 'k-123' } });
      expect(one.status).toBe(201);
      expect(JSON.stringify(one.body)).not.toContain('k-123');
      expect((await call(s, 'DELETE', `${APP}/secrets/NOT_THERE`)).status).toBe(404);
      expect((await call(s, 'DELETE', `${APP}/secrets/API_KEY`)).status).toBe(200);
      const listed = await call(s, 'GET', `${APP}/secrets`);
      expect(JSON.stringify(listed.body)).not.toContain('a-new-signing-key');
      expect((listed.body['secrets'] as { name: string }[]).map((x) => x.name)).toEqual([
        'JWT_SECRET',
      ]);
      // Machines read secrets only when an instance starts: none restarted, none saw it.
      expect(s.fly.machines(FLY_APP).every((m) => m.secretsSeen['JWT_SECRET'] === undefined)).toBe(
        true,
      );
    },
  );
});
