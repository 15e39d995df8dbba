/**
 * deploy's `mode: scale`: how many instances serve, within the target's bounds. Preflight
 * reads the bounds and refuses a capacity outside them before anything changes; the change
 * then waits until every instance is healthy behind the load balancer (the target's `scale`).
 */
import { assertTrafficReadable } from '../bake.js';
import { InputError } from '../../util/errors.js';
import type { OpsRun } from '../ops-run.js';
import { checkAccess, keepRunning, readService } from './preflight.js';
import type { StageDefinition } from './stage.js';

export type ScaleRun = OpsRun & {
  capacity: number;
  bakeMs: number;
  /** The serving group's name and desired capacity before the change (preflight). */
  from: { name: string; desired: number } | undefined;
};

export const scalePreflight: StageDefinition<ScaleRun> = {
  name: 'Preflight',
  failure: 'throw',
  run: async (run) => {
    const { ctx } = run;
    const target = ctx.target;
    if (!target.scale || !target.capacity)
      throw new InputError(
        'mode',
        `scale sets how many instances serve; environments.${ctx.environment} runs on ${target.kind}, whose capacity is not set here: use the platform's own scaling settings`,
      );
    await checkAccess(run);
    if (run.bakeMs > 0) await assertTrafficReadable(ctx);
    const { state, running } = await readService(run);
    keepRunning(run, state, running);
    const now = await target.capacity();
    if (run.capacity < now.min || run.capacity > now.max)
      throw new InputError(
        'capacity',
        `${run.capacity} is outside ${now.name}'s min/max (${now.min}–${now.max}); give a capacity within it, or change its min/max first`,
      );
    run.from = { name: now.name, desired: now.desired };
    return `${now.name} runs ${running.version} on ${now.desired} instances (min ${now.min}, max ${now.max}); scaling to ${run.capacity}`;
  },
};

export const scaleService: StageDefinition<ScaleRun> = {
  name: 'Scale',
  plan: (run) => [
    `Set the serving instances to ${run.capacity} (desired capacity), then wait until every one is healthy behind the load balancer`,
  ],
  run: async (run) => {
    const { ctx } = run;
    const line = await ctx.target.scale!(run.capacity, {
      timeoutMs: ctx.timing.operationTimeoutMs,
      intervalMs: ctx.timing.pollIntervalMs,
    });
    run.switched = true;
    // Said, so that a scale without a watch is not read as a watched one.
    return {
      detail: run.bakeMs > 0 ? line : `${line}; response time not watched (bake: 0s)`,
    };
  },
};
