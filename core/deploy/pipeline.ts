/**
 * The runner of deploy, rollback and restart: each is a declared list of stages
 * (pipelines.ts), and this file is the one place that decides when a stage starts. A stage
 * starts as soon as what it needs has finished, or only started; stages whose needs allow it
 * run side by side. Every stage's row in the step log, the dry-run plan and the summary's
 * timeline all come from the same list, so reordering a pipeline is a change in one place.
 */
import { errorMessage } from '../util/errors.js';
import type { StepLog, StepStatus } from './steps.js';

/** A stage waits for another to have finished, or only to have started its effect. */
export interface Need {
  stage: string;
  until: 'started' | 'finished';
}

/** What a failure of the stage does to the pipeline. */
export type FailurePolicy =
  /** Re-thrown as it is (preflight: nothing was changed yet). */
  | 'throw'
  /** The pipeline stops; stages marked `always` and undos still run. */
  | 'stop'
  /** Red in the summary, and the pipeline goes on (a snapshot a rollback can do without). */
  | 'red'
  /** A warning, and the pipeline goes on (Slack, audit, pruning). */
  | 'warn';

/** Whether a stage applies to this run, decided before anything runs. */
export type Applies = true | false | { skip: string };

export interface StageResult {
  status?: Exclude<StepStatus, 'skipped'>;
  detail?: string;
  /** No row in the step log (the stage found nothing to do, e.g. no rollback was needed). */
  silent?: boolean;
  /**
   * Ends the pipeline here. `end`: nothing more runs (a dry run, an unchanged service).
   * `stop`: only the stages marked `always` and the undos run (the outcome is settled).
   */
  halt?: 'end' | 'stop';
}

export interface Stage<R> {
  /** Its row in the step log, the summary and the timeline. */
  name: string;
  /**
   * Which stages must have finished, or only started, before this one starts; decided once
   * per run when it depends on the request (a rollback with a down migration waits for the
   * snapshot, one without does not).
   */
  needs: readonly Need[] | ((run: R) => readonly Need[]);
  /** Default: applies. A `skip` is recorded when the stage would have started. */
  applies?: (run: R) => Applies;
  /** The lines a dry run prints for this stage: every call that would change something. */
  plan?: (run: R) => string[];
  /**
   * True when, at the moment it may start, the stage has nothing to do (no rollback after a
   * good verification): it runs and ends silent, and prints no heading, so the log shows only
   * stages that act.
   */
  quiet?: (run: R) => boolean;
  /**
   * What it does. `started` says its effect is under way (e.g. CreateDBSnapshot answered):
   * stages that need it only `started` may go. Returns the row's detail, or more.
   */
  run: (run: R, started: (detail: string) => void) => Promise<StageResult | string | void>;
  /** Default `stop`. */
  failure?: FailurePolicy | ((run: R) => FailurePolicy);
  /** Runs after a stop too, once its needs are settled (the records of the outcome). */
  always?: boolean;
  /**
   * What undoes it (e.g. resumes paused monitors): run once every stage that needs this one
   * has settled, or when the pipeline stops; a failure is a warning. A cancelled job leaves
   * this to the post step, from what the stage saved in the run state.
   */
  undo?: { name: string; run: (run: R) => Promise<string> };
}

export type Pipeline<R> = readonly Stage<R>[];

/** What the runner needs of a run: its step log, and how a stop settles the outcome. */
export interface PipelineRun {
  steps: StepLog;
  /** A stage with policy `stop` failed: settle the outcome (it was not settled by the stage). */
  stopped: (why: string) => void;
}

type State = 'pending' | 'running' | 'started' | 'done' | 'failed' | 'skipped' | 'not-run';

/** Pipeline lists are data: a need on a stage that is not in the list is a bug, found early. */
export function needsOf<R>(stage: Stage<R>, run: R): readonly Need[] {
  return typeof stage.needs === 'function' ? stage.needs(run) : stage.needs;
}

export function checkPipeline<R>(pipeline: Pipeline<R>, run: R): void {
  const names = new Set<string>();
  for (const stage of pipeline) {
    if (names.has(stage.name)) throw new Error(`pipeline: stage "${stage.name}" is listed twice`);
    for (const need of needsOf(stage, run))
      if (!names.has(need.stage))
        throw new Error(
          `pipeline: stage "${stage.name}" needs "${need.stage}", which is not listed before it`,
        );
    names.add(stage.name);
  }
}

function appliesTo<R>(stage: Stage<R>, run: R): Applies {
  return stage.applies ? stage.applies(run) : true;
}

function policyOf<R>(stage: Stage<R>, run: R): FailurePolicy {
  const policy = stage.failure ?? 'stop';
  return typeof policy === 'function' ? policy(run) : policy;
}

function needsLine(needs: readonly Need[]): string {
  return needs
    .map((n) => (n.until === 'started' ? `once ${n.stage} has started` : `after ${n.stage}`))
    .join(', ');
}

/**
 * The dry-run plan: each applying stage's lines in the order the stages would start, each
 * stage's first line saying what it waits for when that is not simply the stage before.
 */
export function planOf<R>(pipeline: Pipeline<R>, run: R): string[] {
  checkPipeline(pipeline, run);
  const lines: string[] = [];
  let previous: string | undefined;
  for (const stage of pipeline) {
    if (appliesTo(stage, run) !== true || !stage.plan) continue;
    const stageLines = stage.plan(run);
    if (stageLines.length === 0) continue;
    const needs = needsOf(stage, run);
    const simple =
      needs.length === 0 ||
      (needs.length === 1 && needs[0]!.stage === previous && needs[0]!.until === 'finished');
    const [first, ...rest] = stageLines;
    lines.push(simple ? first! : `${first!} (${needsLine(needs)})`, ...rest);
    previous = stage.name;
  }
  return lines;
}

