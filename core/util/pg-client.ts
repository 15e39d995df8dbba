import type pg from 'pg';

/**
 * A pg client, with the driver imported on first use (a separate chunk in the bundles). Every
 * action's configuration schema reaches the sql check, the drill and the audit log, but most
 * runs never connect to a database, and loading pg is a tenth of a bundle's start-up.
 */
export async function pgClient(config: pg.ClientConfig): Promise<pg.Client> {
  const { default: driver } = await import('pg');
  return new driver.Client(config);
}
