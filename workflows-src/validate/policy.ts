/**
 * Our own rules for workflows that can change production. Each returns findings with the
 * file, line, job and step, so a broken fixture proves the rule fires where it should.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Finding, JobModel, StepModel, WorkflowModel } from './model.js';

export const PINNED = 'pinned-actions';
export const PERMISSIONS = 'job-permissions';
export const TIMEOUT = 'job-timeout';
export const UNTRUSTED = 'expressions-in-run';
export const ENVIRONMENT = 'production-environment';
export const CONCURRENCY = 'deploy-concurrency';
export const REUSABLE_LOCAL = 'reusable-local-actions';

/**
 * Our actions that change what runs in an environment (deploy, rollback, and the secret
 * rotation that ends in a deployment), whether used as `./actions/<name>`, from the suite's
 * checkout in a reusable workflow, or as `<owner>/<repo>/actions/<name>@<ref>`.
 */
const CHANGES_ENVIRONMENT =
  /^(?:\.\/(?:\.apprunner-ops\/)?|[\w.-]+\/[\w.-]+\/)actions\/(deploy|rollback|rotate-secret)\/?(?:@.*)?$/;
/** `run:` commands that write to the repository: they need `contents: write`. */
const WRITES_CONTENTS = /\b(git push|gh release (create|upload|edit))\b/;
const AWS_CREDENTIALS = /^aws-actions\/configure-aws-credentials@/;

/** A step running one of the suite's actions: `./actions/x`, `./.apprunner-ops/actions/x` or `owner/repo/actions/x@ref`. */
const usesSuiteAction = (step: StepModel, name: string): boolean =>
  new RegExp(`^(?:\\./(?:\\.apprunner-ops/)?|[\\w.-]+/[\\w.-]+/)actions/${name}/?(?:@.*)?$`).test(
    step.uses ?? '',
  );

/** deploy's `mode: snapshot` only starts an RDS snapshot: the service does not change. */
const snapshotOnly = (step: StepModel): boolean =>
  usesSuiteAction(step, 'deploy') && step.with['mode']?.value === 'snapshot';

/** deploy's `mode: runners` only reads the configuration: which runner each database needs. */
const runnersOnly = (step: StepModel): boolean =>
  usesSuiteAction(step, 'deploy') && step.with['mode']?.value === 'runners';

const changesEnvironment = (job: JobModel): boolean =>
  job.steps.some(
    (s) => CHANGES_ENVIRONMENT.test(s.uses ?? '') && !snapshotOnly(s) && !runnersOnly(s),
  );

const base = (check: string, workflow: WorkflowModel, job: JobModel, step?: StepModel) => ({
  check,
  file: workflow.file,
  job: job.id,
  ...(step ? { step: step.label } : {}),
});

/** Every non-local action by a full 40-hex commit SHA, with the version in a comment. */
export function checkPinnedActions(workflow: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      const uses = step.uses;
      if (uses === undefined || uses.startsWith('./')) continue;
      const at = { ...base(PINNED, workflow, job, step), line: step.usesLine ?? step.line };
      if (uses.startsWith('docker://')) {
        if (!/@sha256:[0-9a-f]{64}$/.test(uses))
          findings.push({ ...at, message: `${uses} is not pinned to an image digest` });
        continue;
      }
      const ref = uses.split('@')[1];
      if (ref === undefined || !/^[0-9a-f]{40}$/.test(ref)) {
        findings.push({
          ...at,
          message: `${uses} is not pinned to a full commit SHA (a tag or branch can be moved)`,
        });
      } else if (!/^v?\d+(\.\d+)*\b/.test(step.usesComment ?? '')) {
        findings.push({
          ...at,
          message: `${uses} has no version comment (write "# vX.Y.Z" after the SHA)`,
        });
      }
    }
  }
  return findings;
}

/**
 * An explicit `permissions:` mapping on every job (the repository default may be write-all;
 * a job calling a reusable workflow may rely on the workflow's mapping instead),
 * with `write` only where a step needs it: id-token for OIDC, deployments for our
 * deploy/rollback actions (they record GitHub deployments), issues for ops-check.
 */
