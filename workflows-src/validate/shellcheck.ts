/**
 * Debian's shellcheck on every bash `run:` block. Each block is written to a file with the
 * runner's shell options; `${{ }}` expressions become a plain word first, since the runner
 * substitutes them before bash runs (whether that is safe is checkExpressionsInRun's job).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Finding, WorkflowModel } from './model.js';

export const SHELLCHECK = 'shellcheck';

interface ShellcheckComment {
  file: string;
  line: number;
  level: string;
  code: number;
  message: string;
}

// The runner runs bash steps as `bash --noprofile --norc -eo pipefail {0}`.
const PRELUDE = '#!/usr/bin/env bash\nset -eo pipefail\n';
const PRELUDE_LINES = 2;

export function checkShellcheck(workflows: WorkflowModel[]): Finding[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shellcheck-'));
  const blocks = new Map<
    string,
    { workflow: WorkflowModel; job: string; step: string; line: number }
  >();
  try {
    for (const workflow of workflows) {
      for (const job of workflow.jobs) {
        const jobShell = job.node.getIn(['defaults', 'run', 'shell']);
        job.steps.forEach((step, index) => {
          if (step.run === undefined) return;
          const stepNode = job.node.getIn(['steps', index, 'shell']);
          const shell = String(stepNode ?? jobShell ?? 'bash');
          if (!/^bash\b/.test(shell)) return;
          const file = path.join(dir, `${blocks.size}.sh`);
          writeFileSync(
            file,
            PRELUDE + step.run.replace(/\$\{\{.*?\}\}/g, 'GHA_EXPRESSION') + '\n',
          );
          blocks.set(file, {
            workflow,
            job: job.id,
            step: step.label,
            line: step.runLine ?? step.line,
          });
        });
      }
    }
    if (blocks.size === 0) return [];
    const result = spawnSync('shellcheck', ['--format=json1', '--shell=bash', ...blocks.keys()], {
      encoding: 'utf8',
    });
    if (result.error || (result.status !== 0 && result.status !== 1)) {
      return [
        {
          check: SHELLCHECK,
          file: workflows[0]?.file ?? '?',
          line: 1,
          message: `shellcheck did not run (${result.error?.message ?? result.stderr.trim()}); apt-get install shellcheck`,
        },
      ];
    }
    const { comments } = JSON.parse(result.stdout) as { comments: ShellcheckComment[] };
    return comments.map((c) => {
      const block = blocks.get(c.file);
      return {
        check: SHELLCHECK,
        file: block?.workflow.file ?? c.file,
        line: (block?.line ?? 1) + c.line - 1 - PRELUDE_LINES,
        ...(block ? { job: block.job, step: block.step } : {}),
        message: `SC${c.code} (${c.level}): ${c.message}`,
      };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
