import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePrevious, fromGitHub } from '../../../core/deploy/history.js';
import { GitHubDeployments } from '../../../core/github/deployments.js';
import { systemClock } from '../../../core/util/clock.js';
import { recordingLogger } from '../../../core/util/logger.js';
import { startSim, type SimHandle } from '../../../sim/index.js';
import { SIM_GITHUB_TOKEN, simRunInfo } from '../../helpers/check-context.js';

// "previous" reads the environment's deployment history. Over 100 recorded deployments it
// takes one GitHub request (GraphQL: each deployment with its statuses), not one per deployment.

let sim: SimHandle;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(async () => {
  await sim.stop();
});

const digest = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;
const REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web';

describe('GitHub deployment history', () => {
  it('reads 100 deployments and their statuses in one request, and previous is right', async () => {
    const github = new GitHubDeployments(
      { ...simRunInfo(sim), token: SIM_GITHUB_TOKEN },
      { clock: systemClock, logger: recordingLogger() },
    );
    // 100 deploys of versions 1…100, oldest first; every 7th failed; version 99 was rolled
    // back away from (so it is never chosen), and version 100 runs now.
    for (let n = 1; n <= 100; n++) {
      const payload = {
        tool: 'apprunner-ops' as const,
        kind: 'deploy' as const,
        image: `${REGISTRY}@${digest(n)}`,
        digest: digest(n),
        tag: `v${n}`,
      };
      const id = await github.create('production', payload, `Deploying v${n}`);
      await github.setStatus(id, 'in_progress', 'deploying', undefined);
      await github.setStatus(id, n % 7 === 0 ? 'failure' : 'success', 'done', undefined);
    }
    const rollback = await github.create(
      'production',
      {
        tool: 'apprunner-ops',
        kind: 'rollback',
        image: `${REGISTRY}@${digest(98)}`,
        digest: digest(98),
        tag: 'v98',
        previousImage: `${REGISTRY}@${digest(99)}`,
      },
      'Rollback to v98',
    );
    await github.setStatus(rollback, 'success', 'rolled back', undefined);

    sim.clearCalls();
    const records = await github.history('production', 200);
    const requests = sim.calls({ service: 'github' });
    expect(requests.map((c) => c.operation)).toEqual(['graphql', 'graphql']);
    expect(records).toHaveLength(101);
    // Newest first, each with its statuses newest first.
    expect(records[0]?.payload.kind).toBe('rollback');
    expect(records[1]?.payload.tag).toBe('v100');
    expect(records[1]?.statuses.map((s) => s.state)).toEqual(['success', 'in_progress']);
    expect(
      records.find((r) => r.payload.tag === 'v98' && r.payload.kind === 'deploy')?.statuses[0]
        ?.state,
    ).toBe('failure');

    // With the default limit (50), what previous reads: one request.
    sim.clearCalls();
    const recent = await github.history('production');
    expect(sim.calls({ service: 'github' })).toHaveLength(1);
    // v100 runs; v99 was rolled back away from; v98 failed: previous is v97.
    const chosen = choosePrevious(fromGitHub(recent), digest(100));
    expect(chosen?.tag).toBe('v97');
  });

  it('is refused as GitHub refuses a query it does not know', async () => {
    const res = await fetch(`${sim.url}/github/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SIM_GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ repository(owner: "example", name: "drop") { deployments { nodes { sha } } } }',
      }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    expect(body.errors?.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/Cannot query field "sha" on type "Deployment"/),
    );
  });
});
