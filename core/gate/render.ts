import { Summary } from '../action/summary.js';
import { byGroup, type Evidence, type EvidenceItem } from './evidence.js';

const ICON: Record<EvidenceItem['status'], string> = {
  pass: '✅ pass',
  fail: '❌ fail',
  error: '⛔ error',
  warn: '⚠️ warn',
  skipped: '⛔ not checked',
  waived: '🟡 waived',
};

export function headline(e: Evidence): string {
  const c = e.counts;
  // An item that checked nothing is counted apart: "14 passed" must not hide it.
  const tally = `${c['pass'] ?? 0} passed, ${(c['fail'] ?? 0) + (c['error'] ?? 0)} failed, ${c['skipped'] ?? 0} not checked, ${c['waived'] ?? 0} waived`;
  return e.passed
    ? `Gate ${e.gate} passed for ${e.environment} at ${e.commit.slice(0, 7)}: ${tally}`
    : `Gate ${e.gate} blocks ${e.environment} at ${e.commit.slice(0, 7)}: ${tally}`;
}

function who(item: EvidenceItem): string {
  if (item.waiver)
    return `waived by ${item.waiver.owner} until ${item.waiver.expires}${item.waiver.expired ? ' (expired)' : ''}: ${item.waiver.reason} (${item.waiver.ticket})`;
  if (item.attestation)
    return `vouched by ${item.attestation.by} on ${item.attestation.at.slice(0, 10)} until ${item.attestation.expires} ([evidence](${item.attestation.evidence}))`;
  return '';
}

/** The job summary, the check run's output and the evidence Markdown: one rendering. */
export function renderGate(e: Evidence, limitBytes?: number): Summary {
  const s = new Summary(limitBytes);
  s.heading(`${e.passed ? '✅' : '❌'} ${headline(e)}`, 2);
  const blocking = e.items.filter(
    (i) => i.status === 'fail' || i.status === 'error' || i.status === 'skipped',
  );
  if (blocking.length > 0)
    s.paragraph('**Blocking:**').list(blocking.map((i) => `\`${i.id}\`: ${i.line}`));
  const waived = e.items.filter((i) => i.status === 'waived');
  if (waived.length > 0)
    s.paragraph('**Waived (not passed):**').list(waived.map((i) => `\`${i.id}\`: ${who(i)}`));
  for (const [group, items] of byGroup(e.items)) {
    s.heading(group, 3);
    s.table(
      ['Item', 'Status', 'What was seen', 'Vouched / waived'],
      items.map((i) => [`\`${i.id}\``, ICON[i.status], i.line, who(i)]),
    );
  }
  s.paragraph(
    [
      `Commit \`${e.commit}\` (${e.ref}) of ${e.repository}, run by @${e.ranBy}: ${e.runUrl}`,
      `Configuration ${e.config.file} sha256 \`${e.config.sha256}\`; attestations ${e.attestationsFile.file}${e.attestationsFile.sha256 ? ` sha256 \`${e.attestationsFile.sha256}\`` : ' (none)'}`,
      `Checked ${e.startedAt} – ${e.finishedAt}`,
    ].join('  \n'),
  );
  return s;
}

/** The evidence Markdown: the summary plus every observed value, for the auditor's file. */
export function evidenceMarkdown(e: Evidence): string {
  const s = renderGate(e, 50 * 1024 * 1024);
  s.heading('Observed values', 3);
  for (const item of e.items)
    s.details(
      `${item.id}: ${item.status} at ${item.checkedAt} (${item.durationMs} ms)`,
      `\`\`\`json\n${JSON.stringify({ observed: item.observed ?? {}, evidence: item.evidence ?? {} }, null, 2)}\n\`\`\``,
    );
  return s.toMarkdown();
}
