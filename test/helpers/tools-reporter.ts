/**
 * Ends the run with one line saying which tests were skipped and why, e.g.
 * `12 tests skipped: buildah, docker-registry not installed (sudo apt-get install buildah docker-registry)`.
 * A newcomer's green run must not hide that the build and rehearsal tests never ran.
 */
import { JsonReporter, type TestCase, type TestModule } from 'vitest/node';

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

export function skipLine(modules: readonly TestModule[]): string | undefined {
  let forTools = 0;
  let other = 0;
  const tools = new Set<Tool>();
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      if (test.result().state !== 'skipped') continue;
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
  if (other > 0) parts.push(`${other} other test${other === 1 ? '' : 's'} skipped`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * The JSON reporter (.ci/run reads its counts) followed by the skip line: reporters run their
 * end-of-run hooks concurrently, so the line is printed after the JSON report's own message
 * only by being the same reporter.
 */
export default class ToolsReporter extends JsonReporter {
  constructor() {
    super({});
  }

  override async onTestRunEnd(modules: readonly TestModule[]): Promise<void> {
    await super.onTestRunEnd(modules);
    const line = skipLine(modules);
    if (line) process.stdout.write(`\n${line}\n`);
  }
}
