import type { ResolvedImage } from '../aws/ecr.js';
import { parseImageRef } from '../aws/image-ref.js';
import { runCommand } from '../build/process.js';
import { DomainFailure, errorMessage, InputError } from '../util/errors.js';
import { ecrLocation, type OpsContext } from './context.js';
import { badDigests, choosePrevious, readHistory, type HistoryEntry } from './history.js';
import {
  durationSince,
  endExpiredMaintenance,
  failureLine,
  inChangeWindow,
  endIfNothingToChange,
  readRunningImage,
  recordOutcome,
  startGitHubDeployment,
  switchImage,
  verify,
  versionOf,
  recordTarget,
  startOutcome,
  type OpsOutcome,
  type RunningImage,
} from './operations.js';
import { StepLog } from './steps.js';

/** What `to` names: the last good version, a tag, a digest, or a GitHub deployment. */
export type RollbackTarget =
  | { kind: 'previous' }
  | { kind: 'tag'; tag: string }
  | { kind: 'digest'; digest: string }
  | { kind: 'deployment'; id: string };

/** Parses `to`. Digits alone name a GitHub deployment; `tag:<digits>` names such a tag. */
export function parseRollbackTarget(text: string, ctx: OpsContext): RollbackTarget {
  if (text === 'previous') return { kind: 'previous' };
  if (/^\d+$/.test(text)) return { kind: 'deployment', id: text };
  const explicitTag = /^tag:(.+)$/.exec(text);
  const ref = parseImageRef(
    explicitTag ? (explicitTag[1] as string) : text,
    'to',
    ecrLocation(ctx.env),
  );
  return ref.kind === 'tag'
    ? { kind: 'tag', tag: ref.tag }
    : { kind: 'digest', digest: ref.digest };
}

export interface RollbackRequest {
  to: RollbackTarget;
  reason: string;
  snapshot: boolean;
  downMigrationCommand: string | undefined;
  /** Deadline of the down migration; the operation timeout when not given. */
  downMigrationTimeoutMs?: number;
  dryRun: boolean;
}

export class NoRollbackTarget extends DomainFailure {
  override readonly name = 'NoRollbackTarget';
}

interface Plan {
  running: RunningImage;
  target: ResolvedImage;
  targetVersion: string;
  serviceUrl: string;
  history: { entries: HistoryEntry[]; source: string };
  why: string;
  /** The commit of the version rolled back to, when history knows it. */
  commit: string | undefined;
}

async function candidatesLine(ctx: OpsContext, exclude: string | undefined): Promise<string> {
  const images = (await ctx.ecr.recentTagged(10)).filter((i) => i.digest !== exclude);
  if (images.length === 0)
    return `ECR repository ${ctx.ecr.location.repository} holds no other tagged image`;
  return `candidates in ECR, newest first: ${images.map((i) => `${i.tags.join('/')} (${i.digest.slice(0, 19)}${i.pushedAt ? `, pushed ${i.pushedAt.toISOString().slice(0, 16).replace('T', ' ')}` : ''})`).join('; ')}`;
}

