/**
 * The sim's GitHub refuses a job token's request that needs a permission the job's
 * `permissions:` did not grant (403 "Resource not accessible by integration", with the
 * permission it needed in `x-accepted-github-permissions`), per scope and level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredPermission } from '../../sim/services/github.js';
import { startSim, type SimHandle } from '../../sim/index.js';

const SHA = 'c0ffee1234567890abcdef1234567890abcdef12';

describe('sim GitHub: permissions per scope', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({});
  });
  afterAll(() => sim.stop());

  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${sim.env['GITHUB_API_URL']}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('names the scope and level of each request', () => {
    expect(requiredPermission('POST', '/repos/a/b/check-runs')).toEqual({
      scope: 'checks',
      level: 'write',
    });
    expect(requiredPermission('GET', `/repos/a/b/commits/${SHA}/statuses`)).toEqual({
      scope: 'statuses',
      level: 'read',
    });
    expect(requiredPermission('GET', '/repos/a/b/deployments/7/statuses')).toEqual({
      scope: 'deployments',
      level: 'read',
    });
    expect(requiredPermission('PATCH', '/repos/a/b/issues/3')).toEqual({
      scope: 'issues',
      level: 'write',
    });
  });

  it('answers 403 for a scope the token lacks or holds only for reading, and serves what it has', async () => {
    const gate = 'ghs_perm_checks-write_statuses-read_contents-read';
    const created = await call(gate, 'POST', '/repos/example/drop/check-runs', {
      name: 'x',
      head_sha: SHA,
      status: 'completed',
      conclusion: 'success',
    });
    expect(created.status).toBe(201);
    expect((await call(gate, 'GET', `/repos/example/drop/commits/${SHA}/statuses`)).status).toBe(
      200,
    );
    const deployments = await call(gate, 'GET', '/repos/example/drop/deployments');
    expect(deployments.status).toBe(403);
    expect(deployments.headers.get('x-accepted-github-permissions')).toBe('deployments=read');
    const status = await call(gate, 'POST', `/repos/example/drop/statuses/${SHA}`, {
      state: 'success',
      context: 'x',
    });
    expect(status.status).toBe(403);
    expect(status.headers.get('x-accepted-github-permissions')).toBe('statuses=write');
    // An ordinary token may do everything.
    expect((await call('ghs_simtoken', 'GET', '/repos/example/drop/deployments')).status).toBe(200);
  });
});
