/**
 * The RDS side of a point-in-time restore and its cut-over: describing, restoring beside the
 * current instance, renaming, waiting. Mutating calls are sent once (a restore or a rename is
 * not idempotent); the waits that follow read what happened.
 */
import {
  ModifyDBInstanceCommand,
  type DBInstance,
  type RDSClient,
  type Tag,
} from '@aws-sdk/client-rds';
import type { AwsCallDeps } from '../aws/call.js';
import {
  BROKEN_INSTANCE_STATES as BROKEN,
  allDbInstances,
  describeDbInstance,
  networkOf,
  sendInstanceRestore,
} from '../aws/rds.js';
import { DomainFailure } from '../util/errors.js';
import { waitFor } from '../util/wait.js';

export class RestoreFailed extends DomainFailure {
  override readonly name = 'RestoreFailed';
}

/** Tags on every instance this suite restores: whose restore it is and to what. */
export const RESTORE_OF_TAG = 'apprunner-ops:restore-of';
export const RESTORE_TO_TAG = 'apprunner-ops:restore-to';

export const tagOf = (instance: DBInstance, key: string): string | undefined =>
  (instance.TagList ?? []).find((t) => t.Key === key)?.Value;

/** Whether `instance` is this suite's restore of `source` to `to`. */
export function isRestoreOf(instance: DBInstance, source: string, to: string): boolean {
  return tagOf(instance, RESTORE_OF_TAG) === source && tagOf(instance, RESTORE_TO_TAG) === to;
}

/** What a restore copies from the current instance so the new one is its twin. */
export interface InstanceSettings {
  subnetGroup: string;
  securityGroups: string[];
  parameterGroup: string;
  instanceClass: string;
  encrypted: boolean;
}

/** The settings of `like`, or an error naming what it does not report. */
export function settingsOf(like: DBInstance, instanceClass: string | undefined): InstanceSettings {
  const { subnetGroup, securityGroups, parameterGroup } = networkOf(like);
  const cls = instanceClass ?? like.DBInstanceClass;
  if (!subnetGroup || securityGroups.length === 0 || !parameterGroup || !cls)
    throw new RestoreFailed(
      `${like.DBInstanceIdentifier} does not report its subnet group, security groups, parameter group and class; a restore without them lands in the default (possibly public) network, so nothing was restored`,
    );
  return {
    subnetGroup,
    securityGroups,
    parameterGroup,
    instanceClass: cls,
    encrypted: like.StorageEncrypted === true,
  };
}

export interface WaitTiming {
  pollIntervalMs: number;
}

export class RestoreInstances {
  constructor(
    private readonly client: RDSClient,
    private readonly deps: AwsCallDeps,
  ) {}

  describe(id: string): Promise<DBInstance | undefined> {
    return describeDbInstance(this.client, id, this.deps);
  }

  /** Every instance of the account and region (a list read in part is an error). */
  all(): Promise<DBInstance[]> {
    return allDbInstances(this.client, this.deps);
  }

  /**
   * Restores `source` (to a time, or from a snapshot) into `id`, private, with `settings` and
   * `tags`. Sent once: a restore is not idempotent, and an unclear answer is settled by the
   * caller's next look at `id`.
   */
  async restore(input: {
    id: string;
    source: string;
    from: { time: Date } | { snapshot: string };
    settings: InstanceSettings;
    tags: Tag[];
  }): Promise<void> {
    await sendInstanceRestore(this.client, {
      id: input.id,
      source: input.source,
      from: input.from,
      settings: {
        DBSubnetGroupName: input.settings.subnetGroup,
        VpcSecurityGroupIds: input.settings.securityGroups,
        DBParameterGroupName: input.settings.parameterGroup,
        DBInstanceClass: input.settings.instanceClass,
        PubliclyAccessible: false,
        // It may become production: the suite never deletes it, and neither may a slip.
        DeletionProtection: true,
        Tags: input.tags,
      },
    });
  }

  /** ModifyDBInstance NewDBInstanceIdentifier, applied at once. Sent once. */
  async rename(from: string, to: string): Promise<void> {
    await this.client.send(
      new ModifyDBInstanceCommand({
        DBInstanceIdentifier: from,
        NewDBInstanceIdentifier: to,
        ApplyImmediately: true,
      }),
    );
  }

  /** Waits until `id` exists and is `available`; a state it cannot leave fails at once. */
  waitAvailable(
    id: string,
    what: string,
    timeoutMs: number,
    timing: WaitTiming,
    signal?: AbortSignal,
  ): Promise<DBInstance> {
    return waitFor({
      what: `${what} (${id}) to be available`,
      timeoutMs,
      intervalMs: timing.pollIntervalMs,
      clock: this.deps.clock,
      logger: this.deps.logger,
      ...(signal ? { signal } : {}),
      probe: async () => {
        const instance = await this.describe(id);
        const status = instance?.DBInstanceStatus ?? 'not listed';
        if (instance && status === 'available') return { done: true, value: instance };
        if (BROKEN.has(status))
          throw new RestoreFailed(`${id} ended in state "${status}"; it will not become available`);
        return { done: false, status };
      },
    });
  }

  /** Waits until no instance answers to `id` any more (a rename away from it finished). */
  waitGone(id: string, timeoutMs: number, timing: WaitTiming): Promise<void> {
    return waitFor({
      what: `the name ${id} to be free`,
      timeoutMs,
      intervalMs: timing.pollIntervalMs,
      clock: this.deps.clock,
      logger: this.deps.logger,
      probe: async () => {
        const instance = await this.describe(id);
        return instance
          ? { done: false, status: instance.DBInstanceStatus ?? 'unknown' }
          : { done: true, value: undefined };
      },
    });
  }
}
