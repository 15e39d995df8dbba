/**
 * RDS rotates its managed master secret on its own schedule; a DATABASE_URL built from it
 * (kind rds-managed) is dead from that moment until a rotation run rebuilds it. A deploy,
 * rollback or restart in between would ship the dead URL again (and its automatic rollback
 * once more): its preflight stops before any change, names the secret and the run that
 * rebuilds it. Once rebuilt, the same restart goes through. The deploy role's policy allows
 * exactly the reads this takes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tryLogin } from '../../core/rotation/values.js';
import type { CallRecord } from '../../sim/call-log.js';
import { MANAGED_SECRETS_YAML, startRotationWorld } from '../../sim/rotation-world.js';
import { docsPolicy, policyGaps } from '../workflows/iam-policy.js';

const calls: CallRecord[] = [];
afterAll(() => {
  // Every call of the restarts here is one docs/iam-policy.json allows; the new statement is
  // used (the rest of the deploy role is exercised by test/dist/deploy.dist.test.ts).
  const gaps = policyGaps([docsPolicy('iam-policy.json')], calls);
  expect(gaps.denied).toEqual([]);
  expect(gaps.unneeded).not.toContain('SecretsRdsManagedRotationDate');
});

describe('a DATABASE_URL older than RDS’s rotation of its managed secret', () => {
  it('stops a restart in preflight, changing nothing, until a rotation run rebuilds it', async () => {
    const world = await startRotationWorld({
      managedMaster: true,
      secretsYaml: MANAGED_SECRETS_YAML,
    });
    try {
      // The suite builds DATABASE_URL from the managed secret, then RDS rotates it.
      const built = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '9100' });
      expect(built.exitCode, built.stdout).toBe(0);
      const before = world.sim.service('drop-web').running.env['DATABASE_URL']!;
      expect((await tryLogin(before)).ok).toBe(true);
      await world.sim.rotateManagedMasterSecret('drop-db');
      expect((await tryLogin(before)).ok).toBe(false);

      world.sim.clearCalls();
      const refused = await world.run('deploy', { mode: 'restart', reason: 'queued restart' });
      calls.push(...world.sim.calls());
      expect(refused.exitCode).not.toBe(0);
      const error = refused.annotations.find((a) => a.level === 'error')?.message ?? '';
      expect(error).toMatch(
        /secret drop\/production\/database-url \(DATABASE_URL, kind rds-managed\) was last changed at .* before RDS rotated its managed master secret .* nothing was changed\. Rebuild it first: run rotate\.yml with environment production and secret DATABASE_URL/,
      );
      expect(world.sim.calls().filter((c) => c.mutating && c.service !== 'slack')).toEqual([]);
      // Compared, never printed: the URLs hold passwords.
      expect(world.sim.service('drop-web').running.env['DATABASE_URL'] === before).toBe(true);
      expect(refused.stdout.includes(before)).toBe(false);

      // The rotation run rebuilds it (due: RDS rotated after it was built); then the restart goes.
      const rebuilt = await world.rotate({ secret: 'due' }, { runId: '9101' });
      expect(rebuilt.exitCode, rebuilt.stdout).toBe(0);
      world.sim.clearCalls();
      const restart = await world.run('deploy', { mode: 'restart', reason: 'queued restart' });
      calls.push(...world.sim.calls());
      expect(restart.exitCode, restart.stdout).toBe(0);
      const shipped = world.sim.service('drop-web').running.env['DATABASE_URL']!;
      expect((await tryLogin(shipped)).ok).toBe(true);
    } finally {
      await world.stop();
    }
  });
});
