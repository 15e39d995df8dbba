/**
 * One rotate-secret run: choose the secrets (a name, or `due`), preflight all of them (nothing
 * changes), then rotate them one by one, and record each (audit row, Slack, summary).
 */
import { writeAuditEntry } from '../audit/audit-log.js';
import { postToSlack, slackMessage } from '../notify/slack.js';
import { DomainFailure, errorMessage, InputError } from '../util/errors.js';
import { createOctokit } from '../github/octokit.js';
import { RotationRefused } from './drivers.js';
import {
  describeAge,
  previousKeyAges,
  retirePreviousKey,
  retirementToken,
  type PreviousKeyAge,
} from './grace.js';
import { redeployAndVerify, runningImagePin } from './redeploy.js';
import {
  preflight,
  rotateSecret,
  RotationUndone,
  type Preflight,
  type RotationContext,
  type SecretOutcome,
} from './rotate.js';
import { StepLog } from './steps.js';
import { UNDEPLOYED } from './token.js';
import { DATABASE_KINDS, rotatedSecretId, type SecretConfig } from './types.js';

export interface RotationRequest {
  /** A secret name from the environment's `secrets:`, or `due`. */
  secret: string;
  reason: string;
  dryRun: boolean;
  slackWebhookUrl: string | undefined;
  auditDatabaseUrl: string | undefined;
  /** Records the run's result as a commit status on the run's commit. */
  githubToken: string | undefined;
}

export interface RotationRunOutcome {
  ok: boolean;
  headline: string;
  outcomes: SecretOutcome[];
  /** External secrets that are due: reminded, never rotated. */
  reminders: string[];
  /** Previous keys retired after their grace-days (lines, never values). */
  retired: string[];
  steps: StepLog;
  plan: string[];
}

/**
 * The secrets a request names, checked against the configuration before any call: an unknown
 * name, an external secret, or a database kind without a database is one clear error.
 */
export function selectSecrets(
  request: Pick<RotationRequest, 'secret'>,
  secrets: readonly SecretConfig[],
  environment: string,
  hasDatabase: boolean,
): SecretConfig[] {
  const names = secrets.map((s) => s.name);
  let chosen: SecretConfig[];
  if (request.secret === 'due')
    chosen = secrets.filter((s) => s['rotate-every-days'] !== undefined);
  else {
    const found = secrets.find((s) => s.name === request.secret);
    if (!found)
      throw new InputError(
        'secret',
        `"${request.secret}" is not a secret of environment ${environment}; expected one of ${names.length ? names.join(', ') : '(none configured under secrets:)'} or "due"`,
      );
    if (found.kind === 'external')
      throw new InputError(
        'secret',
        `${found.name} is kind external (issued by a third party): rotate-secret never generates it; rotate it with its issuer and store the new value with aws secretsmanager put-secret-value`,
      );
    chosen = [found];
  }
  for (const s of chosen)
    if (DATABASE_KINDS.includes(s.kind) && !hasDatabase)
      throw new InputError(
        'secret',
        `${s.name} is kind ${s.kind}, which needs environments.${environment}.database.instance in the configuration`,
      );
  return chosen;
}

const DAY = 86_400_000;

/**
 * For `due`: an unfinished rotation (whichever run left it), an AWSCURRENT not deployed yet,
 * an AWSCURRENT older than rotate-every-days (its version's creation date: LastChangedDate
 * moves on any change, an undone rotation or a tag), or, for rds-managed, a managed master
 * secret RDS rotated after DATABASE_URL was built.
 */
