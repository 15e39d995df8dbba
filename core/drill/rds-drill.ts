import {
  DeleteDBInstanceCommand,
  ModifyDBInstanceCommand,
  type DBInstance,
  type DBSnapshot,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { AWS_RETRY, awsCall, awsErrorName, type AwsCallDeps } from '../aws/call.js';
import {
  BROKEN_INSTANCE_STATES as BROKEN,
  allDbInstances,
  dbSnapshotsOf,
  describeDbInstance,
  isInstanceNotFound,
  networkOf,
  sendInstanceRestore,
} from '../aws/rds.js';
import { DomainFailure } from '../util/errors.js';
import { retry } from '../util/retry.js';
import { waitFor, type WaitOptions } from '../util/wait.js';

/** The tag every drill instance carries; cleanup deletes only instances that have it. */
export const DRILL_TAG = { Key: 'apprunner-ops:drill', Value: 'true' } as const;

export class DrillFailed extends DomainFailure {
  override readonly name = 'DrillFailed';
}

const notFound = isInstanceNotFound;

/** `<instance>-drill-<YYYYMMDD>`, shortened on the left to RDS's 63 characters. */
export function drillInstanceId(source: string, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  const suffix = `-drill-${day}`;
  return `${source.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`.toLowerCase();
}

/** Whether an instance is one of this source's drills: the name pattern AND the tag. */
export function isDrillOf(source: string, instance: DBInstance): boolean {
  const id = instance.DBInstanceIdentifier ?? '';
  const stem = drillInstanceId(source, new Date(0)).slice(0, -8);
  return (
    id.startsWith(stem) &&
    /^\d{8}$/.test(id.slice(stem.length)) &&
    (instance.TagList ?? []).some((t) => t.Key === DRILL_TAG.Key && t.Value === DRILL_TAG.Value)
  );
}

export interface DrillTiming {
  restoreTimeoutMs: number;
  deleteTimeoutMs: number;
  pollIntervalMs: number;
}

/** The RDS side of a restore drill. Never sends a mutating call naming the source. */
export class RdsDrill {
  constructor(
    private readonly client: RDSClient,
    readonly source: string,
    private readonly deps: AwsCallDeps,
    private readonly signal?: AbortSignal,
  ) {}

  /**
   * One wait on RDS: the timing's poll interval, the deps' clock and logger, and the signal
   * given (deleting passes its own, possibly none: cleaning up must run after an abort too).
   */
  private wait<T>(
    what: string,
    timeoutMs: number,
    timing: DrillTiming,
    signal: AbortSignal | undefined,
    probe: WaitOptions<T>['probe'],
  ): Promise<T> {
    return waitFor({
      what,
      timeoutMs,
      intervalMs: timing.pollIntervalMs,
      clock: this.deps.clock,
      logger: this.deps.logger,
      ...(signal ? { signal } : {}),
      probe,
    });
  }

  describe(id: string): Promise<DBInstance | undefined> {
    return describeDbInstance(this.client, id, this.deps);
  }

  /** Every instance of the account and region, following Marker (bounded). */
  all(): Promise<DBInstance[]> {
    return allDbInstances(this.client, this.deps);
  }

  /** Drill instances of this source (tagged and named as drills), e.g. left by a killed run. */
  async leftovers(): Promise<DBInstance[]> {
    return (await this.all()).filter((i) => isDrillOf(this.source, i));
  }

  /**
   * The newest available snapshot of the source: automated, or manual with the pre-deploy
   * prefix. Creating snapshots have no SnapshotCreateTime and are skipped.
   */
  async newestSnapshot(kind: 'automated' | { prefix: string }): Promise<DBSnapshot> {
    const found = await dbSnapshotsOf(
      this.client,
      this.source,
      kind === 'automated' ? 'automated' : 'manual',
      this.deps,
      { maxPages: 200, of: `${this.source} (the newest snapshot is not known)` },
    );
    const usable = found
      .filter((s) => s.Status === 'available' && s.SnapshotCreateTime)
      .filter((s) => kind === 'automated' || (s.DBSnapshotIdentifier ?? '').startsWith(kind.prefix))
      .sort((a, b) => b.SnapshotCreateTime!.getTime() - a.SnapshotCreateTime!.getTime());
    const newest = usable[0];
    if (!newest)
      throw new DrillFailed(
        kind === 'automated'
          ? `${this.source} has no available automated snapshot to restore; check its backup retention (BackupRetentionPeriod > 0)`
          : `${this.source} has no available snapshot named ${kind.prefix}*; deploy once with snapshots on, or choose snapshot: newest-automated`,
      );
    return newest;
  }

  /**
   * RestoreDBInstanceFromDBSnapshot with the source's network and parameter group, private,
   * tagged as a drill. Not idempotent: a retry that finds the instance already there adopts it
   * only when it is our drill (same tag and snapshot), else it fails.
   */
  async restore(input: {
    id: string;
    /** A snapshot id, or a point in time of the source (RestoreDBInstanceToPointInTime). */
    from: { snapshotId: string } | { time: Date };
    instanceClass: string;
    like: DBInstance;
  }): Promise<void> {
    const { subnetGroup, securityGroups, parameterGroup } = networkOf(input.like);
    if (!subnetGroup || securityGroups.length === 0 || !parameterGroup)
      throw new DrillFailed(
        `${this.source} does not report its subnet group, security groups and parameter group; a restore without them lands in the default (possibly open) network, so the drill does not start`,
      );
    let attempts = 0;
    await retry(
      async () => {
        attempts++;
        try {
          await sendInstanceRestore(this.client, {
            id: input.id,
            source: this.source,
            from: 'time' in input.from ? input.from : { snapshot: input.from.snapshotId },
            settings: {
              DBSubnetGroupName: subnetGroup,
              VpcSecurityGroupIds: securityGroups,
              DBParameterGroupName: parameterGroup,
              PubliclyAccessible: false,
              DBInstanceClass: input.instanceClass,
              DeletionProtection: false,
              Tags: [{ ...DRILL_TAG }, { Key: 'apprunner-ops:source', Value: this.source }],
            },
            snapshotOnly: { MultiAZ: false, CopyTagsToSnapshot: false },
          });
        } catch (error) {
          if (attempts > 1 && awsErrorName(error) === 'DBInstanceAlreadyExistsFault') {
            const there = await this.describe(input.id);
            if (there && isDrillOf(this.source, there)) return;
          }
          throw error;
        }
      },
      {
        label:
          'time' in input.from
            ? 'RestoreDBInstanceToPointInTime'
            : 'RestoreDBInstanceFromDBSnapshot',
        ...AWS_RETRY,
        // Only answers that mean "not done": throttling. A 5xx may have created it: the
        // retry then meets DBInstanceAlreadyExists and adopts our own drill.
        isRetryable: (e) =>
          ['Throttling', 'ThrottlingException', 'InternalFailure', 'ServiceUnavailable'].includes(
            awsErrorName(e) ?? '',
          ),
        clock: this.deps.clock,
        logger: this.deps.logger,
      },
    );
  }

  /**
   * Gives the drill instance a master password of its own (ModifyDBInstance, applied at once)
   * and waits until RDS applied it. A restore has the snapshot's passwords, which a rotation
   * since has made stale; the drill logs in with this one. Refuses any instance that is not a
   * tagged drill of this source: the source's password is never touched.
   */
  async setMasterPassword(id: string, password: string, timing: DrillTiming): Promise<DBInstance> {
    const instance = await this.describe(id);
    if (!instance || !isDrillOf(this.source, instance))
      throw new DrillFailed(
        `refusing to set the master password of ${id}: it is not a drill instance of ${this.source}`,
      );
    await awsCall(
      'ModifyDBInstance',
      () =>
        this.client.send(
          new ModifyDBInstanceCommand({
            DBInstanceIdentifier: id,
            MasterUserPassword: password,
            ApplyImmediately: true,
          }),
        ),
      // Setting the same password twice is harmless: retried like a read.
      this.deps,
    );
    return this.wait(
      `drill instance ${id} to apply its new master password`,
      timing.restoreTimeoutMs,
      timing,
      this.signal,
      async () => {
        const now = await this.describe(id);
        const status = now?.DBInstanceStatus ?? 'not listed';
        if (now && status === 'available' && !now.PendingModifiedValues?.MasterUserPassword)
          return { done: true, value: now };
        if (BROKEN.has(status))
          throw new DrillFailed(`drill instance ${id} ended in state "${status}"`);
        return { done: false, status };
      },
    );
  }

  /** Waits for `available`; a state it cannot leave is a failure at once. */
  async waitAvailable(id: string, timing: DrillTiming): Promise<DBInstance> {
    return this.wait(
      `drill instance ${id} to be available`,
      timing.restoreTimeoutMs,
      timing,
      this.signal,
      async () => {
        const instance = await this.describe(id);
        const status = instance?.DBInstanceStatus ?? 'not listed yet';
        if (instance && status === 'available') return { done: true, value: instance };
        if (BROKEN.has(status))
          throw new DrillFailed(
            `drill instance ${id} ended in state "${status}"; the restore failed`,
          );
        return { done: false, status };
      },
    );
  }

  /**
   * Deletes a drill instance (SkipFinalSnapshot) and waits until it is gone. Refuses anything
   * that is not a tagged drill of this source. An instance RDS will not delete yet (e.g. still
   * in a state that refuses it) is waited for and asked again, within the same deadline.
   */
  async deleteDrill(id: string, timing: DrillTiming, signal?: AbortSignal): Promise<void> {
    const started = this.deps.clock.now();
    const instance = await this.describe(id);
    if (!instance) return;
    if (!isDrillOf(this.source, instance))
      throw new Error(
        `refusing to delete ${id}: it is not a drill instance of ${this.source} (name and tag ${DRILL_TAG.Key}=true)`,
      );
    await this.wait(
      `drill instance ${id} to accept DeleteDBInstance`,
      timing.deleteTimeoutMs,
      timing,
      signal,
      async () => {
        try {
          await awsCall(
            'DeleteDBInstance',
            () =>
              this.client.send(
                new DeleteDBInstanceCommand({
                  DBInstanceIdentifier: id,
                  SkipFinalSnapshot: true,
                  DeleteAutomatedBackups: true,
                }),
              ),
            this.deps,
          );
          return { done: true, value: undefined };
        } catch (error) {
          if (notFound(error)) return { done: true, value: undefined };
          const name = awsErrorName(error);
          if (name === 'InvalidDBInstanceStateFault') {
            const now = await this.describe(id);
            if (!now || now.DBInstanceStatus === 'deleting')
              return { done: true, value: undefined };
            return { done: false, status: `${now.DBInstanceStatus} (${name})` };
          }
          throw error;
        }
      },
    );
    const left = Math.max(1, timing.deleteTimeoutMs - (this.deps.clock.now() - started));
    await this.wait(`drill instance ${id} to be deleted`, left, timing, signal, async () => {
      const now = await this.describe(id);
      return now
        ? { done: false, status: now.DBInstanceStatus ?? 'unknown' }
        : { done: true, value: undefined };
    });
  }
}

/**
 * For a post step (or the next run): finds this source's drill instances by tag and deletes
 * them, waiting until they are gone. Returns their ids. Never touches anything else.
 */
export async function cleanupDrill(
  client: RDSClient,
  source: string,
  timing: DrillTiming,
  deps: AwsCallDeps,
): Promise<string[]> {
  const drill = new RdsDrill(client, source, deps);
  const found = await drill.leftovers();
  for (const instance of found) {
    const id = instance.DBInstanceIdentifier!;
    deps.logger.warning(
      `Deleting drill instance ${id} (status ${instance.DBInstanceStatus ?? 'unknown'}), left by an earlier or cancelled drill`,
    );
    await drill.deleteDrill(id, timing);
  }
  return found.map((i) => i.DBInstanceIdentifier!);
}
