import {
  CreateDBSnapshotCommand,
  DeleteDBSnapshotCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotsCommand,
  RestoreDBInstanceFromDBSnapshotCommand,
  RestoreDBInstanceToPointInTimeCommand,
  type DBInstance,
  type DBSnapshot,
  type RDSClient,
  type RestoreDBInstanceFromDBSnapshotCommandInput,
  type RestoreDBInstanceToPointInTimeCommandInput,
} from '@aws-sdk/client-rds';
import { DomainFailure } from '../util/errors.js';
import { waitWith } from '../util/wait.js';
import { awsCall, awsErrorName, awsPages, type AwsCallDeps } from './call.js';

/** RDS's answer for an instance that is not there (the name differs by protocol version). */
export const isInstanceNotFound = (error: unknown): boolean =>
  ['DBInstanceNotFoundFault', 'DBInstanceNotFound'].includes(awsErrorName(error) ?? '');

/** RDS's answer for a snapshot that is not there (the name differs by protocol version). */
const isSnapshotNotFound = (error: unknown): boolean =>
  ['DBSnapshotNotFoundFault', 'DBSnapshotNotFound'].includes(awsErrorName(error) ?? '');

/** One instance by name, or undefined when RDS has none by that name. */
export async function describeDbInstance(
  client: RDSClient,
  id: string,
  deps: AwsCallDeps,
): Promise<DBInstance | undefined> {
  try {
    const out = await awsCall(
      'DescribeDBInstances',
      () => client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id })),
      deps,
    );
    return out.DBInstances?.[0];
  } catch (error) {
    if (isInstanceNotFound(error)) return undefined;
    throw error;
  }
}

/** Every instance of the account and region, following Marker (a list read in part is an error). */
export function allDbInstances(client: RDSClient, deps: AwsCallDeps): Promise<DBInstance[]> {
  return awsPages(
    'DescribeDBInstances',
    async (marker) => {
      const res = await client.send(
        new DescribeDBInstancesCommand({ Marker: marker, MaxRecords: 100 }),
      );
      return { items: res.DBInstances, next: res.Marker };
    },
    deps,
    { maxPages: 200 },
  );
}

/**
 * The snapshots of one instance of one type, following Marker up to `maxPages` pages (a list
 * read in part is an error naming `of`).
 */
export function dbSnapshotsOf(
  client: RDSClient,
  instance: string,
  type: 'automated' | 'manual',
  deps: AwsCallDeps,
  options: { maxPages: number; of: string },
): Promise<DBSnapshot[]> {
  return awsPages(
    'DescribeDBSnapshots',
    async (marker) => {
      const res = await client.send(
        new DescribeDBSnapshotsCommand({
          DBInstanceIdentifier: instance,
          SnapshotType: type,
          Marker: marker,
          MaxRecords: 100,
        }),
      );
      return { items: res.DBSnapshots, next: res.Marker };
    },
    deps,
    options,
  );
}

/** States a restoring (or restored) instance does not come back from. */
export const BROKEN_INSTANCE_STATES: ReadonlySet<string> = new Set([
  'failed',
  'incompatible-restore',
  'incompatible-parameters',
  'incompatible-network',
  'inaccessible-encryption-credentials',
  'restore-error',
  'storage-full',
]);

/**
 * The network and parameter group of `like` that a restore copies so the new instance sits
 * where `like` does; a field `like` does not report is undefined (an empty list for the
 * security groups), for the caller to refuse with its own words.
 */
export function networkOf(like: DBInstance): {
  subnetGroup: string | undefined;
  securityGroups: string[];
  parameterGroup: string | undefined;
} {
  return {
    subnetGroup: like.DBSubnetGroup?.DBSubnetGroupName,
    securityGroups: (like.VpcSecurityGroups ?? []).flatMap((g) =>
      g.VpcSecurityGroupId ? [g.VpcSecurityGroupId] : [],
    ),
    parameterGroup: like.DBParameterGroups?.[0]?.DBParameterGroupName,
  };
}

