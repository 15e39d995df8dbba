/** The smoke test of the environment's health checks, so every pipeline means the same by "verified". */
import type { SmokeReport } from '../../health/report.js';
import { smokeTest } from '../../health/smoke-test.js';
import type { OpsContext } from '../context.js';
import { chosenOf, type OpsRun } from '../ops-run.js';
import type { StageResult } from '../pipeline.js';
import type { StageDefinition } from './stage.js';

export function failureLine(report: SmokeReport): string {
  return report.checks
    .filter((c) => !c.passed)
    .map(
      (c) =>
        `${c.name}: ${c.lastReason}${c.endedEarly !== undefined && !c.endedEarly.startsWith('stopped') ? ` (${c.endedEarly})` : ''}`,
    )
    .join('; ');
}

/**
 * The incident path's pace: how often a failing check is tried again, and how often the
 * deployments a verification waits for (the deploy's, the automatic rollback's) are polled.
 * Half the poll interval, at most 5 s: with verify-failure-limit 3 a bad version is judged
 * within 10 s of serving at the defaults, and each follow sees its deployment end within 5 s.
 */
export function verifyIntervalMs(ctx: OpsContext): number {
  return Math.min(ctx.timing.pollIntervalMs / 2, 5_000);
}

/** Runs the checks, expecting one of `versions` where the app reports its version. */
export async function smokeCheck(
  ctx: OpsContext,
  label: string,
  /** The versions the app may report (the image's tags); empty: the version is not checked. */
  versions: readonly string[],
): Promise<{ report: SmokeReport; result: StageResult }> {
  const health = ctx.env.health;
  const versionPath = health['version-path'];
  const checkVersion = versionPath !== undefined && versions.length > 0;
  if (versionPath !== undefined && versions.length === 0)
    ctx.logger.warning(
      `${label}: the image has no tag, so the version the service reports is not checked`,
    );
  const report = await smokeTest(
    {
      checks: health.checks,
      baseUrl: new URL(health['base-url']),
      ...(checkVersion ? { expectVersion: { values: versions, path: versionPath } } : {}),
      timeoutMs: ctx.timing.verifyTimeoutMs,
      intervalMs: verifyIntervalMs(ctx),
      // The platform's deployment has ended when verification starts: where no version is
      // read, its word that the new version alone serves starts the failure count.
      ...(ctx.timing.verifyFailureLimit !== undefined
        ? { failureLimit: { limit: ctx.timing.verifyFailureLimit, servingKnown: true } }
        : {}),
    },
    { clock: ctx.clock, logger: ctx.logger },
  );
  return {
    report,
    result: report.passed
      ? {
          detail: `${report.checks.length} checks passed${checkVersion ? `; reports ${versions.join(' or ')}` : ''}`,
        }
      : { status: 'failed', detail: failureLine(report) },
  };
}

export function verifyPlan(run: OpsRun): string[] {
  const health = run.ctx.env.health;
  const c = chosenOf(run);
  return [
    `Verify ${health.checks.length} health checks at ${health['base-url']}${health['version-path'] ? `, expecting version ${c.targetVersion}` : ''}`,
  ];
}

/** Verifies the version just put in place; the run's story settles the outcome. */
export const verify: StageDefinition<OpsRun> = {
  name: 'Verify',
  plan: verifyPlan,
  run: async (run) => {
    const c = chosenOf(run);
    const { report, result } = await smokeCheck(run.ctx, 'Verify', c.target.tags);
    run.reports.push({ title: `Verification of ${c.targetVersion}`, report });
    run.story.verified(run, report.passed ? undefined : failureLine(report), 'verify');
    return result;
  },
};
