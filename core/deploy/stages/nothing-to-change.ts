/**
 * The two ways a run ends before changing anything: a dry run (the plan, from the pipeline's
 * own stage list, is printed) and a wanted version that already runs (it is verified, and that
 * is the result).
 */
import { isSameImage } from '../images.js';
import { chosenOf, type OpsRun } from '../ops-run.js';
import { planOf, type Pipeline } from '../pipeline.js';
import type { StageDefinition } from './stage.js';
import { failureLine, smokeCheck } from './verify.js';

/** The wanted image already runs with the wanted variables: verify it, change nothing. */
function alreadyRuns(run: OpsRun): boolean {
  // A snapshot started ahead of a deploy chooses no image: nothing to compare.
  if (!run.chosen || run.restarting) return false;
  const c = chosenOf(run);
  // Variables still to change mean an update even when the image already runs.
  return !run.variablesWanted && isSameImage(c.running, c.target);
}

export const nothingToChange: StageDefinition<OpsRun> = {
  name: 'Nothing to change',
  // An internal decision, not a step a person follows: its heading would only be noise.
  quiet: () => true,
  run: async (run) => {
    const { ctx } = run;
    if (run.dryRun) {
      run.outcome.plan = planOf(run.pipeline as Pipeline<OpsRun>, run);
      for (const line of run.outcome.plan) ctx.logger.info(`  would: ${line}`);
      run.finish('planned', true, run.story.planned(run));
      return { silent: true, halt: 'end' };
    }
    if (!alreadyRuns(run)) return { silent: true };
    const c = chosenOf(run);
    const startMs = run.steps.now();
    const { report, result } = await smokeCheck(ctx, 'Verify', c.target.tags);
    run.reports.push({ title: `Verification of ${c.targetVersion}`, report });
    run.steps.finish('Verify', result.status ?? 'ok', result.detail ?? '', startMs);
    if (report.passed) run.finish('unchanged', true, run.story.unchanged(run));
    else run.finish('failed', false, run.story.unhealthy(run, failureLine(report)));
    return { silent: true, halt: 'end' };
  },
};
