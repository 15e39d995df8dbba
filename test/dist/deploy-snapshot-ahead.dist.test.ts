import { afterAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, type DeployWorld } from '../helpers/deploy-world.js';
import { dropFixture } from '../helpers/target-world.js';

// deploy.yml starts the pre-deploy snapshot in a job beside the build (mode: snapshot) and the
// deploy job waits for it by id (snapshot-id). Both run as the built bundle against the sim.

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const worlds: DeployWorld[] = [];
async function world(options: Parameters<typeof startDeployWorld>[0] = {}): Promise<DeployWorld> {
  const w = await startDeployWorld(options);
  worlds.push(w);
  return w;
}
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

describe.concurrent('deploy: a snapshot started ahead of the deploy', () => {
  it('mode: snapshot starts the snapshot and returns at once; the deploy waits for it instead of taking one', async () => {
    // A 60-minute copy (18 s of real time): still under way however slowly the first run
    // starts on a loaded machine. The sim's clock is then moved on to its last 3 minutes.
    const fixture = dropFixture();
    fixture.durations = { ...fixture.durations, snapshot: '60m' };
    const w = await world({ fixture });
    w.sim.clearCalls();
    const ahead = await w.run('deploy', { mode: 'snapshot' });
    expect(errors(ahead)).toEqual([]);
    expect(ahead.outputs['result']).toBe('started');
    const id = ahead.outputs['snapshot-id']!;
    expect(id).toMatch(/^drop-db-pre-deploy-\d{8}-\d{4}-abc1234$/);
    // It did not wait: the copy is still under way, and nothing else changed.
    expect(w.sim.snapshots('drop-db').find((s) => s.id === id)?.status).toBe('creating');
    expect(w.sim.mutatingCalls().map((c) => c.operation)).toEqual(['CreateDBSnapshot']);
    const created = w.sim.calls({ service: 'rds', operation: 'CreateDBSnapshot' })[0]!;
    w.sim.advance(Math.max(0, created.time + w.sim.scaled(57 * 60_000) - Date.now()));
    expect(w.sim.snapshots('drop-db').find((s) => s.id === id)?.status).toBe('creating');

    const deployed = await w.run('deploy', { image: 'v1.5.0', 'snapshot-id': id });
    expect(errors(deployed)).toEqual([]);
    expect(deployed.outputs['result']).toBe('deployed');
    expect(deployed.outputs['snapshot-id']).toBe(id);
    // One snapshot in all, available before the service changed.
    expect(w.sim.calls({ service: 'rds', operation: 'CreateDBSnapshot' })).toHaveLength(1);
    const lines = deployed.stdout.split('\n');
    const at = (re: RegExp): number => lines.findIndex((l) => re.test(l));
    expect(at(/✓ Snapshot: .* available/)).toBeGreaterThan(-1);
    expect(at(/✓ Snapshot: .* available/)).toBeLessThan(at(/▶ Update service/));
  });

  it('refuses a snapshot-id that does not exist, comes with snapshot: false or is malformed, before anything changes', async () => {
    const w = await world();
    w.sim.clearCalls();
    const missing = await w.run('deploy', {
      image: 'v1.5.0',
      'snapshot-id': 'drop-db-pre-deploy-20260101-0000',
    });
    expect(missing.exitCode).toBe(1);
    expect(errors(missing).at(-1)).toMatch(/snapshot-id.*does not exist/);
    expect(w.sim.mutatingCalls()).toEqual([]);
    const conflicting = await w.run('deploy', {
      image: 'v1.5.0',
      snapshot: 'false',
      'snapshot-id': 'drop-db-pre-deploy-20260101-0000',
    });
    expect(conflicting.exitCode).toBe(1);
    expect(errors(conflicting).at(-1)).toMatch(/snapshot-id.*snapshot is false/);
    const malformed = await w.run('deploy', { image: 'v1.5.0', 'snapshot-id': 'bad_id;rm' });
    expect(errors(malformed).at(-1)).toMatch(/snapshot-id.*not an RDS snapshot identifier/);
    expect(w.sim.mutatingCalls()).toEqual([]);
  });

  it('a snapshot that cannot be started fails the job and changes nothing', async () => {
    const w = await world();
    w.sim.setFaults({
      rules: [{ service: 'rds', operation: 'CreateDBSnapshot', kind: 'access-denied' }],
    });
    const ahead = await w.run('deploy', { mode: 'snapshot' });
    w.sim.setFaults({ rules: [] });
    expect(ahead.exitCode).toBe(1);
    expect(errors(ahead).at(-1)).toMatch(/Snapshot of drop-db not started: .*not authorized/);
    expect(ahead.outputs['snapshot-id'] ?? '').toBe('');
    expect(w.sim.mutatingCalls({ service: 'apprunner' })).toEqual([]);
  });
});
