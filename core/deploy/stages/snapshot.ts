/**
 * The database snapshot before a change. It says "started" as soon as CreateDBSnapshot has
 * answered, so a pipeline may let a change that does not touch the data (a rollback without a
 * down migration) go on while RDS copies; the stage itself ends when the snapshot is available.
 */
import { snapshotId } from '../../aws/rds.js';
import type { OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';

/** `<prefix>` of the snapshots this run makes: pre-deploy ones by the configured prefix. */
export function snapshotPrefix(run: OpsRun): string {
  const database = run.ctx.env.database!;
  return run.snapshot.purpose === 'pre-deploy'
    ? (database['snapshot-prefix'] ?? `${database.instance}-pre-deploy`)
    : `${database.instance}-${run.snapshot.purpose}`;
}

export const snapshot: StageDefinition<OpsRun> = {
  name: 'Snapshot',
  applies: ({ snapshot: wanted, ctx }) =>
    !wanted.wanted
      ? { skip: 'snapshot: false' }
      : ctx.rds && ctx.env.database
        ? true
        : { skip: 'no database in the configuration' },
  plan: (run) => {
    const database = run.ctx.env.database!;
    if (run.snapshot.given)
      return [`RDS wait until snapshot ${run.snapshot.given} of ${database.instance} is available`];
    return [
      `RDS CreateDBSnapshot ${database.instance} → ${snapshotPrefix(run)}-<time>${run.snapshot.purpose === 'pre-launch' || !run.ctx.run.sha7 ? '' : `-${run.ctx.run.sha7}`}, wait until available`,
    ];
  },
  run: async (run, started) => {
    const { ctx } = run;
    const rds = ctx.rds!;
    const given = run.snapshot.given;
    let id: string;
    if (given) {
      id = given;
      started(`${id} started by an earlier job; waiting for it`);
    } else {
      // The launch snapshot is named as the runbook names it: <instance>-pre-launch-YYYYMMDD-HHMM.
      const sha7 = run.snapshot.purpose === 'pre-launch' ? undefined : ctx.run.sha7 || undefined;
      id = await rds.createSnapshot(
        snapshotId(snapshotPrefix(run), new Date(ctx.clock.now()), sha7),
      );
      started(`${id} creating`);
    }
    await rds.waitForSnapshot(id, ctx.timing.snapshotTimeoutMs, ctx.timing.pollIntervalMs);
    run.outcome.snapshotId = id;
    return `${id} available`;
  },
};

/**
 * Only starts the snapshot (deploy's `mode: snapshot`): deploy.yml runs this in a job beside
 * the build, and the deploy job waits for the snapshot by its id instead of taking one.
 */
export const snapshotAhead: StageDefinition<OpsRun> = {
  name: 'Snapshot',
  applies: snapshot.applies!,
  plan: (run) => [
    `RDS CreateDBSnapshot ${run.ctx.env.database!.instance} → ${snapshotPrefix(run)}-<time>${run.ctx.run.sha7 ? `-${run.ctx.run.sha7}` : ''}; the deploy waits for it`,
  ],
  run: async (run) => {
    const { ctx } = run;
    const sha7 = run.snapshot.purpose === 'pre-launch' ? undefined : ctx.run.sha7 || undefined;
    const id = await ctx.rds!.createSnapshot(
      snapshotId(snapshotPrefix(run), new Date(ctx.clock.now()), sha7),
    );
    run.outcome.snapshotId = id;
    return `${id} creating; the deploy waits for it to be available`;
  },
};
