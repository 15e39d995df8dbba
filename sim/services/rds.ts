/**
 * RDS (awsQuery: form body `Action=…`, XML answers in the 2014-10-31 namespace). Instances and
 * snapshots; a manual snapshot is `creating` with rising PercentProgress and no
 * SnapshotCreateTime until it is `available` (design pitfalls 5 and 6).
 */
import { randomBytes } from 'node:crypto';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import { AwsError, xmlList } from '../aws/protocol.js';
import { startRdsBacking } from '../rds-postgres.js';
import { registerPrivateEndpoint } from '../vpc.js';
import { captureSnapshot, dropDatabase } from '../rds-restore.js';
import { rdsInvalid, type DbInstance, type DbSnapshot, type RdsStore } from './rds-model.js';
import { deleteInstance, restoreInstance } from './rds-restore-ops.js';
import { modifyDbInstance } from './rds-modify.js';
import { NameEndpoints } from './rds-endpoints.js';
import { installHistory } from '../rds-history.js';
import { restoreToPointInTime } from './rds-pitr.js';
import {
  optInt,
  optString,
  paginate,
  reqString,
  type AwsService,
  type Input,
} from '../aws/service.js';

/** What this service reads of the world. */
interface RdsWorld {
  rds: RdsState;
  clock: SimClock;
  fixture: Fixture;
}

