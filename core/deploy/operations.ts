import { randomUUID } from 'node:crypto';
import { parseImageIdentifier } from '../aws/image-ref.js';
import type { ResolvedImage } from '../aws/ecr.js';
import { snapshotId } from '../aws/rds.js';
import type { DeploymentPayload, DeploymentState } from '../github/deployments.js';
import type { SmokeReport } from '../health/report.js';
import { smokeTest } from '../health/smoke-test.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import {
  closeMaintenanceWindow,
  endExpiredSuitePauses,
  openMaintenanceWindow,
} from '../maintenance/suite-pauses.js';
import { postToSlack, slackMessage } from '../notify/slack.js';
import { awsErrorName } from '../aws/call.js';
import { formatDuration } from '../util/duration.js';
import { badDigests, readHistory } from './history.js';
import { errorMessage } from '../util/errors.js';
import type { OpsContext } from './context.js';
import type { StepLog, StepRecord } from './steps.js';

/** The building blocks deploy and rollback share, so both mean the same by "verified". */

export interface RunningImage {
  /** What App Runner is configured with, as it reports it. */
  identifier: string;
  /**
   * Resolved in ECR when the repository still holds it. For a service pinned by tag this is
   * what the tag names NOW, which need not be what App Runner pulled.
   */
  image: ResolvedImage | undefined;
  /**
   * The digest known to run: the one in the identifier. A service pinned by tag has none
   * (the tag may have moved since App Runner pulled it).
   */
  digest: string | undefined;
  pinnedByTag: boolean;
  /** A human name: the first tag, or the short digest. */
  version: string;
  /** Every version the app may report for this image: its tags. */
  tags: string[];
}

export function versionOf(image: ResolvedImage | undefined, identifier?: string): string {
  const tag = image?.tags[0];
  if (tag) return tag;
  const parsed = identifier ? parseImageIdentifier(identifier) : undefined;
  if (parsed?.ref.kind === 'tag') return parsed.ref.tag;
  const digest = image?.digest ?? (parsed?.ref.kind === 'digest' ? parsed.ref.digest : undefined);
  return digest ? digest.slice(0, 19) : (identifier ?? 'unknown');
}

/** The image the service runs now: the rollback target of a deploy. */
export async function readRunningImage(ctx: OpsContext, identifier: string): Promise<RunningImage> {
  const parsed = parseImageIdentifier(identifier);
  const image =
    parsed && parsed.repository === ctx.ecr.location.repository
      ? await ctx.ecr.find(parsed.ref)
      : undefined;
  const identifierTag = parsed?.ref.kind === 'tag' ? [parsed.ref.tag] : [];
  return {
    identifier,
    image,
    digest: parsed?.ref.kind === 'digest' ? parsed.ref.digest : undefined,
    pinnedByTag: parsed?.ref.kind === 'tag',
    // A tag-pinned service is named by its tag: the image's other tags are the moved tag's.
    version: parsed?.ref.kind === 'tag' ? parsed.ref.tag : versionOf(image, identifier),
    tags: unique([...identifierTag, ...(image?.tags ?? [])]),
  };
}

/** Where a failed deploy goes back to. */
export interface BackTarget {
  uri: string;
  version: string;
  /** The versions the app may report once it runs. */
  tags: string[];
}

/**
 * The version a deploy falls back to when the new one fails verification. A service pinned
 * by digest: that digest. A service pinned by tag: what the suite's own history last put in
 * place (the tag may have moved since App Runner pulled it); only without history, the tag's
 * current digest, with a warning — and nothing when that is the very image being deployed.
 */
