/**
 * Before a list of checks runs: when one of them reads the database, the environment's route
 * (database.access) is installed and the database must answer within its reach-timeout, or the
 * run stops naming the host and the three ways (docs/setup.md, "Private databases") instead of
 * each item erroring after its own connection timeout.
 */
import type { AwsClients } from '../aws/clients.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { openDatabaseAccess, preflightDatabases } from '../database/access.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import type { CheckSecrets } from './types.js';

/** Check types that connect to the database (a new database check appends its type here). */
export const DATABASE_CHECK_TYPES: readonly string[] = [
  'sql',
  'snapshot-restore',
  'restore-verified',
  'pitr-tested',
  // reads deploys, rotations and drills from the audit database
  'report',
  // the database diagnostics read pg_stat_activity through database-url
  'connections',
  'long-queries',
  'blocking',
];

export async function prepareDatabaseForChecks(
  items: readonly { type: string }[],
  where: { environment: string; configFile: string; env: EnvironmentConfig },
  secrets: CheckSecrets,
  deps: {
    clock: Clock;
    logger: Logger;
    clients?: AwsClients;
    saveState?: (name: string, value: string) => void;
  },
): Promise<void> {
  const access = await openDatabaseAccess(where.env, where, deps);
  if (!items.some((item) => DATABASE_CHECK_TYPES.includes(item.type))) return;
  await preflightDatabases(
    access,
    [
      { url: secrets.databaseUrl, what: 'the database (database-url)' },
      { url: secrets.auditDatabaseUrl, what: 'the audit database (audit-database-url)' },
    ],
    deps.logger,
  );
}
