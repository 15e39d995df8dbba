/**
 * RestoreDBInstanceToPointInTime, as strict as RDS: a time inside the source's restore window
 * (from the later of its creation and the backup retention period's start, to its
 * LatestRestorableTime, five minutes ago) or UseLatestRestorableTime, never both; refused when
 * the source keeps no backups (BackupRetentionPeriod 0). The new instance is made like a
 * snapshot restore (rds-restore-ops.ts restoreInto: same network, parameter and quota checks);
 * a backed source's data is its database as it was at that time (sim/rds-history.ts).
 */
import { AwsError } from '../aws/protocol.js';
import { optString, reqString, type Input } from '../aws/service.js';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import { captureAt } from '../rds-history.js';
import { dropDatabase, restoreSnapshot } from '../rds-restore.js';
import { rdsInputs, type DbInstance, type RdsStore } from './rds-model.js';
import { optBool, restoreInto, targetId } from './rds-restore-ops.js';

/** RDS's LatestRestorableTime trails the present by about five minutes (log upload). */
export const RESTORE_LAG_MS = 300_000;

const SUPPORTED = new Set([
  'SourceDBInstanceIdentifier',
  'SourceDbiResourceId',
  'TargetDBInstanceIdentifier',
  'RestoreTime',
  'UseLatestRestorableTime',
  'DBSubnetGroupName',
  'VpcSecurityGroupIds',
  'DBParameterGroupName',
  'DBInstanceClass',
  'PubliclyAccessible',
  'DeletionProtection',
  'Tags',
]);

/** The times an instance can be restored to now: [earliest, latest]. */
export function restoreWindow(
  instance: DbInstance,
  now: number,
): { earliest: number; latest: number } {
  const retentionMs = instance.fixture.backupRetentionPeriod * 86_400_000;
  return {
    earliest: Math.max(instance.createdAt, now - retentionMs),
    latest: now - RESTORE_LAG_MS,
  };
}

export async function restoreToPointInTime(
  world: { rds: RdsStore; clock: SimClock; fixture: Fixture },
  input: Input,
): Promise<Input> {
  const { rds, clock, fixture } = world;
  const unsupported = Object.keys(input).filter((k) => !SUPPORTED.has(k));
  if (unsupported.length > 0)
    throw new AwsError(
      'InvalidParameterValue',
      `sim: RestoreDBInstanceToPointInTime does not model ${unsupported.join(', ')}`,
    );
  const id = targetId(
    reqString(input, 'TargetDBInstanceIdentifier', rdsInputs),
    'TargetDBInstanceIdentifier',
  );
  const byName = optString(input, 'SourceDBInstanceIdentifier', rdsInputs);
  const byResource = optString(input, 'SourceDbiResourceId', rdsInputs);
  if ((byName === undefined) === (byResource === undefined))
    throw new AwsError(
      'InvalidParameterCombination',
      'Exactly one of SourceDBInstanceIdentifier or SourceDbiResourceId must be specified.',
    );
  const source =
    byName !== undefined
      ? rds.instance(byName)
      : [...rds.instances.values()].find((i) => i.resourceId === byResource);
  if (!source) throw new AwsError('DBInstanceNotFound', `DBInstance ${byResource} not found.`, 404);
  const latestWanted = optBool(input, 'UseLatestRestorableTime') === true;
  const raw = optString(input, 'RestoreTime', rdsInputs);
  if (latestWanted && raw !== undefined)
    throw new AwsError(
      'InvalidParameterCombination',
      'Cannot specify both RestoreTime and UseLatestRestorableTime.',
    );
  if (!latestWanted && raw === undefined)
    throw new AwsError(
      'InvalidParameterCombination',
      'Either RestoreTime or UseLatestRestorableTime must be specified.',
    );
  if (source.fixture.backupRetentionPeriod === 0)
    throw new AwsError(
      'PointInTimeRestoreNotEnabled',
      `Point-in-time restore is not enabled for DB instance ${source.id}: its backup retention period is 0.`,
    );
  if (source.status === 'creating' || source.status === 'deleting')
    throw new AwsError(
      'InvalidDBInstanceState',
      `Database instance ${source.id} is ${source.status}; it cannot be restored from.`,
    );
  const now = clock.now();
  const window = restoreWindow(source, now);
  const target = raw === undefined ? window.latest : Date.parse(raw);
  if (target < window.earliest || target > window.latest)
    throw new AwsError(
      'InvalidRestoreFault',
      `Restore time ${new Date(target).toISOString()} is not within the restorable window of ${source.id} (${new Date(window.earliest).toISOString()} to ${new Date(window.latest).toISOString()}).`,
    );
  const backing = source.backing;
  return restoreInto(rds, fixture, clock, input, {
    id,
    source,
    restoredFrom: `${source.id}@${new Date(target).toISOString()}`,
    masterPassword: source.masterPassword,
    data: async () => {
      if (!backing) return undefined;
      const at = await captureAt(backing, `pitr${id}`, source.masterPassword, target, (real) =>
        clock.simTimeAt(real),
      );
      try {
        return await restoreSnapshot(at, id, clock);
      } finally {
        await dropDatabase(backing, at.database);
      }
    },
  });
}
