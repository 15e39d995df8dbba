/**
 * restore-database through the built bundle against the sim, drop-db backed by a real
 * PostgreSQL: rows written at T1 and deleted by a bad DELETE at T2 are back in an instance
 * restored to T1+30s (inspect), and after the cut-over the original host and port serve them,
 * the replaced instance kept; a cut-over killed after its first rename, run again, ends with
 * one instance under the original name and nothing deleted; bad input changes nothing.
 */
import {
  CreateDBSnapshotCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
} from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../sim/helpers.js';
import {
  MINUTE,
  badDelete,
  count,
  describe1,
  endpointUrl,
  ids,
  restore,
  simNow,
  world,
} from './restore-database-world.js';

describe('restore-database (bundle, sim, real PostgreSQL)', () => {
  it('inspect shows the deleted rows in the restore only; cut-over serves them on the original host name and keeps the replaced instance', async ({
    onTestFinished,
  }) => {
    const w = await world(onTestFinished);
    const to = await badDelete(w);
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(0);

    const inspect = await restore(w, { to: to.toISOString(), mode: 'inspect' });
    expect(inspect.exitCode, inspect.stdout).toBe(0);
    const restored = inspect.outputs['restored-instance']!;
    expect(restored).toMatch(/^drop-db-restored-\d{14}$/);
    expect(inspect.outputs['restore-to']).toBe(to.toISOString());
    expect(inspect.outputs['forensics-snapshot']).toMatch(/^drop-db-forensics-\d{8}-\d{4}$/);
    expect(inspect.summary).toMatch(/\| t1-rows \| 0 \| 3 \| differs \|/);
    expect(
      await count(
        await endpointUrl(w, restored),
        "SELECT count(*) FROM users WHERE email LIKE 't1-%'",
      ),
    ).toBe(3);
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(0);
    expect(await ids(w.rds)).toEqual(['drop-db', restored, 'other-db']);
    const settings = (await describe1(w.rds, restored))!;
    expect(settings.PubliclyAccessible).toBe(false);
    expect(settings.DBSubnetGroup?.DBSubnetGroupName).toBe('drop-db-subnets');
    expect(settings.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId)).toEqual([
      'sg-0a1b2c3d4e5f60718',
    ]);
    expect(settings.TagList).toContainEqual({ Key: 'apprunner-ops:restore-of', Value: 'drop-db' });

    const cut = await restore(w, { to: inspect.outputs['restore-to']!, mode: 'cut-over' });
    expect(cut.exitCode, cut.stdout).toBe(0);
    const replaced = cut.outputs['replaced-instance']!;
    expect(replaced).toMatch(/^drop-db-replaced-\d{14}$/);
    // The service's unchanged DATABASE_URL now reads the restored data.
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(3);
    expect(await ids(w.rds)).toEqual(['drop-db', replaced, 'other-db']);
    expect(
      await count(
        await endpointUrl(w, replaced),
        "SELECT count(*) FROM users WHERE email LIKE 't1-%'",
      ),
    ).toBe(0);
    expect(cut.summary).toContain(
      `aws rds delete-db-instance --db-instance-identifier ${replaced}`,
    );
    expect(cut.summary).toMatch(/\| t1-rows \| 3 \| 3 \| same \|/);
    // The maintenance window was opened and closed again.
    expect(cut.stdout).toMatch(/maintenance window: paused 2001001, 2001002/);
    expect(w.s.betterstack.monitors().every((m) => !m.paused)).toBe(true);
    expect(w.s.mutatingCalls().some((c) => c.operation === 'DeleteDBInstance')).toBe(false);
  });

  it('a cut-over killed after its first rename, run again, ends with one instance under the name and nothing deleted', async ({
    onTestFinished,
  }) => {
    const w = await world(onTestFinished);
    const to = await badDelete(w);
    const killed = await restore(
      w,
      { to: to.toISOString(), mode: 'cut-over' },
      { killOn: /renaming drop-db to drop-db-replaced-/ },
    );
    expect(killed.signal).toBe('SIGKILL');
    const again = await restore(w, { to: to.toISOString(), mode: 'cut-over' });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/renamed drop-db-replaced-\d{14} back to drop-db/);
    const all = await ids(w.rds);
    expect(all.filter((id) => id === 'drop-db')).toHaveLength(1);
    // The original, the restore (now drop-db), the replaced one: nothing deleted.
    expect(all).toHaveLength(3);
    expect(all.filter((id) => /^drop-db-replaced-/.test(id))).toHaveLength(1);
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(3);
    expect(w.s.mutatingCalls().some((c) => c.operation === 'DeleteDBInstance')).toBe(false);
  });

  it('a cut-over whose second rename is refused renames the current instance back under its name', async ({
    onTestFinished,
  }) => {
    const w = await world(onTestFinished);
    const to = await badDelete(w);
    const inspect = await restore(w, { to: to.toISOString(), mode: 'inspect' });
    expect(inspect.exitCode, inspect.stdout).toBe(0);
    const restored = inspect.outputs['restored-instance']!;
    const running = restore(w, { to: to.toISOString(), mode: 'cut-over' });
    // Once the first rename is under way, the restored instance breaks: RDS refuses to rename it.
    await waitFor(
      'the first rename to start',
      async () => (await describe1(w.rds, 'drop-db'))?.DBInstanceStatus === 'renaming' || undefined,
      { timeoutMs: 60_000, intervalMs: 5 },
    );
    w.s.setInstanceStatus(restored, 'incompatible-parameters');
    const cut = await running;
    expect(cut.exitCode).toBe(1);
    expect(cut.stdout).toMatch(/cut-over failed/);
    expect(cut.summary).toMatch(
      /drop-db-replaced-\d{14} was renamed back to drop-db: it serves under its own name again/,
    );
    expect(await ids(w.rds)).toEqual(['drop-db', restored, 'other-db']);
    // The current data, under the original host name.
    expect(await count(w.appUrl, "SELECT count(*) FROM users WHERE email LIKE 't1-%'")).toBe(0);
    expect(w.s.mutatingCalls().some((c) => c.operation === 'DeleteDBInstance')).toBe(false);
  });

  it('refuses bad input before any change', async ({ onTestFinished }) => {
    const w = await world(onTestFinished);
    await w.rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'other-db',
        DBSnapshotIdentifier: 'other-db-manual',
      }),
    );
    w.s.advance(10 * MINUTE);
    const now = await simNow(w);
    // An instance that is not ours holds the name a restore to this time would take.
    const taken = new Date(now - 20 * MINUTE);
    const stamp = taken.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    await w.rds.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: `drop-db-restored-${stamp}`,
        DBSnapshotIdentifier: 'other-db-manual',
        DBSubnetGroupName: 'drop-db-subnets',
      }),
    );
    w.s.clearCalls();
    const before = await ids(w.rds);
    const cases: [Record<string, string>, RegExp][] = [
      [{ to: new Date(now + 3_600_000).toISOString() }, /input "to": .* is in the future/],
      [
        { to: new Date(now - 30 * 86_400_000).toISOString() },
        /input "to": .* outside the restore window/,
      ],
      [{ to: '2026-12-06 10:00' }, /input "to": .* not an ISO 8601 time with a zone/],
      [
        { to: 'other-db-manual' },
        /input "to": snapshot other-db-manual is of instance other-db, not of drop-db/,
      ],
      [
        { to: 'latest', mode: 'cut-over', 'dry-run': 'true' },
        /input "dry-run": a cut-over cannot be a dry run/,
      ],
      [
        { to: taken.toISOString() },
        /input "to": the restored instance's name drop-db-restored-\d{14} is taken/,
      ],
    ];
    for (const [inputs, message] of cases) {
      const run = await restore(w, { mode: 'inspect', ...inputs });
      expect(run.exitCode, JSON.stringify(inputs)).toBe(1);
      expect(run.stdout).toMatch(message);
    }
    expect(w.s.mutatingCalls()).toEqual([]);
    expect(await ids(w.rds)).toEqual(before);
  });
});
