/**
 * RDS's records and the part of RdsState (rds.ts) that the operations split out of it
 * (rds-restore-ops.ts, rds-modify.ts) work on; they take it from here, not from rds.ts, which
 * imports them.
 */
import { AwsError } from '../aws/protocol.js';
import type { Input } from '../aws/service.js';
import type { FixtureInstance } from '../fixture.js';
import type { RdsBacking } from '../rds-postgres.js';
import type { RestoredData, SnapshotData } from '../rds-restore.js';
import type { NameEndpoints } from './rds-endpoints.js';

export interface DbInstance {
  fixture: FixtureInstance;
  id: string;
  status: string;
  createdAt: number;
  resourceId: string;
  availabilityZone: string;
  /** The master password PostgreSQL accepts now (the fixture's, until a modification applies). */
  masterPassword: string;
  /** A real PostgreSQL when the instance is backed (see sim/rds-postgres.ts). */
  backing?: RdsBacking;
  /** Set for instances made by RestoreDBInstanceFromDBSnapshot (see rds-restore-ops.ts). */
  subnetGroup?: string;
  parameterGroup?: string;
  tags?: { Key: string; Value: string }[];
  deletionProtection?: boolean;
  /** The snapshot a restored instance came from, and its data and endpoint. */
  restoredFrom?: string;
  restored?: RestoredData;
  /** A MasterUserPassword modification not applied yet (PendingModifiedValues). */
  pendingMasterPassword?: string;
  /** A NewDBInstanceIdentifier not applied yet (PendingModifiedValues; rds-rename.ts). */
  pendingRename?: string;
  /** The class and storage once a modification applied (the fixture's until then). */
  instanceClass?: string;
  allocatedStorage?: number;
  /** A DBInstanceClass / AllocatedStorage change queued or being applied (rds-modify.ts). */
  pendingClass?: string;
  pendingStorage?: number;
  /** A storage change is being optimized (status storage-optimization unless another shows). */
  optimizingStorage?: boolean;
}

export interface DbSnapshot {
  id: string;
  instanceId: string;
  type: 'manual' | 'automated';
  status: 'creating' | 'available';
  /** When the snapshot was started (SnapshotCreateTime once available). */
  startedAt: number;
  /** Real ms the creation takes (already scaled). */
  takesMs: number;
  tags: { Key: string; Value: string }[];
  /** The instance's data when the snapshot started (backed instances only). */
  data?: SnapshotData;
}

/** What rds-restore-ops.ts and rds-modify.ts use of RdsState. */
export interface RdsStore {
  readonly instances: Map<string, DbInstance>;
  snapshots: DbSnapshot[];
  restoreFailure: string | undefined;
  readonly pending: Set<Promise<unknown>>;
  /** Endpoints that follow instance names (rds-endpoints.ts). */
  readonly endpoints: NameEndpoints;
  instance(id: string): DbInstance;
  describeInstance(i: DbInstance): Input;
}

export const rdsInvalid = (message: string): AwsError =>
  new AwsError('InvalidParameterValue', message);

/** The input readers' error for RDS (aws/service.ts's optString, reqString, …). */
export const rdsInputs = { invalid: rdsInvalid };
