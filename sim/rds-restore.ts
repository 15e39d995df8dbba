/**
 * Snapshots that hold data and restores that serve it, for RDS instances backed by a real
 * PostgreSQL (sim/rds-postgres.ts).
 *
 * - A snapshot's data is a copy of the instance's database taken when the snapshot starts
 *   (`CREATE DATABASE … TEMPLATE`, on the same server). The fixture's seeded snapshots share
 *   one copy taken right after seeding.
 * - A restored instance gets its own copy of the snapshot's database and its own endpoint: a
 *   loopback port whose connections are forwarded to the server with the database name
 *   rewritten, so a client connects to the source's DBName there, as on a restored RDS
 *   instance. The port refuses connections until the instance is `available`.
 * - Roles are cluster-wide on the shared server, but a restored instance keeps the login roles
 *   and passwords of its snapshot (or point in time), as on RDS: the snapshot records each
 *   role's SCRAM verifier (sim/rds-roles.ts), the restore makes a role of its own per role with
 *   that verifier (a member of the source's role of that name while it exists, so it reads what
 *   that role owns and was granted), and the endpoint logs each user in as the restore's role.
 *   A password changed on the source after the snapshot does not open the restore, a role the
 *   source created since does not exist there, and ModifyDBInstance on the restore changes
 *   only the restore's.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startLoopbackProxy, type LoopbackProxy } from './loopback-proxy.js';
import type { RdsBacking } from './rds-postgres.js';
import { readRoles, RoleHistory, type RoleClock, type Roles } from './rds-roles.js';

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A superuser session on the server's `postgres` database: never on a database being copied. */
async function admin<T>(instanceAdminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(instanceAdminUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.href, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The data a snapshot holds: a database on the source's server. */
export interface SnapshotData {
  backing: RdsBacking;
  database: string;
  /** The master user's password when the snapshot was taken. */
  masterPassword: string;
  /** The login roles and their verifiers when the snapshot was taken (master's included). */
  roles: Roles;
}

/**
 * Copies `source` into a new database `target` (TEMPLATE). PostgreSQL refuses while another
 * session is connected to the source, so a busy moment is retried briefly (bounded).
 */
async function copyDatabase(adminUrl: string, source: string, target: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(adminUrl, (c) =>
        // FILE_COPY: as sim/postgres.ts makes its own database.
        c.query(`CREATE DATABASE ${ident(target)} TEMPLATE ${ident(source)} STRATEGY = FILE_COPY`),
      );
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === '55006';
      if (!busy || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function captureSnapshot(
  backing: RdsBacking,
  label: string,
  masterPassword: string,
): Promise<SnapshotData> {
  const database = `${backing.database}_snap_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(3).toString('hex')}`;
  // Roles first: a role changed while the data is copied belongs after the snapshot.
  const roles = await backing.roles.record();
  await copyDatabase(backing.adminUrl, backing.database, database);
  return { backing, database, masterPassword, roles };
}

export async function dropDatabase(backing: RdsBacking, database: string): Promise<void> {
  await admin(backing.adminUrl, (c) =>
    c.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`),
  );
}

/** A restored instance's database and endpoint. */
export interface RestoredData {
  backing: RdsBacking;
  /** What the restored instance's endpoint serves. */
  port: number;
  /** The database's real name on the server (clients use the source's DBName). */
  database: string;
  /** Connections are accepted only while this says so (the instance is `available`). */
  open: boolean;
  /** The restore's own master role (the endpoint logs the master user in as it). */
  masterRole: string;
  /** User → the restore's own role the endpoint logs it in as (the master's included). */
  roleFor: Map<string, string>;
  /** The master password of the restore's time, when the sim knows it. */
  masterPassword: string;
  /** The restore's roles over time (by the users' names): what its own snapshots keep. */
  roles: RoleHistory;
  /** Sets a user's password on the restore only (ModifyDBInstance for the master). */
  setPassword(user: string, password: string): Promise<void>;
  stop(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/**
 * A loopback endpoint for one restored database: reads the client's StartupMessage, answers
 * "no" to SSL/GSS requests, rewrites `database` from the source's name to the restored copy's,
 * then forwards bytes both ways.
 */
async function startEndpoint(
  restored: Pick<RestoredData, 'backing' | 'database' | 'open' | 'roleFor'> & {
    /** A role that does not exist: a user the restore's time did not have. */
    absentRole: string;
  },
  clientName: string,
): Promise<LoopbackProxy> {
  return startLoopbackProxy((client, forward) => {
    if (!restored.open) {
      client.destroy();
      return;
    }
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffer = Buffer.concat([buffer, chunk]);
      if (buffer.length < 8) return;
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) return;
      const code = buffer.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        buffer = buffer.subarray(length);
        client.write('N');
        if (buffer.length > 0) onData(Buffer.alloc(0));
        return;
      }
      client.off('data', onData);
      const rest = buffer.subarray(length);
      let startup = buffer.subarray(0, length);
      if (code === 196608) {
        const parts = startup
          .subarray(8, length - 1)
          .toString('utf8')
          .split('\0');
        const pairs: string[] = [];
        for (let i = 0; i + 1 < parts.length; i += 2) {
          const key = parts[i]!;
          let value = parts[i + 1]!;
          if (key === 'database' && value === clientName) value = restored.database;
          // A user the restore's time did not have gets a role that does not exist: refused.
          if (key === 'user') value = restored.roleFor.get(value) ?? restored.absentRole;
          pairs.push(key, value);
        }
        const body = Buffer.from(`${pairs.join('\0')}\0\0`, 'utf8');
        startup = Buffer.alloc(8 + body.length);
        startup.writeInt32BE(8 + body.length, 0);
        startup.writeInt32BE(196608, 4);
        body.copy(startup, 8);
      }
      forward(restored.backing, [startup, rest]);
    };
    client.on('data', onData);
  });
}

/**
 * Restores a snapshot's data into a new database with its own (closed until opened) endpoint,
 * and its own roles: one per login role of the snapshot, with the snapshot's verifier.
 */
export async function restoreSnapshot(
  data: SnapshotData,
  label: string,
  clock: RoleClock,
): Promise<RestoredData> {
  const database = `${data.backing.database}_rst_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(3).toString('hex')}`;
  await copyDatabase(data.backing.adminUrl, data.database, database);
  const master = data.backing.masterUsername;
  // Short names (PostgreSQL cuts identifiers at 63 bytes), one tag per restore.
  const tag = `rst_${randomBytes(4).toString('hex')}`;
  const masterRole = `${tag}_m`;
  const roleFor = new Map<string, string>([[master, masterRole]]);
  let n = 0;
  for (const user of data.roles.keys()) if (user !== master) roleFor.set(user, `${tag}_r${n++}`);
  const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;
  // A verifier (SCRAM-SHA-256$…) is taken as the password's hash, never hashed again.
  const password = (user: string): string => {
    const verifier = data.roles.get(user);
    if (verifier) return `PASSWORD ${literal(verifier)}`;
    if (user === master) return `PASSWORD ${literal(data.masterPassword)}`;
    return 'PASSWORD NULL';
  };
  const created: string[] = [];
  const dropRoles = (): Promise<void> =>
    admin(data.backing.adminUrl, async (c) => {
      for (const role of created.reverse()) await c.query(`DROP ROLE IF EXISTS ${ident(role)}`);
    });
  try {
    await admin(data.backing.adminUrl, async (c) => {
      await c.query(`SET log_statement = 'none'`);
      for (const [user, role] of roleFor) {
        await c.query(`CREATE ROLE ${ident(role)} LOGIN ${password(user)}`);
        created.push(role);
        // The source's role, while it exists, lends its privileges in the copy (a role dropped
        // since owns nothing there: PostgreSQL refuses to drop an owner).
        const stillThere = await c.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [user]);
        if (stillThere.rowCount)
          await c.query(`GRANT ${ident(user)} TO ${ident(role)}`).catch((error: unknown) => {
            if ((error as { code?: string }).code !== '42704') throw error; // dropped meanwhile
          });
      }
    });
  } catch (error) {
    await dropRoles().catch(() => undefined);
    await dropDatabase(data.backing, database).catch(() => undefined);
    throw error;
  }
  const userOf = new Map([...roleFor].map(([user, role]) => [role, user]));
  const roles = new RoleHistory(async () => {
    const rows = await readRoles(data.backing.adminUrl, { names: [...roleFor.values()] });
    return rows.map((r) => ({ ...r, name: userOf.get(r.name)! }));
  }, clock);
  await roles.record();
  const setPassword = async (user: string, value: string): Promise<void> => {
    const role = roleFor.get(user);
    if (!role) throw new Error(`sim: role ${user} does not exist on the restored instance`);
    await admin(data.backing.adminUrl, async (c) => {
      await c.query(`SET log_statement = 'none'`);
      await c.query(`ALTER ROLE ${ident(role)} PASSWORD ${literal(value)}`);
    });
    await roles.record();
    roles.learn(user, value);
  };
  roles.learn(master, data.masterPassword);
  const restored = {
    backing: data.backing,
    database,
    open: false,
    masterRole,
    roleFor,
    absentRole: `${tag}_absent`,
    masterPassword: data.masterPassword,
    roles,
    setPassword,
  };
  const endpoint = await startEndpoint(restored, data.backing.database);
  let stopped = false;
  return Object.assign(restored, {
    port: endpoint.port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      restored.open = false;
      await endpoint.close();
      await dropDatabase(data.backing, database).catch(() => undefined);
      await dropRoles().catch(() => undefined);
    },
  });
}
