/**
 * The report drawn for people: Markdown with Mermaid `xychart-beta` charts (GitHub renders
 * them in job summaries, issues and files) and the same tables for a terminal.
 */
import { Summary } from '../action/summary.js';
import type { DeliveryFigures } from './delivery.js';
import type { OpsReport } from './ops-report.js';

const show = (n: number | undefined, unit = ''): string => (n === undefined ? '–' : `${n}${unit}`);

/** A Mermaid xychart; values that are missing are drawn as 0 (a chart has no holes). */
export function xyChart(options: {
  title: string;
  labels: readonly string[];
  yTitle: string;
  range?: [number, number];
  bars?: readonly (number | undefined)[];
  lines?: readonly (readonly (number | undefined)[])[];
}): string {
  const quote = (s: string): string => `"${s.replace(/"/g, "'")}"`;
  const values = (v: readonly (number | undefined)[]): string =>
    `[${v.map((x) => (x === undefined ? 0 : x)).join(', ')}]`;
  const out = [
    'xychart-beta',
    `  title ${quote(options.title)}`,
    `  x-axis [${options.labels.map(quote).join(', ')}]`,
    `  y-axis ${quote(options.yTitle)}${options.range ? ` ${options.range[0]} --> ${options.range[1]}` : ''}`,
  ];
  if (options.bars) out.push(`  bar ${values(options.bars)}`);
  for (const line of options.lines ?? []) out.push(`  line ${values(line)}`);
  return out.join('\n');
}

/** The three charts: uptime per day, p99 per day against its threshold, deploys per week. */
export function reportCharts(report: OpsReport): { title: string; chart: string }[] {
  const days = report.traffic.days.map((d) => d.day.slice(8));
  const worstUptime = days.map((_, i) =>
    Math.min(100, ...report.availability.monitors.map((m) => m.daily[i] ?? 100)),
  );
  const low = Math.floor(Math.min(report.thresholds.slaTarget, ...worstUptime));
  const p99 = report.traffic.days.map((d) => d.p99Ms);
  return [
    {
      title: 'Uptime per day (lowest of the monitors, %)',
      chart: xyChart({
        title: `Uptime per day, ${report.period.label}`,
        labels: days,
        yTitle: 'uptime %',
        range: [Math.max(0, low), 100],
        lines: [worstUptime],
      }),
    },
    {
      title: `p99 latency per day (ms; the flat line is the ${report.thresholds.maxP99Ms} ms threshold)`,
      chart: xyChart({
        title: `p99 per day, ${report.period.label}`,
        labels: days,
        yTitle: 'ms',
        bars: p99,
        lines: [days.map(() => report.thresholds.maxP99Ms)],
      }),
    },
    {
      title: 'Deploys per week (bars; the line is the period before)',
      chart: xyChart({
        title: 'Deploys per week',
        labels: report.delivery.current.perWeek.map((w) => w.week.slice(5)),
        yTitle: 'deploys',
        bars: report.delivery.current.perWeek.map((w) => w.deploys),
        lines: [
          report.delivery.current.perWeek.map(
            (_, i) => report.delivery.previous.perWeek[i]?.deploys ?? 0,
          ),
        ],
      }),
    },
  ];
}

