/**
 * RestoreDBInstanceFromDBSnapshot and DeleteDBInstance, as strict as RDS: a restore without
 * network settings lands in the default subnet group, the VPC's default security group and
 * the default parameter group (and is public when no subnet group is given); a delete needs
 * SkipFinalSnapshot or a FinalDBSnapshotIdentifier and refuses a deletion-protected instance.
 * Both take a modelled time. A restored instance of a backed source serves the snapshot's
 * data on its own endpoint (sim/rds-restore.ts).
 */
import pg from 'pg';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import { AwsError } from '../aws/protocol.js';
import { optString, reqString, type Input } from '../aws/service.js';
import type { RdsBacking } from '../rds-postgres.js';
import { captureSnapshot, restoreSnapshot, type RestoredData } from '../rds-restore.js';
import { rdsInputs, type DbInstance, type DbSnapshot, type RdsStore } from './rds-model.js';

/** The VPC's default security group: where a restore without VpcSecurityGroupIds lands. */
export const DEFAULT_SECURITY_GROUP = 'sg-0d0d0d0d0d0d0d0d0';
export const INSTANCE_ID = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{0,62}(?<!-)$/;
const SG_ID = /^sg-[0-9a-f]{8,17}$/;

const invalid = (message: string): AwsError => new AwsError('InvalidParameterValue', message);
const combination = (message: string): AwsError =>
  new AwsError('InvalidParameterCombination', message);

// Booleans arrive as 'true' / 'false' and lists as arrays of strings: RDS's model is checked
// before a handler runs, so these only read.
export function optBool(input: Input, name: string): boolean | undefined {
  const raw = input[name];
  return raw === undefined ? undefined : raw === 'true' || raw === true;
}

function strings(input: Input, name: string): string[] | undefined {
  return input[name] as string[] | undefined;
}

