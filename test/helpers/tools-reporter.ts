/**
 * Ends the run with one line saying which tests were skipped and why, e.g.
 * `12 tests skipped: buildah, docker-registry not installed (sudo apt-get install buildah docker-registry)`,
 * or that tests could not run because PostgreSQL could not start (with the cause and the fix).
 * A newcomer's green run must not hide that the build and rehearsal tests never ran. Before it:
 * the run's wall time and its five slowest files.
 */
import { JsonReporter, type TestCase, type TestModule, type TestSuite } from 'vitest/node';

import { POSTGRES_START_FAILED } from '../../sim/postgres.js';
import { installCommand, TOOLS, type Tool } from './tools.js';

function toolsOf(test: TestCase): Tool[] {
  const found = new Set<Tool>(test.meta().missingTools ?? []);
  let parent: TestCase['parent'] | undefined = test.parent;
  while (parent && parent.type === 'suite') {
    for (const t of parent.meta().missingTools ?? []) found.add(t);
    parent = parent.parent;
  }
  return [...found];
}

const postgresMessage = (errors: readonly { message?: string }[] | undefined): string | undefined =>
  errors?.find((e) => e.message?.includes(POSTGRES_START_FAILED))?.message;

/**
 * The tests that did not pass because PostgreSQL could not start (in the test, or in a hook of
 * a suite around it, which leaves the test skipped), and the first such error's message.
 */
export function postgresFailures(
  modules: readonly TestModule[],
): { tests: Set<TestCase>; message: string } | undefined {
  const tests = new Set<TestCase>();
  let message: string | undefined;
  const visit = (node: TestModule | TestSuite, inherited: string | undefined): void => {
    const here = postgresMessage(node.errors()) ?? inherited;
    for (const child of node.children) {
      if (child.type === 'suite') {
        visit(child, here);
        continue;
      }
      const result = child.result();
      if (result.state === 'passed') continue;
      const own = postgresMessage(result.state === 'failed' ? result.errors : undefined) ?? here;
      if (own === undefined) continue;
      tests.add(child);
      message ??= own;
    }
  };
  for (const module of modules) visit(module, undefined);
  return message === undefined ? undefined : { tests, message };
}

export function skipLine(modules: readonly TestModule[]): string | undefined {
  let forTools = 0;
  let other = 0;
  const tools = new Set<Tool>();
  const postgres = postgresFailures(modules);
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      if (test.result().state !== 'skipped' || postgres?.tests.has(test)) continue;
      const needed = toolsOf(test);
      if (needed.length === 0) other++;
      else {
        forTools++;
        for (const t of needed) tools.add(t);
      }
    }
  }
  const parts: string[] = [];
  if (forTools > 0) {
    const list = TOOLS.filter((t) => tools.has(t));
    parts.push(
      `${forTools} test${forTools === 1 ? '' : 's'} skipped: ${list.join(', ')} not installed (${installCommand(list)})`,
    );
  }
  if (postgres) {
    const n = postgres.tests.size;
    parts.push(`${n} test${n === 1 ? '' : 's'} could not run: ${postgres.message}`);
  }
  if (other > 0) parts.push(`${other} other test${other === 1 ? '' : 's'} skipped`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/** Real time a file took: importing it, its hooks and its tests. */
function fileMs(module: TestModule): number {
  const d = module.diagnostic();
  return (
    d.environmentSetupDuration +
    d.prepareDuration +
    d.collectDuration +
    d.setupDuration +
    d.duration
  );
}

/** `Wall time 6.2 min; slowest files: a.test.ts 80.1 s, …` (the five slowest). */
export function timeLine(modules: readonly TestModule[], wallMs: number): string {
  const slowest = [...modules]
    .map((m) => ({ file: m.relativeModuleId, ms: fileMs(m) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((f) => `${f.file} ${(f.ms / 1000).toFixed(1)} s`);
  const wall =
    wallMs >= 60_000 ? `${(wallMs / 60_000).toFixed(1)} min` : `${(wallMs / 1000).toFixed(1)} s`;
  return `Wall time ${wall}; slowest files: ${slowest.join(', ')}`;
}

/**
 * The JSON reporter (.ci/run reads its counts) followed by the skip line: reporters run their
 * end-of-run hooks concurrently, so the line is printed after the JSON report's own message
 * only by being the same reporter.
 */
export default class ToolsReporter extends JsonReporter {
  private readonly started = performance.now();

  constructor() {
    super({});
  }

  override async onTestRunEnd(modules: readonly TestModule[]): Promise<void> {
    await super.onTestRunEnd(modules);
    process.stdout.write(`\n${timeLine(modules, performance.now() - this.started)}\n`);
    const line = skipLine(modules);
    if (line) process.stdout.write(`\n${line}\n`);
  }
}