/** Minutes as a person reads them: 95 min, 26.5 h, 3.2 days. */
export function minutesText(minutes: number | undefined): string {
  if (minutes === undefined) return '–';
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 6) / 10} h`;
  return `${Math.round(minutes / 144) / 10} days`;
}

function leadTimeCell(figures: DeliveryFigures): string {
  const lead = figures.leadTime;
  if (!lead) return 'not read';
  if (lead.items.length === 0) return '–';
  return `${minutesText(lead.medianMinutes)} (${lead.items.length} deploys)`;
}

function deliveryRows(current: DeliveryFigures, previous: DeliveryFigures): string[][] {
  return [
    ['Deploys', String(current.deploys), String(previous.deploys)],
    [
      'Deployment frequency',
      `${current.deploysPerWeek} a week`,
      `${previous.deploysPerWeek} a week`,
    ],
    ['Median lead time, commit to production', leadTimeCell(current), leadTimeCell(previous)],
    [
      'Change failure rate',
      show(current.changeFailurePercent, ' %'),
      show(previous.changeFailurePercent, ' %'),
    ],
    ['Failed changes', String(current.failures.length), String(previous.failures.length)],
    ['Rollbacks', String(current.rollbacks), String(previous.rollbacks)],
    [
      'Median time to restore',
      show(current.medianRestoreMinutes, ' min'),
      show(previous.medianRestoreMinutes, ' min'),
    ],
  ];
}

/** The whole report as a Summary (job summary, Markdown file, GitHub issue body). */
export function reportSummary(report: OpsReport, summary = new Summary()): Summary {
  const verdict = report.findings.some((f) => f.level === 'fail')
    ? '❌'
    : report.findings.length
      ? '⚠️'
      : '✅';
  summary.heading(`${verdict} Ops report of ${report.environment}: ${report.period.label}`, 2);
  if (report.findings.length) summary.list(report.findings.map((f) => f.text));
  else summary.paragraph('Every monitor met its target; no day above a threshold.');

  summary.heading(`Availability (target ${report.thresholds.slaTarget} %)`, 3);
  summary.table(
    ['Monitor', 'Availability', 'Downtime', 'Incidents', 'Longest', 'Target met'],
    report.availability.monitors.map((m) => [
      `${m.name} (${m.id})`,
      `${m.availability} %`,
      `${m.downtimeMinutes} min`,
      m.incidents,
      `${m.longestIncidentMinutes} min`,
      m.met ? '✅' : '❌',
    ]),
  );
  if (report.availability.incidents.length)
    summary.table(
      ['Incident', 'Monitor', 'Cause', 'Started', 'Resolved', 'Minutes'],
      report.availability.incidents.map((i) => [
        i.name,
        i.monitorId ?? '–',
        i.cause,
        i.startedAt,
        i.resolvedAt ?? 'open',
        i.minutes,
      ]),
    );
  const [uptime, p99, deploys] = reportCharts(report);
  summary.paragraph(`_${uptime!.title}_`).mermaid(uptime!.chart);

  summary.heading(
    `Error rate and p99 per day (limits ${report.thresholds.maxErrorPercent} %, ${report.thresholds.maxP99Ms} ms; ${report.traffic.metrics})`,
    3,
  );
  summary.paragraph(`_${p99!.title}_`).mermaid(p99!.chart);
  const t = report.traffic;
  summary.paragraph(
    `p99 above the limit: ${t.p99Breaches.length ? t.p99Breaches.join(', ') : 'no day'}. 5xx above the limit: ${t.errorBreaches.length ? t.errorBreaches.join(', ') : 'no day'}.${t.daysWithoutData.length ? ` No requests: ${t.daysWithoutData.join(', ')}.` : ''}`,
  );
  summary.details(
    'Every day',
    [
      '| Day | Requests | 5xx | 5xx % | p99 ms |',
      '| --- | --- | --- | --- | --- |',
      ...t.days.map(
        (d) =>
          `| ${d.day} | ${d.requests} | ${d.errors} | ${show(d.errorPercent)} | ${show(d.p99Ms)} |`,
      ),
    ].join('\n'),
  );

  const { current, previous } = report.delivery;
  summary.heading('Delivery', 3);
  summary.table(
    ['Figure', `${current.period.from} – ${current.period.to}`, 'Period before'],
    deliveryRows(current, previous),
  );
  if (current.failures.length)
    summary.table(
      ['Failed change', 'Deployed', 'How', 'Restored', 'Minutes'],
      current.failures.map((f) => [
        f.tag,
        f.at,
        f.how,
        f.restoredAt ?? 'not restored',
        show(f.restoreMinutes),
      ]),
    );
  summary.paragraph(`_${deploys!.title}_`).mermaid(deploys!.chart);
  const lead = current.leadTime;
  summary.paragraph(
    `Deploys, failures and time to restore from the audit log; lead time and gate runs: ${report.delivery.github.source}.`,
  );
  if (lead?.items.length)
    summary.details(
      `Lead time of each deploy (median ${minutesText(lead.medianMinutes)})`,
      [
        '| Commit | Tag | Committed | Live | Lead time |',
        '| --- | --- | --- | --- | --- |',
        ...lead.items.map(
          (i) =>
            `| ${i.sha.slice(0, 7)} | ${i.tag ?? '–'} | ${i.committedAt} | ${i.deployedAt} | ${minutesText(i.minutes)} |`,
        ),
      ].join('\n'),
    );

  summary.heading('Gate runs', 3);
  const gates = report.gateRuns;
  if (!gates) summary.paragraph(`Not read: ${report.gateRunsUnread ?? 'unknown'}.`);
  else if (gates.runs.length === 0)
    summary.paragraph('No gate ran on a deployed commit in the period.');
  else {
    summary.table(
      ['Gate', 'Runs', 'Passed', 'Failed'],
      gates.byGate.map((g) => [g.gate, g.runs, g.passed, g.failed]),
    );
    summary.details(
      'Every gate run',
      [
        '| Gate | Commit | Ended | Conclusion |',
        '| --- | --- | --- | --- |',
        ...gates.runs.map(
          (r) =>
            `| ${r.gate} | ${r.sha.slice(0, 7)} | ${r.at} | ${r.url ? `[${r.conclusion}](${r.url})` : r.conclusion} |`,
        ),
      ].join('\n'),
    );
  }

  summary.heading('Rotation schedule', 3);
  summary.table(
    ['Secret', 'Kind', 'Every', 'Last rotated', 'Next due', 'Status'],
    report.rotations.schedule.map((r) => [
      r.name,
      r.kind,
      r.everyDays === undefined ? '–' : `${r.everyDays} days`,
      r.lastRotated ? `${r.lastRotated.slice(0, 10)} (${r.source})` : 'never',
      r.nextDue?.slice(0, 10) ?? '–',
      r.status,
    ]),
  );
  summary.paragraph(
    `Rotated in the period: ${report.rotations.done.length ? report.rotations.done.map((r) => `${r.name} (${r.at.slice(0, 10)})`).join(', ') : 'none'}.`,
  );
  summary.heading('Restore drills', 3);
  if (report.drills.length)
    summary.table(
      ['When', 'Result', 'Restore time'],
      report.drills.map((d) => [d.at, d.result, show(d.restoreMinutes, ' min')]),
    );
  else summary.paragraph('No restore drill in the period.');
  return summary;
}

/** Fixed-width tables for a terminal. */
export function reportText(report: OpsReport): string {
  const table = (header: string[], rows: string[][]): string => {
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
    );
    const line = (cells: string[]): string =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
  };
  const out: string[] = [`Ops report of ${report.environment}: ${report.period.label}`, ''];
  for (const f of report.findings) out.push(`${f.level === 'fail' ? '✗' : '!'} ${f.text}`);
  if (report.findings.length === 0)
    out.push('✓ every monitor met its target; no day above a threshold');
  out.push('', `Availability (target ${report.thresholds.slaTarget} %)`);
  out.push(
    table(
      ['monitor', 'availability', 'downtime', 'incidents', 'met'],
      report.availability.monitors.map((m) => [
        `${m.name} (${m.id})`,
        `${m.availability} %`,
        `${m.downtimeMinutes} min`,
        String(m.incidents),
        m.met ? 'yes' : 'NO',
      ]),
    ),
  );
  out.push('', `Per day (${report.traffic.metrics})`);
  out.push(
    table(
      ['day', 'requests', '5xx %', 'p99 ms'],
      report.traffic.days.map((d) => [
        d.day,
        String(d.requests),
        show(d.errorPercent),
        `${show(d.p99Ms)}${report.traffic.p99Breaches.includes(d.day) ? ' !' : ''}`,
      ]),
    ),
  );
  out.push('', 'Delivery');
  out.push(
    table(
      ['figure', 'period', 'period before'],
      deliveryRows(report.delivery.current, report.delivery.previous),
    ),
  );
  out.push(`(lead time and gate runs: ${report.delivery.github.source})`);
  out.push('', 'Gate runs');
  out.push(
    !report.gateRuns
      ? `not read: ${report.gateRunsUnread ?? 'unknown'}`
      : report.gateRuns.runs.length === 0
        ? 'none in the period'
        : table(
            ['gate', 'runs', 'passed', 'failed'],
            report.gateRuns.byGate.map((g) => [
              g.gate,
              String(g.runs),
              String(g.passed),
              String(g.failed),
            ]),
          ),
  );
  out.push('', 'Rotation schedule');
  out.push(
    table(
      ['secret', 'kind', 'last rotated', 'next due', 'status'],
      report.rotations.schedule.map((r) => [
        r.name,
        r.kind,
        r.lastRotated?.slice(0, 10) ?? 'never',
        r.nextDue?.slice(0, 10) ?? '–',
        r.status,
      ]),
    ),
  );
  out.push('', 'Restore drills');
  out.push(
    report.drills.length
      ? table(
          ['when', 'result', 'restore'],
          report.drills.map((d) => [d.at, d.result, show(d.restoreMinutes, ' min')]),
        )
      : 'none in the period',
  );
  return out.join('\n');
}
