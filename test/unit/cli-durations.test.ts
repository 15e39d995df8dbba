import { describe, expect, it } from 'vitest';
import { terminalLogger } from '../../cli/terminal-logger.js';

// The command line's own lines read durations with their units apart: "5 h 0 m 29 s", never
// "5h29s" (issue 30, words a terminal user understands).
describe('durations in the command line', () => {
  it('a finished wait says how long it took in words', () => {
    let out = '';
    const now = 1_000_000_000;
    const logger = terminalLogger(
      { write: (t: string) => ((out += t), true) },
      { color: false, now: () => now },
    );
    logger.progress?.({
      what: 'the operation to finish',
      startedAt: now - (5 * 3_600_000 + 29_000),
      deadline: now + 60_000,
      done: true,
    });
    logger.stop();
    expect(out).toBe('  done: the operation to finish after 5 h 0 m 29 s\n');
  });
});