/** What both restore calls take alike. */
export type RestoreSettings = Pick<
  RestoreDBInstanceToPointInTimeCommandInput & RestoreDBInstanceFromDBSnapshotCommandInput,
  | 'DBSubnetGroupName'
  | 'VpcSecurityGroupIds'
  | 'DBParameterGroupName'
  | 'DBInstanceClass'
  | 'PubliclyAccessible'
  | 'DeletionProtection'
  | 'Tags'
>;

/**
 * Restores `source` into `id`: to a point in time (RestoreDBInstanceToPointInTime) or from a
 * snapshot (RestoreDBInstanceFromDBSnapshot), with `settings` either way and `snapshotOnly`
 * added to the snapshot restore. One request, not retried here: a restore is not idempotent,
 * and whether to send it again is the caller's to decide.
 */
export async function sendInstanceRestore(
  client: RDSClient,
  input: {
    id: string;
    source: string;
    from: { time: Date } | { snapshot: string };
    settings: RestoreSettings;
    snapshotOnly?: Pick<
      RestoreDBInstanceFromDBSnapshotCommandInput,
      'MultiAZ' | 'CopyTagsToSnapshot'
    >;
  },
): Promise<void> {
  if ('time' in input.from)
    await client.send(
      new RestoreDBInstanceToPointInTimeCommand({
        SourceDBInstanceIdentifier: input.source,
        TargetDBInstanceIdentifier: input.id,
        RestoreTime: input.from.time,
        ...input.settings,
      }),
    );
  else
    await client.send(
      new RestoreDBInstanceFromDBSnapshotCommand({
        DBInstanceIdentifier: input.id,
        DBSnapshotIdentifier: input.from.snapshot,
        ...input.snapshotOnly,
        ...input.settings,
      }),
    );
}

export class DatabaseNotReady extends DomainFailure {
  override readonly name = 'DatabaseNotReady';
}

/** RDS snapshot identifiers: letters, digits, hyphens; a letter first; no "--"; no trailing "-"; ≤ 255. */
export function isValidSnapshotId(id: string): boolean {
  return (
    id.length <= 255 &&
    /^[A-Za-z][A-Za-z0-9-]*$/.test(id) &&
    !id.includes('--') &&
    !id.endsWith('-')
  );
}

/** `<prefix>-YYYYMMDD-HHMM[-<sha7>]` in UTC. */
export function snapshotId(prefix: string, at: Date, sha7?: string): string {
  const iso = at.toISOString();
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  // RDS stores identifiers lowercase: make them so, so what is listed later compares equal.
  const id = `${prefix.replace(/-+$/, '').toLowerCase()}-${stamp}${sha7 ? `-${sha7.toLowerCase()}` : ''}`;
  if (!isValidSnapshotId(id)) throw new Error(`snapshot id ${id} is not a valid RDS identifier`);
  return id;
}

export class RdsInstance {
  constructor(
    private readonly client: RDSClient,
    readonly instanceId: string,
    private readonly deps: AwsCallDeps,
  ) {}

  async status(): Promise<string> {
    const instance = await describeDbInstance(this.client, this.instanceId, this.deps);
    if (!instance)
      throw new DatabaseNotReady(
        `RDS instance ${this.instanceId} does not exist; check database.instance in the configuration`,
      );
    return instance.DBInstanceStatus ?? 'unknown';
  }

  /** The ARN of the master secret RDS manages (ManageMasterUserPassword), if it manages one. */
  async managedMasterSecretArn(): Promise<string | undefined> {
    const instance = await describeDbInstance(this.client, this.instanceId, this.deps);
    return instance?.MasterUserSecret?.SecretArn;
  }

  /**
   * A snapshot needs the instance "available or storage-optimization" (CreateDBSnapshot
   * reference; storage optimisation after a storage change lasts hours); say so before
   * anything changes.
   */
  async assertAvailable(): Promise<void> {
    const status = await this.status();
    if (status !== 'available' && status !== 'storage-optimization') {
      throw new DatabaseNotReady(
        `RDS instance ${this.instanceId} is "${status}", and a snapshot needs it "available" (or "storage-optimization"); wait for it to finish, or run with snapshot: false if you accept deploying without one`,
      );
    }
  }

