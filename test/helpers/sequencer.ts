/**
 * Starts the heavy files first: bundle tests (*.dist.test.ts), then integration tests
 * (*.itg.test.ts), then unit tests. With several workers, a long file started last would run
 * alone at the end; started first, the short files fill the other workers around it. Within a
 * kind, vitest's own order stands (slowest first once it has timings from an earlier run).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const rank = (file: string): number =>
  file.endsWith('.dist.test.ts') ? 0 : file.endsWith('.itg.test.ts') ? 1 : 2;

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: vitest's order is kept within each kind.
    return sorted.sort((a, b) => rank(a.moduleId) - rank(b.moduleId));
  }
}
