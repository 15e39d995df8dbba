/**
 * ModifyDBInstance as RDS's state machine has it:
 * - MasterUserPassword: refused while RDS manages the password in Secrets Manager; otherwise
 *   shown in PendingModifiedValues (status resetting-master-credentials) for the fixture's
 *   `durations.masterPassword`, then really applied to the PostgreSQL role when the instance is
 *   backed. RDS applies a password as soon as it can, with or without ApplyImmediately.
 * - DBInstanceClass, AllocatedStorage: queued in PendingModifiedValues (for the maintenance
 *   window, which the sim does not model) unless ApplyImmediately. ApplyImmediately applies
 *   every pending modification, the ones queued earlier too: `modifying`, then a class change
 *   ends with a reboot (`rebooting`) and a storage change with `storage-optimization` (hours;
 *   the instance serves, takes snapshots and other modifications, but no further storage
 *   change until it ends).
 * - Any modification is refused with InvalidDBInstanceState unless the instance is
 *   `available` (or `storage-optimization`, for all but storage): RDS answers so while it is
 *   backing-up, modifying, rebooting, resetting-master-credentials, renaming…
 * - NewDBInstanceIdentifier: sim/services/rds-rename.ts.
 * Other modifications are refused by name, so nothing is silently ignored.
 */
import { AwsError } from '../aws/protocol.js';
import { optInt, optString, reqString, type Input } from '../aws/service.js';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import { rdsInputs, type DbInstance, type RdsStore } from './rds-model.js';
import { renameDbInstance } from './rds-rename.js';
import { optBool } from './rds-restore-ops.js';

const SUPPORTED = new Set([
  'DBInstanceIdentifier',
  'MasterUserPassword',
  'ApplyImmediately',
  'NewDBInstanceIdentifier',
  'DBInstanceClass',
  'AllocatedStorage',
]);

type ModifyWorld = { rds: RdsStore; clock: SimClock; fixture: Fixture };

/** RDS's answer to a modification in a state that takes none. */
const notAvailable = (instance: DbInstance): AwsError =>
  new AwsError(
    'InvalidDBInstanceState',
    `Database instance is not in available state (it is ${instance.status}).`,
  );

/** The status an instance returns to when what it was doing ends. */
function settled(instance: DbInstance): string {
  return instance.optimizingStorage ? 'storage-optimization' : 'available';
}

/**
 * Applies every queued class and storage change: `modifying` for `durations.modify`, then a
 * class change reboots and a storage change is optimized.
 */
function applyPending(world: ModifyWorld, instance: DbInstance): void {
  const instanceClass = instance.pendingClass;
  const storage = instance.pendingStorage;
  if (instanceClass === undefined && storage === undefined) return;
  instance.status = 'modifying';
  const { durations } = world.fixture;
  world.clock.after(durations.modify, () => {
    if (world.rds.instances.get(instance.id) !== instance) return;
    if (instanceClass !== undefined) {
      instance.instanceClass = instanceClass;
      instance.pendingClass = undefined;
    }
    if (storage !== undefined) {
      instance.allocatedStorage = storage;
      instance.pendingStorage = undefined;
      instance.optimizingStorage = true;
      world.clock.after(durations.storageOptimization, () => {
        instance.optimizingStorage = false;
        if (instance.status === 'storage-optimization') instance.status = 'available';
      });
    }
    if (instanceClass === undefined) {
      instance.status = settled(instance);
      return;
    }
    instance.status = 'rebooting';
    world.clock.after(durations.reboot, () => {
      if (instance.status === 'rebooting') instance.status = settled(instance);
    });
  });
}