  /**
   * Creates a manual snapshot and returns its id. An id already taken by an earlier run
   * (a second deploy of the same commit within a minute) gets a "-2", "-3"… suffix; but when
   * a retried call finds the id it just asked for, the first attempt went through and the
   * snapshot is ours.
   */
  async createSnapshot(id: string): Promise<string> {
    for (let n = 1; n <= 9; n++) {
      const candidate = n === 1 ? id : `${id}-${n}`;
      let retried = false;
      const created = await awsCall(
        'CreateDBSnapshot',
        async (attempt) => {
          retried = attempt > 1;
          try {
            await this.client.send(
              new CreateDBSnapshotCommand({
                DBInstanceIdentifier: this.instanceId,
                DBSnapshotIdentifier: candidate,
              }),
            );
            return true;
          } catch (error) {
            if (
              awsErrorName(error) === 'DBSnapshotAlreadyExistsFault' ||
              awsErrorName(error) === 'DBSnapshotAlreadyExists'
            )
              return retried;
            throw error;
          }
        },
        this.deps,
      );
      if (created) return candidate;
    }
    throw new DatabaseNotReady(
      `RDS snapshot ids ${id} to ${id}-9 are all taken; delete old ones or wait a minute`,
    );
  }

  async describeSnapshot(id: string): Promise<DBSnapshot | undefined> {
    try {
      const out = await awsCall(
        'DescribeDBSnapshots',
        () => this.client.send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: id })),
        this.deps,
      );
      return out.DBSnapshots?.[0];
    } catch (error) {
      if (isSnapshotNotFound(error)) return undefined;
      throw error;
    }
  }

  /**
   * Our own bounded wait: the SDK's DBSnapshotCompleted waiter counts "not found" as done,
   * which would report a snapshot that never existed as complete.
   */
  async waitForSnapshot(id: string, timeoutMs: number, intervalMs: number): Promise<DBSnapshot> {
    return waitWith(
      this.deps,
      `RDS snapshot ${id} to be available`,
      { timeoutMs, intervalMs },
      async () => {
        const snapshot = await this.describeSnapshot(id);
        if (!snapshot) return { done: false, status: 'not listed yet' };
        if (snapshot.Status === 'available') return { done: true, value: snapshot };
        if (snapshot.Status === 'failed' || snapshot.Status === 'error') {
          throw new DatabaseNotReady(`RDS snapshot ${id} failed (status ${snapshot.Status})`);
        }
        return { done: false, status: `${snapshot.Status} (${snapshot.PercentProgress ?? 0}%)` };
      },
    );
  }

  /** Manual snapshots of this instance whose id matches `own`, newest first. */
  async manualSnapshots(own: RegExp): Promise<DBSnapshot[]> {
    const all = await dbSnapshotsOf(this.client, this.instanceId, 'manual', this.deps, {
      maxPages: 100,
      of: this.instanceId,
    });
    // RDS lists identifiers lowercase, whatever case they were created with.
    const found = all.filter((s) => own.test((s.DBSnapshotIdentifier ?? '').toLowerCase()));
    return found.sort(
      (a, b) =>
        (b.SnapshotCreateTime?.getTime() ?? Infinity) -
        (a.SnapshotCreateTime?.getTime() ?? Infinity),
    );
  }

  async deleteSnapshot(id: string): Promise<void> {
    await awsCall(
      'DeleteDBSnapshot',
      async (attempt) => {
        try {
          await this.client.send(new DeleteDBSnapshotCommand({ DBSnapshotIdentifier: id }));
        } catch (error) {
          // A retry that finds it gone: the earlier attempt deleted it and its answer was lost.
          if (attempt > 1 && isSnapshotNotFound(error)) return;
          throw error;
        }
      },
      this.deps,
    );
  }
}
