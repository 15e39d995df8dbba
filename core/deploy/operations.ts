import { parseImageIdentifier } from '../aws/image-ref.js';
import type { ResolvedImage } from '../aws/ecr.js';
import { snapshotId } from '../aws/rds.js';
import type { DeploymentPayload, DeploymentState } from '../github/deployments.js';
import type { SmokeReport } from '../health/report.js';
import { smokeTest } from '../health/smoke-test.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import { postToSlack, slackMessage } from '../notify/slack.js';
import { formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import type { OpsContext } from './context.js';
import type { StepLog, StepRecord } from './steps.js';

/** The building blocks deploy and rollback share, so both mean the same by "verified". */

export interface RunningImage {
  /** What App Runner is configured with, as it reports it. */
  identifier: string;
  /** Resolved in ECR when the repository still holds it. */
  image: ResolvedImage | undefined;
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
  if (parsed?.ref.kind === 'tag' && image) {
    // A tag can have moved since App Runner pulled it: the digest the service really runs is
    // not knowable from DescribeService. Deploys by apprunner-ops always pin a digest.
    ctx.logger.warning(
      `the service runs by tag (${identifier}); the rollback target is what that tag names now, ${image.digest}, which is what App Runner would pull again`,
    );
  }
  return {
    identifier,
    image,
    version: versionOf(image, identifier),
    tags: unique([...identifierTag, ...(image?.tags ?? [])]),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** True when the service already runs exactly this image (by digest when it can tell). */
export function isSameImage(running: RunningImage, target: ResolvedImage): boolean {
  return running.identifier === target.uri || running.image?.digest === target.digest;
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
        const pruned =
          purpose === 'pre-deploy'
            ? await pruneSnapshots(ctx, prefix, database['snapshot-retention'], made)
            : [];
        return { id: made, pruned };
      },
      ({ id: made, pruned }) =>
        `${made} available${pruned.length ? `; deleted ${pruned.length} older (keeping ${database['snapshot-retention']})` : ''}`,
    )
    .then((r) => r.id);
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
  const snapshots = (await rds.manualSnapshots(prefix)).filter(
    (s) => s.Status === 'available' || s.DBSnapshotIdentifier === justMade,
  );
  const doomed = snapshots
    .slice(keep)
    .map((s) => s.DBSnapshotIdentifier as string)
    .filter((id) => id !== justMade);
  for (const id of doomed) {
    await rds.deleteSnapshot(id);
    ctx.logger.info(`  deleted old snapshot ${id}`);
  }
  return doomed;
}

export async function openMaintenance(ctx: OpsContext, steps: StepLog): Promise<boolean> {
  const monitors = ctx.monitors;
  if (!monitors) {
    steps.record(
      'Maintenance window',
      'skipped',
      ctx.env.maintenance ? 'no betterstack-token given' : 'no maintenance monitors configured',
    );
    return false;
  }
  // Saved before the call: if the job is cancelled half-way, the post step resumes them.
  ctx.state.save('maintenance-monitors', monitors.ids.join(','));
  await steps.run(
    'Maintenance window',
    () => monitors.client.pause(monitors.ids),
    () => `paused monitors ${monitors.ids.join(', ')}`,
  );
  return true;
}

export async function closeMaintenance(ctx: OpsContext, steps: StepLog): Promise<void> {
  const monitors = ctx.monitors;
  if (!monitors) return;
  await steps.bestEffort('Close maintenance window', async () => {
    await monitors.client.resume(monitors.ids);
    ctx.state.save('maintenance-monitors', '');
    return `resumed monitors ${monitors.ids.join(', ')}`;
  });
}

export type SwitchStatus = 'SUCCEEDED' | 'ROLLBACK_SUCCEEDED' | 'FAILED' | 'ROLLBACK_FAILED';

/** Points the service at `uri` and follows the operation to its end. */
export async function switchImage(
  ctx: OpsContext,
  steps: StepLog,
  stepName: string,
  uri: string,
  transform?: Parameters<OpsContext['service']['updateImage']>[1],
): Promise<{ operationId: string; status: SwitchStatus }> {
  const startMs = ctx.clock.now();
  const operationId = await ctx.service.updateImage(uri, transform);
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
): Promise<number | undefined> {
  const github = ctx.github;
  if (!github) {
    steps.record('GitHub deployment', 'skipped', 'no github-token given');
    return undefined;
  }
  let id: number | undefined;
  await steps.bestEffort('GitHub deployment', async () => {
    id = await github.create(ctx.environment, payload, description);
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
        details: { ...audit.details, service_arn: ctx.env['service-arn'] },
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
  },
  body: () => Promise<void>,
): Promise<void> {
  let maintenanceOpen = false;
  try {
    if (options.snapshot) run.outcome.snapshotId = await takeSnapshot(ctx, steps, options.purpose);
    else steps.record('Snapshot', 'skipped', 'snapshot: false');
    maintenanceOpen = await openMaintenance(ctx, steps);
    await body();
  } catch (error) {
    run.finish('failed', false, options.stopped(errorMessage(error)));
  } finally {
    if (maintenanceOpen) await closeMaintenance(ctx, steps);
  }
}
