/**
 * Makes the sim's drop database take no new connection (ALTER DATABASE … ALLOW_CONNECTIONS),
 * superusers included: the app's health check fails on it while a redeploy is verified. The
 * rotation tests use it to make a redeploy fail, now that a redeploy never pulls a moved tag.
 */
import pg from 'pg';
import type { RotationWorld } from '../../sim/rotation-world.js';

export async function allowConnections(world: RotationWorld, allow: boolean): Promise<void> {
  const maintenance = world.sim.database('drop-db').adminUrl.replace(/\/drop$/, '/postgres');
  const client = new pg.Client({ connectionString: maintenance });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE drop ALLOW_CONNECTIONS ${allow}`);
  } finally {
    await client.end();
  }
}