async function isDue(
  secret: SecretConfig,
  ctx: RotationContext,
): Promise<{ due: boolean; why: string }> {
  const secretId = rotatedSecretId(secret);
  const d = await ctx.secrets.describe(secretId);
  if (d.unfinishedVersionId)
    return {
      due: true,
      why: `an unfinished rotation (AWSPENDING on version ${d.unfinishedVersionId}) is waiting`,
    };
  if (d.currentVersionId && d.stages[d.currentVersionId]?.includes(UNDEPLOYED))
    return {
      due: true,
      why: `AWSCURRENT (version ${d.currentVersionId}) is not deployed yet: the redeploy is left`,
    };
  const current = await ctx.secrets.currentVersion(secretId);
  const made = current?.createdAt.getTime() ?? d.lastChangedAt?.getTime() ?? 0;
  // A value put after the service last deployed (by hand, or by a run lost before its
  // redeploy that predates the label) is not what the service runs.
  const deployedAt = await lastDeployed(ctx);
  if (secret.kind !== 'external' && current && deployedAt && made > deployedAt.getTime())
    return {
      due: true,
      why: `AWSCURRENT (version ${current.versionId}, made ${current.createdAt.toISOString()}) is newer than the service's last deployment (${deployedAt.toISOString()})`,
    };
  if (secret.kind === 'rds-managed' && ctx.rds) {
    const arn = (await ctx.rds.describe()).MasterUserSecret?.SecretArn;
    const managed = arn ? await ctx.secrets.currentVersion(arn) : undefined;
    if (managed && managed.createdAt.getTime() > made)
      return {
        due: true,
        why: `RDS rotated its managed master secret at ${managed.createdAt.toISOString()}, after DATABASE_URL was built`,
      };
  }
  const ageDays = (ctx.clock.now() - made) / DAY;
  const every = secret['rotate-every-days'] as number;
  return {
    due: ageDays >= every,
    why: `AWSCURRENT is ${Math.floor(ageDays)} days old (every ${every} days)`,
  };
}

const deployedAtOf = new WeakMap<RotationContext, Promise<Date | undefined>>();

/** The service's last deployment, asked once per run. */
function lastDeployed(ctx: RotationContext): Promise<Date | undefined> {
  let at = deployedAtOf.get(ctx);
  if (!at) {
    at = ctx.target.lastDeployedAt();
    deployedAtOf.set(ctx, at);
  }
  return at;
}

