/**
 * Issue 31's last Done-when through the built bundles, against the sim with drop-db backed by
 * a real PostgreSQL: the monthly drill in point-in-time mode (ops-check, snapshot-restore with
 * from: pitr) restores drop-db as it was an hour ago (a row written since is absent, the older
 * rows are there), passes and records itself in audit_log; the go-live gate's pitr-tested
 * (compliance-gate) fails before that record exists and passes reading it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { readRestoreDrills } from '../../core/drill/record.js';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { runActionBundle } from '../../sim/run-action.js';

const CHECKS = `    checks:
      monthly:
        - type: snapshot-restore
          from: pitr
          pitr-age: 1h
          poll-interval: 20ms
          ssl: false
          queries:
            - name: users
              sql: SELECT COUNT(*) FROM users
              expect: { greater-than: 0 }
            - name: written-since
              sql: SELECT COUNT(*) FROM users WHERE email = 'after-the-drill-time@example.com'
              expect: { equals: 0 }
    gates:
      go-live:
        - type: pitr-tested
`;

it('the monthly drill in PITR mode passes through the ops-check bundle, and the gate’s pitr-tested reads its record', async ({
  onTestFinished,
}) => {
  // Restore 12 min → 1.4 s, delete 4 min → 0.5 s.
  const s = await startSim({ fixture: withPostgres(loadFixture()), timeScale: 0.002 });
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'pitr-drill-'));
  onTestFinished(async () => {
    await s.stop();
    await rm(workspace, { recursive: true, force: true });
  });
  await writeFile(
    path.join(workspace, 'apprunner-ops.yml'),
    `version: 1\nenvironments:\n${environmentYaml(s, 'production', s.service('drop-web').arn, {
      database: '      instance: drop-db',
    })}${CHECKS}`,
  );
  await mkdir(path.join(workspace, '.github', 'apprunner-ops'), { recursive: true });
  await writeFile(
    path.join(workspace, '.github', 'apprunner-ops', 'attestations.yml'),
    'attestations: []\nwaivers: []\n',
  );
  const db = s.database('drop-db');
  // audit_log lives in the application's database, as in Drop's runbooks.
  const gate = () =>
    runActionBundle({
      action: 'compliance-gate',
      cwd: workspace,
      env: { ...s.env, GITHUB_SHA: 'c0ffee1234567890abcdef1234567890abcdef12' },
      inputs: {
        config: 'apprunner-ops.yml',
        environment: 'production',
        'database-url': db.masterUrl,
      },
    });

  const before = await gate();
  expect(before.exitCode, before.stdout).toBe(1);
  expect(before.summary).toMatch(/no point-in-time restore drill of drop-db on record/);

  // Written now, after the time the drill restores to (an hour ago).
  const client = new pg.Client({ connectionString: db.masterUrl });
  await client.connect();
  await client.query("INSERT INTO users (email) VALUES ('after-the-drill-time@example.com')");
  await client.end();

  const drill = await runActionBundle({
    action: 'ops-check',
    cwd: workspace,
    env: s.env,
    inputs: {
      config: 'apprunner-ops.yml',
      environment: 'production',
      schedule: 'monthly',
      'database-url': db.masterUrl,
      'audit-database-url': db.masterUrl,
      'open-issue': 'false',
    },
  });
  expect(drill.exitCode, drill.stdout).toBe(0);
  expect(drill.outputs['passed']).toBe('true');
  expect(drill.summary).toMatch(/verified users = [1-9]\d*, written-since = 0/);
  const [restore] = s.calls({ service: 'rds', operation: 'RestoreDBInstanceToPointInTime' });
  expect(restore?.params).toMatchObject({ SourceDBInstanceIdentifier: 'drop-db' });
  const [record] = await readRestoreDrills(db.masterUrl, 'drop-db', 1);
  expect(record).toMatchObject({ result: 'pass', environment: 'production' });
  expect(String(record!.snapshot)).toMatch(/^pitr:\d{4}-/);
  expect(record!.restoreMs).toBeGreaterThan(0);

  const after = await gate();
  expect(after.exitCode, after.stdout).toBe(0);
  expect(after.summary).toMatch(/point-in-time restore drill succeeded 0 day\(s\) ago \(drop-db\)/);
}, 240_000);
