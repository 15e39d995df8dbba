import type pg from 'pg';
import { DomainFailure } from './errors.js';

/**
 * The one way the suite opens a PostgreSQL connection (test/unit/one-connection-path.test.ts
 * holds that no other file of core/, actions/ or cli/ imports the driver's value).
 *
 * A database may be private: reachable only inside its VPC. How this run reaches it is the
 * environment's `database.access` (core/database/access.ts), installed here as a route before
 * the first connection. Every database step (audit log, down migration, rotation, drill,
 * `sql` checks) calls `pgClient(config)` exactly as before and is routed without knowing it.
 */

/** Where a connection to `host:port` really goes, and how it got there (for error messages). */
export interface RoutedAddress {
  host: string;
  port: number;
  /** e.g. "an SSM port-forwarding session through i-0123456789abcdef0 (127.0.0.1:41234)". */
  via: string;
}

export interface DatabaseRoute {
  /** "direct", "ssm" or "runner": the environment's database.access. */
  readonly access: string;
  /** Opens (once per host) whatever the connection needs and says where to connect. */
  open(host: string, port: number): Promise<RoutedAddress>;
  /** Closes everything `open` started; safe to call more than once. */
  close(): Promise<void>;
}

let route: DatabaseRoute | undefined;

/** Installs the run's route (one per run); the previous one is closed. */
export async function useDatabaseRoute(next: DatabaseRoute | undefined): Promise<void> {
  const previous = route;
  route = next;
  if (previous && previous !== next) await previous.close();
}

/** Closes the run's tunnels; the action runtime calls it when the main step ends, whatever its outcome. */
export async function closeDatabaseRoute(): Promise<void> {
  const current = route;
  route = undefined;
  await current?.close();
}

export function currentDatabaseAccess(): string {
  return route?.access ?? 'direct';
}

/**
 * A pg client, with the driver imported on first use (a separate chunk in the bundles). Every
 * action's configuration schema reaches the sql check, the drill and the audit log, but most
 * runs never connect to a database, and loading pg is a tenth of a bundle's start-up.
 *
 * Through a route, the connection goes to the route's local address while TLS still verifies
 * the certificate against the database's own host name.
 */
export async function pgClient(config: pg.ClientConfig): Promise<pg.Client> {
  const { default: driver } = await import('pg');
  if (!route) return new driver.Client(config);
  return new driver.Client(await routed(config, route));
}

/**
 * Connects `client`, runs `use` on it, and ends it whatever happens. An 'error' event of the
 * connection is ignored (without a listener it would end the process): the failure reaches
 * the caller as the rejection of the call under way.
 */
export async function usePgClient<T>(
  client: pg.Client,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  client.on('error', () => {});
  try {
    await client.connect();
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The database's own host and port named by a client configuration (URL or fields). */
export async function databaseAddress(config: pg.ClientConfig): Promise<{
  host: string;
  port: number;
  fields: pg.ClientConfig;
}> {
  let fields: pg.ClientConfig = { ...config };
  if (config.connectionString) {
    const { parse } = await import('pg-connection-string');
    const { connectionString: _url, ...rest } = config;
    // The URL's fields win over the object's, as in pg's own ConnectionParameters.
    fields = { ...rest, ...(parse(config.connectionString) as pg.ClientConfig) };
  }
  const host = typeof fields.host === 'string' && fields.host ? fields.host : 'localhost';
  const port = Number(fields.port ?? 5432) || 5432;
  return { host, port, fields };
}

async function routed(config: pg.ClientConfig, through: DatabaseRoute): Promise<pg.ClientConfig> {
  const { host, port, fields } = await databaseAddress(config);
  const target = await through.open(host, port);
  if (target.host === host && target.port === port) return config;
  const ssl = fields.ssl;
  return {
    ...fields,
    host: target.host,
    port: target.port,
    // The certificate names the database's host, not 127.0.0.1: verify against that name.
    ...(ssl ? { ssl: { ...(typeof ssl === 'object' ? ssl : {}), servername: host } } : {}),
  };
}

/** The three ways to reach a private database, for every "cannot reach" message. */
export function reachAdvice(configPath: string): string {
  return (
    `A GitHub-hosted runner is outside your VPC; set ${configPath}.database.access to one of: ` +
    `direct (the host is reachable from the runner, e.g. a publicly accessible instance restricted by security group), ` +
    `ssm with via: <instance id or tag filter> (port forwarding through an instance in the VPC running the SSM agent), ` +
    `runner with runner-label: <label> (run the database jobs on a self-hosted runner inside the VPC). ` +
    `See docs/setup.md, "Private databases".`
  );
}

/** Errors of the network, not of the database: the host was never reached. */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(E[A-Z]+|ENOTFOUND|EAI_AGAIN)$/.test(code)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /timeout|timed out|ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|terminated unexpectedly/i.test(
    message,
  );
}

/** Reported as it is (the configuration or the network must change), never as a bug. */
export class DatabaseUnreachable extends DomainFailure {
  override readonly name = 'DatabaseUnreachable';
}

/**
 * Preflight: opens a connection to the database of `url` within `deadlineMs` and runs
 * `SELECT 1`. Throws DatabaseUnreachable, naming the host, what was tried and the three ways,
 * when the network never reached it; a refused login is the caller's to judge (it proves the
 * host is reachable), so it is returned, never thrown.
 */
export async function reachDatabase(
  url: string,
  options: { deadlineMs: number; configPath: string; what: string },
): Promise<{ reached: true; loginError?: string }> {
  const { host, port } = await databaseAddress({ connectionString: url });
  const access = currentDatabaseAccess();
  let tried = `a direct connection to ${host}:${port}`;
  let timer: NodeJS.Timeout | undefined;
  const attempt = async (): Promise<{ reached: true; loginError?: string }> => {
    if (route) tried = (await route.open(host, port)).via;
    const client = await pgClient({
      connectionString: url,
      connectionTimeoutMillis: options.deadlineMs,
      statement_timeout: options.deadlineMs,
    });
    try {
      await usePgClient(client, (c) => c.query('SELECT 1'));
      return { reached: true };
    } catch (error) {
      if (unreachable(error)) throw error;
      // Reached: the server answered (a refused login, a missing database).
      const code = (error as { code?: string }).code ?? '';
      return { reached: true, loginError: `${code} ${(error as Error).message}`.trim() };
    }
  };
  try {
    return await Promise.race([
      attempt(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no connection within ${options.deadlineMs / 1000} s`)),
          options.deadlineMs,
        );
      }),
    ]);
  } catch (error) {
    // The route's own failure (an SSM session that did not start) already says what to do.
    if (error instanceof DomainFailure) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    // pg's messages name the host and user, never the password; strip the URL anyway.
    const safe = reason.split(url).join('<database url>');
    throw new DatabaseUnreachable(
      `cannot reach ${options.what} at ${host}:${port} (access: ${access}); tried ${tried}: ${safe}. ${reachAdvice(options.configPath)}`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A URL for a program the suite runs (a rollback's down migration), through the run's route:
 * its host and port become the local end of the session. The program then connects to
 * 127.0.0.1, so `sslmode=verify-full` would fail its host name check: such a URL needs
 * `sslmode=require` for the migration (docs/setup.md, "Private databases").
 */
export async function routedUrl(url: string): Promise<string> {
  if (!route) return url;
  const { host, port } = await databaseAddress({ connectionString: url });
  const target = await route.open(host, port);
  if (target.host === host && target.port === port) return url;
  const parsed = new URL(url);
  parsed.hostname = target.host;
  parsed.port = String(target.port);
  return parsed.href;
}
