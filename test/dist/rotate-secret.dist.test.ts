import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRotationWorld, type RotationWorld } from '../../sim/rotation-world.js';
import type { ActionRun } from '../../sim/run-action.js';

/** Everything a run leaves that a person could read: logs, outputs, summary, records. */
export async function everythingRecorded(world: RotationWorld, runs: ActionRun[]): Promise<string> {
  const client = new pg.Client({ connectionString: world.sim.database('drop-db').adminUrl });
  await client.connect();
  const audit = await client.query('SELECT to_jsonb(a) AS row FROM audit_log a');
  await client.end();
  return [
    // ::add-mask:: lines are runner commands that hide a value; the runner never prints them.
    ...runs.map((r) =>
      r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ),
    ...runs.map((r) => r.stderr),
    ...runs.map((r) => JSON.stringify(r.outputs)),
    ...runs.map((r) => r.summary),
    JSON.stringify(audit.rows),
    JSON.stringify(world.sim.slackMessages()),
    JSON.stringify(world.sim.github.commitStatuses()),
    JSON.stringify(world.sim.github.deployments()),
  ].join('\n');
}

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
    expect(String(world.sim.slackMessages().at(-1)?.body['text'])).toMatch(/Rotated JWT_SECRET in production/);
  });
});
