/**
 * Starts the heavy files first: bundle tests (*.dist.test.ts) and the integration tests that
 * start the suite's own processes (a bundle, the command line, a rehearsal, the demo, the
 * bench), then the other integration tests (*.itg.test.ts), then unit tests. With several
 * workers, a long file started last would run alone at the end; started first, the short
 * files fill the other workers around it (a CI run once ended with the demo's 35 s file and the
 * bench's 21 s one started in its last minute, two workers idle). Within a rank, vitest's own
 * order stands: larger files first, or slowest first once it has timings from an earlier run.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** What an integration test imports or calls when it starts the suite's processes. */
const STARTS_PROCESSES =
  /sim\/run-action\.js|rehearse\/engine\.js|sim\/runner-node\.js|node:child_process/;

function startsProcesses(file: string): boolean {
  try {
    return STARTS_PROCESSES.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

export const rank = (file: string): number =>
  file.endsWith('.dist.test.ts')
    ? 0
    : file.endsWith('.itg.test.ts')
      ? startsProcesses(file)
        ? 0
        : 1
      : 2;

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const ranks = new Map(sorted.map((f) => [f.moduleId, rank(f.moduleId)]));
    // Array.prototype.sort is stable: vitest's order is kept within each rank.
    return sorted.sort((a, b) => (ranks.get(a.moduleId) ?? 2) - (ranks.get(b.moduleId) ?? 2));
  }
}