/** The restored instance seen as a backed instance: endpoint = its own port, same DBName. */
export function restoredBacking(source: RdsBacking, restored: RestoredData): RdsBacking {
  const adminUrl = new URL(source.adminUrl);
  adminUrl.pathname = `/${restored.database}`;
  const urlFor = (user: string, password: string): string =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${restored.port}/${source.database}`;
  return {
    host: '127.0.0.1',
    port: restored.port,
    database: source.database,
    masterUsername: source.masterUsername,
    adminUrl: adminUrl.href,
    urlFor,
    // The restore's roles are its own (sim/rds-restore.ts): the source's are not touched.
    roles: restored.roles,
    setPassword: (user, password) => restored.setPassword(user, password),
    canLogin: async (user, password) => {
      const client = new pg.Client({ connectionString: urlFor(user, password) });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    stop: restored.stop,
  };
}

/** Subnet and parameter groups the account has: `default`, and each fixture instance's. */
function knownGroups(rds: RdsStore): { subnets: Set<string>; parameters: Set<string> } {
  const subnets = new Set(['default']);
  const parameters = new Set<string>();
  for (const i of rds.instances.values()) {
    subnets.add(i.subnetGroup ?? i.fixture.subnetGroup ?? `${i.id}-subnets`);
    parameters.add(`default.postgres${i.fixture.engineVersion.split('.')[0]}`);
    const custom = i.parameterGroup ?? i.fixture.parameterGroup;
    if (custom) parameters.add(custom);
  }
  return { subnets, parameters };
}

export async function restoreInstance(
  rds: RdsStore,
  fixture: Fixture,
  clock: SimClock,
  input: Input,
): Promise<Input> {
  const rawId = reqString(input, 'DBInstanceIdentifier', rdsInputs);
  const snapshotId = reqString(input, 'DBSnapshotIdentifier', rdsInputs);
  const id = targetId(rawId, 'DBInstanceIdentifier');
  const snapshot = rds.snapshots.find((s) => s.id === snapshotId);
  if (!snapshot)
    throw new AwsError('DBSnapshotNotFound', `DBSnapshot ${snapshotId} not found.`, 404);
  if (snapshot.status !== 'available')
    throw new AwsError(
      'InvalidDBSnapshotState',
      `Snapshot ${snapshotId} is not in the available state (it is ${snapshot.status}).`,
    );
  const source = rds.instances.get(snapshot.instanceId);
  if (!source)
    throw new AwsError('DBSnapshotNotFound', `DBSnapshot ${snapshotId} has no source in the sim.`);
  return restoreInto(rds, fixture, clock, input, {
    id,
    source,
    restoredFrom: snapshot.id,
    // The snapshot's, not the source's today (a rotation since does not open the restore).
    masterPassword: snapshot.data?.masterPassword ?? source.masterPassword,
    data: () =>
      source.backing && snapshot.data
        ? restoreSnapshot(snapshot.data, id, clock)
        : Promise.resolve(undefined),
  });
}

/** A restore's target identifier, checked and lowercased as RDS stores it. */
export function targetId(raw: string, member: string): string {
  if (!INSTANCE_ID.test(raw))
    throw invalid(
      `The parameter ${member} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`,
    );
  return raw.toLowerCase();
}

/** What a restore (from a snapshot or to a point in time) makes its new instance from. */
export interface RestoreSource {
  id: string;
  source: DbInstance;
  /** The snapshot (or `<source>@<time>` for a point in time) the instance came from. */
  restoredFrom: string;
  masterPassword: string;
  /** Copies the data; called only once every input has been accepted. */
  data(): Promise<RestoredData | undefined>;
}

/**
 * The part both restores share: the target name and quota, the network and parameter settings
 * checked before any data is copied, then a new instance `creating` for the modelled time.
 */
export async function restoreInto(
  rds: RdsStore,
  fixture: Fixture,
  clock: SimClock,
  input: Input,
  from: RestoreSource,
): Promise<Input> {
  const { id, source } = from;
  if (rds.instances.has(id) || [...rds.instances.values()].some((i) => i.pendingRename === id))
    throw new AwsError('DBInstanceAlreadyExists', `DB instance already exists`);
  if (rds.instances.size >= fixture.rds.instanceQuota)
    throw new AwsError(
      'InstanceQuotaExceeded',
      `The request cannot be processed because it would exceed the maximum number of DB instances (${fixture.rds.instanceQuota}) for this account.`,
    );
  const groups = knownGroups(rds);
  const subnetGroup = optString(input, 'DBSubnetGroupName', rdsInputs);
  if (subnetGroup !== undefined && !groups.subnets.has(subnetGroup))
    throw new AwsError(
      'DBSubnetGroupNotFoundFault',
      `DBSubnetGroup '${subnetGroup}' not found.`,
      404,
    );
  const parameterGroup = optString(input, 'DBParameterGroupName', rdsInputs);
  if (parameterGroup !== undefined && !groups.parameters.has(parameterGroup))
    throw new AwsError(
      'DBParameterGroupNotFound',
      `DBParameterGroup not found: ${parameterGroup}`,
      404,
    );
  const securityGroups = strings(input, 'VpcSecurityGroupIds');
  for (const sg of securityGroups ?? [])
    if (!SG_ID.test(sg)) throw invalid(`Invalid security group , groupId= ${sg}`);
  const instanceClass = optString(input, 'DBInstanceClass', rdsInputs);
  if (instanceClass !== undefined && !/^db\.[a-z0-9]+\.[a-z0-9]+$/.test(instanceClass))
    throw invalid(`Invalid DB Instance class: ${instanceClass}`);
  const tags = ((input['Tags'] as Input[] | undefined) ?? []).map((t) => ({
    Key: String(t['Key']),
    Value: String(t['Value'] ?? ''),
  }));
  // Without a subnet group the instance lands in the default VPC, public unless told otherwise.
  const publiclyAccessible = optBool(input, 'PubliclyAccessible') ?? subnetGroup === undefined;
  const deletionProtection = optBool(input, 'DeletionProtection') ?? false;

  // The modelled time runs from the request; copying the data happens within it.
  const requestedAt = clock.now();
  const restored = await from.data();
  const instance: DbInstance = {
    fixture: {
      ...source.fixture,
      id,
      status: 'creating',
      // A restore does not manage its master password in Secrets Manager unless asked.
      manageMasterUserPassword: false,
      instanceClass: instanceClass ?? source.fixture.instanceClass,
      securityGroups: securityGroups ?? [DEFAULT_SECURITY_GROUP],
      publiclyAccessible,
      multiAz: false,
      automatedSnapshots: { count: 0, every: 86_400_000, latestAgo: 0 },
      manualSnapshots: [],
      postgres: undefined,
    },
    id,
    status: 'creating',
    createdAt: clock.now(),
    resourceId: `db-${id
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .padEnd(26, 'R')
      .slice(0, 26)}`,
    availabilityZone: source.availabilityZone,
    masterPassword: restored?.masterPassword ?? from.masterPassword,
    ...(source.backing && restored ? { backing: restoredBacking(source.backing, restored) } : {}),
    subnetGroup: subnetGroup ?? 'default',
    parameterGroup:
      parameterGroup ?? `default.postgres${source.fixture.engineVersion.split('.')[0]}`,
    tags,
    deletionProtection,
    restoredFrom: from.restoredFrom,
    ...(restored ? { restored } : {}),
  };
  rds.instances.set(id, instance);
  // Its endpoint follows its name from the start (rds-endpoints.ts).
  if (instance.backing) await rds.endpoints.ensure(id);
  clock.at(requestedAt + clock.scaled(fixture.durations.restore), () => {
    if (instance.status !== 'creating') return;
    instance.status = rds.restoreFailure ?? 'available';
    if (restored && instance.status === 'available') restored.open = true;
  });
  return { DBInstance: rds.describeInstance(instance) };
}

export async function deleteInstance(
  rds: RdsStore,
  fixture: Fixture,
  clock: SimClock,
  input: Input,
): Promise<Input> {
  const id = reqString(input, 'DBInstanceIdentifier', rdsInputs).toLowerCase();
  const instance = rds.instance(id);
  const skip = optBool(input, 'SkipFinalSnapshot') ?? false;
  const finalId = optString(input, 'FinalDBSnapshotIdentifier', rdsInputs);
  if (!skip && !finalId)
    throw combination(
      'FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.',
    );
  if (skip && finalId)
    throw combination('Cannot specify a final snapshot identifier when SkipFinalSnapshot is true.');
  if (instance.status === 'deleting')
    throw new AwsError('InvalidDBInstanceState', `Instance ${id} is already being deleted.`);
  if (instance.deletionProtection ?? true)
    throw combination(
      'Cannot delete protected DB Instance, please disable deletion protection and try again.',
    );
  if (finalId) {
    if (rds.snapshots.some((s) => s.id.toLowerCase() === finalId.toLowerCase()))
      throw new AwsError(
        'DBSnapshotAlreadyExists',
        `Cannot create the snapshot because a snapshot with the identifier ${finalId} already exists.`,
      );
    const snapshot: DbSnapshot = {
      id: finalId,
      instanceId: id,
      type: 'manual',
      status: 'available',
      startedAt: clock.now(),
      takesMs: 0,
      tags: [],
    };
    if (instance.backing)
      snapshot.data = await captureSnapshot(instance.backing, finalId, instance.masterPassword);
    rds.snapshots.push(snapshot);
  }
  instance.status = 'deleting';
  const backing = instance.backing;
  // The endpoint stops answering at once; the data goes when the instance does.
  if (instance.restored) instance.restored.open = false;
  clock.after(fixture.durations.deleteInstance, () => {
    rds.instances.delete(id);
    instance.backing = undefined;
    if (backing) {
      const done = backing.stop().catch(() => undefined);
      rds.pending.add(done);
      void done.finally(() => rds.pending.delete(done));
    }
  });
  return { DBInstance: rds.describeInstance(instance) };
}
