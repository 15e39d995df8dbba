/**
 * What differs between kinds of secret: how a new value is made, applied to the system that
 * checks it, tested, and put back. The order of the steps is the same for every kind and lives
 * in rotate.ts.
 */
import type { SecretsStore } from '../aws/secrets-manager.js';
import { awsErrorName } from '../aws/call.js';
import type { SecretConfig } from './types.js';
import { DomainFailure } from '../util/errors.js';
import type { Clock } from '../util/clock.js';
import type { Logger } from '../util/logger.js';
import type { RdsMasterPassword } from './database.js';
import {
  credentialsOf,
  databasePassword,
  loginWithin,
  randomValue,
  scramVerifier,
  tryLogin,
  withCredentials,
  withoutSecrets,
} from './values.js';
import type pg from 'pg';
import { pgClient, usePgClient } from '../util/pg-client.js';

export class RotationRefused extends DomainFailure {
  override readonly name = 'RotationRefused';
}

/** The system refused to apply the new value (RDS InvalidDBInstanceState): nothing took it. */
export class ApplyRefused extends DomainFailure {
  override readonly name = 'ApplyRefused';
  constructor(
    message: string,
    /** What refused it is another change of the same kind being applied (another rotation). */
    readonly anotherChange: boolean,
  ) {
    super(message);
  }
}

export interface DriverDeps {
  secrets: SecretsStore;
  rds: RdsMasterPassword | undefined;
  clock: Clock;
  logger: Logger;
  /** Deadline for a new login to work, and for RDS to apply a password. */
  loginTimeoutMs: number;
  passwordTimeoutMs: number;
  pollIntervalMs: number;
}

