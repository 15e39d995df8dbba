import type { ImageRef } from '../aws/image-ref.js';
import type { ResolvedImage } from '../aws/ecr.js';
import type { OpsContext } from './context.js';
import {
  applyEnvChanges,
  changesAnything,
  describeEnvChanges,
  hasEnvChanges,
  restoreVariables,
  type EnvChanges,
} from './env-changes.js';
import {
  durationSince,
  endExpiredMaintenance,
  failureLine,
  fallbackTarget,
  type BackTarget,
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
import { bake } from './bake.js';

/** What a deploy's snapshot is for, which names it (the go-live deploy takes the pre-launch one). */
export const DEPLOY_SNAPSHOT_PURPOSES = ['pre-deploy', 'pre-launch'] as const;

export interface DeployRequest {
  image: ImageRef;
  snapshot: boolean;
  autoRollback: boolean;
  dryRun: boolean;
  /** Bake period after verification (0: none); see bake.ts. */
  bakeMs?: number;
  /** Names the snapshot: pre-launch for the go-live deploy (snapshot-purpose). */
  snapshotPurpose?: (typeof DEPLOY_SNAPSHOT_PURPOSES)[number] | undefined;
  /** Variables to set/unset in the same UpdateService (env-set / env-unset). */
  env?: EnvChanges | undefined;
}

interface Preflight {
  target: ResolvedImage;
  targetVersion: string;
  running: RunningImage;
  /** Where a failed verification goes back to; undefined: nowhere known. */
  back: BackTarget | undefined;
  serviceUrl: string;
  /** RuntimeEnvironmentVariables before the deploy: what a rollback puts back. */
  variables: Record<string, string>;
}

/**
 * Checks everything that can be checked without changing anything: the credentials are for
 * the service's account, the database can be
 * snapshotted, the image is in ECR, the service can be updated (waiting out platform
 * maintenance), and what runs now — the rollback target.
 */
async function preflight(ctx: OpsContext, request: DeployRequest): Promise<Preflight> {
  await ctx.checkAccount();
  if (request.snapshot && ctx.rds) await ctx.rds.assertAvailable();
  const target = await ctx.ecr.resolve(request.image);
  const service = await ctx.service.waitUntilUpdatable(
    ctx.timing.operationTimeoutMs,
    ctx.timing.pollIntervalMs,
  );
  const running = await readRunningImage(ctx, service.imageIdentifier);
  const targetVersion = request.image.kind === 'tag' ? request.image.tag : versionOf(target);
  const back = await fallbackTarget(ctx, running, target);
  return {
    target,
    targetVersion,
    running,
    back,
    serviceUrl: service.url,
    variables: service.variables,
  };
}

/** Every call a real run would make that changes something, in order. */
function describePlan(ctx: OpsContext, request: DeployRequest, p: Preflight): string[] {
  const env =
    hasEnvChanges(request.env) && changesAnything(p.variables, request.env)
      ? [
          `RuntimeEnvironmentVariables in the same UpdateService: ${describeEnvChanges(request.env)}`,
        ]
      : [];
  return [...env, ...describePlanSteps(ctx, request, p)];
}

function describePlanSteps(ctx: OpsContext, request: DeployRequest, p: Preflight): string[] {
  const plan: string[] = [];
  if (ctx.github)
    plan.push(
      `GitHub: create deployment of ${p.targetVersion} to ${ctx.environment}, status in_progress`,
    );
  if (request.snapshot && ctx.env.database) {
    plan.push(
      `RDS CreateDBSnapshot ${ctx.env.database.instance} → ${ctx.env.database['snapshot-prefix'] ?? `${ctx.env.database.instance}-pre-deploy`}-<time>${ctx.run.sha7 ? `-${ctx.run.sha7}` : ''}, wait until available`,
    );
    plan.push(
      `RDS DeleteDBSnapshot for pre-deploy snapshots beyond the newest ${ctx.env.database['snapshot-retention']}`,
    );
  }
  if (ctx.monitors)
    plan.push(
      `BetterStack: pause monitors ${ctx.monitors.ids.join(', ')} (resumed at the end, also on failure or cancellation)`,
    );
  plan.push(
    `App Runner UpdateService ${ctx.env['service-arn']}: ImageIdentifier ${p.running.identifier} → ${p.target.uri} (nothing else changes), follow the operation`,
  );
  plan.push(
    `Verify ${ctx.env.health.checks.length} health checks at ${ctx.env.health['base-url']}${ctx.env.health['version-path'] ? `, expecting version ${p.targetVersion}` : ''}`,
  );
  if (request.autoRollback)
    plan.push(
      p.back
        ? `If verification fails: UpdateService back to ${p.back.uri}, follow, verify ${p.back.version}`
        : 'If verification fails: no known version to go back to (the service ran by a tag that now names this image)',
    );
  if (ctx.github) plan.push('GitHub: deployment status success or failure');
  if (ctx.slackWebhookUrl) plan.push('Slack: one message with the result');
  if (ctx.auditDatabaseUrl) plan.push('PostgreSQL: one audit_log row');
  return plan;
}

export async function deploy(ctx: OpsContext, request: DeployRequest): Promise<OpsOutcome> {
  const steps = new StepLog(ctx.clock, ctx.logger);
  const { outcome, finish } = startOutcome('deploy', ctx, steps);
  const startedAt = outcome.startedAt;

  // A pause whose runner was lost ends with the next run after its window, whatever this run does.
  await endExpiredMaintenance(ctx, steps, request.dryRun);
  // Preflight failures change nothing, so they are thrown as they are.
  const p = await steps.run(
    'Preflight',
    () => preflight(ctx, request),
    (r) =>
      `${r.running.version} runs; deploying ${r.targetVersion} (${r.target.digest.slice(0, 19)})`,
  );
  recordTarget(outcome, p);

  // Variables still to change mean an update even when the image already runs.
  const envPending = hasEnvChanges(request.env) && changesAnything(p.variables, request.env);
  if (envPending) ctx.logger.info(`  with variables: ${describeEnvChanges(request.env!)}`);
  const early =
    envPending && !request.dryRun
      ? undefined
      : await endIfNothingToChange(ctx, steps, { outcome, finish }, p, request.dryRun, {
          plan: () => describePlan(ctx, request, p),
          planned: `Dry run: would deploy ${p.targetVersion} over ${p.running.version}; nothing was changed`,
          unchanged: `${p.targetVersion} already runs in ${ctx.environment} and passes its checks; nothing deployed`,
          unhealthy: (why) =>
            `${p.targetVersion} already runs in ${ctx.environment} but fails its checks: ${why}`,
        });
  if (early) return early;

  const deploymentId = await startGitHubDeployment(
    ctx,
    steps,
    {
      tool: 'apprunner-ops',
      kind: 'deploy',
      image: p.target.uri,
      digest: p.target.digest,
      tag: p.targetVersion,
      previousImage: outcome.previousImage as string,
    },
    `Deploying ${p.targetVersion}`,
  );
  const stopped = (why: string): string => `Deploy of ${p.targetVersion} stopped: ${why}`;
  await inChangeWindow(
    ctx,
    steps,
    { outcome, finish },
    { snapshot: request.snapshot, purpose: request.snapshotPurpose ?? 'pre-deploy', stopped },
    async () => {
      const update = await switchImage(
        ctx,
        steps,
        'Update service',
        p.target.uri,
        envPending ? (source) => applyEnvChanges(source, request.env!) : undefined,
      );
      outcome.operationId = update.operationId;
      if (update.status === 'ROLLBACK_SUCCEEDED') {
        finish(
          'failed',
          false,
          `App Runner rejected ${p.targetVersion} (its health check failed) and kept ${p.running.version}; operation ${update.operationId}`,
        );
      } else if (update.status !== 'SUCCEEDED') {
        finish(
          'failed',
          false,
          `App Runner operation ${update.operationId} ended ${update.status} while deploying ${p.targetVersion}${update.status === 'ROLLBACK_FAILED' ? ': the service may be down — check it now' : ''}`,
        );
      } else {
        const report = await verify(ctx, steps, 'Verify', p.target.tags);
        outcome.reports.push({ title: `Verification of ${p.targetVersion}`, report });
        // A sustained breach in the bake period counts as a failed verification.
        const baked =
          report.passed && request.bakeMs ? await bake(ctx, steps, request.bakeMs) : undefined;
        const why = baked && !baked.ok ? `bake period: ${baked.line}` : failureLine(report);
        if (report.passed && baked?.ok !== false) {
          finish(
            'deployed',
            true,
            `Deployed ${p.targetVersion} to ${ctx.environment} (was ${p.running.version})`,
          );
        } else if (!request.autoRollback) {
          finish(
            'failed',
            false,
            `${p.targetVersion} is live but fails verification (${why}); auto-rollback is off, so it stays`,
          );
        } else {
          await rollBackAfterFailedVerification(ctx, steps, outcome, p, why);
          outcome.finishedAt = ctx.clock.now();
        }
      }
    },
  );

  await recordOutcome(ctx, steps, {
    deploymentId,
    state: outcome.result === 'deployed' ? 'success' : 'failure',
    description: outcome.headline,
    slack: {
      headline: `${outcome.ok ? '✅' : '🔴'} ${ctx.environment}: ${outcome.headline}`,
      fields: {
        Environment: ctx.environment,
        Version: `${p.running.version} → ${p.targetVersion}`,
        Result: outcome.result,
        Duration: durationSince(ctx, startedAt),
      },
    },
    audit: {
      action:
        outcome.result === 'deployed'
          ? 'deploy_succeeded'
          : outcome.result === 'rolled-back'
            ? 'deploy_rolled_back'
            : 'deploy_failed',
      details: {
        result: outcome.result,
        image: p.target.uri,
        tag: p.targetVersion,
        previous_image: outcome.previousImage,
        operation_id: outcome.operationId,
        rollback_operation_id: outcome.rollbackOperationId,
        snapshot_id: outcome.snapshotId,
        headline: outcome.headline,
      },
    },
  });
  outcome.finishedAt = ctx.clock.now();
  return outcome;
}

async function rollBackAfterFailedVerification(
  ctx: OpsContext,
  steps: StepLog,
  outcome: OpsOutcome,
  p: Preflight,
  why: string,
): Promise<void> {
  const back = p.back;
  if (!back) {
    Object.assign(outcome, {
      result: 'failed',
      ok: false,
      headline: `${p.targetVersion} is live but fails verification (${why}), and there is no known earlier version to go back to (the service ran by tag ${p.running.version}, which now names this image); roll back with to: <tag>`,
    });
    return;
  }
  ctx.logger.info(
    `Verification of ${p.targetVersion} failed (${why}); putting ${back.version} back`,
  );
  // The variables from before the deploy come back with the image.
  const update = await switchImage(ctx, steps, 'Roll back', back.uri, (source) =>
    restoreVariables(source, p.variables),
  );
  outcome.rollbackOperationId = update.operationId;
  if (update.status !== 'SUCCEEDED') {
    Object.assign(outcome, {
      result: 'failed',
      ok: false,
      headline: `${p.targetVersion} failed verification (${why}) and the rollback to ${back.version} ended ${update.status} (operation ${update.operationId}): production needs a person now`,
    });
    return;
  }
  const report = await verify(ctx, steps, 'Verify rollback', back.tags);
  outcome.reports.push({ title: `Verification of ${back.version} after rollback`, report });
  Object.assign(outcome, {
    result: report.passed ? 'rolled-back' : 'failed',
    ok: false,
    headline: report.passed
      ? `${p.targetVersion} failed verification (${why}); rolled back to ${back.version}, which passes its checks`
      : `${p.targetVersion} failed verification (${why}); rolled back to ${back.version}, which ALSO fails (${failureLine(report)}): production is unhealthy`,
  });
}
