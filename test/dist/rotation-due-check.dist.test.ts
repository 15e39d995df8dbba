/**
 * The daily `rotation-due` check knows when the service does not run the value AWSCURRENT
 * holds: a rotation lost before its redeploy (AWSCURRENT labelled undeployed), a value put by
 * hand after the last deployment, or for rds-managed a master secret RDS rotated on its own.
 * It ages secrets by the AWSCURRENT version's creation date, not LastChangedDate. The rotation
 * runs go through the built bundle; the check runs as ops-check runs it (runCheckList).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  PutSecretValueCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, describe, expect, it } from 'vitest';
import { createAwsClients } from '../../core/aws/clients.js';
import { runCheckList } from '../../core/checks/run-checks.js';
import { parseConfig } from '../../core/config/load.js';
import { tryLogin } from '../../core/rotation/values.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { startRotationWorld, type RotationWorld } from '../../sim/rotation-world.js';

const JWT = 'drop/production/jwt-secret';
const URL_ID = 'drop/production/database-url';
const worlds: RotationWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

async function dueCheck(world: RotationWorld): Promise<{ status: string; line: string }> {
  const text = await readFile(path.join(world.workspace, 'apprunner-ops.yml'), 'utf8');
  const config = parseConfig(
    `${text.trimEnd()}\n    checks:\n      daily:\n        - type: rotation-due\n`,
    'apprunner-ops.yml',
  );
  const env = config.environments['production']!;
  const saved = { ...process.env };
  Object.assign(process.env, world.sim.env);
  try {
    const [result] = await runCheckList(env.checks!.daily!, {
      environment: 'production',
      env,
      aws: createAwsClients(env.region),
      secrets: {},
      run: undefined,
      clock: systemClock,
      logger: recordingLogger(),
    });
    return { status: result!.status, line: result!.line };
  } finally {
    for (const key of Object.keys(world.sim.env))
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
  }
}

async function health(world: RotationWorld): Promise<number> {
  return (await fetch(`${world.sim.serviceUrl('drop-web')}/api/health`)).status;
}

describe('rotation-due: red while the service does not run AWSCURRENT', () => {
  it('a rotation lost before its redeploy, then a value put by hand: red until a due run redeploys', async () => {
    const world = await startRotationWorld();
    worlds.push(world);
    const first = await dueCheck(world);
    expect(first.line).not.toMatch(/JWT_SECRET: AWSCURRENT/);

    const lost = await world.rotate(
      { secret: 'JWT_SECRET' },
      { runId: '8101', killOn: /step done: JWT_SECRET move-current/ },
    );
    expect(lost.signal).toBe('SIGKILL');
    const stuck = await dueCheck(world);
    expect(stuck.status).toBe('fail');
    expect(stuck.line).toMatch(
      /JWT_SECRET: AWSCURRENT \(version [0-9a-f-]{36}\) is labelled APPRUNNER_OPS_UNDEPLOYED: a rotation stopped before its redeploy, and the service still runs the old value; the next rotate-secret run \(due\) redeploys it/,
    );
    const resumed = await world.rotate({ secret: 'due', unfinished: 'resume' }, { runId: '8102' });
    expect(resumed.exitCode, resumed.stdout).toBe(0);
    expect((await dueCheck(world)).line).not.toMatch(/JWT_SECRET: AWSCURRENT/);

    // Someone puts a new value by hand: Secrets Manager has it, the service does not.
    const client = new SecretsManagerClient(world.sim.clientConfig({ maxAttempts: 1 }));
    await client.send(new PutSecretValueCommand({ SecretId: JWT, SecretString: 'k'.repeat(48) }));
    client.destroy();
    const byHand = await dueCheck(world);
    expect(byHand.status).toBe('fail');
    expect(byHand.line).toMatch(
      /JWT_SECRET: AWSCURRENT \(version [0-9a-f-]{36}, made \S+\) is newer than the service's last deployment \(\S+\): the service still runs the old value/,
    );
    expect(byHand.line).not.toContain('k'.repeat(48));
    // The next due run rotates and redeploys it, though JWT_SECRET is only minutes old.
    const next = await world.rotate({ secret: 'due' }, { runId: '8103' });
    expect(next.exitCode, next.stdout).toBe(0);
    expect(next.stdout).toMatch(
      /JWT_SECRET: due \(AWSCURRENT \(version [0-9a-f-]{36}, made \S+\) is newer than the service's last deployment/,
    );
    expect(world.sim.service('drop-web').running.env['JWT_SECRET']).toBe(
      world.sim.secret(JWT).current,
    );
    expect((await dueCheck(world)).line).not.toMatch(/JWT_SECRET: AWSCURRENT/);
  });

  it('ages by the AWSCURRENT version, not LastChangedDate (a label moved on an old value)', async () => {
    const world = await startRotationWorld();
    worlds.push(world);
    const client = new SecretsManagerClient(world.sim.clientConfig({ maxAttempts: 1 }));
    const current = world.sim.secret(JWT).versions.find((v) => v.stages.includes('AWSCURRENT'))!;
    await client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: JWT,
        VersionStage: 'REVIEWED',
        MoveToVersionId: current.id,
      }),
    );
    client.destroy();
    const result = await dueCheck(world);
    expect(result.status).toBe('fail');
    expect(result.line).toMatch(/JWT_SECRET is 100 days old, past its 30-day rotation/);
  });
});

describe('rotation-due and rds-managed: RDS rotated its own secret', () => {
  it('red after RDS rotates; the next due run rebuilds DATABASE_URL, redeploys, and the check is clean', async () => {
    const world = await startRotationWorld({
      managedMaster: true,
      secretsYaml: `      - name: DATABASE_URL
        secret-id: ${URL_ID}
        database-url-secret-id: ${URL_ID}
        kind: rds-managed
        rotate-every-days: 7
`,
    });
    worlds.push(world);
    const built = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '8201' });
    expect(built.exitCode, built.stdout).toBe(0);
    expect((await dueCheck(world)).line).not.toMatch(/managed master secret/);

    // Seven days on, RDS rotates its secret by itself (the sim's default schedule).
    const managed = 'rds!db-0a1b2c3d';
    const before = world.sim.secret(managed).current;
    world.sim.advance(world.sim.scaled(7 * 86_400_000));
    const deadline = Date.now() + 10_000;
    while (world.sim.secret(managed).current === before && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(world.sim.secret(managed).current, 'RDS rotated within 10 s').not.toBe(before);
    expect(await health(world)).toBe(503);
    const red = await dueCheck(world);
    expect(red.status).toBe('fail');
    expect(red.line).toMatch(
      /DATABASE_URL: RDS rotated its managed master secret at \S+, after DATABASE_URL was built \(\S+\): the service's DATABASE_URL has a password the database no longer takes; the next rotate-secret run \(due\) redeploys it/,
    );

    const due = await world.rotate({ secret: 'due' }, { runId: '8202' });
    expect(due.exitCode, due.stdout).toBe(0);
    expect(due.stdout).toMatch(/DATABASE_URL: due \(RDS rotated its managed master secret/);
    expect((await tryLogin(world.sim.secret(URL_ID).current!)).ok).toBe(true);
    expect(await health(world)).toBe(200);
    // Only the reminder of a 7-day period is left (the sim's clock runs ahead of this one).
    const clean = await dueCheck(world);
    expect(clean.status).toBe('warn');
    expect(clean.line).toMatch(/^DATABASE_URL is due in \d+ days$/);
  });
});