async function resolveTarget(
  ctx: OpsContext,
  request: RollbackRequest,
  running: RunningImage,
): Promise<Omit<Plan, 'running' | 'serviceUrl'>> {
  const history = await readHistory(ctx);
  const to = request.to;
  if (to.kind === 'previous') {
    // The digest in the running identifier counts even when its image has left ECR.
    const chosen = choosePrevious(history.entries, running.digest ?? running.image?.digest);
    if (!chosen) {
      throw new NoRollbackTarget(
        `no earlier good version of ${ctx.environment} in ${history.source === 'no history' ? 'GitHub deployments or the audit log (give github-token or audit-database-url)' : history.source}; name one with to: <tag> or to: <sha256:digest> — ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`,
      );
    }
    const target = await ctx.ecr.find({ kind: 'digest', digest: chosen.digest });
    if (!target) {
      throw new NoRollbackTarget(
        `the last good version ${chosen.tag ?? chosen.digest} (${chosen.source} ${chosen.id}) is no longer in ECR; name another with to: <tag> — ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`,
      );
    }
    return {
      target,
      targetVersion: chosen.tag ?? versionOf(target),
      history,
      why: `last good version before ${running.version} (from ${history.source}, ${chosen.source === 'github' ? 'deployment' : 'audit row'} ${chosen.id})`,
      commit: chosen.sha,
    };
  }
  if (to.kind === 'deployment') {
    const entry = history.entries.find((e) => e.source === 'github' && e.id === to.id);
    if (!entry)
      throw new InputError(
        'to',
        `GitHub deployment ${to.id} of ${ctx.environment} made by apprunner-ops was not found${ctx.github ? '' : ' (no github-token given)'}`,
      );
    const target = await ctx.ecr.resolve({ kind: 'digest', digest: entry.digest });
    return {
      target,
      targetVersion: entry.tag ?? versionOf(target),
      history,
      why: `GitHub deployment ${to.id}`,
      commit: entry.sha,
    };
  }
  const ref =
    to.kind === 'tag'
      ? { kind: 'tag' as const, tag: to.tag }
      : { kind: 'digest' as const, digest: to.digest };
  const target = await ctx.ecr.find(ref);
  if (!target) {
    throw new NoRollbackTarget(
      `${to.kind === 'tag' ? `tag ${to.tag}` : `digest ${to.digest}`} is not in ECR repository ${ctx.ecr.location.repository}; ${await candidatesLine(ctx, running.digest ?? running.image?.digest)}`,
    );
  }
  const bad = badDigests(history.entries).has(target.digest);
  return {
    target,
    targetVersion: to.kind === 'tag' ? to.tag : versionOf(target),
    history,
    why: `named by to${bad ? ' (a version rolled back away from before: chosen by name only)' : ''}`,
    commit: history.entries.find((e) => e.digest === target.digest && e.sha)?.sha,
  };
}

function describePlan(ctx: OpsContext, request: RollbackRequest, p: Plan): string[] {
  const plan: string[] = [];
  if (ctx.github)
    plan.push(
      `GitHub: create a rollback deployment of ${p.targetVersion} to ${ctx.environment}, status in_progress`,
    );
  if (request.snapshot && ctx.env.database)
    plan.push(
      request.downMigrationCommand
        ? `RDS CreateDBSnapshot ${ctx.env.database.instance} → ${ctx.env.database.instance}-pre-rollback-<time> (forensics), wait until available before the down migration`
        : `RDS CreateDBSnapshot ${ctx.env.database.instance} → ${ctx.env.database.instance}-pre-rollback-<time> (forensics), started before the switch and awaited after it`,
    );
  if (ctx.monitors) plan.push(`BetterStack: pause monitors ${ctx.monitors.ids.join(', ')}`);
  if (request.downMigrationCommand)
    plan.push(`Run the down migration: ${request.downMigrationCommand}`);
  plan.push(
    `App Runner UpdateService ${ctx.env['service-arn']}: ImageIdentifier ${p.running.identifier} → ${p.target.uri}, follow the operation`,
  );
  plan.push(
    `Verify ${ctx.env.health.checks.length} health checks, expecting version ${p.targetVersion}`,
  );
  if (ctx.github)
    plan.push(
      `GitHub: status success or failure; ${p.running.version} recorded as rolled back away from`,
    );
  if (ctx.slackWebhookUrl) plan.push('Slack: one message with the reason and the result');
  if (ctx.auditDatabaseUrl) plan.push('PostgreSQL: one audit_log row');
  return plan;
}

