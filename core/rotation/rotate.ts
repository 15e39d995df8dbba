/**
 * Rotation that never loses the working secret (the Secrets Manager rotation contract):
 *   put the new value as AWSPENDING → apply it (RDS password, role) → test it (log in) →
 *   move AWSCURRENT (the old version becomes AWSPREVIOUS) → redeploy (App Runner reads
 *   secrets only at deployment) → verify health.
 * Any stop leaves AWSCURRENT working: it moves only to a value that was just tested.
 * What a stopped run leaves is read from Secrets Manager, whichever run left it: an AWSPENDING
 * on another version than AWSCURRENT is a rotation under way or lost, and AWSCURRENT still
 * labelled UNDEPLOYED is one whose redeploy did not finish. By default a run stops before any
 * change when it finds either (another run may be at work); told `unfinished: resume` (rotate.yml,
 * whose concurrency group rules out a second run), it finishes or undoes what it found first.
 * The new version's id is derived from the AWSCURRENT it starts from, so of two runs starting
 * from the same AWSCURRENT only one can stage a version (a label of the run's own, put on with
 * the value, tells which when both stage the same value), and every label is moved naming the
 * version it is taken from, so a move never overrides another writer's.
 */
import { preflightDatabases, type DatabaseAccess } from '../database/access.js';
import type { RunInfo } from '../action/github-context.js';
import type { DeployTarget } from '../targets/target.js';
import { StageMoved, VersionExists, type SecretsStore } from '../aws/secrets-manager.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { Clock } from '../util/clock.js';
import { DomainFailure, errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { RdsMasterPassword } from './database.js';
import {
  ApplyRefused,
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
import { baseTokens, STAGING_PREFIX, stagingLabel, UNDEPLOYED } from './token.js';
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
  /**
   * What to do with a rotation found unfinished (AWSPENDING, or AWSCURRENT not deployed):
   * `stop` before any change (another run may be at work), or `resume` it (finish or undo).
   */
  unfinished: 'stop' | 'resume';
  /** Registers a value with the runner's mask the moment it is read or made. */
  mask: (value: string) => void;
  /** Set by the run's preflight: the running image by digest, for a service configured by tag. */
  redeployImage?: string | undefined;
  /** How the database is reached (database.access); preflight checks that it answers. */
  databaseAccess?: DatabaseAccess | undefined;
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

/** An AWSPENDING on another version than AWSCURRENT. */
export interface Unfinished {
  versionId: string;
  stagedAt: Date | undefined;
  /** Staged from today's AWSCURRENT (its id derives from it), so finishing it is safe. */
  fromCurrent: boolean;
}

/** What preflight learned; nothing was changed to learn it. */
export interface Preflight {
  secret: SecretConfig;
  secretId: string;
  driver: KindDriver;
  current: { value: string; versionId: string; createdAt: Date | undefined };
  previousVersionId: string | undefined;
  unfinished: Unfinished | undefined;
  /** AWSCURRENT carries UNDEPLOYED: a run moved it and did not finish the redeploy. */
  undeployed: boolean;
  /**
   * AWSCURRENT still carries AWSPENDING: a run was lost inside move-current, between moving
   * AWSCURRENT and taking AWSPENDING off (not a rotation under way: the value is current).
   */
  pendingOnCurrent: boolean;
  /** The token (version id) of a fresh rotation from today's AWSCURRENT. */
  nextToken: string;
}

const ago = (clock: Clock, at: Date | undefined): string =>
  at
    ? `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.max(0, Math.round((clock.now() - at.getTime()) / 60_000))} min ago`
    : 'at an unknown time';

/** Why a run stops when it finds a rotation under way or lost, and how to go on. */
function inProgress(
  name: string,
  secretId: string,
  what: string,
  environment: string,
): RotationRefused {
  return new RotationRefused(
    `${name}: a rotation is under way or was lost: ${what}; nothing was changed. If no other rotation of ${name} runs now, finish it (or undo it when its value does not work) with rotate.yml (environment ${environment}, secret ${name}), or apprunner-ops rotate ${environment} ${name} --resume; its concurrency group rules out a second run (secret ${secretId})`,
  );
}

/** Read-only: the secret exists, no rotation under way, the kind's own checks (e.g. login). */
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
    // One snapshot of the labels decides which version is current, whether a rotation is under
    // way and the id of this run's version: read apart (the labels by DescribeSecret, the
    // versions later), another run's version staged in between was missed as "under way" yet
    // moved this run's id on to the next free one, so both runs staged a version and the later
    // one took AWSPENDING from the first.
    const versions = await ctx.secrets.versionList(secretId);
    const stages: Record<string, string[]> = Object.fromEntries(
      versions.map((v) => [v.versionId, v.stages]),
    );
    const holder = (label: string): string | undefined =>
      versions.find((v) => v.stages.includes(label))?.versionId;
    const currentId = holder('AWSCURRENT');
    const current = await ctx.secrets.value(
      secretId,
      currentId ? { versionId: currentId } : { stage: 'AWSCURRENT' },
    );
    if (DATABASE_KINDS.includes(secret.kind)) {
      credentialsOf(current.value, `${secret.name} (AWSCURRENT of ${secretId})`);
      if (ctx.databaseAccess)
        await preflightDatabases(
          ctx.databaseAccess,
          [{ url: current.value, what: `the database of ${secret.name}` }],
          ctx.logger,
        );
    }
    const tokens = baseTokens(
      secretId,
      current.versionId,
      versions.map((v) => v.versionId),
    );
    const heldPending = holder('AWSPENDING');
    const pendingId = heldPending !== current.versionId ? heldPending : undefined;
    const unfinished: Unfinished | undefined = pendingId
      ? {
          versionId: pendingId,
          stagedAt: versions.find((v) => v.versionId === pendingId)?.createdAt,
          fromCurrent: tokens.used.includes(pendingId),
        }
      : undefined;
    const undeployed = stages[current.versionId]?.includes(UNDEPLOYED) ?? false;
    const pendingOnCurrent = stages[current.versionId]?.includes('AWSPENDING') ?? false;
    const createdAt = versions.find((v) => v.versionId === current.versionId)?.createdAt;
    if (ctx.unfinished === 'stop' && unfinished)
      throw inProgress(
        secret.name,
        secretId,
        `AWSPENDING is on version ${unfinished.versionId}, staged ${ago(ctx.clock, unfinished.stagedAt)}`,
        ctx.environment,
      );
    if (ctx.unfinished === 'stop' && undeployed)
      throw inProgress(
        secret.name,
        secretId,
        `AWSCURRENT (version ${current.versionId}, made ${ago(ctx.clock, createdAt)}) is not deployed yet`,
        ctx.environment,
      );
    try {
      await driver.preflight(current.value, unfinished !== undefined);
    } catch (error) {
      // Another run may have staged its version and applied it since this one read the
      // labels (RDS is then resetting-master-credentials): say so, not only what RDS says.
      const now = ctx.unfinished === 'stop' ? await ctx.secrets.describe(secretId) : undefined;
      if (now?.unfinishedVersionId && now.unfinishedVersionId !== pendingId)
        throw inProgress(
          secret.name,
          secretId,
          `while this run checked, another run staged version ${now.unfinishedVersionId} (${errorMessage(error)})`,
          ctx.environment,
        );
      throw error;
    }
    const nextId = secret['next-secret-id'];
    if (nextId) await serviceReadsNextKey(secret.name, nextId, ctx);
    const previousVersionId = holder('AWSPREVIOUS');
    return {
      secret,
      secretId,
      driver,
      current: { ...current, createdAt },
      previousVersionId,
      unfinished,
      undeployed,
      pendingOnCurrent,
      nextToken: tokens.next,
    };
  });
}

