/**
 * ModifyDBInstance with NewDBInstanceIdentifier: renaming an instance, as RDS does it. With
 * ApplyImmediately the instance is `renaming` (the new name in PendingModifiedValues) for the
 * fixture's `durations.rename`, then answers only to the new name, and its endpoint follows the
 * name. Without it the rename waits for the maintenance window, which the sim does not model:
 * it stays pending. A name another instance has (or is being renamed to) is refused with
 * DBInstanceAlreadyExists. Kept apart from the password handling of rds-modify.ts.
 */
import { AwsError } from '../aws/protocol.js';
import { reqString, type Input } from '../aws/service.js';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import { rdsInputs, type DbInstance, type RdsStore } from './rds-model.js';
import { INSTANCE_ID, optBool } from './rds-restore-ops.js';

/** Renames `instance` when the request asks for it; undefined when it does not. */
export function renameDbInstance(
  world: { rds: RdsStore; clock: SimClock; fixture: Fixture },
  instance: DbInstance,
  input: Input,
): Input | undefined {
  if (input['NewDBInstanceIdentifier'] === undefined) return undefined;
  const raw = reqString(input, 'NewDBInstanceIdentifier', rdsInputs);
  if (!INSTANCE_ID.test(raw))
    throw new AwsError(
      'InvalidParameterValue',
      'The parameter NewDBInstanceIdentifier is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.',
    );
  if (input['MasterUserPassword'] !== undefined)
    throw new AwsError(
      'InvalidParameterValue',
      'sim: ModifyDBInstance models a rename (NewDBInstanceIdentifier) or a MasterUserPassword, not both in one request',
    );
  // RDS stores identifiers lowercase, so a name differing only in case is the same name.
  const id = raw.toLowerCase();
  const taken = [...world.rds.instances.values()].some(
    (i) => i.id === id || i.pendingRename === id,
  );
  if (taken) throw new AwsError('DBInstanceAlreadyExists', 'DB instance already exists');
  if (instance.status !== 'available')
    throw new AwsError(
      'InvalidDBInstanceState',
      `Database instance is not in available state (it is ${instance.status}).`,
    );
  instance.pendingRename = id;
  if (optBool(input, 'ApplyImmediately') !== true)
    return { DBInstance: world.rds.describeInstance(instance) };
  instance.status = 'renaming';
  const described = world.rds.describeInstance(instance);
  world.clock.after(world.fixture.durations.rename, () => {
    if (instance.pendingRename !== id || world.rds.instances.get(instance.id) !== instance) return;
    world.rds.instances.delete(instance.id);
    instance.id = id;
    instance.pendingRename = undefined;
    world.rds.instances.set(id, instance);
    const settle = (): void => {
      if (instance.status === 'renaming') instance.status = 'available';
    };
    // A backed instance is `renaming` until the new name's endpoint answers (rds-endpoints.ts).
    if (!instance.backing || world.rds.endpoints.port(id) !== undefined) return settle();
    const started = world.rds.endpoints
      .ensure(id)
      .then(settle, (error: unknown) => console.error('sim: starting an endpoint failed:', error));
    world.rds.pending.add(started);
    void started.finally(() => world.rds.pending.delete(started));
  });
  return { DBInstance: described };
}
