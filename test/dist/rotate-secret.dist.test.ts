import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { docsPolicy, policyGaps } from '../workflows/iam-policy.js';
import { startRotationWorld, type RotationWorld } from '../../sim/rotation-world.js';
import type { ActionRun } from '../../sim/run-action.js';
import { everythingRecorded } from '../helpers/rotation-records.js';
import { tryLogin } from '../../core/rotation/values.js';
import { allowConnections } from '../helpers/database-connections.js';

/** Every call a rotation made, across every world of this file (see the policy test). */
const called: { service: string; operation: string }[] = [];
let current: RotationWorld | undefined;
afterEach(() => {
  called.push(...(current?.sim.calls() ?? []));
});
afterAll(() => {
  // docs/iam-policy-rotate.json allows every AWS call the rotations here made (of any
  // service), and grants nothing they did not need.
  expect(policyGaps([docsPolicy('iam-policy-rotate.json')], called)).toEqual({
    denied: [],
    unneeded: [],
  });
  expect(called.length).toBeGreaterThan(0);
});

async function health(world: RotationWorld): Promise<{ status: number; db: string }> {
  const res = await fetch(`${world.sim.serviceUrl('drop-web')}/api/health`);
  const body = (await res.json()) as { data: { checks: { db: { status: string } } } };
  return { status: res.status, db: body.data.checks.db.status };
}

const currents = (world: RotationWorld, id: string): number =>
  world.sim.secret(id).versions.filter((v) => v.stages.includes('AWSCURRENT')).length;

