import { describe, expect, it } from 'vitest';
import { mermaidTimeline, Summary } from '../../../core/action/summary.js';

describe('summary builder', () => {
  it('renders tables with escaped cells, details and Mermaid', () => {
    const md = new Summary()
      .heading('Deploy')
      .table(['Step', 'Result'], [['snapshot | db', 'ok\nwaited']])
      .details('More', 'body')
      .mermaid('gantt')
      .toMarkdown();
    expect(md).toContain('## Deploy');
    expect(md).toContain('| snapshot \\| db | ok<br>waited |');
    expect(md).toContain('<details><summary>More</summary>');
    expect(md).toContain('```mermaid\ngantt\n```');
  });

  it('stays under the 1 MiB step-summary limit and says what it dropped', () => {
    const summary = new Summary();
    const rows = Array.from({ length: 40_000 }, (_, i) => [`check-${i}`, 'x'.repeat(40)]);
    summary.heading('Many').table(['Check', 'Reason'], rows).paragraph('y'.repeat(4096));
    const md = summary.toMarkdown();
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(1024 * 1024);
    expect(md).toMatch(/_\d+ more rows not shown \(summary size limit\)\._/);
    expect(md).toContain('more sections not shown: GitHub limits a step summary to 1 MiB');
  });

  it('draws a gantt timeline with failed steps marked critical', () => {
    const chart = mermaidTimeline('deploy', [
      { name: 'Preflight', startMs: 1000, endMs: 1500, status: 'ok' },
      { name: 'Update: service', startMs: 1500, endMs: 9000, status: 'failed' },
    ]);
    expect(chart).toContain('Preflight :s0, 0, 500');
    expect(chart).toContain('Update  service :crit, s1, 500, 8000');
  });
});
