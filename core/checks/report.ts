import type { Summary } from '../action/summary.js';
import { formatDuration } from '../util/duration.js';
import { writeJsonFile } from '../util/json-file.js';
import { countByStatus, type CheckResult } from './run-checks.js';
import type { CheckStatus } from './types.js';

/**
 * Shared by ops-check, the go-live gate and the deploy's bake period: one JSON report, one
 * summary table and one verdict rule for a list of check results.
 */
export interface CheckReport {
  /** What ran: `daily`, `weekly`, `monthly`, `inline`, a gate name … */
  list: string;
  environment: string;
  passed: boolean;
  counts: Record<CheckStatus, number>;
  startedAt: string;
  durationMs: number;
  checks: CheckResult[];
}

/** A run is red when any check fails or errors; warnings and skips are shown, not failed. */
export const isRed = (r: Pick<CheckResult, 'status'>): boolean =>
  r.status === 'fail' || r.status === 'error';

export function buildCheckReport(
  results: CheckResult[],
  meta: { list: string; environment: string; startedAt: number; finishedAt: number },
): CheckReport {
  return {
    list: meta.list,
    environment: meta.environment,
    passed: !results.some(isRed),
    counts: countByStatus(results),
    startedAt: new Date(meta.startedAt).toISOString(),
    durationMs: meta.finishedAt - meta.startedAt,
    checks: results,
  };
}

export async function writeCheckReport(
  report: CheckReport,
  directory: string,
  name = 'check-report',
): Promise<string> {
  return writeJsonFile(directory, `${name}-${report.environment}-${report.list}`, report);
}

export const STATUS_ICON: Record<CheckStatus, string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  error: '💥 error',
  warn: '⚠️ warn',
  skipped: '⏭️ skipped',
  waived: '📝 waived',
};

/** "2 failed, 1 error, 5 passed, 1 warning" — the counts that are not zero. */
export function countsLine(counts: Record<CheckStatus, number>): string {
  const parts: [number, string][] = [
    [counts.fail, 'failed'],
    [counts.error, counts.error === 1 ? 'error' : 'errors'],
    [counts.pass, 'passed'],
    [counts.warn, counts.warn === 1 ? 'warning' : 'warnings'],
    [counts.waived, 'waived'],
    [counts.skipped, 'skipped'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`)
    .join(', ');
}

/** One row per check, grouped by report section, failures first within a group. */
export function addCheckTable(summary: Summary, report: CheckReport, title: string): Summary {
  summary.heading(`${title}: ${report.passed ? '✅' : '❌'} ${countsLine(report.counts)}`, 3);
  const order: CheckStatus[] = ['fail', 'error', 'warn', 'waived', 'skipped', 'pass'];
  const rows = [...report.checks].sort(
    (a, b) => a.group.localeCompare(b.group) || order.indexOf(a.status) - order.indexOf(b.status),
  );
  summary.table(
    ['Group', 'Check', 'Result', 'What was seen', 'Took'],
    rows.map((r) => [
      r.group,
      `\`${r.id}\``,
      STATUS_ICON[r.status],
      r.line,
      formatDuration(r.durationMs),
    ]),
  );
  return summary;
}
