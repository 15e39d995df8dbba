/**
 * Pauses the environment's BetterStack monitors for the change, and resumes what this run
 * paused (its undo). The pause id is saved before any call: if the job is cancelled half-way,
 * the post step resumes what this run, and only this run, paused.
 */
import { randomUUID } from 'node:crypto';
import { POST_STATE } from '../../action/post-state.js';
import { closeMaintenanceWindow, openMaintenanceWindow } from '../../maintenance/suite-pauses.js';
import { formatDuration } from '../../util/duration.js';
import type { OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';

export const maintenanceWindow: StageDefinition<OpsRun> = {
  name: 'Maintenance window',
  applies: ({ ctx }) =>
    ctx.monitors
      ? true
      : {
          skip: ctx.env.maintenance
            ? 'no betterstack-token given'
            : 'no maintenance monitors configured',
        },
  plan: ({ ctx }) => [
    `BetterStack: pause monitors ${ctx.monitors!.ids.join(', ')} (resumed at the end, also on failure or cancellation)`,
  ],
  run: async (run) => {
    const { ctx } = run;
    const monitors = ctx.monitors!;
    const pauseId = randomUUID();
    ctx.state.save(POST_STATE.maintenancePauseId, pauseId);
    ctx.state.save(POST_STATE.maintenanceMonitors, monitors.ids.join(','));
    run.pauseId = pauseId;
    const r = await openMaintenanceWindow(
      monitors.client,
      monitors.ids,
      {
        environment: ctx.environment,
        action: run.outcome.kind,
        pauseId,
        runUrl: ctx.run.runUrl,
        windowMs: monitors.windowMs,
      },
      ctx,
    );
    return [
      r.paused.length > 0
        ? `paused monitors ${r.paused.join(', ')} for at most ${formatDuration(monitors.windowMs)}`
        : 'no monitor paused',
      ...(r.takenOver.length > 0
        ? [`took over the pause of ${r.takenOver.join(', ')} from an earlier run`]
        : []),
      ...r.leftAlone,
    ].join('; ');
  },
  undo: {
    name: 'Close maintenance window',
    run: async ({ ctx, pauseId }) => {
      const monitors = ctx.monitors;
      if (!monitors || !pauseId) return 'nothing was paused';
      const r = await closeMaintenanceWindow(monitors.client, monitors.ids, pauseId, ctx);
      ctx.state.save(POST_STATE.maintenanceMonitors, '');
      return [
        r.resumed.length > 0 ? `resumed monitors ${r.resumed.join(', ')}` : 'no monitor to resume',
        ...r.leftAlone,
      ].join('; ');
    },
  },
};
