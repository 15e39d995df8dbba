/**
 * The deploy bundle's bake period against the sim: a version answering 8 % of requests with
 * 5xx passes verification (its health endpoint is fine), then the bake period sees
 * `consecutive-minutes` bad minutes in its App Runner metrics and rolls it back exactly as a
 * failed verification does. A healthy version is watched for the whole bake and stays.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, testConfig, type DeployWorld } from '../helpers/deploy-world.js';

const BAKE = `    bake:
      error-rate: 5
      consecutive-minutes: 3
`;

const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});
async function world(): Promise<DeployWorld> {
  const w = await startDeployWorld({}, (sim) => testConfig(sim) + BAKE);
  worlds.push(w);
  w.sim.pushImage('drop-web', { tags: ['v1.6.0'], errorRate: 0.08 });
  w.sim.pushImage('drop-web', { tags: ['v1.6.1'] });
  return w;
}
const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describe.concurrent('deploy: bake period', () => {
  it('rolls back a version with 8 % 5xx after 3 consecutive bad minutes, although it passed verification', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.6.0', bake: '10m', snapshot: 'false' });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['result'], result.stdout).toBe('rolled-back');
    expect(errors(result).at(-1)).toMatch(
      /^deploy: v1\.6\.0 failed verification \(bake period: 3 consecutive bad minutes \(8(\.\d+)? % 5xx, .*limits 5 % 5xx\)\); rolled back to v1\.4\.2, which passes its checks$/,
    );
    expect(w.sim.service(w.serviceArn).running.version).toBe('v1.4.2');
    expect(result.summary).toMatch(/\| Verify \| ✅ ok \|/);
    expect(result.summary).toMatch(
      /\| Bake \| ✅ ok \| [^|]+ \| breach after 3 of 10 watched minutes/,
    );
    expect(result.summary).toMatch(/\| Roll back \| ✅ ok \|/);
    expect(w.sim.calls({ service: 'monitoring' }).length).toBeGreaterThan(0);
  });

  it('keeps a healthy version after watching every minute of the bake', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.6.1', bake: '5m', snapshot: 'false' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(result.summary).toMatch(/\| Bake \| ✅ ok \| [^|]+ \| watched 5 of 5 minutes/);
    expect(w.sim.service(w.serviceArn).running.version).toBe('v1.6.1');
  });

  it('does not bake by default', async () => {
    const w = await world();
    const result = await w.run('deploy', { image: 'v1.6.0', snapshot: 'false' });
    expect(result.outputs['result']).toBe('deployed');
    expect(w.sim.calls({ service: 'monitoring' })).toEqual([]);
  });
});
