import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  fitColumns,
  renderGantt,
  renderSummary,
  stripAnsi,
  wrap,
} from '../../scripts/terminal-summary.js';

const plain = { color: false, width: 60 };

describe('terminal summary', () => {
  it.each([
    ['ok', 2],
    ['✅ ok', 5],
    ['❌', 2],
    ['✓ ✗', 3],
    ['⚠️', 2],
    ['🔴 red', 6],
    ['\x1b[1mbold\x1b[22m', 4],
  ])('measures %j as %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('wraps at spaces, breaks words longer than a line, and reopens styles on each line', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const styled = wrap('\x1b[36mone two\x1b[39m three', 4);
    expect(styled.map(stripAnsi)).toEqual(['one', 'two', 'thre', 'e']);
    expect(styled[0]).toBe('\x1b[36mone\x1b[0m');
    expect(styled[1]).toBe('\x1b[36mtwo\x1b[39m');
  });

  it('keeps columns natural when they fit, else keeps whole words and caps the widest', () => {
    expect(fitColumns([10, 20], 40)).toEqual([10, 20]);
    expect(fitColumns([10, 8, 60], 50, [10, 4, 12])).toEqual([10, 8, 32]);
    expect(fitColumns([46, 7, 100], 80, [35, 4, 21])).toEqual([36, 7, 36]);
  });

  it('renders headings, aligned tables, key–value tables, lists and details without pipes', () => {
    const md = [
      '## ✅ Deploy to production: deployed',
      '',
      '|  |  |',
      '| --- | --- |',
      '| Image before | `v1.4.2` |',
      '| Snapshot | drop-db-pre-deploy |',
      '',
      '### Steps',
      '',
      '| Step | Result | Duration |',
      '| --- | --- | ---: |',
      '| Preflight | ✅ ok | 51ms |',
      '| Update service | ❌ failed | 2.1s |',
      '',
      '<details><summary>Every reason api-health failed</summary>',
      '',
      '- status 503, expected 200 (×5)',
      '',
      '</details>',
    ].join('\n');
    expect(renderSummary(md, plain)).toEqual([
      '✅ Deploy to production: deployed',
      '═════════════════════════════════',
      '',
      'Image before  v1.4.2',
      'Snapshot      drop-db-pre-deploy',
      '',
      'Steps',
      '',
      'Step            Result     Duration',
      '──────────────  ─────────  ────────',
      'Preflight       ✅ ok          51ms',
      'Update service  ❌ failed      2.1s',
      '',
      '▸ Every reason api-health failed',
      '',
      '    • status 503, expected 200 (×5)',
    ]);
  });

  it('draws a Mermaid gantt in milliseconds as bars on one axis, and notes other diagrams', () => {
    const gantt = [
      'gantt',
      '  title Deploy v1.5.0',
      '  dateFormat x',
      '  axisFormat %M:%S',
      '  Preflight :s0, 0, 100',
      '  Update service :crit, s1, 100, 1000',
    ];
    expect(renderGantt(gantt, { color: false, width: 40 })).toEqual([
      'Deploy v1.5.0: 0 to 1.0s, one column ≈ 71ms',
      'Preflight      │█             │ 100ms',
      'Update service │ █████████████│ 900ms ✗',
    ]);
    expect(renderGantt(['flowchart LR', '  a --> b'], plain)).toEqual([
      '(a Mermaid diagram; GitHub draws it)',
    ]);
  });
});