export function checkJobPermissions(workflow: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  for (const job of workflow.jobs) {
    const at = base(PERMISSIONS, workflow, job);
    const node = job.node.get('permissions', true) as Node | undefined;
    // A job that calls a reusable workflow runs no steps: the workflow's own `permissions:`
    // caps what the called jobs may ask for, and those jobs declare theirs (checked there).
    if (
      node === undefined &&
      job.uses !== undefined &&
      isMap(workflow.doc.get('permissions', true))
    )
      continue;
    if (node === undefined) {
      findings.push({
        ...at,
        line: job.line,
        message: 'no permissions: (the token would get the repository default)',
      });
      continue;
    }
    if (!isMap(node)) {
      findings.push({
        ...at,
        line: workflow.lineOf(node),
        message: `permissions: ${isScalar(node) ? String(node.value) : '?'} is not minimal; list each scope`,
      });
      continue;
    }
    const needs: Record<string, string> = {};
    if (job.steps.some((s) => AWS_CREDENTIALS.test(s.uses ?? '')))
      needs['id-token'] = 'aws-actions/configure-aws-credentials (OIDC)';
    // A reusable workflow's job finds the suite's own commit in its OIDC token (shared.ts).
    else if (job.steps.some((s) => s.run?.includes('ACTIONS_ID_TOKEN_REQUEST_URL')))
      needs['id-token'] = "the OIDC token naming the suite's commit";
    // rotate-secret changes the environment too but records a commit status, not a deployment.
    if (
      job.steps.some(
        (s) =>
          (usesSuiteAction(s, 'deploy') && !snapshotOnly(s) && !runnersOnly(s)) ||
          usesSuiteAction(s, 'rollback'),
      )
    )
      needs['deployments'] = 'the deploy/rollback action';
    // ops-check opens, comments on and closes its issue when it has a token and may.
    if (
      job.steps.some(
        (s) =>
          usesSuiteAction(s, 'ops-check') &&
          s.with['github-token'] !== undefined &&
          s.with['open-issue']?.value !== 'false' &&
          // The clean-up job (cleanup: only) opens no issue.
          s.with['cleanup']?.value !== 'only',
      )
    )
      needs['issues'] = 'the ops-check action (its GitHub issue)';
    if (job.steps.some((s) => usesSuiteAction(s, 'compliance-gate')))
      needs['checks'] = 'the compliance-gate action (its check run on the commit)';
    if (job.steps.some((s) => usesSuiteAction(s, 'rotate-secret')))
      needs['statuses'] = 'the rotate-secret action (its commit status)';
    if (
      job.steps.some(
        (s) =>
          WRITES_CONTENTS.test(s.run ?? '') ||
          // scripts/release.ts publish creates the tags and the release through GitHub's API.
          (/\bscripts\/release\.ts\b/.test(s.run ?? '') && /\bpublish\b/.test(s.run ?? '')),
      )
    )
      needs['contents'] = 'a run: step that pushes tags or publishes a release';
    for (const pair of node.items) {
      const scope = isScalar(pair.key) ? String(pair.key.value) : '';
      const level = isScalar(pair.value) ? String(pair.value.value) : '';
      if (level === 'write' && !(scope in needs))
        findings.push({
          ...at,
          line: workflow.lineOf(pair.key as Node),
          message: `${scope}: write is not needed by any step of this job`,
        });
    }
    for (const [scope, why] of Object.entries(needs)) {
      if (node.get(scope) !== 'write')
        findings.push({
          ...at,
          line: workflow.lineOf(node),
          message: `${scope}: write is missing; ${why} needs it`,
        });
    }
  }
  return findings;
}

/** A `timeout-minutes` on every job: the default is six hours of a stuck deploy. */
export function checkJobTimeout(workflow: WorkflowModel): Finding[] {
  return workflow.jobs
    .filter((job) => job.uses === undefined && !job.node.has('timeout-minutes'))
    .map((job) => ({
      ...base(TIMEOUT, workflow, job),
      line: job.line,
      message: 'no timeout-minutes (the default is 360)',
    }));
}

/**
 * No `${{ github.event.* }}`, `${{ inputs.* }}` or `${{ secrets.* }}` inside `run:`: the
 * runner pastes the value into the script before bash reads it, so a crafted input becomes
 * code and a secret lands in the script file. Pass them through `env:` instead.
 */