export async function rollback(ctx: OpsContext, request: RollbackRequest): Promise<OpsOutcome> {
  const steps = new StepLog(ctx.clock, ctx.logger);
  const { outcome, finish } = startOutcome('rollback', ctx, steps);
  const startedAt = outcome.startedAt;

  // A pause whose runner was lost ends with the next run after its window, whatever this run does.
  await endExpiredMaintenance(ctx, steps, request.dryRun);
  const p = await steps.run(
    'Preflight',
    async (): Promise<Plan> => {
      await ctx.checkAccount();
      if (request.snapshot && ctx.rds) await ctx.rds.assertAvailable();
      const service = await ctx.service.waitUntilUpdatable(
        ctx.timing.operationTimeoutMs,
        ctx.timing.pollIntervalMs,
      );
      const running = await readRunningImage(ctx, service.imageIdentifier);
      const resolved = await resolveTarget(ctx, request, running);
      return { ...resolved, running, serviceUrl: service.url };
    },
    (r) => `${r.running.version} runs; rolling back to ${r.targetVersion}: ${r.why}`,
  );
  recordTarget(outcome, p);

  const early = await endIfNothingToChange(ctx, steps, { outcome, finish }, p, request.dryRun, {
    plan: () => describePlan(ctx, request, p),
    planned: `Dry run: would roll ${ctx.environment} back from ${p.running.version} to ${p.targetVersion}; nothing was changed`,
    unchanged: `${p.targetVersion} already runs in ${ctx.environment} and passes its checks; nothing rolled back`,
    unhealthy: (why) =>
      `${p.targetVersion} already runs in ${ctx.environment} but fails its checks (${why}): production is unhealthy and nothing more was done automatically`,
  });
  if (early) return early;

  const deploymentId = await startGitHubDeployment(
    ctx,
    steps,
    {
      tool: 'apprunner-ops',
      kind: 'rollback',
      image: p.target.uri,
      digest: p.target.digest,
      tag: p.targetVersion,
      previousImage: outcome.previousImage as string,
      reason: request.reason,
    },
    `Rollback to ${p.targetVersion}: ${request.reason}`,
    p.commit,
  );
  let switched = false;
  const stopped = (why: string): string => `Rollback to ${p.targetVersion} stopped: ${why}`;
  await inChangeWindow(
    ctx,
    steps,
    { outcome, finish },
    {
      snapshot: request.snapshot,
      purpose: 'pre-rollback',
      stopped,
      // Without a down migration the data is not touched: switch while RDS copies. With one,
      // the snapshot must be available before the migration runs.
      snapshotAlongside: !request.downMigrationCommand,
    },
    async () => {
      const migration = request.downMigrationCommand;
      if (migration) {
        try {
          await steps.run('Down migration', () =>
            runCommand('bash', ['-c', migration], {
              timeoutMs: request.downMigrationTimeoutMs ?? ctx.timing.operationTimeoutMs,
              logger: ctx.logger,
              label: 'down migration',
            }).then(() => undefined),
          );
        } catch (error) {
          throw new DomainFailure(
            `the down migration failed, so the image was not changed and ${p.running.version} still serves: ${errorMessage(error)}`,
          );
        }
      } else {
        steps.record('Down migration', 'skipped', 'no down-migration-command given');
      }
      const update = await switchImage(ctx, steps, 'Update service', p.target.uri);
      outcome.operationId = update.operationId;
      switched = update.status === 'SUCCEEDED';
      if (update.status === 'ROLLBACK_SUCCEEDED') {
        finish(
          'failed',
          false,
          `App Runner rejected ${p.targetVersion} (its health check failed) and kept ${p.running.version}; operation ${update.operationId}: production is unhealthy and nothing more was done automatically`,
        );
      } else if (update.status !== 'SUCCEEDED') {
        finish(
          'failed',
          false,
          `App Runner operation ${update.operationId} ended ${update.status} while rolling back to ${p.targetVersion}: check the service now`,
        );
      } else {
        const report = await verify(ctx, steps, 'Verify', p.target.tags);
        outcome.reports.push({ title: `Verification of ${p.targetVersion}`, report });
        if (report.passed)
          finish(
            'rolled-back',
            true,
            `Rolled ${ctx.environment} back from ${p.running.version} to ${p.targetVersion}, which passes its checks`,
          );
        else
          finish(
            'failed',
            false,
            `Rolled back to ${p.targetVersion}, but it fails verification (${failureLine(report)}): production is unhealthy and nothing more was done automatically`,
          );
      }
    },
  );

  await recordOutcome(ctx, steps, {
    deploymentId,
    state: outcome.ok ? 'success' : 'failure',
    description: outcome.headline,
    slack: {
      headline: `${outcome.ok ? '⏪' : '🔴'} ${ctx.environment}: ${outcome.headline}`,
      fields: {
        Environment: ctx.environment,
        Version: `${p.running.version} → ${p.targetVersion}`,
        Reason: request.reason,
        Result: outcome.result,
        Duration: durationSince(ctx, startedAt),
      },
    },
    audit: {
      action: outcome.ok ? 'rollback_succeeded' : 'rollback_failed',
      details: {
        result: outcome.result,
        reason: request.reason,
        image: p.target.uri,
        tag: p.targetVersion,
        previous_image: outcome.previousImage,
        switched,
        operation_id: outcome.operationId,
        snapshot_id: outcome.snapshotId,
        headline: outcome.headline,
      },
    },
  });
  outcome.finishedAt = ctx.clock.now();
  return outcome;
}