export interface KindDriver {
  /** Names of the steps `apply` and `settle` record (for the plan and summary). */
  applySteps: string[];
  /**
   * Read-only checks; throws RotationRefused when rotating would be wrong. `unfinished`: an
   * AWSPENDING waits, so a current value that no longer logs in is expected (a lost run may
   * have applied the pending password) and is left to the resume logic.
   */
  preflight(current: string, unfinished: boolean): Promise<void>;
  /** A new value for the rotated secret, or undefined when there is nothing to rotate. */
  newValue(current: string): Promise<string | undefined>;
  /** Applies a pending value where it is checked (RDS, the role); nothing for random. */
  apply(pending: string, current: string): Promise<void>;
  /** Waits until an applied change took effect (RDS PendingModifiedValues). */
  settle(): Promise<void>;
  /** Whether a value works now (logs in); random values always do. */
  works(value: string, patient: boolean): Promise<boolean>;
  /** Puts the system back so `value` works again (after a failed test or redeploy). */
  restore(value: string): Promise<void>;
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export function randomDriver(secret: SecretConfig): KindDriver {
  return {
    applySteps: [],
    preflight: async () => {},
    newValue: async () => randomValue(secret.length ?? 48),
    apply: async () => {},
    settle: async () => {},
    works: async (value) => value.length > 0,
    restore: async () => {},
  };
}

/** Preflight's login with the current DATABASE_URL: a real connection and SELECT 1. */
function currentLogin(secret: SecretConfig, deps: DriverDeps) {
  return async (current: string, unfinished: boolean): Promise<void> => {
    const login = await tryLogin(current);
    if (login.ok) return;
    if (unfinished) {
      deps.logger.warning(
        `${secret.name}: the current DATABASE_URL does not log in (${login.error}), and an unfinished rotation waits: it is finished if its value logs in`,
      );
      return;
    }
    throw new RotationRefused(
      `${secret.name}: the current DATABASE_URL does not log in (${login.error}); something is already wrong, so nothing was changed`,
    );
  };
}

function loginChecker(deps: DriverDeps) {
  return async (url: string, patient: boolean): Promise<boolean> => {
    const result = patient
      ? await loginWithin(
          url,
          'the pending DATABASE_URL',
          deps.loginTimeoutMs,
          deps.pollIntervalMs,
          deps,
        )
      : await tryLogin(url);
    return result.ok;
  };
}

export function rdsMasterPasswordDriver(secret: SecretConfig, deps: DriverDeps): KindDriver {
  const rds = deps.rds;
  if (!rds)
    throw new RotationRefused(
      `${secret.name}: kind rds-master-password needs database.instance in the environment's configuration`,
    );
  const works = loginChecker(deps);
  const currentLogsIn = currentLogin(secret, deps);
  return {
    applySteps: ['modify-db-instance', 'wait-applied'],
    preflight: async (current, unfinished) => {
      const instance = await rds.describe();
      const status = instance.DBInstanceStatus ?? 'unknown';
      // A lost run's password may still be being applied. RDS takes a password change while
      // it is available, or optimizing storage (hours after a storage change, serving all the
      // while); anything else (backing-up, modifying, rebooting…) makes it refuse the change.
      const takesPassword = status === 'available' || status === 'storage-optimization';
      if (!takesPassword && !(unfinished && status === 'resetting-master-credentials'))
        throw new RotationRefused(
          `${secret.name}: RDS instance ${rds.instanceId} is ${status}; RDS changes the master password only when the instance is available (or storage-optimization) — run again once it is (aws rds describe-db-instances --db-instance-identifier ${rds.instanceId})`,
        );
      const queued = Object.keys(instance.PendingModifiedValues ?? {}).filter(
        (k) => k !== 'MasterUserPassword',
      );
      if (queued.length > 0)
        deps.logger.info(
          `  ${rds.instanceId} has pending modifications (${queued.join(', ')}); they stay pending: the password is changed without ApplyImmediately`,
        );
      if (instance.MasterUserSecret)
        throw new RotationRefused(
          `${secret.name}: RDS instance ${rds.instanceId} manages its master password in Secrets Manager (ManageMasterUserPassword), so RDS rotates it itself; use kind rds-managed for ${secret.name}`,
        );
      const { user } = credentialsOf(current, `${secret.name} (AWSCURRENT)`);
      if (instance.MasterUsername && user !== instance.MasterUsername)
        throw new RotationRefused(
          `${secret.name}: DATABASE_URL logs in as ${user}, not as the master user ${instance.MasterUsername}; use kind database-user for an application role`,
        );
      await currentLogsIn(current, unfinished);
    },
    newValue: async (current) => {
      const { user } = credentialsOf(current, secret.name);
      return withCredentials(current, user, databasePassword(secret.length ?? 32));
    },
    apply: async (pending) => {
      try {
        await rds.set(credentialsOf(pending, secret.name).password, async () => {
          const login = await tryLogin(pending);
          return login.ok;
        });
      } catch (error) {
        // A refusal for the instance's state (another change of the master password being
        // applied, a backup started since preflight): RDS took nothing, the password is as it
        // was, so there is nothing to set back.
        if (awsErrorName(error) !== 'InvalidDBInstanceStateFault') throw error;
        const status = (await rds.describe()).DBInstanceStatus ?? 'unknown';
        const resetting = status === 'resetting-master-credentials';
        throw new ApplyRefused(
          `RDS refused the new master password: ${rds.instanceId} is ${status}${resetting ? ' (another change of the master password is being applied)' : ''}`,
          resetting,
        );
      }
    },
    settle: () => rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs),
    works,
    restore: async (value) => {
      // RDS refuses a modification while it applies one (a password it accepted even though
      // its answer was lost): wait for that first.
      await rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs);
      await rds.set(credentialsOf(value, secret.name).password, async () => {
        const login = await tryLogin(value);
        return login.ok;
      });
      await rds.waitApplied(deps.passwordTimeoutMs, deps.pollIntervalMs);
      if (!(await works(value, true)))
        throw new DomainFailure(
          `${secret.name}: the old master password was set back but does not log in; fix the master password by hand (aws rds modify-db-instance --master-user-password) and run again`,
        );
    },
  };
}