describe('rotate-secret (built bundle) against the sim with a real PostgreSQL', () => {
  let world: RotationWorld;
  const runs: ActionRun[] = [];
  const values: string[] = [];
  beforeAll(async () => {
    world = await startRotationWorld();
    current = world;
  }, 60_000);
  afterAll(async () => {
    // The secret scan: no old or new value in anything a person could read.
    for (const id of [
      'drop/production/jwt-secret',
      'drop/production/jwt-secret-previous',
      'drop/production/database-url',
    ])
      for (const v of world.sim.secret(id).versions) if (v.value) values.push(v.value);
    values.push(world.sim.database('drop-db').masterPassword);
    const text = await everythingRecorded(world, runs);
    const leaked = values.filter((v) => v.length >= 8 && text.includes(v));
    await world.stop();
    expect(leaked).toEqual([]);
  });

  it('rotates JWT_SECRET: old value to the previous-secret, one AWSCURRENT, redeployed and healthy, recorded', async () => {
    const old = world.sim.secret('drop/production/jwt-secret').current!;
    const run = await world.rotate({ secret: 'JWT_SECRET', reason: 'quarterly rotation' });
    runs.push(run);
    expect(run.exitCode, run.stdout).toBe(0);
    const secret = world.sim.secret('drop/production/jwt-secret');
    expect(secret.current).not.toBe(old);
    expect(Buffer.from(secret.current!, 'base64')).toHaveLength(48);
    expect(currents(world, 'drop/production/jwt-secret')).toBe(1);
    expect(secret.versions.find((v) => v.value === old)?.stages).toEqual(['AWSPREVIOUS']);
    expect(world.sim.secret('drop/production/jwt-secret-previous').current).toBe(old);
    expect(run.outputs['rotated']).toBe('JWT_SECRET');
    expect(run.outputs['version-ids']).toBe(`JWT_SECRET=${secret.versions.at(-1)!.id}`);
    expect(world.sim.service('drop-web').operations[0]).toMatchObject({
      type: 'START_DEPLOYMENT',
      status: 'SUCCEEDED',
    });
    expect(await health(world)).toEqual({ status: 200, db: 'pass' });
    expect(run.summary).toMatch(/\| JWT_SECRET \| put-pending \| ok \| \d/);
    expect(run.summary).toMatch(/\| JWT_SECRET \| verify-health \| ok \|/);
    expect(String(world.sim.slackMessages().at(-1)?.body['text'])).toMatch(
      /Rotated JWT_SECRET in production/,
    );
  });

  it('rotates the master password: pending, RDS, login, current, redeploy; the URL carries it percent-encoded', async () => {
    const oldUrl = world.sim.secret('drop/production/database-url').current!;
    world.sim.clearCalls();
    const run = await world.rotate({ secret: 'DATABASE_URL', reason: 'runbook §5' });
    runs.push(run);
    expect(run.exitCode, run.stdout).toBe(0);
    const db = world.sim.database('drop-db');
    const newUrl = world.sim.secret('drop/production/database-url').current!;
    expect(newUrl).not.toBe(oldUrl);
    expect(decodeURIComponent(new URL(newUrl).password)).toBe(db.masterPassword);
    expect(db.masterPassword).toHaveLength(32);
    expect(db.masterPassword).not.toMatch(/[/"@ '\\]/);
    expect((await tryLogin(newUrl)).ok).toBe(true);
    expect((await tryLogin(oldUrl)).ok).toBe(false);
    expect(currents(world, 'drop/production/database-url')).toBe(1);
    expect(await health(world)).toEqual({ status: 200, db: 'pass' });
    expect(
      world.sim
        .mutatingCalls()
        .filter((c) => !['slack', 'github'].includes(c.service))
        .map((c) => c.operation),
    ).toEqual([
      'PutSecretValue',
      // The run's staging label comes off: it showed this run made the version.
      'UpdateSecretVersionStage',
      'ModifyDBInstance',
      'UpdateSecretVersionStage',
      'UpdateSecretVersionStage',
      'StartDeployment',
      // The UNDEPLOYED label comes off once the service runs the new value.
      'UpdateSecretVersionStage',
    ]);
    expect(world.sim.github.commitStatuses().at(-1)).toMatchObject({
      state: 'success',
      context: 'apprunner-ops/rotate-secret (production)',
      description: 'Rotated DATABASE_URL',
    });
    for (const step of [
      'put-pending',
      'modify-db-instance',
      'wait-applied',
      'test-login',
      'move-current',
      'start-deployment',
      'follow-operation',
      'verify-health',
    ])
      expect(run.summary).toMatch(new RegExp(`\\| DATABASE_URL \\| ${step} \\| ok \\|`));
  });

  it('undoes a rotation whose redeploy fails verification: red, the old value is AWSCURRENT again, healthy', async () => {
    const old = world.sim.secret('drop/production/jwt-secret').current!;
    // The redeploy runs the same digest (a moved tag is never pulled), so what fails is the
    // database: it takes no connection while the new key is deployed, and the app's health
    // check fails on it.
    await allowConnections(world, false);
    let fixed: Promise<void> | undefined;
    const run = await world.rotate(
      { secret: 'JWT_SECRET', reason: 'undo test', 'audit-database-url': '' },
      {
        runId: '2000',
        echo: (line) => {
          // An operator fixes the database while the rotation is being undone.
          if (/step failed: JWT_SECRET (follow-operation|verify-health)/.test(line))
            fixed ??= allowConnections(world, true);
        },
      },
    );
    await fixed;
    runs.push(run);
    expect(run.exitCode).toBe(1);
    expect(run.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /rotation undone: AWSCURRENT is the old version .* and the service is healthy/,
    );
    expect(world.sim.secret('drop/production/jwt-secret').current).toBe(old);
    expect(currents(world, 'drop/production/jwt-secret')).toBe(1);
    expect(await health(world)).toEqual({ status: 200, db: 'pass' });
    expect(run.summary).toMatch(/undone/);
  });

  describe('bad input: one clear error, before any AWS call', () => {
    const cases: [string, Record<string, string>, string | undefined, RegExp][] = [
      [
        'an unknown secret name',
        { secret: 'NOPE' },
        undefined,
        /input "secret": "NOPE" is not a secret of environment production; expected one of JWT_SECRET, DATABASE_URL, BANKID_CLIENT_SECRET or "due"/,
      ],
      [
        'an external secret',
        { secret: 'BANKID_CLIENT_SECRET' },
        undefined,
        /BANKID_CLIENT_SECRET is kind external .* never generates it/,
      ],
      [
        'a database kind without database-url-secret-id',
        { secret: 'DATABASE_URL' },
        `      - name: DATABASE_URL\n        secret-id: drop/production/database-url\n        kind: rds-master-password\n`,
        /secrets\[0\]\.database-url-secret-id: is required for kind rds-master-password.*line \d+/,
      ],
      [
        'a length below 16',
        { secret: 'JWT_SECRET' },
        `      - name: JWT_SECRET\n        secret-id: drop/production/jwt-secret\n        kind: random\n        length: 8\n`,
        /secrets\[0\]\.length: .*16.*line \d+/,
      ],
    ];
    it.each(cases)('%s', async (_what, inputs, secretsYaml, message) => {
      let config = 'apprunner-ops.yml';
      if (secretsYaml) {
        const { readFile } = await import('node:fs/promises');
        const base = await readFile(path.join(world.workspace, 'apprunner-ops.yml'), 'utf8');
        config = 'bad.yml';
        await writeFile(
          path.join(world.workspace, config),
          `${base.slice(0, base.indexOf('    secrets:\n'))}    secrets:\n${secretsYaml}`,
        );
      }
      world.sim.clearCalls();
      const run = await world.rotate({ ...inputs, config });
      runs.push(run);
      expect(run.exitCode).toBe(1);
      const errors = run.annotations.filter((a) => a.level === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(message);
      expect(world.sim.calls()).toEqual([]);
    });
  });
});

describe('rotate-secret database-user (alternating users)', () => {
  let world: RotationWorld;
  beforeAll(async () => {
    world = await startRotationWorld({ appUser: true });
    current = world;
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  it('switches between drop_app and drop_app_clone with no failed login throughout', async () => {
    const id = 'drop/production/app-database-url';
    const first = world.sim.secret(id).current!;
    const attempts: { ok: boolean; user: string }[] = [];
    let looping = true;
    // A client that logs in with the current DATABASE_URL every 100 ms, as new app connections would.
    const loop = (async () => {
      while (looping) {
        const url = world.sim.secret(id).current!;
        const result = await tryLogin(url);
        attempts.push({ ok: result.ok, user: decodeURIComponent(new URL(url).username) });
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const runs: ActionRun[] = [];
    runs.push(await world.rotate({ secret: 'DATABASE_URL' }, { runId: '3001' }));
    runs.push(await world.rotate({ secret: 'DATABASE_URL' }, { runId: '3002' }));
    looping = false;
    await loop;
    for (const run of runs) expect(run.exitCode, run.stdout).toBe(0);
    expect(attempts.length).toBeGreaterThan(20);
    expect(attempts.filter((a) => !a.ok)).toEqual([]);
    expect(new Set(attempts.map((a) => a.user))).toEqual(new Set(['drop_app', 'drop_app_clone']));
    const now = world.sim.secret(id).current!;
    expect(new URL(now).username).toBe('drop_app');
    expect(now).not.toBe(first);
    // The clone kept its last password: both users still log in.
    const previous = world.sim.secret(id).versions.find((v) => v.stages.includes('AWSPREVIOUS'))!;
    expect(new URL(previous.value!).username).toBe('drop_app_clone');
    expect((await tryLogin(previous.value!)).ok).toBe(true);
    expect(runs[0]!.summary).toMatch(/\| DATABASE_URL \| alter-role \| ok \|/);
    expect(await health(world)).toEqual({ status: 200, db: 'pass' });
    const text = await everythingRecorded(world, runs);
    for (const v of world.sim.secret(id).versions) expect(text).not.toContain(v.value);
  });
});

describe('rotate-secret when RDS manages the master password', () => {
  let world: RotationWorld;
  beforeAll(async () => {
    world = await startRotationWorld({
      managedMaster: true,
      secretsYaml: `      - name: DATABASE_URL
        secret-id: drop/production/database-url
        database-url-secret-id: drop/production/database-url
        kind: rds-managed
        rotate-every-days: 7
      - name: MASTER_DATABASE_URL
        secret-id: drop/production/database-url
        database-url-secret-id: drop/production/database-url
        kind: rds-master-password
`,
    });
    current = world;
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  it('refuses rds-master-password with one clear error and changes nothing', async () => {
    world.sim.clearCalls();
    const run = await world.rotate({ secret: 'MASTER_DATABASE_URL' });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /manages its master password in Secrets Manager \(ManageMasterUserPassword\).*use kind rds-managed/,
    );
    expect(
      world.sim.mutatingCalls().filter((c) => c.service !== 'slack' && c.service !== 'github'),
    ).toEqual([]);
    // Stopped in preflight, still recorded.
    expect(world.sim.github.commitStatuses().at(-1)).toMatchObject({ state: 'failure' });
  });

  it('rds-managed rebuilds DATABASE_URL after RDS rotated its secret, redeploys, and is healthy again', async () => {
    const unchanged = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '6001' });
    expect(unchanged.exitCode, unchanged.stdout).toBe(0);
    expect(unchanged.summary).toMatch(/already up to date/);
    await world.sim.rotateManagedMasterSecret('drop-db');
    expect(await health(world)).toEqual({ status: 503, db: 'fail' });
    const run = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '6002' });
    expect(run.exitCode, run.stdout).toBe(0);
    const url = world.sim.secret('drop/production/database-url').current!;
    expect((await tryLogin(url)).ok).toBe(true);
    expect(await health(world)).toEqual({ status: 200, db: 'pass' });
    const text = await everythingRecorded(world, [unchanged, run]);
    expect(text).not.toContain(world.sim.database('drop-db').masterPassword);
  });
});
