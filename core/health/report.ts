import type { Summary } from '../action/summary.js';
import { formatDuration } from '../util/duration.js';
import { writeJsonFile } from '../util/json-file.js';
import type { CheckResult } from './run-checks.js';

export interface SmokeReport {
  passed: boolean;
  failedChecks: number;
  startedAt: string;
  durationMs: number;
  expectVersion?: string;
  checks: CheckResult[];
}

export function buildReport(
  results: CheckResult[],
  startedAt: number,
  finishedAt: number,
  expectVersion?: string,
): SmokeReport {
  const failed = results.filter((r) => !r.passed).length;
  return {
    passed: failed === 0,
    failedChecks: failed,
    startedAt: new Date(startedAt).toISOString(),
    durationMs: finishedAt - startedAt,
    ...(expectVersion !== undefined ? { expectVersion } : {}),
    checks: results,
  };
}

export async function writeReport(
  report: SmokeReport,
  directory: string,
  name = 'smoke-test-report',
): Promise<string> {
  return writeJsonFile(directory, name, report);
}

/** Adds the checks table (and each failure's history) to a summary. */
export function addChecksToSummary(
  summary: Summary,
  report: SmokeReport,
  title = 'Smoke test',
): Summary {
  const verdict = report.passed
    ? '✅ passed'
    : `❌ ${report.failedChecks} of ${report.checks.length} failed`;
  summary.heading(`${title}: ${verdict}`, 3);
  if (report.expectVersion !== undefined)
    summary.paragraph(`Expected version: \`${report.expectVersion}\``);
  summary.table(
    ['Check', 'Result', 'Status', 'Latency', 'Attempts', 'Reason'],
    report.checks.map((c) => [
      `${c.name} (${c.url})`,
      c.passed ? '✅ pass' : '❌ fail',
      c.status ?? '—',
      c.latencyMs !== undefined ? `${c.latencyMs} ms` : '—',
      c.attempts,
      c.lastReason ?? '',
    ]),
  );
  const failed = report.checks.filter((c) => !c.passed);
  for (const check of failed) {
    summary.details(
      `Every reason ${check.name} failed (${check.attempts} attempts in ${formatDuration(check.durationMs)})`,
      check.reasons.map((r) => `- ${r.reason} (×${r.count})`).join('\n'),
    );
  }
  return summary;
}
