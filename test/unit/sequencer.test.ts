import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rank } from '../helpers/sequencer.js';

const test = (file: string): string => path.join(import.meta.dirname, '..', file);

describe('the test sequencer starts the heavy files first', () => {
  it('ranks bundle tests and the integration tests that start processes first', () => {
    expect(rank(test('dist/deploy.dist.test.ts'))).toBe(0);
    // The demo (35 s) and the bench (21 s) start the suite's processes: once ranked with the
    // light integration files, they started in the run's last minute and ended it alone.
    expect(rank(test('demo.itg.test.ts'))).toBe(0);
    expect(rank(test('bench/bench-quick.itg.test.ts'))).toBe(0);
    expect(rank(test('workflows/rehearse.itg.test.ts'))).toBe(0);
  });

  it('ranks integration tests against the sim next, and unit tests last', () => {
    expect(rank(test('sim/rds.itg.test.ts'))).toBe(1);
    expect(rank(test('unit/sequencer.test.ts'))).toBe(2);
  });
});
