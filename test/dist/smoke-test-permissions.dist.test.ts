/**
 * smoke-test's permissions both ways: its README gives it no AWS role and no GitHub scope, and
 * run with the sim's AWS and GitHub at hand (credentials and endpoints in its environment) it
 * calls neither, while checking the sim's App Runner service over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSim, type SimHandle } from '../../sim/index.js';
import { runActionBundle } from '../../sim/run-action.js';
import { iamActionsOf } from '../workflows/iam-policy.js';

describe('smoke-test bundle: the permissions it needs', () => {
  let sim: SimHandle;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005 });
  });
  afterAll(() => sim?.stop());

  it('makes no AWS or GitHub call, as its README says', async () => {
    const arn = sim.service('drop-web').arn;
    sim.clearCalls();
    const run = await runActionBundle({
      action: 'smoke-test',
      env: { ...sim.env, GITHUB_TOKEN: 'ghs_simulatedtoken0000000000000000000000' },
      inputs: {
        'base-url': sim.serviceUrl(arn),
        checks: '- name: api-health\n  path: /api/health\n',
        timeout: '30s',
      },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs['passed']).toBe('true');
    // It reached the service (passed), and nothing else: no AWS action a policy would have to
    // allow, no GitHub request.
    const calls = sim.calls();
    expect(iamActionsOf(calls)).toEqual([]);
    expect(calls.filter((c) => c.service === 'github')).toEqual([]);
    const readme = readFileSync(
      path.join(import.meta.dirname, '../../actions/smoke-test/README.md'),
      'utf8',
    );
    expect(readme).toMatch(/## Permissions\n\nNone: /);
  });
});
