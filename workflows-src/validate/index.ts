/**
 * Every check of a workflow file, by name. `lintWorkflows` runs the chosen ones (all by
 * default) and returns sorted findings; an empty list means the files pass.
 */
import { ACTIONLINT, checkActionlint } from './actionlint.js';
import { checkLocalActionInputs, LOCAL_ACTIONS } from './local-actions.js';
import { compareFindings, parseWorkflowFile, type Finding, type WorkflowFile } from './model.js';
import {
  checkDeployConcurrency,
  checkExpressionsInRun,
  checkJobPermissions,
  checkJobTimeout,
  checkPinnedActions,
  checkProductionEnvironment,
  checkReusableLocalActions,
  CONCURRENCY,
  ENVIRONMENT,
  PERMISSIONS,
  PINNED,
  REUSABLE_LOCAL,
  TIMEOUT,
  UNTRUSTED,
} from './policy.js';
import { checkShellcheck, SHELLCHECK } from './shellcheck.js';
import { checkWorkflowParser, WORKFLOW_PARSER } from './workflow-parser.js';

export { formatFinding, type Finding, type WorkflowFile } from './model.js';

export const CHECKS = [
  ACTIONLINT,
  WORKFLOW_PARSER,
  LOCAL_ACTIONS,
  SHELLCHECK,
  PINNED,
  PERMISSIONS,
  TIMEOUT,
  UNTRUSTED,
  ENVIRONMENT,
  CONCURRENCY,
  REUSABLE_LOCAL,
] as const;
export type CheckName = (typeof CHECKS)[number];

export interface LintOptions {
  /** Only these checks; all by default. */
  checks?: readonly CheckName[];
  /** Repository whose actions/*\/action.yml the local-action check reads. */
  root?: string;
}

export async function lintWorkflows(
  files: readonly WorkflowFile[],
  options: LintOptions = {},
): Promise<Finding[]> {
  const wanted = new Set<string>(options.checks ?? CHECKS);
  const models = files.map(parseWorkflowFile);
  const findings: Finding[] = [];
  const perFile: [string, (m: (typeof models)[number]) => Finding[]][] = [
    [LOCAL_ACTIONS, (m) => checkLocalActionInputs(m, options.root)],
    [PINNED, checkPinnedActions],
    [PERMISSIONS, checkJobPermissions],
    [TIMEOUT, checkJobTimeout],
    [UNTRUSTED, checkExpressionsInRun],
    [ENVIRONMENT, checkProductionEnvironment],
    [CONCURRENCY, checkDeployConcurrency],
    [REUSABLE_LOCAL, checkReusableLocalActions],
  ];
  for (const [name, check] of perFile)
    if (wanted.has(name)) for (const model of models) findings.push(...check(model));
  if (wanted.has(SHELLCHECK)) findings.push(...checkShellcheck(models));
  for (const model of models) {
    if (wanted.has(ACTIONLINT)) findings.push(...(await checkActionlint(model)));
    if (wanted.has(WORKFLOW_PARSER)) findings.push(...(await checkWorkflowParser(model)));
  }
  return findings.sort(compareFindings);
}
