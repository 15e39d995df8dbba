/**
 * ModifyDBInstance, for the master password: refused while RDS manages the password in
 * Secrets Manager; otherwise shown in PendingModifiedValues (status resetting-master-credentials)
 * for the fixture's `durations.masterPassword`, then really applied to the PostgreSQL role when
 * the instance is backed. Other modifications are refused by name, so nothing is silently ignored.
 */
import { AwsError } from '../aws/protocol.js';
import { optString, reqString, type Input } from '../aws/service.js';
import type { SimClock } from '../clock.js';
import type { Fixture } from '../fixture.js';
import { rdsInputs, type RdsStore } from './rds-model.js';
import { renameDbInstance } from './rds-rename.js';

const SUPPORTED = new Set([
  'DBInstanceIdentifier',
  'MasterUserPassword',
  'ApplyImmediately',
  'NewDBInstanceIdentifier',
]);

export function modifyDbInstance(
  world: { rds: RdsStore; clock: SimClock; fixture: Fixture },
  input: Input,
): Input {
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
  // A rename (NewDBInstanceIdentifier): sim/services/rds-rename.ts.
  const renamed = renameDbInstance(world, instance, input);
  if (renamed) return renamed;
  const password = input['MasterUserPassword'];
  if (typeof password !== 'string') return { DBInstance: world.rds.describeInstance(instance) };
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
  if (instance.status !== 'available')
    throw new AwsError(
      'InvalidDBInstanceState',
      `Database instance is not in available state (it is ${instance.status}).`,
    );
  instance.pendingMasterPassword = password;
  instance.status = 'resetting-master-credentials';
  const described = world.rds.describeInstance(instance);
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
          if (instance.status === 'resetting-master-credentials') instance.status = 'available';
        }
      },
      (error: unknown) => console.error('sim: applying the master password failed:', error),
    );
  });
  return { DBInstance: described };
}