export function modifyDbInstance(world: ModifyWorld, input: Input): Input {
  const invalid = (m: string): AwsError => new AwsError('InvalidParameterValue', m);
  const id = optString(input, 'DBInstanceIdentifier', rdsInputs);
  if (!id)
    throw new AwsError(
      'MissingParameter',
      'The request must contain the parameter DBInstanceIdentifier',
    );
  const unsupported = Object.keys(input).filter((k) => !SUPPORTED.has(k));
  if (unsupported.length > 0)
    throw invalid(
      `sim: ModifyDBInstance models only MasterUserPassword and NewDBInstanceIdentifier; not ${unsupported.join(', ')}`,
    );
  const instance = world.rds.instance(reqString(input, 'DBInstanceIdentifier', rdsInputs));
  const applyNow = optBool(input, 'ApplyImmediately') === true;
  const newClass = optString(input, 'DBInstanceClass', rdsInputs);
  const newStorage = optInt(input, 'AllocatedStorage', rdsInputs, { min: 20, max: 65_536 });
  if (input['NewDBInstanceIdentifier'] !== undefined && (newClass ?? newStorage) !== undefined)
    throw invalid(
      'sim: ModifyDBInstance models a rename (NewDBInstanceIdentifier) alone, not with a class or storage change',
    );
  // A rename (NewDBInstanceIdentifier): sim/services/rds-rename.ts.
  const renamed = renameDbInstance(world, instance, input);
  if (renamed) {
    if (applyNow) applyPending(world, instance);
    return renamed;
  }
  const currentClass = instance.instanceClass ?? instance.fixture.instanceClass;
  const currentStorage = instance.allocatedStorage ?? instance.fixture.allocatedStorage;
  if (newClass !== undefined && !/^db\.[a-z0-9]+\.[a-z0-9]+$/.test(newClass))
    throw new AwsError(
      'InvalidParameterCombination',
      `RDS does not support creating a DB instance with the following combination: DBInstanceClass=${newClass}, Engine=postgres, EngineVersion=${instance.fixture.engineVersion}, LicenseModel=postgresql-license.`,
    );
  const storageChange = newStorage !== undefined && newStorage !== currentStorage;
  if (storageChange && newStorage < currentStorage)
    throw invalid(
      `Invalid storage size for engine name postgres and storage type gp3: ${newStorage}. The allocated storage of an instance cannot be decreased (it has ${currentStorage} GiB).`,
    );
  const password = input['MasterUserPassword'];
  if (typeof password === 'string') checkMasterPassword(instance, password);
  if (instance.status === 'storage-optimization') {
    if (storageChange)
      throw new AwsError(
        'InvalidParameterCombination',
        'You cannot currently modify the storage of this DB instance because the previous storage change is being optimized.',
      );
  } else if (
    instance.status !== 'available' &&
    (newClass !== undefined || newStorage !== undefined || password !== undefined || applyNow)
  )
    throw notAvailable(instance);
  if (newClass !== undefined && newClass !== currentClass) instance.pendingClass = newClass;
  if (storageChange) instance.pendingStorage = newStorage;
  if (typeof password === 'string') setMasterPassword(world, instance, password);
  if (applyNow) applyPending(world, instance);
  return { DBInstance: world.rds.describeInstance(instance) };
}

/** Refuses a password RDS would refuse, before anything changes. */
function checkMasterPassword(instance: DbInstance, password: string): void {
  const invalid = (m: string): AwsError => new AwsError('InvalidParameterValue', m);
  if (instance.fixture.manageMasterUserPassword)
    throw new AwsError(
      'InvalidParameterCombination',
      "You can't specify MasterUserPassword for a DB instance that manages the master user password in AWS Secrets Manager (ManageMasterUserPassword). Turn it off first or let RDS rotate the secret.",
    );
  if (password.length < 8 || password.length > 128)
    throw invalid(
      'The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters or longer than 128.',
    );
  if (!/^[\x21-\x7e]+$/.test(password) || /[/"@]/.test(password))
    throw invalid(
      "The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '\"', ' ' may be used.",
    );
}

function setMasterPassword(world: ModifyWorld, instance: DbInstance, password: string): void {
  instance.pendingMasterPassword = password;
  instance.status = 'resetting-master-credentials';
  world.clock.after(world.fixture.durations.masterPassword, () => {
    const apply = async (): Promise<void> => {
      const b = instance.backing;
      if (b) await b.setPassword(b.masterUsername, password);
    };
    // Applied only once PostgreSQL took it, so "no longer pending" means "logs in".
    void apply().then(
      () => {
        if (instance.pendingMasterPassword === password) {
          instance.masterPassword = password;
          instance.pendingMasterPassword = undefined;
          if (instance.status === 'resetting-master-credentials')
            instance.status = settled(instance);
        }
      },
      (error: unknown) => console.error('sim: applying the master password failed:', error),
    );
  });
}
