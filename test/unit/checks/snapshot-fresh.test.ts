import type { RDSClient } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { checkItemSchema } from '../../../core/checks/registry.js';
import { runCheckList, type SharedCheckContext } from '../../../core/checks/run-checks.js';
import { systemClock } from '../../../core/util/clock.js';
import { recordingLogger } from '../../../core/util/logger.js';

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

const context = (rds: RDSClient): SharedCheckContext => ({
  environment: 'production',
  env: {
    database: { instance: 'drop-db' },
    target: {
      kind: 'app-runner',
      'service-arn':
        'arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/0123456789abcdef0123456789abcdef',
    },
  } as SharedCheckContext['env'],
  aws: { rds } as SharedCheckContext['aws'],
  secrets: {},
  run: undefined,
  clock: systemClock,
  logger: recordingLogger(),
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
});
