/**
 * Which changes a point-in-time restore keeps, to the microsecond: RDS replays the log up to
 * the restore time, so a change belongs to its transaction's commit time (not when its
 * statement ran), and the sim's clock maps PostgreSQL's commit timestamps to sim time with an
 * exact boundary at every `advance()`.
 */
import {
  DescribeDBInstancesCommand,
  RDSClient,
  RestoreDBInstanceToPointInTimeCommand,
  type DBInstance,
} from '@aws-sdk/client-rds';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimClock } from '../../sim/clock.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { waitFor } from './helpers.js';

const PASSWORD = 'sim-master-Passw0rd';
const MINUTE = 60_000;

describe('the sim clock maps wall-clock instants back to sim time', () => {
  it('maps an instant read before advance() with the shift before it, even in the same millisecond', () => {
    const clock = new SimClock(1);
    // Many tries: on a boundary taken from Date.now() alone, the reading and the advance share
    // their millisecond most of the time, and a commit in that millisecond moved forward.
    for (let i = 0; i < 50; i++) {
      const before = Date.now();
      const simBefore = clock.now();
      const shift = simBefore - before;
      clock.advance(MINUTE);
      // PostgreSQL stamps commits in microseconds: the latest instant `before` can stand for.
      expect(clock.simTimeAt(before + 0.999)).toBe(before + 0.999 + shift);
      // Everything read after the advance maps with the new shift, as now() does.
      const after = Date.now();
      expect(clock.simTimeAt(after)).toBe(after + shift + MINUTE);
      expect(clock.now()).toBeGreaterThanOrEqual(clock.simTimeAt(after));
    }
  });
});

describe('RDS point-in-time restore by commit time', () => {
  let sim: SimHandle;
  let rds: RDSClient;

  beforeAll(async () => {
    const fixture = withPostgres(loadFixture());
    fixture.rds.instanceQuota = 8;
    sim = await startSim({ fixture, timeScale: 0.001 });
    rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
  });
  afterAll(async () => {
    rds.destroy();
    await sim.stop();
  });

  async function describe1(id: string): Promise<DBInstance> {
    const out = await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }));
    return out.DBInstances![0]!;
  }

  function connect(db: DBInstance): pg.Client {
    return new pg.Client({
      host: db.Endpoint!.Address,
      port: db.Endpoint!.Port,
      database: db.DBName,
      user: db.MasterUsername,
      password: PASSWORD,
    });
  }

  async function emails(db: DBInstance, like = 'c-%'): Promise<string[]> {
    const client = connect(db);
    await client.connect();
    try {
      const { rows } = await client.query<{ email: string }>(
        'SELECT email FROM users WHERE email LIKE $1 ORDER BY email',
        [like],
      );
      return rows.map((r) => r.email);
    } finally {
      await client.end();
    }
  }

  async function restore(id: string, at: number): Promise<DBInstance> {
    await rds.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: 'drop-db',
        TargetDBInstanceIdentifier: id,
        RestoreTime: new Date(at),
        DBSubnetGroupName: 'drop-db-subnets',
        VpcSecurityGroupIds: ['sg-0a1b2c3d4e5f60718'],
      }),
    );
    return waitFor(`${id} available`, async () => {
      sim.advance(MINUTE);
      const db = await describe1(id);
      return db.DBInstanceStatus === 'available' ? db : undefined;
    });
  }

  it('keeps a transaction committed before the time and drops one that wrote before it but committed after', async () => {
    const source = await describe1('drop-db');
    const client = connect(source);
    await client.connect();
    let t: number;
    try {
      await client.query("INSERT INTO users (email) VALUES ('c-committed@example.com')");
      await client.query('BEGIN');
      await client.query("INSERT INTO users (email) VALUES ('c-open@example.com')");
      // Real time apart from the advance: the statement ran clearly before T, only its commit
      // is after it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      // T: the first row committed, the second written but not committed.
      t = sim.now();
      sim.advance(2 * MINUTE);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    sim.advance(10 * MINUTE);
    expect(await emails(source)).toEqual(['c-committed@example.com', 'c-open@example.com']);
    // Restored to T + 30 s: the open transaction committed at T + 2 min, after it.
    const restored = await restore('drop-db-commit', t + 30_000);
    expect(await emails(restored)).toEqual(['c-committed@example.com']);
  });

  it('keeps a row committed just before an advance in a restore to a time read between them', async () => {
    // As the restore rehearsal does: a write, the time read, the clock advanced at once. The
    // commit and the advance share their millisecond about half the time.
    const source = await describe1('drop-db');
    const times: number[] = [];
    for (const k of [0, 1, 2, 3]) {
      const client = connect(source);
      await client.connect();
      await client.query(`INSERT INTO users (email) VALUES ('e-${k}@example.com')`);
      await client.end();
      times.push(sim.now());
      sim.advance(2 * MINUTE);
    }
    sim.advance(10 * MINUTE);
    for (const k of [0, 1, 2, 3]) {
      const restored = await restore(`drop-db-edge-${k}`, times[k]! + 30_000);
      expect(await emails(restored, 'e-%')).toEqual(
        [0, 1, 2, 3].filter((j) => j <= k).map((j) => `e-${j}@example.com`),
      );
    }
  });
});
