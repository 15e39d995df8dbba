/** The RDS side of a master-password rotation: read the instance, change the password, wait. */
import {
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  type DBInstance,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { awsCall, type AwsCallDeps } from '../aws/call.js';
import { DomainFailure } from '../util/errors.js';
import { waitFor } from '../util/wait.js';

export class RdsMasterPassword {
  constructor(
    private readonly client: RDSClient,
    readonly instanceId: string,
    private readonly deps: AwsCallDeps,
  ) {}

  async describe(): Promise<DBInstance> {
    const out = await awsCall(
      'DescribeDBInstances',
      () =>
        this.client.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: this.instanceId })),
      this.deps,
    );
    const instance = out.DBInstances?.[0];
    if (!instance) throw new DomainFailure(`RDS instance ${this.instanceId} was not found`);
    return instance;
  }

  /**
   * ModifyDBInstance MasterUserPassword with ApplyImmediately. Setting the same password twice
   * is harmless, so a retried call is safe.
   */
  async set(password: string): Promise<void> {
    await awsCall(
      'ModifyDBInstance',
      () =>
        this.client.send(
          new ModifyDBInstanceCommand({
            DBInstanceIdentifier: this.instanceId,
            MasterUserPassword: password,
            ApplyImmediately: true,
          }),
        ),
      this.deps,
    );
  }

  /** Until PendingModifiedValues no longer holds a master password (RDS applies it async). */
  async waitApplied(timeoutMs: number, intervalMs: number): Promise<void> {
    await waitFor({
      what: `RDS instance ${this.instanceId} to apply the new master password`,
      timeoutMs,
      intervalMs,
      clock: this.deps.clock,
      logger: this.deps.logger,
      probe: async () => {
        const instance = await this.describe();
        const pending = instance.PendingModifiedValues?.MasterUserPassword !== undefined;
        return pending
          ? { done: false, status: `${instance.DBInstanceStatus ?? 'unknown'}, password pending` }
          : { done: true, value: undefined };
      },
    });
  }
}
