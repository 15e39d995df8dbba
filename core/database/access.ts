/**
 * How this run reaches the environment's database (`database.access`, docs/setup.md "Private
 * databases"): installs the route every connection takes (core/util/pg-client.ts) and checks,
 * before the first change, that the database answers.
 */
import { createAwsClients, type AwsClients } from '../aws/clients.js';
import { runningInstancesTagged } from '../aws/ec2.js';
import { checkSsmTools, openSsmTunnel, TUNNEL_STATE, type SsmTunnel } from '../aws/ssm-tunnel.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { Clock } from '../util/clock.js';
import { parseDuration } from '../util/duration.js';
import { ConfigError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import {
  reachDatabase,
  useDatabaseRoute,
  type DatabaseRoute,
  type RoutedAddress,
} from '../util/pg-client.js';

export interface DatabaseAccessDeps {
  clock: Clock;
  logger: Logger;
  /** The runner's saveState: the post step ends sessions a cancelled run left open. */
  saveState?: (name: string, value: string) => void;
  clients?: AwsClients;
  /** Environment of the `aws` command (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

export interface DatabaseAccess {
  access: 'direct' | 'ssm' | 'runner';
  /** `environments.<name>` for messages. */
  configPath: string;
  reachTimeoutMs: number;
}

/** A session may take a while to start (the plugin's handshake); it has its own deadline. */
const SESSION_START_MS = 30_000;

/**
 * Installs the route of `env.database.access` for this run. With ssm, the instance is found
 * (by id, or by its tag: exactly one running instance) and the tools checked, before any change.
 * Sessions start on first use, one per host and port, and end when the main step ends
 * (closeDatabaseRoute in the action runtime) or, after a cancellation, in the post step.
 */
export async function openDatabaseAccess(
  env: EnvironmentConfig,
  where: { environment: string; configFile: string },
  deps: DatabaseAccessDeps,
): Promise<DatabaseAccess> {
  const configPath = `environments.${where.environment}`;
  const db = env.database;
  const access = db?.access ?? 'direct';
  const reachTimeoutMs = parseDuration(db?.['reach-timeout'] ?? '10s') ?? 10_000;
  if (access !== 'ssm' || !db) {
    await useDatabaseRoute(directRoute(access));
    return { access, configPath, reachTimeoutMs };
  }
  await checkSsmTools(deps.env ?? process.env);
  const via = db.via!;
  let target: string;
  if (typeof via === 'string') target = via;
  else {
    const clients = deps.clients ?? createAwsClients(env.region);
    const found = await runningInstancesTagged(
      clients,
      env.region,
      { key: via.tag, value: via.value },
      deps,
    );
    if (found.length !== 1)
      throw new ConfigError(where.configFile, [
        `${configPath}.database.via: the tag filter ${via.tag}=${via.value} matches ${
          found.length === 0
            ? 'no running instance'
            : `${found.length} running instances (${found.join(', ')})`
        } in ${env.region}; it must match exactly one: name it by id (via: i-…) or use a tag only it carries`,
      ]);
    target = found[0]!;
    deps.logger.info(`database.via: ${via.tag}=${via.value} is ${target}`);
  }
  await useDatabaseRoute(ssmRoute(target, env.region, deps));
  return { access, configPath, reachTimeoutMs };
}

function directRoute(access: DatabaseAccess['access']): DatabaseRoute {
  return {
    access,
    open: (host, port) =>
      Promise.resolve({ host, port, via: `a direct connection to ${host}:${port}` }),
    close: () => Promise.resolve(),
  };
}

function ssmRoute(target: string, region: string, deps: DatabaseAccessDeps): DatabaseRoute {
  // One session per host and port for the whole run, shared by every connection.
  const sessions = new Map<string, Promise<SsmTunnel>>();
  const pids: number[] = [];
  return {
    access: 'ssm',
    open: async (host, port): Promise<RoutedAddress> => {
      const key = `${host}:${port}`;
      let session = sessions.get(key);
      if (!session) {
        session = openSsmTunnel({
          target,
          host,
          port,
          region,
          deadlineMs: SESSION_START_MS,
          logger: deps.logger,
          ...(deps.env ? { env: deps.env } : {}),
        }).then((tunnel) => {
          pids.push(tunnel.pid);
          deps.saveState?.(TUNNEL_STATE, pids.join(','));
          return tunnel;
        });
        sessions.set(key, session);
        // A session that failed to start is not kept: the next connection tries again.
        session.catch(() => sessions.delete(key));
      }
      const tunnel = await session;
      return {
        host: '127.0.0.1',
        port: tunnel.localPort,
        via: `an SSM port-forwarding session through ${target} to ${host}:${port} (127.0.0.1:${tunnel.localPort})`,
      };
    },
    close: async () => {
      const open = [...sessions.values()];
      sessions.clear();
      for (const session of open) {
        const tunnel = await session.catch(() => undefined);
        await tunnel?.close();
      }
      if (open.length > 0) deps.logger.info(`Closed ${open.length} SSM port-forwarding session(s)`);
    },
  };
}

/**
 * Preflight: every database the action will touch answers within the environment's
 * reach-timeout (default 10 s), or the run stops before any change, naming the host, what was
 * tried and the three ways. URLs of one host and port are tried once.
 */
export async function preflightDatabases(
  access: DatabaseAccess,
  urls: readonly { url: string | undefined; what: string }[],
  logger: Logger,
): Promise<void> {
  const seen = new Set<string>();
  for (const { url, what } of urls) {
    if (!url) continue;
    let key: string;
    try {
      const parsed = new URL(url);
      key = `${parsed.hostname}:${parsed.port || '5432'}`;
    } catch {
      key = what;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    await reachDatabase(url, {
      deadlineMs: access.reachTimeoutMs,
      configPath: access.configPath,
      what,
    });
    logger.info(`Preflight: ${what} at ${key} answers (database.access: ${access.access})`);
  }
}