export async function runRotation(
  request: RotationRequest,
  ctx: RotationContext,
): Promise<RotationRunOutcome> {
  const steps = new StepLog(ctx.clock, ctx.logger);
  const candidates = selectSecrets(
    request,
    ctx.env.secrets ?? [],
    ctx.environment,
    ctx.env.database !== undefined,
  );
  const reminders: string[] = [];
  let chosen = candidates;
  if (request.secret === 'due') {
    chosen = [];
    for (const s of candidates) {
      const { due, why } = await isDue(s, ctx);
      if (s.kind === 'external') {
        if (due) reminders.push(`${s.name} (external) is due for rotation with its issuer: ${why}`);
        continue;
      }
      ctx.logger.info(`${s.name}: ${due ? 'due' : 'not due'} (${why})`);
      if (due) chosen.push(s);
    }
    for (const r of reminders) ctx.logger.warning(r);
  }

  // Nothing changed when a preflight stops the run: it ends here, recorded (summary, commit
  // status) like any other.
  const stopped = async (s: SecretConfig, error: unknown): Promise<RotationRunOutcome> => {
    const what = `${error instanceof DomainFailure || error instanceof RotationRefused ? '' : `${s.name}: preflight stopped by an error: `}${errorMessage(error)}${/nothing was changed$/.test(errorMessage(error)) ? '' : '; nothing was changed'}`;
    if (!request.dryRun) await commitStatus(request, ctx, false, []);
    return {
      ok: false,
      headline: what,
      outcomes: [
        {
          name: s.name,
          kind: s.kind,
          secretId: rotatedSecretId(s),
          result: 'failed',
          notes: [what],
        },
      ],
      reminders,
      retired: [],
      steps,
      plan: [],
    };
  };
  // Preflight every secret before the first change.
  const preflights: Preflight[] = [];
  for (const s of chosen) {
    try {
      preflights.push(await preflight(s, ctx, steps));
    } catch (error) {
      return stopped(s, error);
    }
  }
  // Previous keys past their grace-days, except those this run rotates (their previous-secret
  // gets the old value anew).
  const expired: PreviousKeyAge[] = (
    await previousKeyAges(ctx.env.secrets ?? [], ctx.secrets, ctx.clock)
  ).filter((a) => a.expired && !chosen.includes(a.secret));
  // What the redeploy runs: the digest running now, whatever its tag names by then.
  const first = preflights[0]?.secret ?? expired[0]?.secret;
  if (first) {
    try {
      ctx.redeployImage = await steps.run(first.name, 'pin-running-image', () =>
        runningImagePin(ctx.target),
      );
    } catch (error) {
      return stopped(first, error);
    }
  }

  const plan = [
    ...(ctx.redeployImage
      ? [
          `the service is configured by tag: every redeploy runs ${ctx.redeployImage} (what runs now) and pins it`,
        ]
      : []),
    ...expired.map(
      (a) =>
        `${describeAge(a)}: replace it with an unknowable key, then ${preflights.length ? 'the rotation’s redeploy' : 'StartDeployment → follow → verify health'}`,
    ),
    ...preflights.map(
      (p) =>
        `${p.secret.name} (${p.secret.kind}, ${p.secretId}): ${
          p.undeployed && !p.unfinished
            ? `redeploy and verify (AWSCURRENT ${p.current.versionId} is not deployed yet)`
            : `${p.unfinished ? `finish or undo the unfinished rotation ${p.unfinished.versionId}, then ` : ''}new version ${p.nextToken} as AWSPENDING → ${[...p.driver.applySteps, ...(DATABASE_KINDS.includes(p.secret.kind) ? ['test-login'] : [])].join(' → ') || 'no apply step'}${p.secret['next-secret-id'] ? ` → new key to ${p.secret['next-secret-id']} (accepted, not signing) → StartDeployment → follow → verify health` : ''}${p.secret['previous-secret-id'] ? ` → old value to ${p.secret['previous-secret-id']}` : ''} → move AWSCURRENT → StartDeployment → follow → verify health`
        }`,
    ),
  ];
  if (request.dryRun) {
    return {
      ok: true,
      headline: `Dry run: ${preflights.length} secret(s) would be rotated${expired.length ? ` and ${expired.length} previous key(s) retired` : ''} in ${ctx.environment}; nothing changed`,
      outcomes: preflights.map((p) => ({
        name: p.secret.name,
        kind: p.secret.kind,
        secretId: p.secretId,
        result: 'planned',
        notes: [],
      })),
      reminders,
      retired: [],
      steps,
      plan,
    };
  }

  const failures: string[] = [];
  const retired: string[] = [];
  for (const a of expired) {
    await steps.run(
      a.secret.name,
      'retire-previous',
      () =>
        retirePreviousKey(
          a,
          ctx.secrets,
          retirementToken(ctx.run, ctx.environment, a.previousSecretId),
        ),
      a.previousSecretId,
    );
    retired.push(
      `previous key of ${a.secret.name} (${a.previousSecretId}) retired after ${Math.floor(a.ageDays)} days (grace-days ${a.graceDays})`,
    );
  }
  // Nothing else redeploys: the service must stop holding the retired key now.
  if (retired.length > 0 && preflights.length === 0) {
    const failure = await redeployAndVerify(ctx, steps, 'previous keys');
    if (failure) failures.push(`redeploy after retiring the previous keys failed: ${failure}`);
  }

  const outcomes: SecretOutcome[] = [];
  for (const p of preflights) {
    try {
      const outcome = await rotateSecret(p, ctx, steps);
      outcomes.push(outcome);
      if (outcome.result === 'rotated') await record(outcome, request, ctx, steps);
    } catch (error) {
      const undone = error instanceof RotationUndone;
      // Whatever stopped it (an AWS error included), the run ends with a summary, a commit
      // status and the state the secret was left in: that is what the next person needs.
      const known = error instanceof DomainFailure || error instanceof RotationRefused;
      const left = await stateLeft(p, ctx);
      const what = `${known ? '' : `${p.secret.name}: stopped by an error: `}${errorMessage(error)}${left ? ` — ${left}` : ''}`;
      outcomes.push({
        name: p.secret.name,
        kind: p.secret.kind,
        secretId: p.secretId,
        result: undone ? 'undone' : 'failed',
        notes: [what],
      });
      failures.push(what);
      await notify(
        request,
        ctx,
        `:warning: Rotation of ${p.secret.name} in ${ctx.environment} ${undone ? 'was undone' : 'failed'}`,
        { reason: request.reason, what },
      );
    }
  }
  const rotated = outcomes.filter((o) => o.result === 'rotated').map((o) => o.name);
  await commitStatus(request, ctx, failures.length === 0, rotated);
  const headline =
    failures.length > 0
      ? failures.join('; ')
      : rotated.length > 0
        ? `Rotated ${rotated.join(', ')} in ${ctx.environment}; the service is healthy on the new values`
        : retired.length > 0
          ? `Retired ${retired.length} previous key(s) in ${ctx.environment}; the service is healthy without them`
          : `Nothing to rotate in ${ctx.environment}${request.secret === 'due' ? ' (no secret is due)' : ''}`;
  return { ok: failures.length === 0, headline, outcomes, reminders, retired, steps, plan };
}

