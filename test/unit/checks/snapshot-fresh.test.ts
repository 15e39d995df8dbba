import type { RDSClient } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { checkItemSchema } from '../../../core/checks/registry.js';
import { runCheckList } from '../../../core/checks/run-checks.js';
import { bareCheckContext } from '../../helpers/check-context.js';
import type { EnvironmentConfig } from '../../../core/config/schema.js';

/** An RDS client answering DescribeDBSnapshots with fixed pages (Marker → next page). */
function rdsWith(pages: Record<string, unknown>[][]): RDSClient {
  let calls = 0;
  return {
    send: async () => {
      const i = calls++;
      return {
        DBSnapshots: pages[i] ?? [],
        Marker: i + 1 < pages.length ? `m${i + 1}` : undefined,
      };
    },
  } as unknown as RDSClient;
}

const context = (rds: RDSClient) =>
  bareCheckContext({
    env: { database: { instance: 'drop-db' } } as Partial<EnvironmentConfig>,
    aws: { rds },
  });
const item = checkItemSchema.parse({ type: 'snapshot-fresh', 'max-age': '24h' });

describe('snapshot-fresh', () => {
  it('a snapshot still creating has no time and cannot be the fresh one', async () => {
    const [result] = await runCheckList(
      [item],
      context(rdsWith([[{ DBSnapshotIdentifier: 'rds:drop-db-now', Status: 'creating' }]])),
    );
    expect(result).toMatchObject({ status: 'fail', observed: { creating: 1 } });
    expect(result?.line).toMatch(/no finished automated snapshot \(1 still creating\)/);
  });

  it('zero automated snapshots is a fail', async () => {
    const [result] = await runCheckList([item], context(rdsWith([[]])));
    expect(result?.status).toBe('fail');
    expect(result?.line).toMatch(/automated backups are on/);
  });

  it('takes the newest across pages', async () => {
    const old = new Date(Date.now() - 50 * 3_600_000);
    const fresh = new Date(Date.now() - 2 * 3_600_000);
    const [result] = await runCheckList(
      [item],
      context(
        rdsWith([
          [{ DBSnapshotIdentifier: 'a', SnapshotCreateTime: old }],
          [{ DBSnapshotIdentifier: 'b', SnapshotCreateTime: fresh }],
        ]),
      ),
    );
    expect(result).toMatchObject({ status: 'pass', observed: { newest: 'b', pages: 2 } });
  });

  it('a list longer than 50 pages is an error, never a verdict on its first part', async () => {
    const fresh = new Date(Date.now() - 2 * 3_600_000);
    const pages = Array.from({ length: 51 }, (_, i) => [
      { DBSnapshotIdentifier: `s${i}`, SnapshotCreateTime: fresh },
    ]);
    const [result] = await runCheckList([item], context(rdsWith(pages)));
    expect(result).toMatchObject({
      status: 'error',
      observed: { automatedSnapshots: 50, pages: 50, complete: false },
    });
    expect(result?.line).toMatch(/still had more pages after 50 .*the newest is not known/);
  });
});
