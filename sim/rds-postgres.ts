/**
 * A real PostgreSQL behind a sim RDS instance: DescribeDBInstances points its Endpoint at it,
 * the fixture's master user and password really log in, and the fixture's seed tables and rows
 * are there. Opt-in (fixture `postgres:` on the instance, or `startSim({ postgres: true })`),
 * because starting a server costs about a second.
 *
 * With DATABASE_URL set (an existing server), the instance gets a fresh database there, named
 * after the fixture's DBName plus a unique suffix; roles are cluster-wide on a shared server,
 * so the master role's name gets the same suffix.
 */
import pg from 'pg';
import { startPostgres, type LocalPostgres } from './postgres.js';
import { readRoles, RoleHistory, sampleRoles, type RoleClock } from './rds-roles.js';

export interface SeedTable {
  name: string;
  /** Column name → SQL type, e.g. `{ id: 'serial primary key', email: 'text not null' }`. */
  columns: Record<string, string>;
  rows: Record<string, unknown>[];
}

export interface BackingSpec {
  masterUsername: string;
  masterUserPassword: string;
  dbName: string;
  tables: SeedTable[];
  /** Extra SQL run as the master user after the tables (functions, grants, …). */
  sql?: string | undefined;
  /** Sim time, for the roles' history (sim/rds-roles.ts); wall clock without it. */
  clock?: RoleClock | undefined;
}

