/** The result of a deploy, rollback or restart, as outputs, records and the summary read it. */
import type { ResolvedImage } from '../aws/ecr.js';
import type { SmokeReport } from '../health/report.js';
import { formatDuration } from '../util/duration.js';
import type { OpsContext } from './context.js';
import type { RunningImage } from './images.js';
import type { StepLog, StepRecord } from './steps.js';

export function durationSince(ctx: OpsContext, startMs: number): string {
  return formatDuration(ctx.clock.now() - startMs);
}

export interface OpsOutcome {
  kind: 'deploy' | 'rollback' | 'snapshot' | 'restart' | 'scale';
  environment: string;
  result:
    | 'deployed'
    | 'unchanged'
    | 'rolled-back'
    | 'restarted'
    | 'scaled'
    | 'failed'
    | 'planned'
    | 'started';
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
