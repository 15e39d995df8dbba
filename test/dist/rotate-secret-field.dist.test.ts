/**
 * Rotation in the field, through the built bundle against the sim with a real PostgreSQL: a
 * run lost half way and a new run after it, two runs at once, RDS answering 500 after it took
 * the password, an undo with a {username,password} secret, "due" measured from AWSCURRENT, and
 * every value masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tryLogin } from '../../core/rotation/values.js';
import {
  startRotationWorld,
  ROTATION_SECRETS_YAML,
  type RotationWorld,
} from '../../sim/rotation-world.js';
import type { ActionRun } from '../../sim/run-action.js';
import { ME_PATH, SESSION_PATH } from '../../sim/sample-app.js';
import { allowConnections } from '../helpers/database-connections.js';
import { probeHealth } from '../helpers/health-probe.js';
import { everythingRecorded } from '../helpers/rotation-records.js';

const JWT = 'drop/production/jwt-secret';
const JWT_PREVIOUS = 'drop/production/jwt-secret-previous';
const URL_ID = 'drop/production/database-url';
const CREDENTIALS = 'drop/production/database-credentials';

const labelled = (world: RotationWorld, id: string, stage: string): string[] =>
  world.sim
    .secret(id)
    .versions.filter((v) => v.stages.includes(stage))
    .map((v) => v.id);

async function health(world: RotationWorld): Promise<{ status: number; db: string }> {
  const res = await fetch(`${world.sim.serviceUrl('drop-web')}/api/health`);
  const body = (await res.json()) as { data: { checks: { db: { status: string } } } };
  return { status: res.status, db: body.data.checks.db.status };
}

const running = (world: RotationWorld): Record<string, string> =>
  world.sim.service('drop-web').running.env;

describe('JWT: a lost run, a new run, two runs at once', () => {
  let world: RotationWorld;
  beforeAll(async () => {
    world = await startRotationWorld();
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  it('a run lost after AWSCURRENT moved: the next "due" run (another run id) redeploys it; the key the app signed with stays accepted', async () => {
    // DATABASE_URL is past its 90 days: rotate it first, so only JWT_SECRET could redeploy.
    const db = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '7100' });
    expect(db.exitCode, db.stdout).toBe(0);
    const signing = running(world)['JWT_SECRET']!;
    const lost = await world.rotate(
      { secret: 'JWT_SECRET' },
      { runId: '7101', killOn: /step done: JWT_SECRET move-current/ },
    );
    expect(lost.signal).toBe('SIGKILL');
    // The service still runs the old key; AWSCURRENT is the lost run's new one.
    expect(running(world)['JWT_SECRET']).toBe(signing);
    const moved = world.sim.secret(JWT).current!;
    expect(moved).not.toBe(signing);

    const next = await world.rotate({ secret: 'due', unfinished: 'resume' }, { runId: '7102' });
    expect(next.exitCode, next.stdout).toBe(0);
    expect(next.stdout).toMatch(
      /JWT_SECRET: due \(AWSCURRENT \(version [0-9a-f-]{36}\) is not deployed yet/,
    );
    // Resumed, not rotated again from a value no instance ever ran.
    expect(world.sim.secret(JWT).current).toBe(moved);
    expect(running(world)['JWT_SECRET']).toBe(moved);
    expect(running(world)['JWT_SECRET_PREVIOUS']).toBe(signing);
    expect(labelled(world, JWT, 'AWSPENDING')).toEqual([]);
    expect(labelled(world, JWT, 'AWSCURRENT')).toHaveLength(1);
  });

  it('a run lost after AWSCURRENT moved, then a new run of that secret: nobody is logged out', async () => {
    const signing = running(world)['JWT_SECRET']!;
    const lost = await world.rotate(
      { secret: 'JWT_SECRET' },
      { runId: '7201', killOn: /step done: JWT_SECRET move-current/ },
    );
    expect(lost.signal).toBe('SIGKILL');
    const next = await world.rotate(
      { secret: 'JWT_SECRET', unfinished: 'resume' },
      { runId: '7202' },
    );
    expect(next.exitCode, next.stdout).toBe(0);
    const env = running(world);
    // Tokens signed before the run keep verifying: the old signing key is current or previous.
    expect([env['JWT_SECRET'], env['JWT_SECRET_PREVIOUS']]).toContain(signing);
    expect(env['JWT_SECRET']).toBe(world.sim.secret(JWT).current);
    expect(env['JWT_SECRET_PREVIOUS']).toBe(world.sim.secret(JWT_PREVIOUS).current);
  });

  it('a run that finds a rotation under way (or lost) stops before any change, naming the version; told to resume, it finishes it', async () => {
    const lost = await world.rotate(
      { secret: 'JWT_SECRET' },
      { runId: '7301', killOn: /step done: JWT_SECRET put-pending/ },
    );
    expect(lost.signal).toBe('SIGKILL');
    const staged = labelled(world, JWT, 'AWSPENDING');
    expect(staged).toHaveLength(1);
    world.sim.clearCalls();
    const other = await world.rotate({ secret: 'JWT_SECRET' }, { runId: '7302' });
    expect(other.exitCode, other.stdout).toBe(1);
    const error = other.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(
      new RegExp(
        `JWT_SECRET: a rotation is under way or was lost: AWSPENDING is on version ${staged[0]}, staged .* min ago; nothing was changed`,
      ),
    );
    expect(error).not.toMatch(/unexpected error/);
    expect(
      world.sim.mutatingCalls().filter((c) => c.service !== 'slack' && c.service !== 'github'),
    ).toEqual([]);
    expect(other.summary).toMatch(/JWT_SECRET/);
    expect(world.sim.github.commitStatuses().at(-1)).toMatchObject({ state: 'failure' });
    const resumed = await world.rotate(
      { secret: 'JWT_SECRET', unfinished: 'resume' },
      { runId: '7303' },
    );
    expect(resumed.exitCode, resumed.stdout).toBe(0);
    expect(resumed.summary).toMatch(/unfinished rotation .* was finished/);
    expect(labelled(world, JWT, 'AWSPENDING')).toEqual([]);
    expect(labelled(world, JWT, 'AWSCURRENT')).toEqual(staged);
    expect(running(world)['JWT_SECRET']).toBe(world.sim.secret(JWT).current);
  });

  it('two runs started together: one rotates, the other stops before any change; nobody is logged out, the database password is never refused; the next run is clean', async () => {
    const url = world.sim.serviceUrl('drop-web');
    const signedIn = (await (await fetch(`${url}${SESSION_PATH}`, { method: 'POST' })).json()) as {
      data: { token: string };
    };
    const probes = probeHealth(world);
    const [a, b] = await Promise.all([
      world.rotate({ secret: 'JWT_SECRET' }, { runId: '7401' }),
      world.rotate({ secret: 'JWT_SECRET' }, { runId: '7402' }),
    ]);
    const statuses = await probes.stop();
    expect(statuses.length).toBeGreaterThan(5);
    expect(statuses.filter((p) => p.status !== 200)).toEqual([]);
    // The token signed before the race is still accepted: the loser moved no key.
    const me = await fetch(`${url}${ME_PATH}`, {
      headers: { authorization: `Bearer ${signedIn.data.token}` },
    });
    expect(me.status).toBe(200);
    const codes = [a.exitCode, b.exitCode].sort();
    expect(codes, `${a.stdout}\n----\n${b.stdout}`).toEqual([0, 1]);
    const loser = a.exitCode === 1 ? a : b;
    expect(loser.annotations.find((x) => x.level === 'error')?.message).toMatch(
      /a rotation is under way or was lost|another rotation of JWT_SECRET/,
    );
    expect(labelled(world, JWT, 'AWSPENDING')).toEqual([]);
    expect(running(world)['JWT_SECRET']).toBe(world.sim.secret(JWT).current);
    const after = await world.rotate({ secret: 'JWT_SECRET' }, { runId: '7403' });
    expect(after.exitCode, after.stdout).toBe(0);
  });
});

describe('rds-master-password: RDS answers 500 after taking the password; undo with a {username,password} secret', () => {
  let world: RotationWorld;
  const runs: ActionRun[] = [];
  beforeAll(async () => {
    world = await startRotationWorld({
      credentialsSecret: true,
      secretsYaml: ROTATION_SECRETS_YAML.replace(
        'secret-id: drop/production/database-url\n        database-url-secret-id',
        `secret-id: ${CREDENTIALS}\n        database-url-secret-id`,
      ),
    });
  }, 60_000);
  afterAll(async () => {
    const values: string[] = [];
    for (const id of [URL_ID, CREDENTIALS, JWT, JWT_PREVIOUS])
      for (const v of world.sim.secret(id).versions) if (v.value) values.push(v.value);
    const text = await everythingRecorded(world, runs);
    const pgLog = world.sim.database('drop-db').serverLog();
    await world.stop();
    const passwords = values.flatMap((v) => {
      try {
        return [decodeURIComponent(new URL(v).password)];
      } catch {
        return v.startsWith('{') ? [(JSON.parse(v) as { password: string }).password] : [v];
      }
    });
    // No value in anything a person could read, nor in PostgreSQL's own log.
    expect(passwords.filter((p) => p.length >= 8 && text.includes(p))).toEqual([]);
    expect(pgLog.length).toBeGreaterThan(0);
    expect(passwords.filter((p) => p.length >= 8 && pgLog.includes(p))).toEqual([]);
  });

  it('"due" counts from the AWSCURRENT version, not from LastChangedDate (an undone rotation moves it)', async () => {
    // JWT_SECRET's AWSCURRENT here is the seeded one, 100 days old (every 30 days).
    // The redeploy fails on a database that takes no connection; fixed during the undo.
    await allowConnections(world, false);
    let fixed: Promise<void> | undefined;
    const undone = await world.rotate(
      { secret: 'JWT_SECRET', 'audit-database-url': '' },
      {
        runId: '8001',
        echo: (line) => {
          if (/step failed: JWT_SECRET (follow-operation|verify-health)/.test(line))
            fixed ??= allowConnections(world, true);
        },
      },
    );
    await fixed;
    runs.push(undone);
    expect(undone.exitCode).toBe(1);
    const due = await world.rotate({ secret: 'due', 'dry-run': 'true' }, { runId: '8002' });
    runs.push(due);
    expect(due.exitCode, due.stdout).toBe(0);
    expect(due.stdout).toMatch(/JWT_SECRET: due \(AWSCURRENT is 100 days old/);
  });

  it('every value read or made is registered with the runner’s mask', async () => {
    const before = world.sim.secret(URL_ID).current!;
    const run = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '8101' });
    runs.push(run);
    expect(run.exitCode, run.stdout).toBe(0);
    const after = world.sim.secret(URL_ID).current!;
    const masked = run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) =>
        // The runner's command escaping (@actions/core): % CR LF.
        l
          .slice('::add-mask::'.length)
          .replace(/%0D/g, '\r')
          .replace(/%0A/g, '\n')
          .replace(/%25/g, '%'),
      );
    for (const url of [before, after]) {
      expect(masked).toContain(url);
      expect(masked).toContain(decodeURIComponent(new URL(url).password));
    }
    const credentials = world.sim.secret(CREDENTIALS).current!;
    expect(JSON.parse(credentials)).toEqual({
      username: decodeURIComponent(new URL(after).username),
      password: decodeURIComponent(new URL(after).password),
    });
  });

  it('RDS answers 500 after it accepted the new master password: the run decides from DescribeDBInstances and finishes green', async () => {
    world.sim.clearCalls();
    world.sim.setFaults({
      rules: [
        {
          service: 'rds',
          operation: 'ModifyDBInstance',
          kind: 'applied-then-lost',
          lostAs: 'server-error',
          times: 1,
        },
      ],
    });
    const run = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '8201' });
    world.sim.setFaults({ rules: [] });
    runs.push(run);
    expect(run.exitCode, run.stdout).toBe(0);
    const url = world.sim.secret(URL_ID).current!;
    expect(decodeURIComponent(new URL(url).password)).toBe(
      world.sim.database('drop-db').masterPassword,
    );
    expect((await tryLogin(url)).ok).toBe(true);
    expect(await health(world)).toEqual({ status: 200, db: 'pass' });
    // One request changed the password: the lost answer was not retried blindly.
    const modifies = world.sim.calls({ service: 'rds', operation: 'ModifyDBInstance' });
    expect(modifies.filter((c) => c.status === 200 || c.fault)).toHaveLength(1);
    expect(labelled(world, URL_ID, 'AWSPENDING')).toEqual([]);
    expect(run.stdout).toMatch(/RDS took it/);
  });

  it('the password is changed without ApplyImmediately (which would apply every pending modification)', () => {
    const modifies = world.sim.calls({ service: 'rds', operation: 'ModifyDBInstance' });
    expect(modifies.length).toBeGreaterThan(0);
    for (const c of modifies) expect(c.params).not.toHaveProperty('ApplyImmediately');
  });

  it('an undone rotation puts the {username,password} secret back on the password RDS has again', async () => {
    // The new password logs in (test-login); then the database takes no connection, so the
    // redeploy fails verification; it is fixed during the undo.
    let closed: Promise<void> | undefined;
    let fixed: Promise<void> | undefined;
    const run = await world.rotate(
      { secret: 'DATABASE_URL', 'audit-database-url': '' },
      {
        runId: '8301',
        echo: (line) => {
          if (/step done: DATABASE_URL move-current/.test(line))
            closed ??= allowConnections(world, false);
          if (/step failed: DATABASE_URL (follow-operation|verify-health)/.test(line))
            fixed ??= closed!.then(() => allowConnections(world, true));
        },
      },
    );
    await fixed;
    runs.push(run);
    expect(run.exitCode).toBe(1);
    expect(run.summary).toMatch(/undone/);
    const master = world.sim.database('drop-db').masterPassword;
    expect(decodeURIComponent(new URL(world.sim.secret(URL_ID).current!).password)).toBe(master);
    const credentials = JSON.parse(world.sim.secret(CREDENTIALS).current!) as {
      password: string;
    };
    expect(credentials.password).toBe(master);
    expect(labelled(world, CREDENTIALS, 'AWSCURRENT')).toHaveLength(1);
    expect(await health(world)).toEqual({ status: 200, db: 'pass' });
  });
});

describe('a deploy, restart or rollback after a rotation lost half way', () => {
  let world: RotationWorld;
  beforeAll(async () => {
    world = await startRotationWorld();
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });

  it('stops before any change while RDS has the pending password, names the command; after the rotation is resumed it deploys a value that logs in', async () => {
    const lost = await world.rotate(
      { secret: 'DATABASE_URL' },
      { runId: '9101', killOn: /step done: DATABASE_URL wait-applied/ },
    );
    expect(lost.signal).toBe('SIGKILL');
    // RDS took the pending password: AWSCURRENT no longer logs in.
    expect((await tryLogin(world.sim.secret(URL_ID).current!)).ok).toBe(false);
    world.sim.clearCalls();
    const restart = await world.run('deploy', { mode: 'restart', reason: 'stuck connections' });
    expect(restart.exitCode).toBe(1);
    expect(restart.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /secret drop\/production\/database-url \(DATABASE_URL\) has an unfinished rotation: AWSPENDING is on version [0-9a-f-]{36}.*nothing was changed.*apprunner-ops rotate production DATABASE_URL --resume/,
    );
    const deploy = await world.run('deploy', { image: 'v1.4.2', reason: 'release' });
    expect(deploy.exitCode).toBe(1);
    expect(
      world.sim
        .mutatingCalls()
        .filter((c) => !['slack', 'github', 'betterstack'].includes(c.service)),
    ).toEqual([]);
    // The service still runs the old value, which RDS no longer takes; resuming fixes both.
    const resumed = await world.rotate(
      { secret: 'DATABASE_URL', unfinished: 'resume' },
      { runId: '9102' },
    );
    expect(resumed.exitCode, resumed.stdout).toBe(0);
    const again = await world.run('deploy', { mode: 'restart', reason: 'stuck connections' });
    expect(again.exitCode, again.stdout).toBe(0);
    expect((await tryLogin(running(world)['DATABASE_URL']!)).ok).toBe(true);
    expect(await health(world)).toEqual({ status: 200, db: 'pass' });
  });
});
