import { DescribeDBSnapshotsCommand, type DBSnapshot } from '@aws-sdk/client-rds';
import { awsPages } from '../aws/call.js';
import { formatDuration, parseDuration } from '../util/duration.js';
import { databaseInstance } from './fields.js';
import { snapshotFreshSchema } from './schemas/snapshot-fresh.js';
import { defineCheck } from './types.js';

const MAX_PAGES = 50;

/**
 * The runbook's daily "last night's automated snapshot exists and is < 24 h old" (design
 * pitfall 6): automated snapshots only, every page (Marker), and a snapshot still `creating`
 * has no SnapshotCreateTime, so it cannot be the fresh one yet.
 */
export const snapshotFresh = defineCheck({
  ...snapshotFreshSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(check, { env, aws, clock, logger, signal }) {
    const instance = databaseInstance(env);
    if (typeof instance !== 'string') return instance;
    // The one pager (awsPages) reads up to MAX_PAGES; a Marker left after them is said here.
    let pages = 0;
    let marker: string | undefined;
    const snapshots = await awsPages(
      'DescribeDBSnapshots',
      async (token) => {
        const page = await aws.rds.send(
          new DescribeDBSnapshotsCommand({
            DBInstanceIdentifier: instance,
            SnapshotType: 'automated',
            MaxRecords: 100,
            ...(token ? { Marker: token } : {}),
          }),
          { abortSignal: signal },
        );
        pages++;
        marker = page.Marker;
        return { items: page.DBSnapshots, next: page.Marker };
      },
      { clock, logger, signal },
      { maxPages: MAX_PAGES, more: 'stop', of: instance },
    );
    if (marker)
      return {
        status: 'error',
        line: `${instance}: DescribeDBSnapshots still had more pages after ${MAX_PAGES} (${snapshots.length} automated snapshots read); the newest is not known`,
        observed: { instance, automatedSnapshots: snapshots.length, pages, complete: false },
      };
    const maxAgeMs = parseDuration(check['max-age']) ?? 86_400_000;
    const creating = snapshots.filter((s) => !s.SnapshotCreateTime).length;
    const dated = snapshots
      .filter((s): s is DBSnapshot & { SnapshotCreateTime: Date } => !!s.SnapshotCreateTime)
      .sort((a, b) => b.SnapshotCreateTime.getTime() - a.SnapshotCreateTime.getTime());
    const newest = dated[0];
    const observed = { instance, automatedSnapshots: snapshots.length, creating, pages };
    if (!newest)
      return {
        status: 'fail',
        line: `${instance} has no finished automated snapshot${creating ? ` (${creating} still creating)` : ''}: check that automated backups are on (BackupRetentionPeriod > 0)`,
        observed,
      };
    const ageMs = clock.now() - newest.SnapshotCreateTime.getTime();
    const full = {
      ...observed,
      newest: newest.DBSnapshotIdentifier,
      newestAt: newest.SnapshotCreateTime.toISOString(),
      ageMs,
    };
    const evidence = { snapshot: newest.DBSnapshotIdentifier, createdAt: full.newestAt };
    if (ageMs <= maxAgeMs)
      return {
        status: 'pass',
        line: `newest automated snapshot of ${instance} is ${formatDuration(ageMs)} old (${newest.DBSnapshotIdentifier})`,
        observed: full,
        evidence,
      };
    return {
      status: 'fail',
      line: `newest automated snapshot of ${instance} is ${formatDuration(ageMs)} old, more than ${check['max-age']}: check the backup window and the RDS events of the instance`,
      observed: full,
      evidence,
    };
  },
});
