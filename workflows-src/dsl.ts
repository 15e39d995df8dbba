/**
 * Types for workflow sources. Only what our workflows use is modelled, and modelled strictly:
 * `permissions` and `timeout-minutes` are required on every job, and the `with:` of our own
 * actions is typed from their action.yml (action-inputs.generated.ts).
 */
import type {
  ActionInputs,
  ActionName,
  ActionOutputs,
  InputValue,
} from './action-inputs.generated.js';
import { pinnedRef, type Pin } from './pins.js';

export type { ActionInputs, ActionName, ActionOutputs, InputValue };

export type PermissionScope =
  | 'actions'
  | 'attestations'
  | 'checks'
  | 'contents'
  | 'deployments'
  | 'id-token'
  | 'issues'
  | 'packages'
  | 'pages'
  | 'pull-requests'
  | 'security-events'
  | 'statuses';
export type Permissions = Partial<Record<PermissionScope, 'read' | 'write' | 'none'>>;

export interface Step {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  with?: Record<string, InputValue>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
  'timeout-minutes'?: number;
}

/**
 * A job's environment. `deployment: false` (GitHub, 2026) keeps the environment's secrets,
 * variables, required reviewers and wait timer but creates no deployment object.
 */
export type JobEnvironment = string | { name: string; url?: string; deployment?: boolean | string };

/**
 * `queue: max` (GitHub, May 2026) keeps up to 100 pending runs in the group, in order; the
 * default (`single`) keeps one and cancels it when a newer run arrives.
 */
export interface Concurrency {
  group: string;
  'cancel-in-progress': boolean;
  queue?: 'single' | 'max';
}

export interface Strategy {
  matrix: Record<string, string | string[]>;
  'max-parallel'?: number;
  'fail-fast'?: boolean;
}

export interface Job {
  name?: string;
  needs?: string[];
  if?: string;
  'runs-on': string;
  environment?: JobEnvironment;
  concurrency?: Concurrency;
  strategy?: Strategy;
  permissions: Permissions;
  'timeout-minutes': number;
  env?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}

export interface WorkflowInput {
  description: string;
  type: 'string' | 'boolean' | 'choice' | 'number' | 'environment';
  required?: boolean;
  default?: string | boolean | number;
  options?: string[];
}

export interface WorkflowSecret {
  description: string;
  required: boolean;
}

export interface Triggers {
  push?: { branches?: string[]; paths?: string[] };
  schedule?: { cron: string }[];
  pull_request?: { branches?: string[] } | null;
  workflow_dispatch?: { inputs?: Record<string, WorkflowInput> } | null;
  workflow_call?: {
    inputs?: Record<string, Omit<WorkflowInput, 'options'>>;
    secrets?: Record<string, WorkflowSecret>;
    outputs?: Record<string, { description: string; value: string }>;
  };
}

export interface Workflow {
  name: string;
  'run-name'?: string;
  on: Triggers;
  permissions: Permissions;
  concurrency?: Concurrency;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

/** A workflow source: the generated file's name and the source that makes it. */
export interface WorkflowSource {
  /** File name under .github/workflows/. */
  file: string;
  /** Path of the source, relative to the repository, for the generated header. */
  source: string;
  workflow: Workflow;
}

/** `${{ <expression> }}` */
export const expr = (expression: string): string => `\${{ ${expression} }}`;

type StepBase = Omit<Step, 'uses' | 'with' | 'run' | 'shell'>;

/** A step using one of our actions; `with` is checked against its action.yml by the compiler. */
export function ourAction<A extends ActionName>(
  action: A,
  step: StepBase & { with: ActionInputs[A] },
): Step {
  const { with: inputs, ...rest } = step;
  return { ...rest, uses: `./actions/${action}`, with: { ...inputs } };
}

/**
 * Where a reusable workflow checks the suite out (see `suiteCheckout` in shared.ts): inside a
 * called workflow `./actions/<name>` would resolve against the CALLER's checkout.
 */
export const SUITE_DIR = '.apprunner-ops';

/**
 * A step using one of our actions from the suite's own checkout, for reusable workflows. The
 * job must start with `suiteCheckout` (shared.ts); the validator checks that it does.
 */
export function suiteAction<A extends ActionName>(
  action: A,
  step: StepBase & { with: ActionInputs[A] },
): Step {
  const { with: inputs, ...rest } = step;
  return { ...rest, uses: `./${SUITE_DIR}/actions/${action}`, with: { ...inputs } };
}

/** A step using a pinned third-party action. */
export function thirdParty(
  pin: Pin,
  step: StepBase & { with?: Record<string, InputValue> } = {},
): Step {
  const { with: inputs, ...rest } = step;
  return { ...rest, uses: pinnedRef(pin), ...(inputs ? { with: inputs } : {}) };
}

/** A bash step. Values from inputs or events reach it through `env`, never inline. */
export function run(name: string, script: string, step: StepBase = {}): Step {
  return { name, ...step, run: script };
}

/** `steps.<id>.outputs.<name>` of a step using our action, with the output name typed. */
export function stepOutput<A extends ActionName>(
  id: string,
  _action: A,
  output: ActionOutputs[A],
): string {
  return `steps.${id}.outputs.${output}`;
}
