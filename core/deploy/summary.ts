import { mermaidTimeline, Summary } from '../action/summary.js';
import { addChecksToSummary } from '../health/report.js';
import { formatDuration } from '../util/duration.js';
import type { OpsOutcome } from './outcome.js';

const MARK = { ok: '✅', failed: '❌', skipped: '➖', warning: '⚠️' } as const;

/** The job summary of a deploy or rollback: the story of the run in one page. */
export function renderOutcome(outcome: OpsOutcome, reason?: string): Summary {
  const summary = new Summary();
  const verb = {
    deploy: 'Deploy',
    rollback: 'Rollback',
    snapshot: 'Snapshot ahead of a deploy',
    restart: 'Restart',
    scale: 'Scale',
  }[outcome.kind];
  summary.heading(
    `${outcome.ok ? '✅' : '❌'} ${verb} to ${outcome.environment}: ${outcome.result}`,
    2,
  );
  summary.paragraph(outcome.headline);
  if (reason) summary.paragraph(`**Reason:** ${reason}`);
  summary.table(
    ['', ''],
    [
      [
        'Image before',
        outcome.previousImage ? `\`${outcome.versionBefore}\` ${outcome.previousImage}` : '—',
      ],
      ['Image after', outcome.image ? `\`${outcome.versionAfter}\` ${outcome.image}` : '—'],
      ['Snapshot', outcome.snapshotId ?? '—'],
      ['Operation', outcome.operationId ?? '—'],
      ...(outcome.rollbackOperationId
        ? [['Rollback operation', outcome.rollbackOperationId] as [string, string]]
        : []),
      ['Service URL', outcome.serviceUrl ?? '—'],
      ['Duration', formatDuration(outcome.finishedAt - outcome.startedAt)],
    ],
  );
  if (outcome.plan.length > 0) {
    summary.heading('Plan (dry run: nothing was changed)', 3);
    summary.list(outcome.plan);
  }
  summary.heading('Steps', 3);
  summary.table(
    ['Step', 'Result', 'Duration', 'Detail'],
    outcome.steps.map((s) => [
      s.name,
      `${MARK[s.status]} ${s.status}`,
      formatDuration(s.endMs - s.startMs),
      s.detail,
    ]),
  );
  for (const { title, report } of outcome.reports) addChecksToSummary(summary, report, title);
  if (outcome.steps.length > 0) {
    summary.heading('Timeline', 3);
    summary.mermaid(
      mermaidTimeline(
        `${verb} ${outcome.versionAfter ?? ''}`.trim(),
        outcome.steps.map((s) => ({
          name: s.name,
          startMs: s.startMs,
          endMs: s.endMs,
          status: s.status === 'failed' ? 'failed' : s.status === 'skipped' ? 'skipped' : 'ok',
        })),
      ),
    );
  }
  return summary;
}
