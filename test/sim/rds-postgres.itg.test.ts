import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';

let sim: SimHandle;
let rds: RDSClient;

beforeAll(async () => {
  const fixture = withPostgres(loadFixture());
  fixture.rds.instances.push({
    ...structuredClone(fixture.rds.instances[0]!),
    id: 'drop-managed-db',
    manageMasterUserPassword: true,
    masterUserSecret: {
      secretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1234-AbCdEf',
      status: 'active',
    },
    postgres: undefined,
  });
  sim = await startSim({ fixture, timeScale: 0.002 });
  rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
}, 60_000);
afterAll(async () => {
  rds.destroy();
  await sim?.stop();
});

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

describe('RDS instances backed by a real PostgreSQL', () => {
  it('points the Endpoint at the server, where the master user logs in and the seed is', async () => {
    const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' }));
    const db = out.DBInstances![0]!;
    const view = sim.database('drop-db');
    // The port is the instance name's endpoint, which forwards to the server (rds-endpoints.ts).
    expect(db.Endpoint?.Address).toBe(view.host);
    expect(db.Endpoint?.Port).toEqual(expect.any(Number));
    expect(db.MasterUsername).toBe(view.masterUsername);
    expect(db.MasterUserSecret).toBeUndefined();
    const url = `postgres://${db.MasterUsername}:${encodeURIComponent('sim-master-Passw0rd')}@${db.Endpoint!.Address}:${db.Endpoint!.Port}/${db.DBName}`;
    const users = await query(url, 'SELECT count(*)::int AS n FROM users');
    expect(users[0]!['n']).toBe(3);
    expect(await query(url, 'SELECT count(*)::int AS n FROM transactions')).toEqual([{ n: 2 }]);
    expect(await query(url, 'SELECT resource_type FROM audit_log')).toEqual([
      { resource_type: 'user' },
    ]);
    expect(await query(url, 'SELECT status FROM aml_alerts')).toEqual([{ status: 'open' }]);
  });

  it('refuses a wrong password, as a real server does', async () => {
    const view = sim.database('drop-db');
    expect(await view.canLogin(view.masterUsername, view.masterPassword)).toBe(true);
    expect(await view.canLogin(view.masterUsername, 'not-the-password')).toBe(false);
  });

  it('reports an RDS-managed master secret from the fixture, and unbacked instances stay fake', async () => {
    const out = await rds.send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-managed-db' }),
    );
    const db = out.DBInstances![0]!;
    expect(db.MasterUserSecret).toMatchObject({
      SecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-1234-AbCdEf',
      SecretStatus: 'active',
    });
    expect(db.Endpoint?.Address).toMatch(/\.rds\.amazonaws\.com$/);
    expect(() => sim.database('drop-managed-db')).toThrow(/no PostgreSQL/);
  });
});