/** AWS's "alternating users": `<user>` and `<user>_clone` take turns; the other keeps working. */
export function databaseUserDriver(secret: SecretConfig, deps: DriverDeps): KindDriver {
  const works = loginChecker(deps);
  const currentLogsIn = currentLogin(secret, deps);
  const adminId = secret['admin-secret-id'] as string;
  const adminUrl = async (current: string): Promise<string> => {
    const raw = (await deps.secrets.value(adminId)).value;
    if (/^postgres(ql)?:\/\//.test(raw)) return raw;
    try {
      const { username, password } = JSON.parse(raw) as { username?: string; password?: string };
      if (username && password) return withCredentials(current, username, password);
    } catch {
      // fall through to the error below
    }
    throw new RotationRefused(
      `${secret.name}: admin-secret-id ${adminId} holds neither a postgres:// URL nor {"username","password"}`,
    );
  };
  const users = (current: string): { active: string; inactive: string } => {
    const { user } = credentialsOf(current, secret.name);
    const base = user.replace(/_clone$/, '');
    return { active: user, inactive: user === base ? `${base}_clone` : base };
  };
  const admin = async <T>(current: string, fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const url = await adminUrl(current);
    const client = await pgClient({
      connectionString: url,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 10_000,
    });
    try {
      return await usePgClient(client, fn);
    } catch (error) {
      if (error instanceof DomainFailure) throw error;
      // pg's errors name users, but a driver error could quote the URL: never pass it on,
      // not even as a cause (a stack trace prints causes).
      // eslint-disable-next-line preserve-caught-error
      throw new Error(withoutSecrets((error as Error).message, [url, current]));
    }
  };
  /** Table privileges of a role in the URL's database, to compare the two users. */
  const grants = async (c: pg.Client, role: string): Promise<string[]> => {
    const out = await c.query<{ grant: string }>(
      `SELECT c.relname || ':' || p.priv AS grant
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE']) AS p(priv)
        WHERE n.nspname = 'public' AND c.relkind IN ('r','v','m','p')
          AND has_table_privilege($1, c.oid, p.priv)
        ORDER BY 1`,
      [role],
    );
    return out.rows.map((r) => r.grant);
  };
  return {
    applySteps: ['alter-role'],
    preflight: async (current, unfinished) => {
      await currentLogsIn(current, unfinished);
      await admin(current, async (c) => {
        await c.query('SELECT 1');
      }).catch((error: unknown) => {
        throw new RotationRefused(
          `${secret.name}: the admin URL in ${adminId} does not log in (${(error as Error).message})`,
        );
      });
    },
    newValue: async (current) =>
      withCredentials(current, users(current).inactive, databasePassword(secret.length ?? 32)),
    apply: async (pending, current) => {
      const { user, password } = credentialsOf(pending, secret.name);
      const { active } = users(current);
      await admin(current, async (c) => {
        const exists = await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
        if (exists.rowCount === 0) {
          // The clone inherits the active user's privileges by membership.
          await c.query(
            `CREATE ROLE ${ident(user)} LOGIN PASSWORD ${literal(scramVerifier(password))}`,
          );
          await c.query(`GRANT ${ident(active)} TO ${ident(user)}`);
        } else
          await c.query(
            `ALTER ROLE ${ident(user)} WITH LOGIN PASSWORD ${literal(scramVerifier(password))}`,
          );
        const [mine, theirs] = [await grants(c, user), await grants(c, active)];
        const missing = theirs.filter((g) => !mine.includes(g));
        if (missing.length > 0)
          throw new DomainFailure(
            `${secret.name}: role ${user} lacks privileges ${active} has (${missing.slice(0, 5).join(', ')}); grant them (or GRANT ${active} TO ${user}) and run again`,
          );
      });
    },
    settle: async () => {},
    works,
    // The old user's password never changed: nothing to put back.
    restore: async () => {},
  };
}

/** RDS rotates its managed master secret itself; DATABASE_URL is rebuilt from it when stale. */
export function rdsManagedDriver(secret: SecretConfig, deps: DriverDeps): KindDriver {
  const rds = deps.rds;
  if (!rds)
    throw new RotationRefused(
      `${secret.name}: kind rds-managed needs database.instance in the environment's configuration`,
    );
  const works = loginChecker(deps);
  let managedArn: string | undefined;
  return {
    applySteps: [],
    preflight: async () => {
      const instance = await rds.describe();
      managedArn = instance.MasterUserSecret?.SecretArn;
      if (!managedArn)
        throw new RotationRefused(
          `${secret.name}: RDS instance ${rds.instanceId} does not manage its master password (no MasterUserSecret); use kind rds-master-password`,
        );
    },
    newValue: async (current) => {
      const raw = (await deps.secrets.value(managedArn as string)).value;
      const { username, password } = JSON.parse(raw) as { username: string; password: string };
      const now = credentialsOf(current, secret.name);
      if (now.user === username && now.password === password) return undefined;
      return withCredentials(current, username, password);
    },
    apply: async () => {},
    settle: async () => {},
    works,
    restore: async () => {},
  };
}