const hex = (seed: string, length: number): string => {
  let h = 2166136261;
  let out = '';
  while (out.length < length) {
    for (const c of seed + out.length) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
};

const pad = (n: number): string => String(n).padStart(2, '0');

export type { DbInstance, DbSnapshot };

export class RdsState implements RdsStore {
  readonly instances = new Map<string, DbInstance>();
  snapshots: DbSnapshot[] = [];
  /**
   * Backed instances answer with a name only the VPC resolves (sim/vpc.ts), as a private RDS
   * instance seen from a GitHub-hosted runner: startSim({ privateDatabases: true }).
   */
  privateEndpoints = false;
  private readonly vpcToken = randomBytes(6).toString('hex');
  readonly endpoints = new NameEndpoints((name) => {
    const b = this.instances.get(name)?.backing;
    return b ? { host: b.host, port: b.port } : undefined;
  });

  constructor(
    private readonly fixture: Fixture,
    private readonly clock: SimClock,
  ) {
    const now = clock.now();
    for (const f of fixture.rds.instances) {
      this.instances.set(f.id.toLowerCase(), {
        fixture: f,
        id: f.id.toLowerCase(),
        status: f.status,
        createdAt: now - f.createdAgo,
        resourceId: `db-${hex(f.id, 26).toUpperCase()}`,
        availabilityZone: `${fixture.region}a`,
        masterPassword: f.masterUserPassword,
      });
      const auto = f.automatedSnapshots;
      for (let i = auto.count - 1; i >= 0; i--) {
        const at = now - auto.latestAgo - i * auto.every;
        const d = new Date(at);
        const id = `rds:${f.id.toLowerCase()}-${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}-${pad(d.getUTCHours())}-${pad(d.getUTCMinutes())}`;
        this.snapshots.push({
          id,
          instanceId: f.id.toLowerCase(),
          type: 'automated',
          status: 'available',
          startedAt: at,
          takesMs: 0,
          tags: [],
        });
      }
      for (const s of f.manualSnapshots) {
        const startedAt = now - s.ago;
        const snapshot: DbSnapshot = {
          id: s.id.toLowerCase(),
          instanceId: f.id.toLowerCase(),
          type: 'manual',
          status: s.status,
          startedAt,
          takesMs: clock.scaled(fixture.durations.snapshot),
          tags: [],
        };
        this.snapshots.push(snapshot);
        if (s.status === 'creating') this.finishLater(snapshot);
      }
    }
  }

  /** Starts a real PostgreSQL for each instance whose fixture asks for one (or every one). */
  async startBackings(all: boolean): Promise<void> {
    const wanted = [...this.instances.values()].filter((i) => all || i.fixture.postgres);
    const started = await Promise.allSettled(
      wanted.map(async (i) => {
        i.backing = await startRdsBacking({
          masterUsername: i.fixture.masterUsername,
          masterUserPassword: i.fixture.masterUserPassword,
          dbName: i.fixture.dbName,
          tables: i.fixture.postgres?.tables ?? [],
          sql: i.fixture.postgres?.sql,
          clock: this.clock,
        });
        // Point-in-time restores replay this history (sim/rds-history.ts).
        await installHistory(i.backing);
        await this.endpoints.ensure(i.id);
      }),
    );
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) {
      await this.stopBackings();
      throw (failed as PromiseRejectedResult).reason;
    }
    await this.captureSeededSnapshots();
  }

  /** The fixture's snapshots hold the seeded data (one shared copy per instance). */
  private async captureSeededSnapshots(): Promise<void> {
    for (const instance of this.instances.values()) {
      if (!instance.backing) continue;
      const data = await captureSnapshot(instance.backing, 'seed', instance.masterPassword);
      for (const s of this.snapshots) if (s.instanceId === instance.id) s.data = data;
    }
  }

  /** Captures a new snapshot's data now (a snapshot is a point in time: its start). */
  async captureData(snapshot: DbSnapshot): Promise<void> {
    const instance = this.instances.get(snapshot.instanceId);
    if (instance?.backing)
      snapshot.data = await captureSnapshot(instance.backing, snapshot.id, instance.masterPassword);
  }

  /** RestoreDBInstanceFromDBSnapshot: a new instance, `creating` for a modelled time. */
  restoreInstance(input: Input): Promise<Input> {
    return restoreInstance(this, this.fixture, this.clock, input);
  }

  /** DeleteDBInstance: `deleting` for a modelled time, then gone with its data. */
  deleteInstance(input: Input): Promise<Input> {
    return deleteInstance(this, this.fixture, this.clock, input);
  }

  /** Restores end in this status instead of `available` (a fault), e.g. incompatible-restore. */
  restoreFailure: string | undefined;
  /** Work still running after an instance went away (dropping its data), awaited on stop. */
  readonly pending = new Set<Promise<unknown>>();

  async stopBackings(): Promise<void> {
    await Promise.allSettled([...this.pending]);
    await this.endpoints.stop();
    // Restored instances live on their sources' servers: stop them first.
    await Promise.allSettled(
      [...this.instances.values()].flatMap((i) => (i.restored ? [i.restored.stop()] : [])),
    );
    // Snapshot copies live on the instances' servers (which may be a shared DATABASE_URL one).
    const copies = new Map(
      this.snapshots.flatMap((x) => (x.data ? [[x.data.database, x.data]] : [])),
    );
    await Promise.allSettled([...copies.values()].map((d) => dropDatabase(d.backing, d.database)));
    await Promise.all(
      [...this.instances.values()].map(async (i) => {
        const backing = i.backing;
        i.backing = undefined;
        await backing?.stop();
      }),
    );
  }

  private finishLater(snapshot: DbSnapshot): void {
    this.clock.at(snapshot.startedAt + snapshot.takesMs, () => {
      snapshot.status = 'available';
    });
  }

  arn(kind: 'db' | 'snapshot', id: string): string {
    return `arn:aws:rds:${this.fixture.region}:${this.fixture.account}:${kind}:${id}`;
  }

  instance(id: string): DbInstance {
    // RDS stores identifiers lowercase and matches them without regard to case.
    const instance = this.instances.get(id.toLowerCase());
    if (!instance) throw new AwsError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
    return instance;
  }

  /** What DescribeDBInstances says of the instance's address (and the VPC resolves). */
  endpoint(i: DbInstance): { Address: string; Port: number } {
    const b = i.backing;
    // A backed instance's port follows its name (rds-endpoints.ts): after a rename the name's
    // port reaches the instance that now holds it, as an RDS endpoint follows the identifier.
    const port = b ? (this.endpoints.port(i.id) ?? b.port) : 5432;
    if (b && this.privateEndpoints) {
      const name = `${i.id}.c${this.vpcToken}.${this.fixture.region}.rds.sim.invalid`;
      registerPrivateEndpoint(name, 5432, { host: b.host, port });
      return { Address: name, Port: 5432 };
    }
    return {
      Address: b?.host ?? `${i.id}.c${hex(i.id, 11)}.${this.fixture.region}.rds.amazonaws.com`,
      Port: port,
    };
  }

  /** A URL of the instance as its users know it: through its endpoint (private or not). */
  customerUrl(i: DbInstance, user: string, password: string): string {
    const b = i.backing;
    if (!b) throw new Error(`sim: RDS instance ${i.id} has no PostgreSQL behind it`);
    const url = new URL(b.urlFor(user, password));
    const { Address, Port } = this.endpoint(i);
    url.hostname = Address;
    url.port = String(Port);
    return url.href;
  }

  describeInstance(i: DbInstance): Input {
    const f = i.fixture;
    return {
      DBInstanceIdentifier: i.id,
      DBInstanceClass: i.instanceClass ?? f.instanceClass,
      Engine: 'postgres',
      DBInstanceStatus: i.status,
      MasterUsername: i.backing?.masterUsername ?? f.masterUsername,
      DBName: i.backing?.database ?? f.dbName,
      Endpoint: { ...this.endpoint(i), HostedZoneId: 'Z29XKXDKYMONMX' },
      MasterUserSecret:
        f.manageMasterUserPassword && f.masterUserSecret
          ? {
              SecretArn: f.masterUserSecret.secretArn,
              SecretStatus: f.masterUserSecret.status,
              KmsKeyId:
                f.masterUserSecret.kmsKeyId ??
                `arn:aws:kms:${this.fixture.region}:${this.fixture.account}:key/sim-rds-master`,
            }
          : undefined,
      AllocatedStorage: i.allocatedStorage ?? f.allocatedStorage,
      InstanceCreateTime: new Date(i.createdAt),
      PreferredBackupWindow: '02:00-02:30',
      BackupRetentionPeriod: f.backupRetentionPeriod,
      DBSecurityGroups: xmlList('DBSecurityGroup', []),
      VpcSecurityGroups: xmlList(
        'VpcSecurityGroupMembership',
        f.securityGroups.map((id) => ({ VpcSecurityGroupId: id, Status: 'active' })),
      ),
      DBParameterGroups: xmlList('DBParameterGroup', [
        {
          DBParameterGroupName:
            i.parameterGroup ??
            f.parameterGroup ??
            `default.postgres${f.engineVersion.split('.')[0]}`,
          ParameterApplyStatus: 'in-sync',
        },
      ]),
      AvailabilityZone: i.availabilityZone,
      DBSubnetGroup: {
        DBSubnetGroupName: i.subnetGroup ?? f.subnetGroup ?? `${i.id}-subnets`,
        DBSubnetGroupDescription: `Subnets of ${i.subnetGroup ?? f.subnetGroup ?? i.id}`,
        VpcId: 'vpc-0123456789abcdef0',
        SubnetGroupStatus: 'Complete',
      },
      PreferredMaintenanceWindow: 'sun:03:00-sun:03:30',
      PendingModifiedValues: {
        ...(i.pendingMasterPassword !== undefined ? { MasterUserPassword: '****' } : {}),
        ...(i.pendingRename !== undefined ? { DBInstanceIdentifier: i.pendingRename } : {}),
        ...(i.pendingClass !== undefined ? { DBInstanceClass: i.pendingClass } : {}),
        ...(i.pendingStorage !== undefined ? { AllocatedStorage: i.pendingStorage } : {}),
      },
      LatestRestorableTime: new Date(this.clock.now() - 300_000),
      ReadReplicaSourceDBInstanceIdentifier: f.readReplicaOf?.toLowerCase(),
      ReadReplicaDBInstanceIdentifiers: xmlList(
        'ReadReplicaDBInstanceIdentifier',
        [...this.instances.values()]
          .filter((r) => r.fixture.readReplicaOf?.toLowerCase() === i.id)
          .map((r) => r.id),
      ),
      MultiAZ: f.multiAz,
      EngineVersion: f.engineVersion,
      AutoMinorVersionUpgrade: true,
      PubliclyAccessible: f.publiclyAccessible,
      StorageType: 'gp3',
      DbInstancePort: 0,
      StorageEncrypted: true,
      DbiResourceId: i.resourceId,
      CACertificateIdentifier: 'rds-ca-rsa2048-g1',
      CopyTagsToSnapshot: true,
      IAMDatabaseAuthenticationEnabled: false,
      PerformanceInsightsEnabled: false,
      DeletionProtection: i.deletionProtection ?? true,
      DBInstanceArn: this.arn('db', i.id),
      TagList: xmlList('Tag', i.tags ?? []),
      BackupTarget: 'region',
      NetworkType: 'IPV4',
    };
  }

  describeSnapshot(s: DbSnapshot, statusOverride?: string): Input {
    const instance = this.instances.get(s.instanceId);
    const f = instance?.fixture;
    const progress =
      s.status === 'available'
        ? 100
        : Math.min(
            99,
            Math.floor(((this.clock.now() - s.startedAt) / Math.max(1, s.takesMs)) * 100),
          );
    return {
      DBSnapshotIdentifier: s.id,
      DBInstanceIdentifier: s.instanceId,
      SnapshotCreateTime: s.status === 'available' ? new Date(s.startedAt) : undefined,
      Engine: 'postgres',
      AllocatedStorage: f?.allocatedStorage ?? 20,
      Status: statusOverride ?? s.status,
      Port: 5432,
      AvailabilityZone: instance?.availabilityZone,
      VpcId: 'vpc-0123456789abcdef0',
      InstanceCreateTime: instance ? new Date(instance.createdAt) : undefined,
      MasterUsername: f?.masterUsername,
      EngineVersion: f?.engineVersion,
      LicenseModel: 'postgresql-license',
      SnapshotType: s.type,
      PercentProgress: Math.max(0, progress),
      StorageType: 'gp3',
      Encrypted: true,
      DBSnapshotArn: this.arn('snapshot', s.id),
      IAMDatabaseAuthenticationEnabled: false,
      DbiResourceId: instance?.resourceId,
      TagList: xmlList('Tag', s.tags),
      OriginalSnapshotCreateTime: s.status === 'available' ? new Date(s.startedAt) : undefined,
      SnapshotTarget: 'region',
    };
  }

  createSnapshot(input: Input): Input {
    const given = optString(input, 'DBSnapshotIdentifier', rds);
    if (!given)
      throw new AwsError(
        'MissingParameter',
        'The request must contain the parameter DBSnapshotIdentifier',
      );
    // "Stored as a lowercase string" (CreateDBSnapshot reference): what is listed afterwards.
    const id = given.toLowerCase();
    const instanceId = reqString(input, 'DBInstanceIdentifier', rds).toLowerCase();
    if (!/^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,254}$/.test(id) || id.endsWith('-'))
      throw new AwsError(
        'InvalidParameterValue',
        `The parameter DBSnapshotIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`,
      );
    const instance = this.instance(instanceId);
    if (this.snapshots.some((s) => s.id.toLowerCase() === id.toLowerCase()))
      throw new AwsError(
        'DBSnapshotAlreadyExists',
        `Cannot create the snapshot because a snapshot with the identifier ${id} already exists.`,
      );
    // CreateDBSnapshot reference: the instance must be "available or storage-optimization".
    if (instance.status !== 'available' && instance.status !== 'storage-optimization')
      throw new AwsError(
        'InvalidDBInstanceState',
        `Cannot create a snapshot because the database instance ${instance.id} is not currently in the available or storage-optimization state.`,
      );
    const quota = this.fixture.rds.manualSnapshotQuota;
    if (this.snapshots.filter((s) => s.type === 'manual').length >= quota)
      throw new AwsError(
        'SnapshotQuotaExceeded',
        `Cannot create more than ${quota} manual snapshots`,
      );
    const tags = ((input['Tags'] as Input[] | undefined) ?? []).map((t) => ({
      Key: String(t['Key']),
      Value: String(t['Value'] ?? ''),
    }));
    const snapshot: DbSnapshot = {
      id,
      instanceId,
      type: 'manual',
      status: 'creating',
      startedAt: this.clock.now(),
      takesMs: this.clock.scaled(this.fixture.durations.snapshot),
      tags,
    };
    this.snapshots.push(snapshot);
    this.finishLater(snapshot);
    // A single-AZ instance is `backing-up` while the snapshot's I/O freeze lasts.
    if (!instance.fixture.multiAz && instance.status === 'available') {
      instance.status = 'backing-up';
      this.clock.after(
        Math.min(this.fixture.durations.backingUp, this.fixture.durations.snapshot),
        () => {
          if (instance.status === 'backing-up') instance.status = 'available';
        },
      );
    }
    return { DBSnapshot: this.describeSnapshot(snapshot) };
  }
}