/** The labels a stopped rotation left on its secret, for people (ids only); '' if unreadable. */
async function stateLeft(p: Preflight, ctx: RotationContext): Promise<string> {
  try {
    const d = await ctx.secrets.describe(p.secretId);
    const undeployed = d.currentVersionId && d.stages[d.currentVersionId]?.includes(UNDEPLOYED);
    return `left: AWSCURRENT is version ${d.currentVersionId ?? '(none)'}${undeployed ? ' (not deployed yet)' : ''}${d.unfinishedVersionId ? `, AWSPENDING on version ${d.unfinishedVersionId} (a re-run with unfinished: resume finishes or undoes it)` : ', no AWSPENDING'}`;
  } catch (error) {
    return `the state left could not be read (${errorMessage(error)})`;
  }
}

async function notify(
  request: RotationRequest,
  ctx: RotationContext,
  headline: string,
  fields: Record<string, string>,
): Promise<void> {
  if (!request.slackWebhookUrl) return;
  try {
    await postToSlack(
      request.slackWebhookUrl,
      slackMessage(
        headline,
        { environment: ctx.environment, ...fields },
        {
          text: 'the run',
          url: ctx.run.runUrl,
        },
      ),
      { clock: ctx.clock, logger: ctx.logger },
    );
  } catch (error) {
    ctx.logger.warning(`Slack message not sent: ${errorMessage(error)}`);
  }
}

/** The audit row (as the runbook has it) and the Slack message: names and ids, never a value. */
async function record(
  outcome: SecretOutcome,
  request: RotationRequest,
  ctx: RotationContext,
  steps: StepLog,
): Promise<void> {
  const auditUrl = request.auditDatabaseUrl;
  const startedAt = ctx.clock.now();
  if (auditUrl) {
    try {
      await writeAuditEntry(auditUrl, {
        action: 'secret_rotated',
        resourceType: 'secret',
        resourceId: outcome.name,
        details: {
          rotated_at: outcome.rotatedAt,
          version_id: outcome.versionId,
          kind: outcome.kind,
          reason: request.reason,
          environment: ctx.environment,
          secret_id: outcome.secretId,
        },
        actor: ctx.run.actor,
        runUrl: ctx.run.runUrl,
      });
      steps.record(outcome.name, 'audit-row', 'ok', 'audit_log secret_rotated', startedAt);
    } catch (error) {
      steps.record(outcome.name, 'audit-row', 'failed', errorMessage(error), startedAt);
      ctx.logger.warning(`audit_log row not written: ${errorMessage(error)}`);
    }
  }
  await notify(request, ctx, `:key: Rotated ${outcome.name} in ${ctx.environment}`, {
    kind: outcome.kind,
    version: outcome.versionId ?? '',
    reason: request.reason,
    ...(outcome.notes.length ? { notes: outcome.notes.join(' ') } : {}),
  });
}

/** A commit status on the run's commit: the GitHub record of the rotation (names, never values). */
async function commitStatus(
  request: RotationRequest,
  ctx: RotationContext,
  ok: boolean,
  rotated: string[],
): Promise<void> {
  if (!request.githubToken || !ctx.run.sha) return;
  const [owner, repo] = ctx.run.repository.split('/');
  try {
    const octokit = createOctokit(request.githubToken, {
      apiUrl: ctx.run.apiUrl,
      logger: ctx.logger,
    });
    await octokit.rest.repos.createCommitStatus({
      owner: owner ?? '',
      repo: repo ?? '',
      sha: ctx.run.sha,
      state: ok ? 'success' : 'failure',
      context: `apprunner-ops/rotate-secret (${ctx.environment})`,
      description: (ok
        ? `Rotated ${rotated.join(', ') || 'nothing'}`
        : 'Rotation failed or was undone'
      ).slice(0, 140),
      target_url: ctx.run.runUrl,
    });
  } catch (error) {
    ctx.logger.warning(`GitHub commit status not recorded: ${errorMessage(error)}`);
  }
}
