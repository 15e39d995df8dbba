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
 * - Roles are cluster-wide on the shared server, but a restored instance keeps its master
 *   user's password as it was at the snapshot (as on RDS): the snapshot records it, the restore
 *   makes a role of its own with that password (a member of the source's master role, so it
 *   reads what the master owns), and the endpoint logs the master user in as that role. A
 *   password changed on the source after the snapshot does not open the restore, and
 *   ModifyDBInstance on the restore changes only the restore's.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import type { RdsBacking } from './rds-postgres.js';

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
}

/**
 * Copies `source` into a new database `target` (TEMPLATE). PostgreSQL refuses while another
 * session is connected to the source, so a busy moment is retried briefly (bounded).
 */
async function copyDatabase(adminUrl: string, source: string, target: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(adminUrl, (c) =>
        c.query(`CREATE DATABASE ${ident(target)} TEMPLATE ${ident(source)}`),
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
  await copyDatabase(backing.adminUrl, backing.database, database);
  return { backing, database, masterPassword };
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
  /** Sets the restore's master password (ModifyDBInstance on the restored instance). */
  setMasterPassword(password: string): Promise<void>;
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
  restored: Pick<RestoredData, 'backing' | 'database' | 'open' | 'masterRole'>,
  clientName: string,
): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
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
          if (key === 'user' && value === restored.backing.masterUsername)
            value = restored.masterRole;
          pairs.push(key, value);
        }
        const body = Buffer.from(`${pairs.join('\0')}\0\0`, 'utf8');
        startup = Buffer.alloc(8 + body.length);
        startup.writeInt32BE(8 + body.length, 0);
        startup.writeInt32BE(196608, 4);
        body.copy(startup, 8);
      }
      const upstream = net.connect(restored.backing.port, restored.backing.host, () => {
        upstream.write(startup);
        if (rest.length > 0) upstream.write(rest);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Restores a snapshot's data into a new database with its own (closed until opened) endpoint. */
export async function restoreSnapshot(data: SnapshotData, label: string): Promise<RestoredData> {
  const database = `${data.backing.database}_rst_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(3).toString('hex')}`;
  await copyDatabase(data.backing.adminUrl, data.database, database);
  const masterRole = `${database}_master`;
  const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;
  await admin(data.backing.adminUrl, async (c) => {
    await c.query(
      `CREATE ROLE ${ident(masterRole)} LOGIN PASSWORD ${literal(data.masterPassword)}`,
    );
    await c.query(`GRANT ${ident(data.backing.masterUsername)} TO ${ident(masterRole)}`);
  });
  const setMasterPassword = (password: string): Promise<void> =>
    admin(data.backing.adminUrl, async (c) => {
      await c.query(`ALTER ROLE ${ident(masterRole)} PASSWORD ${literal(password)}`);
    });
  const restored = { backing: data.backing, database, open: false, masterRole, setMasterPassword };
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
      await admin(data.backing.adminUrl, (c) =>
        c.query(`DROP ROLE IF EXISTS ${ident(masterRole)}`),
      ).catch(() => undefined);
    },
  });
}
