/**
 * One run of a pipeline: what the stages share. Each stage reads what earlier stages left
 * here (the preflight's findings, the GitHub deployment, the paused monitors) and adds its own.
 */
import type { ResolvedImage } from '../aws/ecr.js';
import type { DeploymentPayload } from '../github/deployments.js';
import type { SmokeReport } from '../health/report.js';
import type { DeploymentResult } from '../targets/target.js';
import type { OpsContext } from './context.js';
import type { BackTarget, RunningImage } from './images.js';
import type { OpsOutcome } from './outcome.js';
import { durationSince, startOutcome } from './outcome.js';
import { runPipeline, type Pipeline, type PipelineRun } from './pipeline.js';
import type { StepLog } from './steps.js';
import { StepLog as Steps } from './steps.js';

/** pre-launch: the go-live deploy's snapshot, kept (never pruned with the pre-deploy ones). */
export type SnapshotPurpose = 'pre-deploy' | 'pre-rollback' | 'pre-launch' | 'pre-restart';

/** What preflight found: what runs, what is wanted, and what a failure goes back to. */
export interface Chosen {
  running: RunningImage;
  target: ResolvedImage;
  targetVersion: string;
  serviceUrl: string;
  /** Plain environment variables before the change: what a rollback puts back. */
  variables: Record<string, string>;
  /** Where a failed verification goes back to; undefined: nowhere known. */
  back: BackTarget | undefined;
}

/** How one kind of run (deploy, rollback, restart) words and records itself. */
export interface RunStory {
  /** The GitHub deployment to create, and the commit it records (default: the run's). */
  deployment(run: OpsRun): { payload: DeploymentPayload; description: string; ref?: string };
  deploymentPlan(run: OpsRun): string;
  /** The headline when the platform itself rolled the change back or failed it. */
  refused(run: OpsRun, result: Extract<DeploymentResult, { ok: false }>): string;
  /** Settles the outcome after the change was verified, or baked (passed or not). */
  verified(run: OpsRun, failure: string | undefined, by: 'verify' | 'bake'): void;
  /** The dry run's headline, and the headlines when the wanted version already runs. */
  planned(run: OpsRun): string;
  unchanged(run: OpsRun): string;
  unhealthy(run: OpsRun, why: string): string;
  stopped(run: OpsRun, why: string): string;
  slack(run: OpsRun): { headline: string; fields: Record<string, string> };
  audit(run: OpsRun): { action: string; details: Record<string, unknown> };
}

export interface OpsRun extends PipelineRun {
  story: RunStory;
  ctx: OpsContext;
  steps: StepLog;
  outcome: OpsOutcome;
  finish: (result: OpsOutcome['result'], ok: boolean, headline: string) => OpsOutcome;
  /** The pipeline being run: a dry run prints its plan. */
  pipeline: Pipeline<never>;
  dryRun: boolean;
  snapshot: {
    wanted: boolean;
    purpose: SnapshotPurpose;
    /** A snapshot already started elsewhere (deploy's snapshot-id): waited for, not created. */
    given: string | undefined;
  };
  /** Set by preflight. */
  chosen: Chosen | undefined;
  deploymentId: number | undefined;
  /** This run's pause of the maintenance monitors. */
  pauseId: string | undefined;
  /** The last verification's failures (one line), when it failed. */
  verificationFailed: string | undefined;
  /** A failed deploy's previous version is back in place (then verified). */
  rolledBack: boolean;
  /** Whether the image was switched (audit). */
  switched: boolean;
  /** A restart changes nothing it could compare: the version running is never "unchanged". */
  restarting: boolean;
  /** Variables to apply with the image (env-set/env-unset); undefined: none. */
  variablesWanted: Record<string, string> | undefined;
  reports: { title: string; report: SmokeReport }[];
}

export function chosenOf(run: OpsRun): Chosen {
  if (!run.chosen) throw new Error('pipeline: a stage ran before Preflight chose the images');
  return run.chosen;
}

/** A fresh run; `stopped` settles the outcome as "<what> stopped: <why>". */
export function startRun(
  kind: OpsOutcome['kind'],
  ctx: OpsContext,
  pipeline: Pipeline<never>,
  story: RunStory,
  options: {
    dryRun: boolean;
    snapshot: OpsRun['snapshot'];
  },
): OpsRun {
  const steps = new Steps(ctx.clock, ctx.logger);
  const { outcome, finish } = startOutcome(kind, ctx, steps);
  const run: OpsRun = {
    story,
    ctx,
    steps,
    outcome,
    finish,
    pipeline,
    dryRun: options.dryRun,
    snapshot: options.snapshot,
    chosen: undefined,
    deploymentId: undefined,
    pauseId: undefined,
    verificationFailed: undefined,
    switched: false,
    rolledBack: false,
    restarting: kind === 'restart',
    variablesWanted: undefined,
    reports: outcome.reports,
    stopped: (why) => {
      finish('failed', false, story.stopped(run, why));
    },
  };
  return run;
}

/** Runs a started run through its pipeline and closes its outcome. */
export async function runToEnd<R extends OpsRun>(
  pipeline: Pipeline<R>,
  run: R,
): Promise<OpsOutcome> {
  await runPipeline(pipeline, run);
  run.outcome.finishedAt = run.ctx.clock.now();
  return run.outcome;
}

/** The GitHub deployment of a run that puts the chosen image in place. */
export function deploymentOf(
  run: OpsRun,
  kind: DeploymentPayload['kind'],
  description: string,
  reason?: string,
): { payload: DeploymentPayload; description: string } {
  const c = chosenOf(run);
  return {
    payload: {
      tool: 'apprunner-ops',
      kind,
      image: c.target.uri,
      digest: c.target.digest,
      tag: c.targetVersion,
      previousImage: run.outcome.previousImage as string,
      ...(reason !== undefined ? { reason } : {}),
    },
    description,
  };
}

/** A run's Slack message: its headline behind `icon` (🔴 when it failed), then these fields. */
export function slackOf(
  run: OpsRun,
  icon: string,
  fields: Record<string, string>,
): { headline: string; fields: Record<string, string> } {
  return {
    headline: `${run.outcome.ok ? icon : '🔴'} ${run.ctx.environment}: ${run.outcome.headline}`,
    fields: {
      Environment: run.ctx.environment,
      ...fields,
      Result: run.outcome.result,
      Duration: durationSince(run.ctx, run.outcome.startedAt),
    },
  };
}