export interface RdsBacking {
  host: string;
  port: number;
  /** The database's real name (the fixture's DBName, suffixed on a shared server). */
  database: string;
  /** The master role's real name. */
  masterUsername: string;
  /** Superuser connection: the "AWS side" that changes the master password. */
  adminUrl: string;
  /** postgres://<master>:<password>@host:port/<database>, password percent-encoded. */
  urlFor(user: string, password: string): string;
  /** Sets a role's password as RDS does when a ModifyDBInstance is applied. */
  setPassword(user: string, password: string): Promise<void>;
  /** Whether `user`/`password` can log in right now (a real connection and SELECT 1). */
  canLogin(user: string, password: string): Promise<boolean>;
  /** Its login roles and their passwords over time: what a snapshot or restore keeps. */
  roles: RoleHistory;
  /** PostgreSQL's own log (see LocalPostgres.serverLog); absent for a restored copy. */
  serverLog?(): string;
  stop(): Promise<void>;
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

const wallClock: RoleClock = { now: () => Date.now(), simTimeAt: (realMs) => realMs };

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function startRdsBacking(spec: BackingSpec): Promise<RdsBacking> {
  const shared = Boolean(process.env['DATABASE_URL']);
  const server: LocalPostgres = await startPostgres();
  const suffix = shared ? `_${server.database.slice(-8)}` : '';
  const masterUsername = `${spec.masterUsername}${suffix}`;
  const database = shared ? server.database : spec.dbName;
  const adminOn = (db: string): string => {
    const u = new URL(server.adminUrl);
    u.pathname = `/${db}`;
    return u.href;
  };
  const urlFor = (user: string, password: string): string =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${server.host}:${server.port}/${database}`;
  try {
    await withClient(server.adminUrl, async (c) => {
      // RDS's own side sets passwords without logging them: its statements are not the
      // customer's, and never reach the exported PostgreSQL log.
      await c.query(`SET log_statement = 'none'`);
      // RDS's master user is not a superuser, but may create roles and databases.
      await c.query(
        `CREATE ROLE ${ident(masterUsername)} LOGIN CREATEROLE CREATEDB PASSWORD ${literal(spec.masterUserPassword)}`,
      );
      if (!shared)
        // FILE_COPY: as sim/postgres.ts makes its own database.
        await c.query(
          `CREATE DATABASE ${ident(database)} OWNER ${ident(masterUsername)} STRATEGY = FILE_COPY`,
        );
      else await c.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(masterUsername)}`);
    });
    await withClient(adminOn(database), async (c) => {
      await c.query(`ALTER SCHEMA public OWNER TO ${ident(masterUsername)}`);
    });
    await withClient(urlFor(masterUsername, spec.masterUserPassword), async (c) => {
      for (const table of spec.tables) {
        const columns = Object.entries(table.columns).map(([n, t]) => `${ident(n)} ${t}`);
        await c.query(`CREATE TABLE ${ident(table.name)} (${columns.join(', ')})`);
        for (const row of table.rows) {
          const names = Object.keys(row);
          await c.query(
            `INSERT INTO ${ident(table.name)} (${names.map(ident).join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
            names.map((n) => {
              const v = row[n];
              return v !== null && typeof v === 'object' && !(v instanceof Date)
                ? JSON.stringify(v)
                : v;
            }),
          );
        }
      }
      if (spec.sql) await c.query(spec.sql);
    });
  } catch (error) {
    await server.stop();
    throw new Error(`sim: seeding the PostgreSQL behind RDS failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // A server of its own holds only this instance's roles; a shared one, everyone's.
  const roleFilter = shared ? { database } : {};
  const roles = new RoleHistory(
    () => readRoles(server.adminUrl, roleFilter),
    spec.clock ?? wallClock,
  );
  try {
    await roles.record();
  } catch (error) {
    await server.stop();
    throw error;
  }
  roles.learn(masterUsername, spec.masterUserPassword);
  const stopSampling = sampleRoles(roles, server.adminUrl, roleFilter, 250);
  return {
    host: server.host,
    port: server.port,
    database,
    masterUsername,
    adminUrl: adminOn(database),
    urlFor,
    roles,
    serverLog: () => server.serverLog(),
    setPassword: async (user, password) => {
      await withClient(server.adminUrl, async (c) => {
        await c.query(`SET log_statement = 'none'`);
        await c.query(`ALTER ROLE ${ident(user)} PASSWORD ${literal(password)}`);
      });
      await roles.record();
      roles.learn(user, password);
    },
    canLogin: async (user, password) => {
      try {
        await withClient(urlFor(user, password), (c) => c.query('SELECT 1'));
        return true;
      } catch {
        return false;
      }
    },
    stop: async () => {
      await stopSampling();
      if (shared)
        await withClient(server.adminUrl.replace(/\/[^/]*$/, '/postgres'), async (c) => {
          await c.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
          await c.query(`DROP OWNED BY ${ident(masterUsername)}`).catch(() => undefined);
          await c.query(`DROP ROLE IF EXISTS ${ident(masterUsername)}`).catch(() => undefined);
        }).catch(() => undefined);
      await server.stop();
    },
  };
}

/** Drop-like tables for tests and rehearsals: a few users, audit rows, AML alerts, transactions. */
export const DROP_TABLES: SeedTable[] = [
  {
    name: 'users',
    columns: {
      id: 'serial primary key',
      email: 'text not null unique',
      created_at: 'timestamptz not null default now()',
      updated_at: 'timestamptz not null default now()',
    },
    rows: [
      { email: 'ada@example.com' },
      { email: 'grace@example.com' },
      { email: 'linus@example.com' },
    ],
  },
  {
    name: 'audit_log',
    columns: {
      id: 'uuid primary key default gen_random_uuid()',
      action: 'text not null',
      resource_type: 'text not null',
      resource_id: 'text not null',
      details: "jsonb not null default '{}'::jsonb",
      actor: 'text',
      run_url: 'text',
      created_at: 'timestamptz not null default now()',
      updated_at: 'timestamptz not null default now()',
    },
    rows: [{ action: 'user_created', resource_type: 'user', resource_id: '1', details: {} }],
  },
  {
    name: 'aml_alerts',
    columns: { id: 'serial primary key', user_id: 'int not null', status: 'text not null' },
    rows: [{ user_id: 2, status: 'open' }],
  },
  {
    name: 'transactions',
    columns: {
      id: 'serial primary key',
      user_id: 'int not null',
      amount_cents: 'bigint not null',
      created_at: 'timestamptz not null default now()',
    },
    rows: [
      { user_id: 1, amount_cents: 12_500 },
      { user_id: 3, amount_cents: 990 },
    ],
  },
];

/** A fixture whose RDS instances are all backed by PostgreSQL seeded with `tables`. */
export function withPostgres<F extends { rds: { instances: object[] } }>(
  fixture: F,
  tables: SeedTable[] = DROP_TABLES,
): F {
  const copy = structuredClone(fixture);
  copy.rds.instances = copy.rds.instances.map((i) => ({ ...i, postgres: { tables } }));
  return copy;
}