export async function fallbackTarget(
  ctx: OpsContext,
  running: RunningImage,
  target: ResolvedImage,
): Promise<BackTarget | undefined> {
  if (!running.pinnedByTag)
    return {
      uri: running.image?.uri ?? running.identifier,
      version: running.version,
      tags: running.tags,
    };
  const history = await readHistory(ctx);
  const bad = badDigests(history.entries);
  for (const entry of history.entries) {
    if (!entry.succeeded || entry.digest === target.digest || bad.has(entry.digest)) continue;
    const image = await ctx.ecr.find({ kind: 'digest', digest: entry.digest });
    if (!image) continue;
    ctx.logger.info(
      `the service runs by tag (${running.identifier}); if this deploy fails, it goes back to ${entry.tag ?? image.digest}, the last version deployed by apprunner-ops (from ${history.source})`,
    );
    return {
      uri: image.uri,
      version: entry.tag ?? versionOf(image),
      tags: unique([...(entry.tag ? [entry.tag] : []), ...image.tags]),
    };
  }
  const now = running.image;
  if (now && now.digest !== target.digest) {
    ctx.logger.warning(
      `the service runs by tag (${running.identifier}); the rollback target is what that tag names now, ${now.digest}, which is what App Runner would pull again`,
    );
    return { uri: now.uri, version: running.version, tags: running.tags };
  }
  ctx.logger.warning(
    `the service runs by tag (${running.identifier}), which now names the image being deployed, and apprunner-ops has no record of what ran before: if verification fails there is no version to go back to automatically`,
  );
  return undefined;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * True when the service already runs exactly this image. Only a digest in the identifier
 * says so: a tag may have moved since App Runner pulled it, so a service pinned by tag is
 * deployed (and pinned by digest from then on).
 */
export function isSameImage(running: RunningImage, target: ResolvedImage): boolean {
  return running.identifier === target.uri || running.digest === target.digest;
}

/** pre-launch: the go-live deploy's snapshot, kept (never pruned with the pre-deploy ones). */
export type SnapshotPurpose = 'pre-deploy' | 'pre-rollback' | 'pre-launch';

export async function takeSnapshot(
  ctx: OpsContext,
  steps: StepLog,
  purpose: SnapshotPurpose,
): Promise<string | undefined> {
  const rds = ctx.rds;
  const database = ctx.env.database;
  if (!rds || !database) {
    steps.record('Snapshot', 'skipped', 'no database in the configuration');
    return undefined;
  }
  const prefix =
    purpose === 'pre-deploy'
      ? (database['snapshot-prefix'] ?? `${database.instance}-pre-deploy`)
      : `${database.instance}-${purpose}`;
  // The launch snapshot is named as the runbook names it: <instance>-pre-launch-YYYYMMDD-HHMM.
  const sha7 = purpose === 'pre-launch' ? undefined : ctx.run.sha7 || undefined;
  const id = snapshotId(prefix, new Date(ctx.clock.now()), sha7);
  return steps
    .run(
      'Snapshot',
      async () => {
        const made = await rds.createSnapshot(id);
        await rds.waitForSnapshot(made, ctx.timing.snapshotTimeoutMs, ctx.timing.pollIntervalMs);
        return made;
      },
      (made) => `${made} available`,
    )
    .then(async (made) => {
      // Best effort: the snapshot exists, so a failed clean-up must not stop the deploy.
      if (purpose === 'pre-deploy')
        await steps.bestEffort('Prune snapshots', async () => {
          const pruned = await pruneSnapshots(ctx, prefix, database['snapshot-retention'], made);
          return pruned.length
            ? `deleted ${pruned.length} older (keeping ${database['snapshot-retention']}): ${pruned.join(', ')}`
            : `nothing beyond the newest ${database['snapshot-retention']}`;
        });
      return made;
    });
}

/**
 * Starts a snapshot and returns at once (CreateDBSnapshot does not wait for it): a rollback
 * that runs no down migration switches the image while RDS copies, instead of adding the
 * snapshot's minutes to the outage. `awaitSnapshot` then waits for it.
 */
export async function startSnapshot(
  ctx: OpsContext,
  steps: StepLog,
  purpose: Exclude<SnapshotPurpose, 'pre-deploy'>,
): Promise<string | undefined> {
  const rds = ctx.rds;
  const database = ctx.env.database;
  if (!rds || !database) {
    steps.record('Snapshot', 'skipped', 'no database in the configuration');
    return undefined;
  }
  const sha7 = purpose === 'pre-launch' ? undefined : ctx.run.sha7 || undefined;
  const id = snapshotId(`${database.instance}-${purpose}`, new Date(ctx.clock.now()), sha7);
  return steps.run(
    'Snapshot started',
    () => rds.createSnapshot(id),
    (made) => `${made} creating; the image switches meanwhile`,
  );
}

/** Waits for a snapshot `startSnapshot` started, within the snapshot deadline. */
export async function awaitSnapshot(ctx: OpsContext, steps: StepLog, id: string): Promise<string> {
  const rds = ctx.rds;
  if (!rds) throw new Error('awaitSnapshot without a database');
  return steps.run(
    'Snapshot',
    async () => {
      await rds.waitForSnapshot(id, ctx.timing.snapshotTimeoutMs, ctx.timing.pollIntervalMs);
      return id;
    },
    (made) => `${made} available`,
  );
}

/**
 * Exactly the ids `snapshotId` makes for this prefix: `<prefix>-YYYYMMDD-HHMM`, an optional
 * `-<sha7>` and an optional `-2`…`-9` (a taken id). A person's `<prefix>-before-upgrade` or
 * the rollback's `<instance>-pre-rollback-…` never match, so they are never deleted.
 */
export function ownSnapshotPattern(prefix: string): RegExp {
  // The config allows only lowercase letters, digits and hyphens here: nothing to escape.
  const base = prefix.replace(/-+$/, '').toLowerCase();
  return new RegExp(`^${base}-\\d{8}-\\d{4}(?:-[0-9a-f]{7})?(?:-[2-9])?$`);
}

/** Deletes pre-deploy snapshots beyond the retention, oldest first; never the one just made. */
async function pruneSnapshots(
  ctx: OpsContext,
  prefix: string,
  keep: number,
  justMade: string,
): Promise<string[]> {
  const rds = ctx.rds;
  if (!rds) return [];
  const snapshots = (await rds.manualSnapshots(ownSnapshotPattern(prefix))).filter(
    (s) => s.Status === 'available' || s.DBSnapshotIdentifier === justMade,
  );
  const doomed = snapshots
    .slice(keep)
    .map((s) => s.DBSnapshotIdentifier as string)
    .filter((id) => id !== justMade);
  const deleted: string[] = [];
  const failed: string[] = [];
  for (const id of doomed) {
    try {
      await rds.deleteSnapshot(id);
      deleted.push(id);
      ctx.logger.info(`  deleted old snapshot ${id}`);
    } catch (error) {
      const name = awsErrorName(error);
      failed.push(`${id} (${name && name !== 'Error' ? `${name}: ` : ''}${errorMessage(error)})`);
    }
  }
  if (failed.length > 0)
    throw new Error(
      `could not delete ${failed.join('; ')}${deleted.length ? `; deleted ${deleted.join(', ')}` : ''}; they stay until a later deploy or a person deletes them`,
    );
  return deleted;
}

/**
 * Ends the suite's own pauses whose window has passed (a run whose runner was lost), before
 * anything else: every run for the environment does this, whatever it then decides. A dry run
 * only says what it would end. Never stops the run.
 */
export async function endExpiredMaintenance(
  ctx: OpsContext,
  steps: StepLog,
  dryRun: boolean,
): Promise<void> {
  const monitors = ctx.monitors;
  if (!monitors) return;
  const report = await endExpiredSuitePauses(monitors.client, monitors.ids, { dryRun }, ctx);
  for (const line of [...report.open, ...report.person]) ctx.logger.info(`  ${line}`);
  if (report.ended.length > 0)
    steps.record('Expired maintenance', 'warning', report.ended.join('; '));
  if (report.failed.length > 0)
    steps.record(
      'Expired maintenance',
      'warning',
      `could not check for expired pauses: ${report.failed.join('; ')}`,
    );
}

/**
 * The id of this run's pauses, saved before any call: if the job is cancelled half-way, the
 * post step resumes what this run (and only this run) paused. Undefined without monitors.
 */
function startMaintenanceRecord(ctx: OpsContext): string | undefined {
  if (!ctx.monitors) return undefined;
  const pauseId = randomUUID();
  ctx.state.save('maintenance-pause-id', pauseId);
  ctx.state.save('maintenance-monitors', ctx.monitors.ids.join(','));
  return pauseId;
}

export async function openMaintenance(
  ctx: OpsContext,
  steps: StepLog,
  action: 'deploy' | 'rollback',
  pauseId: string | undefined,
): Promise<void> {
  const monitors = ctx.monitors;
  if (!monitors || !pauseId) {
    steps.record(
      'Maintenance window',
      'skipped',
      ctx.env.maintenance ? 'no betterstack-token given' : 'no maintenance monitors configured',
    );
    return;
  }
  await steps.run(
    'Maintenance window',
    () =>
      openMaintenanceWindow(
        monitors.client,
        monitors.ids,
        {
          environment: ctx.environment,
          action,
          pauseId,
          runUrl: ctx.run.runUrl,
          windowMs: monitors.windowMs,
        },
        ctx,
      ),
    (r) =>
      [
        r.paused.length > 0
          ? `paused monitors ${r.paused.join(', ')} for at most ${formatDuration(monitors.windowMs)}`
          : 'no monitor paused',
        ...(r.takenOver.length > 0
          ? [`took over the pause of ${r.takenOver.join(', ')} from an earlier run`]
          : []),
        ...r.leftAlone,
      ].join('; '),
  );
}

/** Resumes what this run paused, and nothing else. */
export async function closeMaintenance(
  ctx: OpsContext,
  steps: StepLog,
  pauseId: string,
): Promise<void> {
  const monitors = ctx.monitors;
  if (!monitors) return;
  await steps.bestEffort('Close maintenance window', async () => {
    const r = await closeMaintenanceWindow(monitors.client, monitors.ids, pauseId, ctx);
    ctx.state.save('maintenance-monitors', '');
    return [
      r.resumed.length > 0 ? `resumed monitors ${r.resumed.join(', ')}` : 'no monitor to resume',
      ...r.leftAlone,
    ].join('; ');
  });
}

export type SwitchStatus = 'SUCCEEDED' | 'ROLLBACK_SUCCEEDED' | 'FAILED' | 'ROLLBACK_FAILED';

/** Points the service at `uri` and follows the operation to its end. */
export async function switchImage(
  ctx: OpsContext,
  steps: StepLog,
  stepName: string,
  uri: string,
  transform?: Parameters<OpsContext['service']['updateImage']>[2],
): Promise<{ operationId: string; status: SwitchStatus }> {
  const startMs = ctx.clock.now();
  const operationId = await ctx.service.updateImage(
    uri,
    { timeoutMs: ctx.timing.operationTimeoutMs, intervalMs: ctx.timing.pollIntervalMs },
    transform,
  );
  ctx.logger.info(`  UpdateService started operation ${operationId} → ${uri}`);
  const { status } = await ctx.service.followOperation(
    operationId,
    ctx.timing.operationTimeoutMs,
    ctx.timing.pollIntervalMs,
  );
  steps.record(
    stepName,
    status === 'SUCCEEDED' ? 'ok' : 'failed',
    `operation ${operationId}: ${status}`,
    startMs,
  );
  return { operationId, status };
}

/** The smoke test of the environment's health checks, expecting `version` where reported. */
export async function verify(
  ctx: OpsContext,
  steps: StepLog,
  stepName: string,
  /** The versions the app may report (the image's tags); empty: the version is not checked. */
  versions: readonly string[],
): Promise<SmokeReport> {
  const startMs = ctx.clock.now();
  const health = ctx.env.health;
  const versionPath = health['version-path'];
  const checkVersion = versionPath !== undefined && versions.length > 0;
  if (versionPath !== undefined && versions.length === 0) {
    ctx.logger.warning(
      `${stepName}: the image has no tag, so the version the service reports is not checked`,
    );
  }
  const report = await smokeTest(
    {
      checks: health.checks,
      baseUrl: new URL(health['base-url']),
      ...(checkVersion ? { expectVersion: { values: versions, path: versionPath } } : {}),
      timeoutMs: ctx.timing.verifyTimeoutMs,
      intervalMs: Math.min(ctx.timing.pollIntervalMs, 5_000),
    },
    { clock: ctx.clock, logger: ctx.logger },
  );
  const failed = report.checks.filter((c) => !c.passed);
  steps.record(
    stepName,
    report.passed ? 'ok' : 'failed',
    report.passed
      ? `${report.checks.length} checks passed${checkVersion ? `; reports ${versions.join(' or ')}` : ''}`
      : failed.map((c) => `${c.name}: ${c.lastReason}`).join('; '),
    startMs,
  );
  return report;
}

export function failureLine(report: SmokeReport): string {
  return report.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.name}: ${c.lastReason}`)
    .join('; ');
}

export async function startGitHubDeployment(
  ctx: OpsContext,
  steps: StepLog,
  payload: DeploymentPayload,
  description: string,
  /** The commit to record; default the workflow run's. */
  ref?: string,
): Promise<number | undefined> {
  const github = ref ? ctx.githubAt(ref) : ctx.github;
  if (!github) {
    steps.record('GitHub deployment', 'skipped', 'no github-token given');
    return undefined;
  }
  let id: number | undefined;
  await steps.bestEffort('GitHub deployment', async () => {
    // The service ARN scopes history to this service (several may share an environment name).
    const scoped = { ...payload, serviceArn: ctx.env['service-arn'] };
    id = await github.create(ctx.environment, scoped, description);
    ctx.state.save('deployment-id', String(id));
    await github.setStatus(id, 'in_progress', description, environmentUrl(ctx));
    return `deployment ${id} in progress`;
  });
  return id;
}

export function environmentUrl(ctx: OpsContext): string {
  return ctx.env.url ?? ctx.env.health['base-url'];
}

export interface RecordInput {
  deploymentId: number | undefined;
  state: DeploymentState;
  description: string;
  slack: { headline: string; fields: Record<string, string> } | undefined;
  audit: { action: string; details: Record<string, unknown> } | undefined;
}

/** Deployment status, Slack and audit: each a warning on trouble, never a blocker. */
export async function recordOutcome(
  ctx: OpsContext,
  steps: StepLog,
  input: RecordInput,
): Promise<void> {
  const github = ctx.github;
  if (github && input.deploymentId !== undefined) {
    const id = input.deploymentId;
    await steps.bestEffort('Deployment status', async () => {
      await github.setStatus(id, input.state, input.description, environmentUrl(ctx));
      ctx.state.save('deployment-id', '');
      return `${input.state}`;
    });
  }
  const webhook = ctx.slackWebhookUrl;
  if (webhook && input.slack) {
    const message = slackMessage(input.slack.headline, input.slack.fields, {
      text: 'the run',
      url: ctx.run.runUrl,
    });
    await steps.bestEffort('Slack', async () => {
      await postToSlack(webhook, message, { clock: ctx.clock, logger: ctx.logger });
      return 'message posted';
    });
  }
  const database = ctx.auditDatabaseUrl;
  if (database && input.audit) {
    const audit = input.audit;
    await steps.bestEffort('Audit log', async () => {
      const id = await writeAuditEntry(database, {
        action: audit.action,
        resourceType: 'app_runner_service',
        resourceId: ctx.environment,
        details: { ...audit.details, service_arn: ctx.env['service-arn'], commit: ctx.run.sha },
        actor: ctx.run.actor,
        runUrl: ctx.run.runUrl,
      });
      return `audit_log row ${id}`;
    });
  }
}

export function durationSince(ctx: OpsContext, startMs: number): string {
  return formatDuration(ctx.clock.now() - startMs);
}

export interface OpsOutcome {
  kind: 'deploy' | 'rollback';
  environment: string;
  result: 'deployed' | 'unchanged' | 'rolled-back' | 'failed' | 'planned';
  /** One line: what happened and why. */
  headline: string;
  ok: boolean;
  image: string | undefined;
  previousImage: string | undefined;
  versionBefore: string | undefined;
  versionAfter: string | undefined;
  snapshotId: string | undefined;
  operationId: string | undefined;
  rollbackOperationId: string | undefined;
  serviceUrl: string | undefined;
  reports: { title: string; report: SmokeReport }[];
  plan: string[];
  steps: StepRecord[];
  startedAt: number;
  finishedAt: number;
}

/** A fresh outcome for a run, and the one way to settle it. */
export function startOutcome(
  kind: OpsOutcome['kind'],
  ctx: OpsContext,
  steps: StepLog,
): {
  outcome: OpsOutcome;
  finish: (result: OpsOutcome['result'], ok: boolean, headline: string) => OpsOutcome;
} {
  const startedAt = ctx.clock.now();
  const outcome: OpsOutcome = {
    kind,
    environment: ctx.environment,
    result: 'failed',
    headline: '',
    ok: false,
    image: undefined,
    previousImage: undefined,
    versionBefore: undefined,
    versionAfter: undefined,
    snapshotId: undefined,
    operationId: undefined,
    rollbackOperationId: undefined,
    serviceUrl: undefined,
    reports: [],
    plan: [],
    steps: steps.steps,
    startedAt,
    finishedAt: startedAt,
  };
  const finish = (result: OpsOutcome['result'], ok: boolean, headline: string): OpsOutcome =>
    Object.assign(outcome, { result, ok, headline, finishedAt: ctx.clock.now() });
  return { outcome, finish };
}

/** What preflight found: the images before and after, for outputs and the summary. */
export function recordTarget(
  outcome: OpsOutcome,
  p: { running: RunningImage; target: ResolvedImage; targetVersion: string; serviceUrl: string },
): void {
  Object.assign(outcome, {
    image: p.target.uri,
    previousImage: p.running.image?.uri ?? p.running.identifier,
    versionBefore: p.running.version,
    versionAfter: p.targetVersion,
    serviceUrl: p.serviceUrl,
  });
}

/**
 * The two ways a run ends before changing anything: a dry run (the plan is printed) and a
 * target that already runs (it is verified, and that is the result).
 */
export async function endIfNothingToChange(
  ctx: OpsContext,
  steps: StepLog,
  run: ReturnType<typeof startOutcome>,
  p: { running: RunningImage; target: ResolvedImage; targetVersion: string },
  dryRun: boolean,
  words: {
    plan: () => string[];
    planned: string;
    unchanged: string;
    unhealthy: (why: string) => string;
  },
): Promise<OpsOutcome | undefined> {
  if (dryRun) {
    run.outcome.plan = words.plan();
    for (const line of run.outcome.plan) ctx.logger.info(`  would: ${line}`);
    return run.finish('planned', true, words.planned);
  }
  if (!isSameImage(p.running, p.target)) return undefined;
  const report = await verify(ctx, steps, 'Verify', p.target.tags);
  run.outcome.reports.push({ title: `Verification of ${p.targetVersion}`, report });
  return report.passed
    ? run.finish('unchanged', true, words.unchanged)
    : run.finish('failed', false, words.unhealthy(failureLine(report)));
}

/**
 * The part of a run that changes things: snapshot first, then the maintenance window, then
 * `body`. Whatever `body` throws settles the outcome as failed; the window is always closed.
 */
export async function inChangeWindow(
  ctx: OpsContext,
  steps: StepLog,
  run: ReturnType<typeof startOutcome>,
  options: {
    snapshot: boolean;
    purpose: SnapshotPurpose;
    stopped: (why: string) => string;
    /**
     * Start the snapshot and run the change while RDS copies; wait for it afterwards. Only
     * for a change that does not touch the data (a rollback without a down migration): a
     * failed snapshot then never stops it, but is red in the summary.
     */
    snapshotAlongside?: boolean;
  },
  body: () => Promise<void>,
): Promise<void> {
  let pauseId: string | undefined;
  let pending: string | undefined;
  try {
    if (options.snapshot && options.snapshotAlongside && options.purpose !== 'pre-deploy') {
      try {
        pending = await startSnapshot(ctx, steps, options.purpose);
      } catch (error) {
        ctx.logger.warning(
          `the forensics snapshot could not be started (${errorMessage(error)}); the change goes on without it`,
        );
      }
    } else if (options.snapshot)
      run.outcome.snapshotId = await takeSnapshot(ctx, steps, options.purpose);
    else steps.record('Snapshot', 'skipped', 'snapshot: false');
    pauseId = startMaintenanceRecord(ctx);
    await openMaintenance(
      ctx,
      steps,
      options.purpose === 'pre-deploy' ? 'deploy' : 'rollback',
      pauseId,
    );
    await body();
  } catch (error) {
    run.finish('failed', false, options.stopped(errorMessage(error)));
  } finally {
    if (pauseId) await closeMaintenance(ctx, steps, pauseId);
  }
  if (pending) {
    try {
      run.outcome.snapshotId = await awaitSnapshot(ctx, steps, pending);
    } catch (error) {
      ctx.logger.warning(
        `the forensics snapshot ${pending} did not become available (${errorMessage(error)}); the change itself is done`,
      );
    }
  }
}