/**
 * Two phases help only if the service reads the next-secret: otherwise phase one deploys
 * nothing new, and the second rollout refuses tokens as one phase would. The service's secret
 * references (ARNs, with the 6-character suffix Secrets Manager adds, maybe a JSON key) are
 * compared with next-secret-id (a name or an ARN).
 */
async function serviceReadsNextKey(
  name: string,
  nextId: string,
  ctx: RotationContext,
): Promise<void> {
  const refs = Object.entries((await ctx.target.describe()).secrets);
  const escaped = nextId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = new RegExp(`(^|:secret:)${escaped}(-[A-Za-z0-9]{6})?(:|$)`);
  if (refs.some(([, ref]) => ref === nextId || names.test(ref))) return;
  throw new RotationRefused(
    `${name}: next-secret-id ${nextId} is not read by the service (its secrets: ${refs.map(([k]) => k).join(', ') || 'none'}), so its instances would never accept the new key before signing with it; give the service JWT_SECRET_NEXT from ${nextId} and have the app accept it (examples/app/jwt-keys.ts), deploy, then rotate; nothing was changed`,
  );
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
  const current = p.current;

  if (p.unfinished) {
    const pendingId = p.unfinished.versionId;
    const pending = await ctx.secrets.value(secretId, { versionId: pendingId });
    // A run lost inside put-pending left its staging label: the version is resumed here.
    const strays = (await ctx.secrets.describe(secretId)).stages[pendingId] ?? [];
    for (const label of strays.filter((l) => l.startsWith(STAGING_PREFIX)))
      await ctx.secrets.removeStage(secretId, label, pendingId);
    await steps.run(name, 'resume-wait-applied', () => driver.settle());
    const works = await steps.run(name, 'resume-test-pending', () =>
      driver.works(pending.value, true),
    );
    const currentWorks = await driver.works(current.value, false);
    // A version staged from another AWSCURRENT is finished only when nothing else works:
    // its previous-secret write and its alternating user belong to that other AWSCURRENT.
    if (works && (p.unfinished.fromCurrent || !currentWorks)) {
      outcome.notes.push(
        `an unfinished rotation (AWSPENDING on version ${pendingId}, staged ${ago(ctx.clock, p.unfinished.stagedAt)}) was found; its value works, so it was finished`,
      );
      return finish(p, ctx, steps, outcome, pendingId, pending.value, current);
    }
    await steps.run(name, 'resume-undo-pending', async () => {
      if (!currentWorks) await driver.restore(current.value);
      await ctx.secrets.removeStage(secretId, 'AWSPENDING', pendingId);
      await ctx.secrets.removeStage(secretId, UNDEPLOYED, pendingId);
    });
    outcome.notes.push(
      `an unfinished rotation (AWSPENDING on version ${pendingId}) was found; ${works ? 'it was staged from another AWSCURRENT' : 'its value does not work'}, so it was undone (AWSPENDING removed, AWSCURRENT kept)`,
    );
  }

  // A run lost inside move-current left AWSPENDING beside AWSCURRENT: take it off, so the
  // secret shows no rotation under way once this run is done.
  if (p.pendingOnCurrent)
    await steps.run(
      name,
      'resume-clear-pending',
      () => ctx.secrets.removeStage(secretId, 'AWSPENDING', current.versionId),
      `version ${current.versionId}`,
    );

  // A run lost after AWSCURRENT moved: the service may still run the previous value.
  if (p.undeployed) {
    outcome.notes.push(
      `AWSCURRENT (version ${current.versionId}) was not deployed yet: resumed at the redeploy`,
    );
    const old = p.previousVersionId
      ? await ctx.secrets.value(secretId, { versionId: p.previousVersionId })
      : undefined;
    await syncCredentials(p, ctx, steps, current.versionId, current.value);
    return finishTail(p, ctx, steps, outcome, current.versionId, old);
  }

  const token = p.nextToken;
  const value = await steps.run(name, 'new-value', async () => {
    const made = await driver.newValue(current.value);
    if (made !== undefined) ctx.mask(made);
    return made;
  });
  if (value === undefined) {
    outcome.notes.push('the value is already up to date: nothing to rotate');
    steps.record(name, 'nothing-to-rotate', 'skipped', 'already up to date', ctx.clock.now());
    return outcome;
  }
  await steps.run(
    name,
    'put-pending',
    async () => {
      // Staging is the point where two runs exclude each other. Both runs from the same
      // AWSCURRENT ask for the same version id: with different values Secrets Manager refuses
      // the second (VersionExists); with the same value (rds-managed: both rebuild the URL from
      // the managed secret) it ignores the second request, labels included, so a label only
      // this run puts on tells whether this run made the version.
      const mine = stagingLabel();
      try {
        await ctx.secrets.put(secretId, token, value, ['AWSPENDING', UNDEPLOYED, mine]);
      } catch (error) {
        if (!(error instanceof VersionExists)) throw error;
        throw inProgress(
          name,
          secretId,
          `another run started from the same AWSCURRENT (version ${current.versionId}) and staged version ${token} first`,
          ctx.environment,
        );
      }
      const now = await ctx.secrets.describe(secretId);
      if (!now.stages[token]?.includes(mine))
        throw inProgress(
          name,
          secretId,
          `another run started from the same AWSCURRENT (version ${current.versionId}) and staged version ${token}, with the same value, first`,
          ctx.environment,
        );
      await ctx.secrets.removeStage(secretId, mine, token);
      // Another writer from another AWSCURRENT may have taken AWSPENDING or moved AWSCURRENT.
      if (
        now.currentVersionId !== current.versionId ||
        !now.stages[token]?.includes('AWSPENDING')
      ) {
        await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
        await ctx.secrets.removeStage(secretId, UNDEPLOYED, token);
        throw inProgress(
          name,
          secretId,
          `while this run staged version ${token}, AWSCURRENT moved to ${now.currentVersionId ?? '(none)'} and AWSPENDING is on ${now.unfinishedVersionId ?? '(none)'}; this run's version was withdrawn`,
          ctx.environment,
        );
      }
    },
    `version ${token}`,
  );
  const applied = await applyAndTest(p, steps, value, current.value);
  if (!applied.ok && applied.refused) {
    // Nothing took the new value: take off this run's labels and nothing else (the state that
    // made the system refuse is someone else's, e.g. another change of the master password).
    await steps.run(name, 'withdraw-pending', async () => {
      await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
      await ctx.secrets.removeStage(secretId, UNDEPLOYED, token);
    });
    const what = `${applied.why}; this run's version ${token} was withdrawn, the database was not touched and AWSCURRENT did not move`;
    if (applied.refused.anotherChange) throw inProgress(name, secretId, what, ctx.environment);
    throw new RotationRefused(`${name}: ${what}; run again once it is available`);
  }
  if (!applied.ok) {
    await steps.run(name, 'undo', async () => {
      if (!(await driver.works(current.value, false))) await driver.restore(current.value);
      if (!(await driver.works(current.value, true)))
        throw new DomainFailure(`${name}: the old value does not log in after the undo`);
      await ctx.secrets.removeStage(secretId, 'AWSPENDING', token);
      await ctx.secrets.removeStage(secretId, UNDEPLOYED, token);
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
): Promise<{ ok: true } | { ok: false; why: string; refused?: ApplyRefused }> {
  const { driver } = p;
  const name = p.secret.name;
  const [applyName, settleName] = driver.applySteps;
  try {
    if (applyName) await steps.run(name, applyName, () => driver.apply(value, current));
    if (settleName === 'wait-applied') await steps.run(name, settleName, () => driver.settle());
  } catch (error) {
    return {
      ok: false,
      why: errorMessage(error),
      refused: error instanceof ApplyRefused ? error : undefined,
    };
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
  const { secret, secretId, driver } = p;
  const previousId = secret['previous-secret-id'];
  const nextId = secret['next-secret-id'];
  if (nextId) await acceptFirst(p, ctx, steps, outcome, nextId, versionId, value);
  else if (previousId)
    outcome.notes.push(
      `one phase: while the redeploy rolls out, instances still on the old key refuse tokens the new instances sign; give ${secret.name} a next-secret-id (and the app JWT_SECRET_NEXT as an accepted key) to rotate in two phases`,
    );
  if (previousId)
    await steps.run(
      secret.name,
      'write-previous',
      // The old value goes to the previous-secret first, so sessions signed with it survive.
      // Its token is the new version's id, so a resumed run writes the same thing again; a
      // repeated request is ignored by Secrets Manager, stages included, hence the move.
      async () => {
        await ctx.secrets.put(previousId, versionId, old.value, ['AWSCURRENT']);
        await ctx.secrets.moveStage(previousId, 'AWSCURRENT', versionId, 'read');
      },
      previousId,
    );
  await steps.run(
    secret.name,
    'move-current',
    async () => {
      try {
        await ctx.secrets.moveStage(secretId, 'AWSCURRENT', versionId, old.versionId);
      } catch (error) {
        if (!(error instanceof StageMoved)) throw error;
        // Another writer made its own version current meanwhile: give it back its service.
        if (error.holder) {
          const theirs = await ctx.secrets.value(secretId, { versionId: error.holder });
          if (!(await driver.works(theirs.value, false))) await driver.restore(theirs.value);
        }
        await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
        await ctx.secrets.removeStage(secretId, UNDEPLOYED, versionId);
        throw new DomainFailure(
          `${secret.name}: another writer moved AWSCURRENT of ${secretId} to version ${error.holder ?? '(none)'} while this run rotated it; this run's version ${versionId} was withdrawn and AWSCURRENT left as that writer set it`,
        );
      }
      await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
    },
    `version ${versionId}; ${old.versionId} is AWSPREVIOUS`,
  );
  await syncCredentials(p, ctx, steps, versionId, value);
  return finishTail(p, ctx, steps, outcome, versionId, old);
}

/**
 * Phase one of a two-phase key rotation: the new key goes to the next-secret, which the app
 * accepts but never signs with, and a redeploy makes every instance accept it, before any
 * instance signs with it. During that rollout every instance signs with the current key, which
 * all of them accept; during the second one (the new key becomes JWT_SECRET, the old one
 * JWT_SECRET_PREVIOUS) old instances accept the new key as the next one and new instances the
 * old key as the previous one. A one-phase rotation lets new instances sign with a key old
 * instances do not know, so their tokens are refused (401) wherever the rollout still routes to
 * an old instance, and ECS's canary alarm may count those and roll the rotation back.
 * AWSCURRENT has not moved yet: a failure here leaves the signing key as it was.
 */
async function acceptFirst(
  p: Preflight,
  ctx: RotationContext,
  steps: StepLog,
  outcome: SecretOutcome,
  nextId: string,
  versionId: string,
  value: string,
): Promise<void> {
  const { secret, secretId } = p;
  // The token is the new version's id, so a resumed run writes the same thing again; Secrets
  // Manager ignores a repeated request, stages included, hence the move.
  await steps.run(
    secret.name,
    'write-next',
    async () => {
      await ctx.secrets.put(nextId, versionId, value, ['AWSCURRENT']);
      await ctx.secrets.moveStage(nextId, 'AWSCURRENT', versionId, 'read');
    },
    nextId,
  );
  // A resumed rotation whose first redeploy ended: a successful deployment that started after
  // the next key was written runs it on every instance.
  const written = await ctx.secrets.currentVersion(nextId);
  const deployedAt = await ctx.target.lastDeployedAt();
  if (written && deployedAt && deployedAt.getTime() > written.createdAt.getTime()) {
    outcome.notes.push(
      `the new key (version ${versionId}) was already deployed as an accepted key by ${deployedAt.toISOString()}: phase one not repeated`,
    );
    steps.record(
      secret.name,
      'accept-start-deployment',
      'skipped',
      'already deployed',
      ctx.clock.now(),
    );
    return;
  }
  const failure = await redeployAndVerify(ctx, steps, secret.name, 'accept-');
  if (failure === undefined) {
    outcome.notes.push(
      `phase one: every instance accepts the new key (${nextId}) before any signs with it`,
    );
    return;
  }
  await steps.run(secret.name, 'undo-pending', async () => {
    await ctx.secrets.removeStage(secretId, 'AWSPENDING', versionId);
    await ctx.secrets.removeStage(secretId, UNDEPLOYED, versionId);
  });
  outcome.result = 'undone';
  // The next-secret keeps the new key: accepted, never signed with, and replaced by the next
  // rotation; putting it back would take another redeploy of a service that just failed one.
  throw new RotationUndone(
    `${secret.name}: the redeploy that makes every instance accept the new key failed (${failure}); rotation undone: AWSCURRENT did not move, every instance signs with the old key — investigate the service, then rotate again`,
  );
}

/**
 * Database kinds: a separate secret-id holding {"username","password"} follows DATABASE_URL,
 * with the DATABASE_URL version's id as token. That token exists already when going back to a
 * version it once followed (an undo): Secrets Manager then ignores the request, stages
 * included, so AWSCURRENT is moved to it explicitly.
 */
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
  const id = secret['secret-id'];
  await steps.run(secret.name, 'sync-credentials', async () => {
    await ctx.secrets.put(id, versionId, JSON.stringify({ username: user, password }), [
      'AWSCURRENT',
    ]);
    await ctx.secrets.moveStage(id, 'AWSCURRENT', versionId, 'read');
  });
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
    await steps.run(secret.name, 'mark-deployed', () =>
      ctx.secrets.removeStage(secretId, UNDEPLOYED, versionId),
    );
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
  await steps.run(secret.name, 'undo-move-current', async () => {
    await ctx.secrets.moveStage(secretId, 'AWSCURRENT', old.versionId, versionId);
    await ctx.secrets.moveStage(secretId, UNDEPLOYED, old.versionId, 'read');
  });
  await syncCredentials(p, ctx, steps, old.versionId, old.value);
  const again = await redeployAndVerify(ctx, steps, secret.name, 'undo-');
  if (again === undefined)
    await steps.run(secret.name, 'undo-mark-deployed', () =>
      ctx.secrets.removeStage(secretId, UNDEPLOYED, old.versionId),
    );
  outcome.result = 'undone';
  outcome.versionId = old.versionId;
  throw new RotationUndone(
    again === undefined
      ? `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone: AWSCURRENT is the old version ${old.versionId} again and the service is healthy on it`
      : `${secret.name}: the redeploy with the new value failed (${failure}); rotation undone (AWSCURRENT is the old version ${old.versionId}) but the service is still unhealthy (${again}) — investigate now`,
  );
}
