import { afterEach, describe, expect, it } from 'vitest';
import {
  closeDatabaseRoute,
  pgClient,
  routedUrl,
  useDatabaseRoute,
  type DatabaseRoute,
} from '../../../core/util/pg-client.js';

/** A route to a local port (as an SSM session gives), counting what it was asked. */
function fakeRoute(): DatabaseRoute & { opened: string[]; closed: number } {
  const route = {
    access: 'ssm',
    opened: [] as string[],
    closed: 0,
    open: (host: string, port: number) => {
      route.opened.push(`${host}:${port}`);
      return Promise.resolve({ host: '127.0.0.1', port: 40_001, via: 'a test session' });
    },
    close: () => {
      route.closed++;
      return Promise.resolve();
    },
  };
  return route;
}

afterEach(async () => {
  await closeDatabaseRoute();
});

describe('pgClient through the run’s route', () => {
  it('connects to the local end and still verifies TLS against the database’s own name', async () => {
    const route = fakeRoute();
    await useDatabaseRoute(route);
    const client = await pgClient({
      connectionString:
        'postgres://app:s3cret@drop-db.c0ffee.eu-west-1.rds.amazonaws.com:5432/drop?sslmode=verify-full',
      connectionTimeoutMillis: 1_000,
    });
    expect(route.opened).toEqual(['drop-db.c0ffee.eu-west-1.rds.amazonaws.com:5432']);
    expect(client.host).toBe('127.0.0.1');
    expect(client.port).toBe(40_001);
    expect(client.database).toBe('drop');
    expect(client.user).toBe('app');
    const ssl = (client as unknown as { connectionParameters: { ssl: unknown } })
      .connectionParameters.ssl;
    expect(ssl).toMatchObject({ servername: 'drop-db.c0ffee.eu-west-1.rds.amazonaws.com' });
  });

  it('without a route connects as configured; closing ends the route once', async () => {
    const direct = await pgClient({ connectionString: 'postgres://u:p@db.internal:6543/x' });
    expect([direct.host, direct.port]).toEqual(['db.internal', 6543]);
    const route = fakeRoute();
    await useDatabaseRoute(route);
    expect(await routedUrl('postgres://u:p%40ss@db.internal:6543/x')).toBe(
      'postgres://u:p%40ss@127.0.0.1:40001/x',
    );
    await closeDatabaseRoute();
    await closeDatabaseRoute();
    expect(route.closed).toBe(1);
  });
});
