/**
 * After a deploy that failed verification: the version from before goes back, with the
 * variables from before, and is verified in turn.
 */
import { chosenOf, type OpsRun } from '../ops-run.js';
import type { StageDefinition } from './stage.js';
import { failureLine, smokeCheck, verifyIntervalMs } from './verify.js';

export const rollBack: StageDefinition<OpsRun & { autoRollback: boolean }> = {
  name: 'Roll back',
  applies: (run) => run.autoRollback,
  quiet: (run) => run.verificationFailed === undefined,
  plan: (run) => {
    const c = chosenOf(run);
    return [
      c.back
        ? `If verification fails: put ${c.back.version} back (${c.back.uri}) with the variables from before, follow, verify it`
        : 'If verification fails: no known version to go back to (the service ran by a tag that now names this image)',
    ];
  },
  run: async (run) => {
    const why = run.verificationFailed;
    if (why === undefined) return { silent: true };
    const { ctx } = run;
    const c = chosenOf(run);
    const back = c.back;
    if (!back) {
      run.finish(
        'failed',
        false,
        `${c.targetVersion} is live but fails verification (${why}), and there is no known earlier version to go back to (the service ran by tag ${c.running.version}, which now names this image); roll back with to: <tag>`,
      );
      return { silent: true };
    }
    // A rollback (rollback.yml has a concurrency group of its own) may have changed the
    // service since: then what runs is a person's choice, and putting `back` would undo it.
    const now = await ctx.target.describe();
    if (now.digest !== undefined && now.digest !== c.target.digest) {
      run.finish(
        'failed',
        false,
        `${c.targetVersion} failed verification (${why}), and the service no longer runs it (it runs ${now.imageByDigest}, put in place by someone else since, e.g. a rollback): left as it is`,
      );
      return { silent: true };
    }
    ctx.logger.info(
      `Verification of ${c.targetVersion} failed (${why}); putting ${back.version} back`,
    );
    const wait = {
      timeoutMs: ctx.timing.operationTimeoutMs,
      intervalMs: ctx.timing.pollIntervalMs,
    };
    const started = await ctx.target.switchImage(back.uri, { wait, environment: c.variables });
    ctx.logger.info(`  update started ${started.id} → ${back.uri}`);
    run.outcome.rollbackOperationId = started.id;
    const result = await ctx.target.follow(
      { ...started, names: { image: back.version, previous: c.targetVersion } },
      // Production is down until this ends: see it end soon.
      { ...wait, intervalMs: verifyIntervalMs(ctx) },
    );
    const detail = `operation ${started.id}: ${result.status}`;
    if (!result.ok) {
      run.finish(
        'failed',
        false,
        `${c.targetVersion} failed verification (${why}) and the rollback to ${back.version} ended ${result.status} (operation ${started.id}): production needs a person now`,
      );
      return { status: 'failed', detail };
    }
    run.rolledBack = true;
    return detail;
  },
};

export const verifyRollback: StageDefinition<OpsRun & { autoRollback: boolean }> = {
  name: 'Verify rollback',
  applies: (run) => run.autoRollback,
  quiet: (run) => !run.rolledBack,
  run: async (run) => {
    if (!run.rolledBack) return { silent: true };
    const c = chosenOf(run);
    const back = c.back!;
    const why = run.verificationFailed!;
    const { report, result } = await smokeCheck(run.ctx, 'Verify rollback', back.tags);
    run.reports.push({ title: `Verification of ${back.version} after rollback`, report });
    run.finish(
      report.passed ? 'rolled-back' : 'failed',
      false,
      report.passed
        ? `${c.targetVersion} failed verification (${why}); rolled back to ${back.version}, which passes its checks`
        : `${c.targetVersion} failed verification (${why}); rolled back to ${back.version}, which ALSO fails (${failureLine(report)}): production is unhealthy`,
    );
    return result;
  },
};
