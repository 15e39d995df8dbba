import { Summary } from '../action/summary.js';
import { formatDuration } from '../util/duration.js';
import { deleteCommand, type RestoreReport } from './run.js';
import { shown, type Comparison } from './verify.js';

/** A row of a side-by-side table: the query, both answers, and whether they agree. */
const comparisonRow = (c: Comparison): string[] => [
  c.name,
  shown(c.current),
  shown(c.restored),
  c.same ? 'same' : 'differs',
];

/** The job summary: outcome, the side-by-side table, what exists now, and the steps. */
export function renderRestore(report: RestoreReport, environment: string, mode: string): Summary {
  const summary = new Summary();
  summary.heading(`Database restore (${mode}) — ${environment}`, 2);
  summary.paragraph(`${report.ok ? '✅' : '❌'} ${report.headline}`);
  if (report.comparisons.length > 0)
    summary
      .heading('Current and restored, side by side', 3)
      .table(['query', 'current', 'restored', ''], report.comparisons.map(comparisonRow));
  if (report.afterCutOver.length > 0)
    summary
      .heading('After the cut-over, through the original endpoint', 3)
      .table(
        ['query', 'original endpoint now', 'restored before the cut-over', ''],
        report.afterCutOver.map(comparisonRow),
      );
  if (report.state.length > 0) summary.heading('What exists now', 3).list(report.state);
  if (report.replaced)
    summary
      .heading('The replaced instance', 3)
      .paragraph(
        `${report.replaced} is kept (apprunner-ops never deletes it). Once you are sure, delete it with:`,
      )
      .code(deleteCommand(report.replaced), 'sh');
  const facts = [
    report.forensicsSnapshot && `forensics snapshot: ${report.forensicsSnapshot}`,
    report.plan && `restored instance: ${report.plan.restored}`,
    report.restoreMs !== undefined && `restore took ${formatDuration(report.restoreMs)}`,
  ].filter((x): x is string => Boolean(x));
  if (facts.length > 0) summary.list(facts);
  if (report.steps.length > 0) summary.heading('Steps', 3).list(report.steps);
  return summary;
}
