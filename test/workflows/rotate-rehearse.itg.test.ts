/**
 * `npm run rehearse -- rotate`, as a test: docs/setup.md's rotation caller, in a repository of
 * its own, calls rotate.yml against the sim with drop-db backed by a real PostgreSQL. It
 * rotates what is due (JWT_SECRET and the master password behind DATABASE_URL), the old JWT
 * value ends up in the previous-secret, the service is healthy, and the commit status and the
 * logs hold no secret value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import {
  ROTATE_DEFAULT_INPUTS,
  rotationRehearsalFixture,
  rotationRehearsalOptions,
} from '../../workflows-src/rehearse/rotate.js';
import { ROTATE_CALLER_WORKFLOW } from '../../workflows-src/rehearse/with-sim.js';

const ROOT = path.join(import.meta.dirname, '../..');
const OLD_JWT = 'sim-old-jwt-secret-value-0123456789abcdef';

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe("docs/setup.md's rotation caller, rehearsed against the sim", () => {
  it('is the snippet docs/setup.md shows', () => {
    const setup = readFileSync(path.join(ROOT, 'docs/setup.md'), 'utf8');
    const blocks = [...setup.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks).toContain(readFileSync(ROTATE_CALLER_WORKFLOW, 'utf8'));
  });

  it('rotates what is due: the old JWT in the previous-secret, a new working password, a healthy service', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rotationRehearsalFixture() });
    const options = await rotationRehearsalOptions(sim, { callerWorkflow: ROTATE_CALLER_WORKFLOW });
    const oldUrl = sim.secret('drop/production/database-url').current as string;
    const result = await rehearseWorkflow({
      workflow: path.join(
        options.workspace as string,
        '.github/workflows',
        path.basename(ROTATE_CALLER_WORKFLOW),
      ),
      inputs: ROTATE_DEFAULT_INPUTS,
      ...options,
    });
    const log = result.log.join('\n');
    expect(result.conclusion, log).toBe('success');
    expect(result.jobs['rotate/rotate']?.outputs['rotated']).toBe('JWT_SECRET,DATABASE_URL');
    expect(result.jobs['rotate/rotate']?.deployment).toBe(false);

    const jwt = sim.secret('drop/production/jwt-secret');
    expect(jwt.current).not.toBe(OLD_JWT);
    expect(sim.secret('drop/production/jwt-secret-previous').current).toBe(OLD_JWT);

    // The new DATABASE_URL logs in to the real PostgreSQL; the old one no longer does.
    const newUrl = sim.secret('drop/production/database-url').current as string;
    expect(newUrl).not.toBe(oldUrl);
    const client = new pg.Client({ connectionString: newUrl });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    await client.end();
    const stale = new pg.Client({ connectionString: oldUrl });
    await expect(stale.connect()).rejects.toThrow(/password authentication failed/);

    expect(sim.service('drop-web').status).toBe('RUNNING');
    expect(sim.github.commitStatuses()).toEqual([
      expect.objectContaining({
        state: 'success',
        context: 'apprunner-ops/rotate-secret (production)',
      }),
    ]);
    // No secret value in the run's log or the commit status.
    const secrets = [OLD_JWT, jwt.current as string, oldUrl, newUrl];
    const passwords = [oldUrl, newUrl].map((u) => decodeURIComponent(new URL(u).password));
    const records = log + JSON.stringify(sim.github.commitStatuses());
    for (const value of [...secrets, ...passwords]) expect(records).not.toContain(value);
  });
});
