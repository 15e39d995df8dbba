/**
 * restore-database against a private database (startSim({ privateDatabases: true }): the RDS
 * endpoints resolve only inside the sim's VPC), through the built bundle. With `access: ssm`
 * the verification reaches the current instance and the restored one through one SSM session
 * per host, each ended; a run cancelled mid-way leaves no tunnel process once its post step
 * has run; with `access: direct` it stops in preflight, naming the host and the three ways,
 * and changes nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { runActionBundle, type ActionRun } from '../../sim/run-action.js';
import { BASTION, expectTunnelsClosed, running } from './private-database-helpers.js';

const MINUTE = 60_000;
const PASSWORD = 'sim-master-Passw0rd';
const SSM = `      access: ssm\n      via: ${BASTION}\n`;
const RESTORE = `    restore:
      verify:
        - name: t1-rows
          sql: SELECT count(*) FROM users WHERE email LIKE 't1-%'
`;

interface World {
  sim: SimHandle;
  rds: RDSClient;
  workspace: string;
  env: Record<string, string>;
  /** The service's DATABASE_URL: the private endpoint's host name. */
  appUrl: string;
}

async function world(
  access: string,
  onTestFinished: (fn: () => Promise<void>) => void,
): Promise<World> {
  const fixture = withPostgres(loadFixture());
  fixture.ec2 = {
    ...fixture.ec2,
    instances: [
      { id: BASTION, tags: { Name: 'db-bastion' }, state: 'running', ssmAgent: 'Online' },
    ],
  };
  // Restore 12 min → 1.4 s, snapshot 4 min → 0.5 s.
  const sim = await startSim({ fixture, timeScale: 0.002, privateDatabases: true });
  const rds = new RDSClient(sim.clientConfig({ maxAttempts: 3 }));
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'restore-private-db-'));
  await writeFile(
    path.join(workspace, 'apprunner-ops.yml'),
    `version: 1\nenvironments:\n${environmentYaml(sim, 'production', sim.service('drop-web').arn, {
      database: `      instance: drop-db\n      snapshot-timeout: 5m\n${access}      reach-timeout: 5s`,
    })}${RESTORE}`,
  );
  onTestFinished(async () => {
    rds.destroy();
    await sim.stop();
    await rm(workspace, { recursive: true, force: true });
  });
  const db = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' })))
    .DBInstances![0]!;
  return {
    sim,
    rds,
    workspace,
    env: { ...sim.env, PATH: await sim.awsCliPath() },
    appUrl: `postgres://${db.MasterUsername}:${PASSWORD}@${db.Endpoint!.Address}:${db.Endpoint!.Port}/${db.DBName}`,
  };
}

/** The test itself is inside the VPC: it writes through the database's own server. */
async function exec(w: World, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: w.sim.database('drop-db').adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The sim's time, read as RDS shows it: LatestRestorableTime trails it by five minutes. */
async function simNow(w: World): Promise<number> {
  const out = await w.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' }));
  return out.DBInstances![0]!.LatestRestorableTime!.getTime() + 5 * MINUTE;
}

/** Rows at T1, a bad DELETE of them two minutes later; returns T1 + 30 s. */
async function badDelete(w: World): Promise<Date> {
  for (const n of [1, 2, 3])
    await exec(w, `INSERT INTO users (email) VALUES ('t1-${n}@example.com')`);
  const t1 = await simNow(w);
  w.sim.advance(2 * MINUTE);
  await exec(w, `DELETE FROM users WHERE email LIKE 't1-%'`);
  w.sim.advance(10 * MINUTE);
  return new Date(t1 + 30_000);
}

function restore(w: World, inputs: Record<string, string>, options: { cancelOn?: RegExp } = {}) {
  return runActionBundle({
    action: 'restore-database',
    cwd: w.workspace,
    env: w.env,
    inputs: {
      config: 'apprunner-ops.yml',
      environment: 'production',
      reason: 'INC-123: bad DELETE on users',
      'database-url': w.appUrl,
      'poll-interval': '20ms',
      mode: 'inspect',
      ...inputs,
    },
    timeoutMs: 120_000,
    ...options,
  });
}

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describe('restore-database against a private database (bundle, sim, real PostgreSQL)', () => {
  it('access: ssm: verifies the current and the restored instance through one session per host, both closed', async ({
    onTestFinished,
  }) => {
    const w = await world(SSM, onTestFinished);
    const to = await badDelete(w);
    const r = await restore(w, { to: to.toISOString() });
    expect(errors(r), r.stdout).toEqual([]);
    expect(r.exitCode).toBe(0);
    const restored = r.outputs['restored-instance']!;
    expect(restored).toMatch(/^drop-db-restored-\d{14}$/);
    // The rows the DELETE removed are in the restore only: read through the tunnels.
    expect(r.summary).toMatch(/\| t1-rows \| 0 \| 3 \| differs \|/);
    expect(r.stdout).toMatch(/answers \(database\.access: ssm\)/);
    // drop-db and its restored copy: two hosts, one session each, all ended.
    await expectTunnelsClosed(w, 2);
    expect(w.sim.ssmSessions().map((s) => s.host.split('.')[0])).toEqual(['drop-db', restored]);
    expect(r.post?.exitCode).toBe(0);
  }, 120_000);

  it('access: ssm, cancelled mid-way: the post step ends the session, no tunnel process is left', async ({
    onTestFinished,
  }) => {
    const w = await world(SSM, onTestFinished);
    const to = await badDelete(w);
    // Cancelled while RDS creates the restored instance: drop-db's session is open.
    const r = await restore(
      w,
      { to: to.toISOString() },
      { cancelOn: /Waiting up to .* for .*\(drop-db-restored-\d{14}\) to be available/ },
    );
    expect(r.exitCode, r.stdout).not.toBe(0);
    // Mid-way: the restore had started.
    expect(w.sim.mutatingCalls().map((c) => c.operation)).toContain(
      'RestoreDBInstanceToPointInTime',
    );
    expect(w.sim.ssmSessions().length).toBeGreaterThan(0);
    expect(r.post?.exitCode).toBe(0);
    expect(r.post?.stdout ?? '').toMatch(
      /Closed the SSM port-forwarding session \(process \d+\) the run left open/,
    );
    for (const s of w.sim.ssmSessions()) {
      expect(s.terminatedAt, `session ${s.sessionId} terminated`).toBeDefined();
      expect(await running(s.pid!)).toBe(false);
    }
  }, 120_000);

  it('access: direct stops in preflight within the deadline, naming the host and the three ways, changing nothing', async ({
    onTestFinished,
  }) => {
    const w = await world('', onTestFinished);
    const to = await badDelete(w);
    w.sim.clearCalls();
    const r = await restore(w, { to: to.toISOString() });
    expect(r.exitCode).toBe(1);
    const message = errors(r).join('\n');
    expect(message).toContain(
      `cannot reach the database (database-url) at ${new URL(w.appUrl).hostname}:${new URL(w.appUrl).port} (access: direct)`,
    );
    expect(message).toMatch(/direct \(.*\), ssm with via: .*, runner with runner-label: /);
    expect(message).toContain('Private databases');
    expect(r.durationMs).toBeLessThan(5_000 + 5_000);
    expect(w.sim.mutatingCalls()).toEqual([]);
    expect(w.sim.ssmSessions()).toEqual([]);
    expect(r.outputs['restored-instance']).toBeUndefined();
  }, 60_000);
});