/**
 * Runs the stages: each starts once its needs allow, several at a time where they do. Returns
 * when every stage has finished, been skipped, or was left out after a stop or an end.
 */
export async function runPipeline<R extends PipelineRun>(
  pipeline: Pipeline<R>,
  run: R,
): Promise<void> {
  checkPipeline(pipeline, run);
  const { steps } = run;
  const needs = new Map(pipeline.map((s) => [s.name, needsOf(s, run)]));
  const state = new Map<string, State>(pipeline.map((s) => [s.name, 'pending']));
  const applies = new Map(pipeline.map((s) => [s.name, appliesTo(s, run)]));
  const undone = new Set<string>();
  let halted: 'end' | 'stop' | undefined;
  let thrown: { error: unknown } | undefined;
  const running = new Set<Promise<void>>();
  let wake: () => void = () => {};

  const settled = (name: string): boolean =>
    ['done', 'failed', 'skipped', 'not-run'].includes(state.get(name)!);
  const met = (need: Need): boolean => {
    // A stage that does not apply passes its own needs on: it is done when they are.
    if (applies.get(need.stage) !== true) return needs.get(need.stage)!.every(met);
    const s = state.get(need.stage)!;
    if (need.until === 'started' && s === 'started') return true;
    return s === 'done' || s === 'skipped' || (s === 'failed' && halted === undefined);
  };

  const start = (stage: Stage<R>): void => {
    state.set(stage.name, 'running');
    const startMs = steps.now();
    if (stage.quiet?.(run) !== true) steps.begin(stage.name);
    const started = (detail: string): void => {
      if (state.get(stage.name) !== 'running') return;
      state.set(stage.name, 'started');
      steps.note(stage.name, detail);
      wake();
    };
    const task = (async () => {
      try {
        const value = await stage.run(run, started);
        const result: StageResult = typeof value === 'string' ? { detail: value } : (value ?? {});
        state.set(stage.name, result.status === 'failed' ? 'failed' : 'done');
        if (!result.silent)
          steps.finish(stage.name, result.status ?? 'ok', result.detail ?? '', startMs);
        if (result.halt && !halted) halted = result.halt;
      } catch (error) {
        state.set(stage.name, 'failed');
        const policy = policyOf(stage, run);
        steps.finish(
          stage.name,
          policy === 'warn' ? 'warning' : 'failed',
          errorMessage(error),
          startMs,
        );
        if (policy === 'throw') {
          thrown ??= { error };
          halted ??= 'end';
        } else if (policy === 'stop') {
          if (!halted) {
            halted = 'stop';
            run.stopped(errorMessage(error));
          }
        } else {
          steps.warn(
            `${stage.name} failed (the run goes on${policy === 'red' ? ' without it' : ''}): ${errorMessage(error)}`,
          );
        }
      }
    })();
    const tracked = task.finally(() => {
      running.delete(tracked);
      wake();
    });
    running.add(tracked);
  };

  const dependentsOf = (name: string): string[] => {
    const found = new Set<string>([name]);
    for (const stage of pipeline)
      if (!stage.always && needs.get(stage.name)!.some((n) => found.has(n.stage)))
        found.add(stage.name);
    found.delete(name);
    return [...found];
  };

  const undoIfDue = (stage: Stage<R>): void => {
    if (!stage.undo || undone.has(stage.name)) return;
    const s = state.get(stage.name);
    if (s !== 'done' && s !== 'failed') return;
    // Due once every stage that needs it, directly or not, has settled; the records of the
    // outcome (`always`) do not hold it open.
    const due = halted !== undefined || dependentsOf(stage.name).every((d) => settled(d));
    if (!due) return;
    undone.add(stage.name);
    const undo = stage.undo;
    const tracked = steps
      .bestEffort(undo.name, () => undo.run(run))
      .finally(() => {
        running.delete(tracked);
        wake();
      });
    running.add(tracked);
  };

  for (;;) {
    const woken = new Promise<void>((resolve) => (wake = resolve));
    let progressed = false;
    // Undos first: after a stop, the records of the outcome wait for them.
    for (const stage of pipeline) undoIfDue(stage);
    for (const stage of pipeline) {
      if (state.get(stage.name) !== 'pending') continue;
      const applying = applies.get(stage.name)!;
      if (halted === 'end') break;
      if (halted === 'stop' && !stage.always) {
        state.set(stage.name, 'not-run');
        progressed = true;
        continue;
      }
      // A stage that does not apply is recorded as skipped once its needs have started,
      // near where it would have run, without waiting for them to finish.
      const own = needs.get(stage.name)!;
      const ready =
        halted === 'stop'
          ? running.size === 0 && own.every((n) => settled(n.stage) || met(n))
          : applying === true
            ? own.every(met)
            : own.every((n) => met({ ...n, until: 'started' }));
      if (!ready) continue;
      progressed = true;
      if (applying === true) start(stage);
      else {
        state.set(stage.name, 'skipped');
        if (applying !== false) steps.record(stage.name, 'skipped', applying.skip);
      }
      // After a stop, the remaining `always` stages run one after another, in list order.
      if (halted === 'stop') break;
    }
    for (const stage of pipeline) undoIfDue(stage);
    if (running.size === 0 && !progressed) break;
    if (running.size > 0) await woken;
  }
  if (halted === 'end')
    for (const [name, s] of state) if (s === 'pending') state.set(name, 'not-run');
  if (thrown) throw thrown.error;
}
