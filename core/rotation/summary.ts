import { Summary } from '../action/summary.js';
import { formatDuration } from '../util/duration.js';
import type { RotationRunOutcome } from './run.js';

const ICON: Record<string, string> = {
  rotated: '✅ rotated',
  unchanged: '➖ unchanged',
  undone: '↩️ undone',
  failed: '❌ failed',
  planned: '📝 planned',
};

/** The job summary: the outcome per secret, then every step with its duration. Never a value. */
export function renderRotation(outcome: RotationRunOutcome, environment: string): Summary {
  const summary = new Summary();
  summary.heading(`Secret rotation — ${environment}`, 2);
  summary.paragraph(`${outcome.ok ? '✅' : '❌'} ${outcome.headline}`);
  if (outcome.outcomes.length > 0)
    summary.table(
      ['secret', 'kind', 'result', 'AWSCURRENT version', 'notes'],
      outcome.outcomes.map((o) => [
        o.name,
        o.kind,
        ICON[o.result] ?? o.result,
        o.versionId ?? '',
        o.notes.join(' '),
      ]),
    );
  if (outcome.retired.length > 0) summary.heading('Previous keys retired', 3).list(outcome.retired);
  if (outcome.reminders.length > 0) summary.heading('Reminders', 3).list(outcome.reminders);
  if (outcome.plan.length > 0 && outcome.outcomes.every((o) => o.result === 'planned'))
    summary.heading('Plan', 3).list(outcome.plan);
  if (outcome.steps.steps.length > 0)
    summary.heading('Steps', 3).table(
      ['secret', 'step', 'status', 'duration', 'detail'],
      outcome.steps.steps.map((s) => [
        s.secret,
        s.name,
        s.status,
        formatDuration(s.durationMs),
        s.detail,
      ]),
    );
  return summary;
}
