/** The RDS side of a master-password rotation: read the instance, change the password, wait. */
import {
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  type DBInstance,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { awsCall, isRetryableAwsError, type AwsCallDeps } from '../aws/call.js';
import { DomainFailure, errorMessage } from '../util/errors.js';
import { waitWith } from '../util/wait.js';

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
   * ModifyDBInstance MasterUserPassword, without ApplyImmediately: RDS applies a master
   * password as soon as it can anyway, and ApplyImmediately would also apply every other
   * pending modification (an instance class change becomes an unplanned reboot).
   * Not retried blindly: when the answer is lost or RDS answers 5xx, RDS may have taken the
   * password (and then refuses a second request while it applies it). What RDS shows decides:
   * a pending master password (or `resetting-master-credentials`) means it was taken, a login
   * with it (`applied`) that it was taken and applied; otherwise it is sent once more.
   */
  async set(password: string, applied: () => Promise<boolean>): Promise<void> {
    const send = () =>
      this.client.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: this.instanceId,
          MasterUserPassword: password,
        }),
      );
    try {
      await send();
      return;
    } catch (error) {
      if (!isRetryableAwsError(error)) throw error;
      this.deps.logger.warning(
        `ModifyDBInstance of ${this.instanceId} got no answer (${errorMessage(error)}); asking RDS whether it took the password`,
      );
    }
    const instance = await this.describe();
    if (
      instance.PendingModifiedValues?.MasterUserPassword !== undefined ||
      instance.DBInstanceStatus === 'resetting-master-credentials'
    ) {
      this.deps.logger.info(
        `  RDS took it: ${this.instanceId} is ${instance.DBInstanceStatus ?? 'unknown'} with a master password pending`,
      );
      return;
    }
    if (await applied()) {
      this.deps.logger.info(`  RDS took it and applied it: the new password logs in`);
      return;
    }
    this.deps.logger.info(
      `  RDS did not take it (nothing pending, the password does not log in); sending it again`,
    );
    await awsCall('ModifyDBInstance', send, this.deps);
  }

  /**
   * Until PendingModifiedValues no longer holds a master password (RDS applies it async) and
   * the instance is available again.
   */
  async waitApplied(timeoutMs: number, intervalMs: number): Promise<void> {
    await waitWith(
      this.deps,
      `RDS instance ${this.instanceId} to apply the new master password`,
      { timeoutMs, intervalMs },
      async () => {
        const instance = await this.describe();
        const pending =
          instance.PendingModifiedValues?.MasterUserPassword !== undefined ||
          instance.DBInstanceStatus === 'resetting-master-credentials';
        return pending
          ? { done: false, status: `${instance.DBInstanceStatus ?? 'unknown'}, password pending` }
          : { done: true, value: undefined };
      },
    );
  }
}