export const rds: AwsService<RdsWorld> = {
  signingName: 'rds',
  protocol: 'awsQuery',
  xmlns: 'http://rds.amazonaws.com/doc/2014-10-31/',
  invalid: rdsInvalid,
  faults: { throttling: 'Throttling', throttlingStatus: 400, internal: 'InternalFailure' },
  operations: {
    DescribeDBInstances: {
      mutating: false,
      handle(input, { world }) {
        const id = optString(input, 'DBInstanceIdentifier', rds);
        const list = id ? [world.rds.instance(id)] : [...world.rds.instances.values()];
        const max = optInt(input, 'MaxRecords', rds, { min: 20, max: 100 }) ?? 100;
        const { page, next } = paginate(list, optString(input, 'Marker', rds), max, () =>
          rdsInvalid('Invalid Marker'),
        );
        return {
          DBInstances: xmlList(
            'DBInstance',
            page.map((i) => world.rds.describeInstance(i)),
          ),
          Marker: next,
        };
      },
    },
    ModifyDBInstance: {
      mutating: true,
      handle: (input, { world }) => modifyDbInstance(world, input),
    },
    CreateDBSnapshot: {
      mutating: true,
      async handle(input, { world }) {
        const out = world.rds.createSnapshot(input);
        const snapshot = world.rds.snapshots.find(
          (s) => s.id === (out['DBSnapshot'] as Input)['DBSnapshotIdentifier'],
        );
        if (snapshot) await world.rds.captureData(snapshot);
        return out;
      },
    },
    RestoreDBInstanceFromDBSnapshot: {
      mutating: true,
      handle: (input, { world }) => world.rds.restoreInstance(input),
    },
    RestoreDBInstanceToPointInTime: {
      mutating: true,
      handle: (input, { world }) => restoreToPointInTime(world, input),
    },
    DeleteDBInstance: {
      mutating: true,
      handle: (input, { world }) => world.rds.deleteInstance(input),
    },
    DescribeDBSnapshots: {
      mutating: false,
      handle(input, { world }) {
        const id = optString(input, 'DBSnapshotIdentifier', rds)?.toLowerCase();
        const instanceId = optString(input, 'DBInstanceIdentifier', rds)?.toLowerCase();
        const type = optString(input, 'SnapshotType', rds);
        if (type && !['manual', 'automated', 'shared', 'public', 'awsbackup'].includes(type))
          throw rdsInvalid(`Invalid snapshot type: ${type}`);
        let list = world.rds.snapshots;
        if (id) {
          list = list.filter((s) => s.id === id);
          if (list.length === 0)
            throw new AwsError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);
        }
        if (instanceId) list = list.filter((s) => s.instanceId === instanceId);
        if (type) list = list.filter((s) => s.type === type);
        const max = optInt(input, 'MaxRecords', rds, { min: 20, max: 100 }) ?? 100;
        const { page, next } = paginate(list, optString(input, 'Marker', rds), max, () =>
          rdsInvalid('Invalid Marker'),
        );
        return {
          DBSnapshots: xmlList(
            'DBSnapshot',
            page.map((s) => world.rds.describeSnapshot(s)),
          ),
          Marker: next,
        };
      },
    },
    DeleteDBSnapshot: {
      mutating: true,
      handle(input, { world }) {
        const id = reqString(input, 'DBSnapshotIdentifier', rds).toLowerCase();
        const snapshot = world.rds.snapshots.find((s) => s.id === id);
        if (!snapshot) throw new AwsError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);
        if (snapshot.type !== 'manual')
          throw new AwsError('InvalidDBSnapshotState', 'Only manual snapshots may be deleted.');
        if (snapshot.status !== 'available')
          throw new AwsError(
            'InvalidDBSnapshotState',
            `Cannot delete the snapshot because it is in ${snapshot.status} state.`,
          );
        world.rds.snapshots = world.rds.snapshots.filter((s) => s !== snapshot);
        return { DBSnapshot: world.rds.describeSnapshot(snapshot, 'deleted') };
      },
    },
  },
};
