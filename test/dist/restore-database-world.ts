/**
 * The world of the restore-database bundle tests: the sim with drop-db backed by a real
 * PostgreSQL (and other-db beside it), a configuration with restore.verify queries, and the
 * bundle run with the inputs a test gives.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DescribeDBInstancesCommand, RDSClient, type DBInstance } from '@aws-sdk/client-rds';
import pg from 'pg';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { runActionBundle } from '../../sim/run-action.js';

export const MINUTE = 60_000;
const PASSWORD = 'sim-master-Passw0rd';
const RESTORE = `    restore:
      verify:
        - name: users
          sql: SELECT count(*) FROM users
        - name: t1-rows
          sql: SELECT count(*) FROM users WHERE email LIKE 't1-%'
`;

export interface World {
  s: SimHandle;
  rds: RDSClient;
  workspace: string;
  /** The service's DATABASE_URL: the original instance's host and port. */
  appUrl: string;
}

export async function world(onTestFinished: (fn: () => Promise<void>) => void): Promise<World> {
  const fixture = withPostgres(loadFixture());
  fixture.rds.instances[0]!.securityGroups = ['sg-0a1b2c3d4e5f60718'];
  fixture.rds.instances.push({
    ...structuredClone(fixture.rds.instances[0]!),
    id: 'other-db',
    postgres: undefined,
    manualSnapshots: [],
    automatedSnapshots: { count: 0, every: 86_400_000, latestAgo: 0 },
  });
  fixture.rds.instanceQuota = 10;
  // Restore 12 min → 1.4 s, rename 2 min → 0.24 s, snapshot 4 min → 0.5 s.
  const s = await startSim({ fixture, timeScale: 0.002 });
  // The test reads (DescribeDBInstances), and its two setup calls name what they create (a
  // repeat is refused, never doubled): the SDK's retries cover a kept-alive socket the sim
  // closed just as the next request went out (read ECONNRESET on a loaded machine).
  const rds = new RDSClient(s.clientConfig({ maxAttempts: 3 }));
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'restore-db-'));
  await writeFile(
    path.join(workspace, 'apprunner-ops.yml'),
    `version: 1\nenvironments:\n${environmentYaml(s, 'production', s.service('drop-web').arn, {
      database: '      instance: drop-db\n      snapshot-timeout: 5m',
    })}${RESTORE}`,
  );
  onTestFinished(async () => {
    rds.destroy();
    await s.stop();
    await rm(workspace, { recursive: true, force: true });
  });
  const db = await describe1(rds, 'drop-db');
  const appUrl = `postgres://${db!.MasterUsername}:${PASSWORD}@${db!.Endpoint!.Address}:${db!.Endpoint!.Port}/${db!.DBName}`;
  return { s, rds, workspace, appUrl };
}

export async function describe1(rds: RDSClient, id: string): Promise<DBInstance | undefined> {
  try {
    return (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })))
      .DBInstances?.[0];
  } catch {
    return undefined;
  }
}

export async function ids(rds: RDSClient): Promise<string[]> {
  const out = await rds.send(new DescribeDBInstancesCommand({}));
  return (out.DBInstances ?? []).map((i) => i.DBInstanceIdentifier ?? '').sort();
}

export async function exec(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

export const count = async (url: string, sql: string): Promise<number> =>
  Number((await exec(url, `SELECT (${sql})::int AS n`))[0]!['n']);

export async function endpointUrl(w: World, id: string): Promise<string> {
  const db = (await describe1(w.rds, id))!;
  return `postgres://${db.MasterUsername}:${PASSWORD}@${db.Endpoint!.Address}:${db.Endpoint!.Port}/${db.DBName}`;
}

/** The sim's time, read as RDS shows it: LatestRestorableTime trails it by five minutes. */
export async function simNow(w: World): Promise<number> {
  return (await describe1(w.rds, 'drop-db'))!.LatestRestorableTime!.getTime() + 5 * MINUTE;
}

/** Rows at T1, a bad DELETE of them at T2 = T1 + 2 min; returns T1 + 30 s. */
export async function badDelete(w: World): Promise<Date> {
  for (const n of [1, 2, 3])
    await exec(w.appUrl, `INSERT INTO users (email) VALUES ('t1-${n}@example.com')`);
  const t1 = await simNow(w);
  w.s.advance(2 * MINUTE);
  await exec(w.appUrl, `DELETE FROM users WHERE email LIKE 't1-%'`);
  // Past LatestRestorableTime (five minutes behind) for T1 + 30 s.
  w.s.advance(10 * MINUTE);
  return new Date(t1 + 30_000);
}

export function restore(
  w: World,
  inputs: Record<string, string>,
  options: { killOn?: RegExp } = {},
) {
  return runActionBundle({
    action: 'restore-database',
    cwd: w.workspace,
    env: { ...w.s.env, BETTERSTACK_API_URL: `${w.s.url}/betterstack` },
    inputs: {
      config: 'apprunner-ops.yml',
      environment: 'production',
      reason: 'INC-123: bad DELETE on users',
      'database-url': w.appUrl,
      'betterstack-token': w.s.env['SIM_BETTERSTACK_TOKEN'] ?? '',
      'poll-interval': '20ms',
      ...inputs,
    },
    timeoutMs: 120_000,
    ...options,
  });
}