export function checkExpressionsInRun(workflow: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  const untrusted = /\b(github\.event\.[\w.*-]+|inputs\.[\w-]+|secrets\.[\w-]+|github\.event\b)/;
  for (const job of workflow.jobs) {
    for (const step of job.steps) {
      if (step.run === undefined) continue;
      step.run.split('\n').forEach((line, i) => {
        for (const match of line.matchAll(/\$\{\{(.*?)\}\}/g)) {
          const found = untrusted.exec(match[1] ?? '');
          if (found)
            findings.push({
              ...base(UNTRUSTED, workflow, job, step),
              line: (step.runLine ?? step.line) + i,
              message: `run: expands \${{ ${(match[1] ?? '').trim()} }}; pass ${found[1]} through env: and quote "$VAR"`,
            });
        }
      });
    }
  }
  return findings;
}

/**
 * A job that runs our deploy or rollback action declares `environment:`: required reviewers
 * gate it, the OIDC subject names it, and a called workflow gets the environment's secrets.
 */
export function checkProductionEnvironment(workflow: WorkflowModel): Finding[] {
  return workflow.jobs
    .filter((job) => changesEnvironment(job) && !job.node.has('environment'))
    .map((job) => ({
      ...base(ENVIRONMENT, workflow, job),
      line: job.line,
      message:
        'runs deploy/rollback without environment: (no reviewers, no environment OIDC subject or secrets)',
    }));
}

/**
 * Deploy, rollback and rotation jobs queue in a per-environment group, never cancel a running
 * one, and never drop a pending one: `queue: max`, because by default GitHub keeps one pending
 * run per group and cancels it for a newer one (a merge would drop a waiting rollback).
 */
export function checkDeployConcurrency(workflow: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  for (const job of workflow.jobs.filter(changesEnvironment)) {
    const at = base(CONCURRENCY, workflow, job);
    const node = job.node.get('concurrency', true) as Node | undefined;
    if (!isMap(node)) {
      findings.push({
        ...at,
        line: job.line,
        message: 'no concurrency: { group, cancel-in-progress: false }',
      });
      continue;
    }
    if (node.get('cancel-in-progress') !== false)
      findings.push({
        ...at,
        line: workflow.lineOf(node),
        message:
          'cancel-in-progress must be false: cancelling a deploy leaves App Runner mid-operation',
      });
    if (node.get('queue') !== 'max')
      findings.push({
        ...at,
        line: workflow.lineOf(node),
        message:
          'queue: max is missing: by default a newer run cancels the pending one, so a waiting rollback could be dropped',
      });
  }
  return findings;
}

const isWorkflowCall = (workflow: WorkflowModel): boolean => {
  const on = workflow.doc.get('on', true) as Node | undefined;
  if (isMap(on)) return on.has('workflow_call');
  if (isScalar(on)) return on.value === 'workflow_call';
  return isSeq(on) && on.items.some((i) => isScalar(i) && i.value === 'workflow_call');
};

/**
 * In a reusable workflow, `uses: ./<path>` resolves against the workspace, which holds the
 * CALLER's checkout: `./actions/deploy` exists only in this repository, so a caller's run
 * fails ("Can't find 'action.yml'"). A local path is allowed only under the `path:` of an
 * earlier actions/checkout step of the same job that checks out another repository (the
 * suite, at the called workflow's commit: suiteSteps in workflows-src/shared.ts).
 */
export function checkReusableLocalActions(workflow: WorkflowModel): Finding[] {
  if (!isWorkflowCall(workflow)) return [];
  const findings: Finding[] = [];
  for (const job of workflow.jobs) {
    const checkedOut: string[] = [];
    for (const step of job.steps) {
      const uses = step.uses ?? '';
      if (/^actions\/checkout@/.test(uses)) {
        const repository = step.with['repository']?.value ?? '';
        const dir = (step.with['path']?.value ?? '').replace(/^\.\//, '').replace(/\/$/, '');
        if (dir && repository && !/^\$\{\{\s*github\.repository\s*\}\}$/.test(repository))
          checkedOut.push(dir);
        continue;
      }
      if (!uses.startsWith('./')) continue;
      const target = uses.slice(2);
      if (checkedOut.some((dir) => target === dir || target.startsWith(`${dir}/`))) continue;
      findings.push({
        ...base(REUSABLE_LOCAL, workflow, job, step),
        line: step.usesLine ?? step.line,
        message: `${uses} in a reusable workflow resolves against the caller's checkout, which has no ${target.split('/')[0]}/; check the suite out first (suiteSteps) and use ./.apprunner-ops/actions/<name>`,
      });
    }
  }
  return findings;
}
