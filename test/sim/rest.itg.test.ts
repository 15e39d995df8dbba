import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';

let sim: SimHandle;
let api: string;
const SHA = 'abc1234def5678900000000000000000000000000'.slice(0, 40);

beforeAll(async () => {
  sim = await startSim({ timeScale: 0.01 });
  api = sim.env['GITHUB_API_URL']!;
});
afterAll(async () => {
  await sim.stop();
});

type Json = Record<string, unknown>;

async function gh(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = 'ghs_simtoken',
): Promise<{ status: number; json: Json & Json[]; headers: Headers }> {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return {
    status: response.status,
    json: (await response.json()) as never,
    headers: response.headers,
  };
}

describe('GitHub REST stand-in', () => {
  it('requires a token', async () => {
    const out = await gh('GET', '/repos/example/drop/deployments', undefined, null);
    expect(out.status).toBe(401);
    expect(out.json.message).toBe('Requires authentication');
  });

  it('creates deployments and statuses; a new success makes the older staging one inactive', async () => {
    const first = await gh('POST', '/repos/example/drop/deployments', {
      ref: SHA,
      environment: 'staging',
      payload: { image: 'v1.4.0' },
      auto_merge: false,
      required_contexts: [],
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      sha: SHA,
      ref: SHA,
      environment: 'staging',
      payload: { image: 'v1.4.0' },
      task: 'deploy',
      production_environment: false,
    });
    expect(first.json.id).toBeTypeOf('number');
    expect(first.json.creator).toMatchObject({ login: 'github-actions[bot]' });
    expect(Date.parse(String(first.json.created_at))).toBeGreaterThan(Date.now() - 60_000);

    const s1 = await gh('POST', `/repos/example/drop/deployments/${first.json.id}/statuses`, {
      state: 'success',
      environment_url: 'https://drop.example.com',
      log_url: 'https://github.com/example/drop/actions/runs/1',
      description: 'v1.4.0 live',
    });
    expect(s1.status).toBe(201);
    expect(s1.json).toMatchObject({
      state: 'success',
      environment_url: 'https://drop.example.com',
      target_url: 'https://github.com/example/drop/actions/runs/1',
    });

    const second = await gh('POST', '/repos/example/drop/deployments', {
      ref: 'main',
      environment: 'staging',
      required_contexts: [],
    });
    expect(second.json.sha).toMatch(/^[0-9a-f]{40}$/);
    await gh('POST', `/repos/example/drop/deployments/${second.json.id}/statuses`, {
      state: 'in_progress',
    });
    expect(
      (await gh('GET', `/repos/example/drop/deployments/${first.json.id}/statuses`)).json[0]?.state,
    ).toBe('success');
    await gh('POST', `/repos/example/drop/deployments/${second.json.id}/statuses`, {
      state: 'success',
    });
    const older = await gh('GET', `/repos/example/drop/deployments/${first.json.id}/statuses`);
    expect(older.json.map((s) => s['state'])).toEqual(['inactive', 'success']);

    const list = await gh('GET', '/repos/example/drop/deployments?environment=staging');
    expect(list.json.map((d) => d['id'])).toEqual([second.json.id, first.json.id]);
    const bySha = await gh('GET', `/repos/example/drop/deployments?sha=${SHA}`);
    expect(bySha.json.map((d) => d['id'])).toEqual([first.json.id]);
    const paged = await gh('GET', '/repos/example/drop/deployments?per_page=1');
    expect(paged.json).toHaveLength(1);
    expect(paged.headers.get('link')).toMatch(/rel="next"/);
    expect(sim.github.deployments().map((d) => d.statuses.at(-1)?.state)).toEqual([
      'inactive',
      'success',
    ]);

    const invalid = await gh('POST', `/repos/example/drop/deployments/${first.json.id}/statuses`, {
      state: 'done',
    });
    expect(invalid.status).toBe(422);
    expect((await gh('GET', '/repos/example/drop/deployments/999999')).status).toBe(404);
  });

  it('applies auto_inactive only to prior non-transient, non-production deployments, as GitHub documents', async () => {
    const create = async (environment: string, extra: Json = {}): Promise<number> => {
      const out = await gh('POST', '/repos/example/auto/deployments', {
        ref: SHA,
        environment,
        required_contexts: [],
        ...extra,
      });
      expect(out.status).toBe(201);
      return out.json.id as unknown as number;
    };
    const succeed = async (id: number): Promise<void> => {
      const out = await gh('POST', `/repos/example/auto/deployments/${id}/statuses`, {
        state: 'success',
      });
      expect(out.status).toBe(201);
    };
    const latest = async (id: number): Promise<unknown> =>
      (await gh('GET', `/repos/example/auto/deployments/${id}/statuses`)).json[0]?.state;

    const prod1 = await create('production'); // production_environment defaults to true
    await succeed(prod1);
    const prod2 = await create('production');
    await succeed(prod2);
    expect(await latest(prod1)).toBe('success'); // production: never made inactive

    const preview1 = await create('preview', { transient_environment: true });
    await succeed(preview1);
    const preview2 = await create('preview', { transient_environment: true });
    await succeed(preview2);
    expect(await latest(preview1)).toBe('success'); // transient: never made inactive

    const qa1 = await create('qa');
    await succeed(qa1);
    const qa2 = await create('qa');
    const qa3 = await create('qa');
    await succeed(qa3);
    await succeed(qa2); // a success of an older deployment leaves the newer one alone
    expect(await latest(qa1)).toBe('inactive');
    expect(await latest(qa3)).toBe('success');
    expect(await latest(qa2)).toBe('success');
  });

  it('pages with Link headers and reports the rate limit as Octokit reads them', async () => {
    for (let i = 0; i < 5; i++)
      await gh('POST', '/repos/example/paged/deployments', {
        ref: SHA,
        environment: 'review',
        required_contexts: [],
      });
    const second = await gh('GET', '/repos/example/paged/deployments?per_page=2&page=2');
    expect(second.json).toHaveLength(2);
    const base = `${api}/repos/example/paged/deployments`;
    expect(second.headers.get('link')).toBe(
      [
        `<${base}?per_page=2&page=1>; rel="prev"`,
        `<${base}?per_page=2&page=3>; rel="next"`,
        `<${base}?per_page=2&page=3>; rel="last"`,
        `<${base}?per_page=2&page=1>; rel="first"`,
      ].join(', '),
    );
    const last = await gh('GET', '/repos/example/paged/deployments?per_page=2&page=3');
    expect(last.json).toHaveLength(1);
    expect(last.headers.get('link')).not.toMatch(/rel="next"/);

    const used = Number(last.headers.get('x-ratelimit-used'));
    expect(last.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(Number(last.headers.get('x-ratelimit-remaining'))).toBe(5000 - used);
    expect(Number(last.headers.get('x-ratelimit-reset')) * 1000).toBeGreaterThan(Date.now());
    const next = await gh('GET', '/repos/example/paged/deployments');
    expect(Number(next.headers.get('x-ratelimit-used'))).toBe(used + 1);

    // Out of calls: GitHub's primary-limit 403 with remaining 0, until the reset.
    const saved = { ...sim.github.rateLimit() };
    sim.github.rateLimit().used = sim.github.rateLimit().limit;
    try {
      const refused = await gh('GET', '/repos/example/paged/deployments');
      expect(refused.status).toBe(403);
      expect(refused.json.message).toMatch(/^API rate limit exceeded/);
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    } finally {
      Object.assign(sim.github.rateLimit(), saved);
    }
  });

  it('answers the throttle fault with a secondary-rate-limit 403 and retry-after', async () => {
    sim.setFaults({
      rules: [
        {
          service: 'github',
          operation: 'listDeployments',
          kind: 'throttle',
          retryAfterSeconds: 2,
          times: 1,
        },
      ],
    });
    try {
      const limited = await gh('GET', '/repos/example/drop/deployments');
      expect(limited.status).toBe(403);
      expect(limited.json.message).toMatch(/secondary rate limit/);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect((await gh('GET', '/repos/example/drop/deployments')).status).toBe(200);
    } finally {
      sim.setFaults({ rules: [] });
    }
  });

  it('refuses a deployment whose commit statuses fail unless required_contexts is []', async () => {
    const sha = 'f'.repeat(40);
    expect(
      (
        await gh('POST', `/repos/example/drop/statuses/${sha}`, {
          state: 'failure',
          context: 'ci/test',
        })
      ).status,
    ).toBe(201);
    const refused = await gh('POST', '/repos/example/drop/deployments', {
      ref: sha,
      environment: 'staging',
    });
    expect(refused.status).toBe(409);
    const allowed = await gh('POST', '/repos/example/drop/deployments', {
      ref: sha,
      environment: 'staging',
      required_contexts: [],
    });
    expect(allowed.status).toBe(201);
  });

  it('records commit statuses and check runs', async () => {
    const status = await gh('POST', `/repos/example/drop/statuses/${SHA}`, {
      state: 'success',
      context: 'apprunner-ops/deploy',
      description: 'deployed',
      target_url: 'https://example.com/run',
    });
    expect(status.json).toMatchObject({ state: 'success', context: 'apprunner-ops/deploy' });
    expect(
      (await gh('POST', `/repos/example/drop/statuses/${SHA}`, { state: 'bogus' })).status,
    ).toBe(422);

    const run = await gh('POST', '/repos/example/drop/check-runs', {
      name: 'compliance-gate',
      head_sha: SHA,
      status: 'completed',
      conclusion: 'failure',
      output: { title: '2 checks failed', summary: '- RDS is public\n- no snapshots' },
    });
    expect(run.status).toBe(201);
    expect(run.json).toMatchObject({
      name: 'compliance-gate',
      status: 'completed',
      conclusion: 'failure',
      output: { title: '2 checks failed' },
    });
    expect(
      (
        await gh('POST', '/repos/example/drop/check-runs', {
          name: 'x',
          head_sha: SHA,
          status: 'completed',
        })
      ).status,
    ).toBe(422);
    const updated = await gh('PATCH', `/repos/example/drop/check-runs/${run.json.id}`, {
      conclusion: 'success',
    });
    expect(updated.json.conclusion).toBe('success');
    expect(sim.github.checkRuns()[0]?.conclusion).toBe('success');
    expect(sim.github.commitStatuses().map((s) => s.context)).toContain('apprunner-ops/deploy');
  });
});

describe('Slack webhook stand-in', () => {
  it('answers ok and records messages; refuses empty or invalid payloads like Slack', async () => {
    const hook = sim.env['SIM_SLACK_WEBHOOK_URL']!;
    const post = async (body: string) => {
      const r = await fetch(hook, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return [r.status, await r.text()];
    };
    expect(
      await post(JSON.stringify({ text: 'deployed v1.4.0', blocks: [{ type: 'section' }] })),
    ).toEqual([200, 'ok']);
    expect(await post(JSON.stringify({ username: 'x' }))).toEqual([400, 'no_text']);
    expect(await post('{not json')).toEqual([400, 'invalid_payload']);
    const wrong = await fetch(`${sim.url}/slack/services/nope`, {
      method: 'POST',
      body: '{"text":"x"}',
    });
    expect(wrong.status).toBe(404);
    expect(sim.slackMessages().map((m) => m.body['text'])).toEqual(['deployed v1.4.0']);
  });
});

describe('BetterStack Uptime stand-in', () => {
  const bs = (method: string, path: string, body?: unknown, token = 'sim-betterstack-token') =>
    fetch(`${sim.env['SIM_BETTERSTACK_API_URL']}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });

  it('pauses and unpauses a monitor with the Team API token', async () => {
    expect((await bs('GET', '/monitors/2001001', undefined, 'wrong')).status).toBe(401);
    const before = (await (await bs('GET', '/monitors/2001001')).json()) as {
      data: { id: string; type: string; attributes: Json };
    };
    expect(before.data).toMatchObject({
      id: '2001001',
      type: 'monitor',
      attributes: { paused: false, status: 'up', pronounceable_name: 'Drop API health' },
    });
    const paused = await bs('PATCH', '/monitors/2001001', { paused: true });
    expect(paused.status).toBe(200);
    expect(((await paused.json()) as { data: { attributes: Json } }).data.attributes).toMatchObject(
      { paused: true, status: 'paused' },
    );
    expect(sim.betterstack.monitors().find((m) => m.id === '2001001')?.attributes['paused']).toBe(
      true,
    );
    expect((await bs('PATCH', '/monitors/2001001', { paused: 'yes' })).status).toBe(422);
    expect((await bs('PATCH', '/monitors/9', { paused: true })).status).toBe(404);
    await bs('PATCH', '/monitors/2001001', { paused: false });
    const list = (await (await bs('GET', '/monitors')).json()) as {
      data: unknown[];
      pagination: Json;
    };
    expect(list.data).toHaveLength(2);
    expect(list.pagination.next).toBeNull();
    expect(
      sim.betterstack
        .requests()
        .filter((r) => r.method === 'PATCH')
        .map((r) => r.body),
    ).toEqual([{ paused: true }, { paused: 'yes' }, { paused: true }, { paused: false }]);
  });
});

describe('control API', () => {
  it('shows state and calls, sets faults and starts maintenance over HTTP', async () => {
    const state = (await (await fetch(`${sim.url}/_sim/state`)).json()) as {
      apprunner: { ServiceName: string; Status: string }[];
    };
    expect(state.apprunner[0]?.ServiceName).toBe('drop-web');
    const m = await fetch(`${sim.url}/_sim/maintenance`, {
      method: 'POST',
      body: JSON.stringify({ service: 'drop-web', duration: '1m' }),
    });
    expect(m.status).toBe(204);
    expect(sim.service('drop-web').status).toBe('OPERATION_IN_PROGRESS');
    await fetch(`${sim.url}/_sim/advance`, { method: 'POST', body: JSON.stringify({ ms: 1000 }) });
    expect(sim.service('drop-web').status).toBe('RUNNING');
    const f = await fetch(`${sim.url}/_sim/faults`, {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ service: 'slack', kind: 'unavailable' }] }),
    });
    expect(f.status).toBe(204);
    expect(
      (await fetch(sim.env['SIM_SLACK_WEBHOOK_URL']!, { method: 'POST', body: '{"text":"x"}' }))
        .status,
    ).toBe(503);
    sim.setFaults({ rules: [] });
    const calls = (await (await fetch(`${sim.url}/_sim/calls?service=slack`)).json()) as {
      fault?: string;
    }[];
    expect(calls.at(-1)?.fault).toBe('unavailable');
    const bad = await fetch(`${sim.url}/_sim/faults`, {
      method: 'PUT',
      body: JSON.stringify({ rules: [{ kind: 'explode' }] }),
    });
    expect(bad.status).toBe(400);
  });
});
