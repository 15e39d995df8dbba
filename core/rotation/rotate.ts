/**
 * Rotation that never loses the working secret (the Secrets Manager rotation contract):
 *   put the new value as AWSPENDING → apply it (RDS password, role) → test it (log in) →
 *   move AWSCURRENT (the old version becomes AWSPREVIOUS) → redeploy (App Runner reads
 *   secrets only at deployment) → verify health.
 * Any stop leaves AWSCURRENT working: it moves only to a value that was just tested, and a
 * re-run of the same run finds its own version (the token is derived from the run) or an
 * unfinished AWSPENDING and finishes it if its value works, or undoes it if not.
 */
import type { RunInfo } from '../action/github-context.js';
import type { DeployTarget } from '../targets/target.js';
import type { SecretsStore } from '../aws/secrets-manager.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { Clock } from '../util/clock.js';
import { DomainFailure, errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { RdsMasterPassword } from './database.js';
import {
  databaseUserDriver,
  randomDriver,
  rdsManagedDriver,
  rdsMasterPasswordDriver,
  RotationRefused,
  type DriverDeps,
  type KindDriver,
} from './drivers.js';
import { redeployAndVerify } from './redeploy.js';
import type { StepLog } from './steps.js';
import { rotationToken, runTokens } from './token.js';
import { DATABASE_KINDS, rotatedSecretId, type SecretConfig } from './types.js';
import { credentialsOf } from './values.js';

export interface RotationTiming {
  operationTimeoutMs: number;
  pollIntervalMs: number;
  verifyTimeoutMs: number;
  /** How long a new login may take to start working. */
  loginTimeoutMs: number;
  /** How long RDS may take to apply a master password. */
  passwordTimeoutMs: number;
}

export interface RotationContext {
  environment: string;
  env: EnvironmentConfig;
  secrets: SecretsStore;
  target: DeployTarget;
  rds: RdsMasterPassword | undefined;
  run: RunInfo;
  timing: RotationTiming;
  clock: Clock;
  logger: Logger;
}

export type SecretResult = 'rotated' | 'unchanged' | 'undone' | 'failed' | 'planned';

export interface SecretOutcome {
  name: string;
  kind: SecretConfig['kind'];
  secretId: string;
  result: SecretResult;
  /** The AWSCURRENT version when the run ended (not a secret). */
  versionId?: string;
  /** What happened, in lines for the summary (never a value). */
  notes: string[];
  /** When `rotated`: the moment AWSCURRENT moved. */
  rotatedAt?: string;
}

export class RotationUndone extends DomainFailure {
  override readonly name = 'RotationUndone';
}

function driverFor(secret: SecretConfig, ctx: RotationContext): KindDriver {
  const deps: DriverDeps = {
    secrets: ctx.secrets,
    rds: ctx.rds,
    clock: ctx.clock,
    logger: ctx.logger,
    loginTimeoutMs: ctx.timing.loginTimeoutMs,
    passwordTimeoutMs: ctx.timing.passwordTimeoutMs,
    pollIntervalMs: ctx.timing.pollIntervalMs,
  };
  switch (secret.kind) {
    case 'random':
      return randomDriver(secret);
    case 'rds-master-password':
      return rdsMasterPasswordDriver(secret, deps);
    case 'database-user':
      return databaseUserDriver(secret, deps);
    case 'rds-managed':
      return rdsManagedDriver(secret, deps);
    case 'external':
      throw new RotationRefused(
        `${secret.name} is kind external (issued by a third party): rotate it with its issuer, then store it with aws secretsmanager put-secret-value; rotate-secret never generates it`,
      );
  }
}

/** What preflight learned; nothing was changed to learn it. */
export interface Preflight {
  secret: SecretConfig;
  secretId: string;
  driver: KindDriver;
  current: { value: string; versionId: string };
  previousVersionId: string | undefined;
  unfinishedVersionId: string | undefined;
  /** This run's versions that already exist, and the token of a fresh rotation. */
  ownVersions: string[];
  nextToken: string;
}

/** Read-only: the secret exists, no second rotator, the kind's own checks (e.g. login). */
export async function preflight(
  secret: SecretConfig,
  ctx: RotationContext,
  steps: StepLog,
): Promise<Preflight> {
  const driver = driverFor(secret, ctx);
  const secretId = rotatedSecretId(secret);
  return steps.run(secret.name, 'preflight', async () => {
    const described = await ctx.secrets.describe(secretId);
    if (described.rotationEnabled)
      throw new RotationRefused(
        `${secret.name}: Secrets Manager's own rotation is enabled on ${secretId}; two rotators would fight over AWSPENDING — turn it off (aws secretsmanager cancel-rotate-secret) or stop rotating ${secret.name} here`,
      );
    const current = await ctx.secrets.value(secretId);
    if (DATABASE_KINDS.includes(secret.kind))
      credentialsOf(current.value, `${secret.name} (AWSCURRENT of ${secretId})`);
    await driver.preflight(current.value, described.unfinishedVersionId !== undefined);
    const tokens = runTokens(
      (n) => rotationToken(ctx.run, ctx.environment, secretId, n),
      await ctx.secrets.versionIds(secretId),
    );
    const previousVersionId = Object.entries(described.stages).find(([, l]) =>
      l.includes('AWSPREVIOUS'),
    )?.[0];
    return {
      secret,
      secretId,
      driver,
      current,
      previousVersionId,
      unfinishedVersionId: described.unfinishedVersionId,
      ownVersions: tokens.used,
      nextToken: tokens.next,
    };
  });
}

/** Rotates one secret whose preflight passed; throws RotationUndone (red) after an undo. */
export async function rotateSecret(
  p: Preflight,
  ctx: RotationContext,
  steps: StepLog,
): Promise<SecretOutcome> {
  const { secret, secretId, driver } = p;
  const name = secret.name;
  const outcome: SecretOutcome = {
    name,
    kind: secret.kind,
    secretId,
    result: 'unchanged',
    versionId: p.current.versionId,
    notes: [],
  };

  // A re-run after AWSCURRENT already moved to this run's version: only the redeploy is left.
  if (p.ownVersions.includes(p.current.versionId)) {
    outcome.notes.push(
      `AWSCURRENT is already this run's version ${p.current.versionId}: resumed at the redeploy`,
    );
    const old = p.previousVersionId
      ? await ctx.secrets.value(secretId, { versionId: p.previousVersionId })
      : undefined;
    return finishTail(p, ctx, steps, outcome, p.current.versionId, old);
  }

  let current = p.current;
  if (p.unfinishedVersionId) {
    const pendingId = p.unfinishedVersionId;
    const pending = await ctx.secrets.value(secretId, { versionId: pendingId });
    await steps.run(name, 'resume-wait-applied', () => driver.settle());
    const works = await steps.run(name, 'resume-test-pending', () =>
      driver.works(pending.value, true),
    );
    if (works) {
      outcome.notes.push(
        `an unfinished rotation (AWSPENDING on version ${pendingId}) was found; its value works, so it was finished`,
      );
      return finish(p, ctx, steps, outcome, pendingId, pending.value, current);
    }
    await steps.run(name, 'resume-undo-pending', async () => {
      if (!(await driver.works(current.value, false))) await driver.restore(current.value);
      await ctx.secrets.removeStage(secretId, 'AWSPENDING', pendingId);
    });
    outcome.notes.push(
      `an unfinished rotation (AWSPENDING on version ${pendingId}) was found; its value does not work, so it was undone (AWSPENDING removed, AWSCURRENT kept)`,
    );
    current = await ctx.secrets.value(secretId);
  }

  const token = p.nextToken;
  const value = await steps.run(name, 'new-value', () => driver.newValue(current.value));
  if (value === undefined) {
    outcome.notes.push('the value is already up to date: nothing to rotate');
    steps.record(name, 'nothing-to-rotate', 'skipped', 'already up to date', ctx.clock.now());
    return outcome;
  }
  await steps.run(
    name,
    'put-pending',
    () => ctx.secrets.put(secretId, token, value, ['AWSPENDING']),
    `version ${token}`,
  );
  const applied = await applyAndTest(p, steps, value, current.value);
  if (!applied.ok) {
    await steps.run(name, 'undo', async () => {
      await driver.restore(current.value);
      if (!(await driver.works(current.value, true)))
        throw new DomainFailure(`${name}: the old value does not log in after the undo`);
      await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
    });
    outcome.result = 'undone';
    throw new RotationUndone(
      `${name}: the new value did not work (${applied.why}); undone: the old ${DATABASE_KINDS.includes(secret.kind) ? 'password' : 'value'} works and AWSCURRENT did not move`,
    );
  }
  return finish(p, ctx, steps, outcome, token, value, current);
}

async function applyAndTest(
  p: Preflight,
  steps: StepLog,
  value: string,
  current: string,
): Promise<{ ok: true } | { ok: false; why: string }> {
  const { driver } = p;
  const name = p.secret.name;
  const [applyName, settleName] = driver.applySteps;
  try {
    if (applyName) await steps.run(name, applyName, () => driver.apply(value, current));
    if (settleName === 'wait-applied') await steps.run(name, settleName, () => driver.settle());
  } catch (error) {
    return { ok: false, why: errorMessage(error) };
  }
  if (!DATABASE_KINDS.includes(p.secret.kind)) return { ok: true };
  const works = await steps.run(name, 'test-login', () => driver.works(value, true));
  return works ? { ok: true } : { ok: false, why: 'the pending DATABASE_URL does not log in' };
}

/** Moves AWSCURRENT to a version whose value was just shown to work, then redeploys. */
async function finish(
  p: Preflight,
  ctx: RotationContext,
  steps: StepLog,
  outcome: SecretOutcome,
  versionId: string,
  value: string,
  old: { value: string; versionId: string },
): Promise<SecretOutcome> {
  const { secret, secretId } = p;
  const previousId = secret['previous-secret-id'];
  if (previousId)
    await steps.run(
      secret.name,
      'write-previous',
      // The old value goes to the previous-secret first, so sessions signed with it survive.
      () => ctx.secrets.put(previousId, versionId, old.value, ['AWSCURRENT']),
      previousId,
    );
  await steps.run(
    secret.name,
    'move-current',
    async () => {
      await ctx.secrets.moveStage(secretId, 'AWSCURRENT', versionId);
      await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
    },
    `version ${versionId}; ${old.versionId} is AWSPREVIOUS`,
  );
  await syncCredentials(p, ctx, steps, versionId, value);
  return finishTail(p, ctx, steps, outcome, versionId, old);
}

/** Database kinds: a separate secret-id holding {"username","password"} follows DATABASE_URL. */
async function syncCredentials(
  p: Preflight,
  ctx: RotationContext,
  steps: StepLog,
  versionId: string,
  url: string,
): Promise<void> {
  const { secret, secretId } = p;
  if (!DATABASE_KINDS.includes(secret.kind) || secret['secret-id'] === secretId) return;
  const { user, password } = credentialsOf(url, secret.name);
  await steps.run(secret.name, 'sync-credentials', () =>
    ctx.secrets.put(secret['secret-id'], versionId, JSON.stringify({ username: user, password }), [
      'AWSCURRENT',
    ]),
  );
}

async function finishTail(
  p: Preflight,
  ctx: RotationContext,
  steps: StepLog,
  outcome: SecretOutcome,
  versionId: string,
  old: { value: string; versionId: string } | undefined,
): Promise<SecretOutcome> {
  const { secret, secretId, driver } = p;
  const failure = await redeployAndVerify(ctx, steps, secret.name);
  if (failure === undefined) {
    outcome.result = 'rotated';
    outcome.versionId = versionId;
    outcome.rotatedAt = new Date(ctx.clock.now()).toISOString();
    return outcome;
  }
  if (!old)
    throw new DomainFailure(
      `${secret.name}: the redeploy failed (${failure}) and there is no AWSPREVIOUS version to go back to; investigate the service`,
    );
  // Undo: the old value must work again before AWSCURRENT goes back to it.
  await steps.run(secret.name, 'undo-restore', async () => {
    if (!(await driver.works(old.value, false))) await driver.restore(old.value);
  });
  await steps.run(secret.name, 'undo-move-current', () =>
    ctx.secrets.moveStage(secretId, 'AWSCURRENT', old.versionId),
  );
  await syncCredentials(p, ctx, steps, old.versionId, old.value);
  const again = await redeployAndVerify(ctx, steps, secret.name, 'undo-');
  outcome.result = 'undone';
  outcome.versionId = old.versionId;
  throw new RotationUndone(
    again === undefined
      ? `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone: AWSCURRENT is the old version ${old.versionId} again and the service is healthy on it`
      : `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone (AWSCURRENT is the old version ${old.versionId}) but the service is still unhealthy (${again}) — investigate now`,
  );
}
