/**
 * Rehearses a workflow on this machine: its jobs in dependency order, `${{ }}` evaluated
 * between steps and jobs with GitHub's expression engine, our own actions run from their
 * bundles through the runner harness (sim/run-action.ts), `run:` steps in bash, and stand-ins
 * for third-party steps that need GitHub or AWS. Point `env` at the sim to make the actions'
 * AWS calls land there.
 *
 * A caller's job `uses: owner/repo/.github/workflows/x.yml@ref` is resolved the way GitHub
 * resolves it, against `repositories` (the "GitHub" of the rehearsal): the ref must exist,
 * the file must be a reusable workflow, inputs and secrets must be declared, and its jobs may
 * not ask for more permissions than the caller grants. Its jobs then run in the CALLER's
 * workspace with the caller's event, variables and environments, so `uses: ./…` resolves
 * against the caller's checkout and fails where GitHub fails. Jobs with `id-token: write` get
 * an OIDC token whose job_workflow_ref/job_workflow_sha name the called workflow.
 */
import { spawn } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { REPO_ROOT } from '../action-manifests.js';
import {
  parseCommandFile,
  runActionBundle,
  type ActionRun,
  type ActionRunOptions,
} from '../../sim/run-action.js';
import { condition, evaluateValue, interpolate, type Contexts } from './expressions.js';
import { oidcSubject, startOidcIssuer, type OidcIssuer, type SubjectForm } from './oidc.js';
import { DEFAULT_STAND_INS, type RepositoryCopy, type StandIn } from './stand-ins.js';

export type { RepositoryCopy } from './stand-ins.js';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const stringMap = z.record(z.string(), scalar.transform(String));
const permissionsSchema = z
  .union([z.string(), z.record(z.string(), z.enum(['read', 'write', 'none']))])
  .optional();
const stepSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  if: z.union([z.string(), z.boolean()]).optional(),
  uses: z.string().optional(),
  with: stringMap.optional(),
  run: z.string().optional(),
  shell: z.string().optional(),
  env: stringMap.optional(),
  'continue-on-error': z.boolean().optional(),
});
const jobSchema = z.object({
  name: z.string().optional(),
  needs: z.union([z.string(), z.array(z.string())]).optional(),
  if: z.union([z.string(), z.boolean()]).optional(),
  uses: z.string().optional(),
  'runs-on': z.string().optional(),
  with: stringMap.optional(),
  secrets: z.union([z.literal('inherit'), stringMap]).optional(),
  permissions: permissionsSchema,
  strategy: z
    .object({
      matrix: z.union([z.string(), z.record(z.string(), z.unknown())]),
      'max-parallel': z.number().optional(),
      'fail-fast': z.union([z.boolean(), z.string()]).optional(),
    })
    .optional(),
  environment: z
    .union([
      z.string(),
      z.object({
        name: z.string(),
        url: z.string().optional(),
        deployment: z.union([z.boolean(), z.string()]).optional(),
      }),
    ])
    .optional(),
  concurrency: z
    .union([
      z.string(),
      z.object({
        group: z.string(),
        'cancel-in-progress': z.union([z.boolean(), z.string()]).optional(),
        queue: z.string().optional(),
      }),
    ])
    .optional(),
  env: stringMap.optional(),
  outputs: stringMap.optional(),
  steps: z.array(stepSchema).default([]),
});
const inputSchema = z.object({
  type: z.string().optional(),
  required: z.boolean().optional(),
  default: scalar.optional(),
  options: z.array(z.string()).optional(),
});
const workflowSchema = z.object({
  name: z.string().optional(),
  // `on: push` and `on: [push, workflow_dispatch]` are the mapping with empty triggers.
  on: z.preprocess(
    (on) =>
      typeof on === 'string'
        ? { [on]: null }
        : Array.isArray(on)
          ? Object.fromEntries(on.map((e) => [String(e), null]))
          : on,
    z.record(
      z.string(),
      z.union([
        // schedule: a list of crons
        z.array(z.object({ cron: z.string() })),
        z
          .object({
            inputs: z.record(z.string(), inputSchema).optional(),
            secrets: z
              .record(z.string(), z.object({ required: z.boolean().optional() }))
              .optional(),
            outputs: z.record(z.string(), z.object({ value: z.string() })).optional(),
          })
          .passthrough()
          .nullable(),
      ]),
    ),
  ),
  permissions: permissionsSchema,
  env: stringMap.optional(),
  jobs: z.record(z.string(), jobSchema),
});
type JobDef = z.infer<typeof jobSchema>;
type WorkflowDef = z.infer<typeof workflowSchema>;
type Permissions = Record<string, 'read' | 'write' | 'none'>;

export type Outcome = 'success' | 'failure' | 'skipped';

export interface StepRehearsal {
  label: string;
  kind: 'action' | 'run' | 'stand-in';
  uses?: string;
  /** The `with:` values after evaluation (secrets masked). */
  inputs: Record<string, string>;
  outputs: Record<string, string>;
  outcome: Outcome;
  /** Why the step failed or was skipped. */
  message?: string;
  /** The harness's record of a run of our action. */
  action?: ActionRun;
}

export interface JobRehearsal {
  /** `job`, `caller/job` inside a called workflow, `job (value)` for a matrix leg. */
  id: string;
  name: string;
  result: Outcome;
  environment?: string;
  /** The label the job's `runs-on` evaluated to: the runner GitHub would pick. */
  runsOn?: string;
  /** false when the job's environment is declared with `deployment: false`. */
  deployment?: boolean;
  concurrency?: { group: string; cancelInProgress: boolean; queue: string };
  /** For a job that calls a reusable workflow: what it called, as resolved. */
  calls?: { repository: string; path: string; ref: string; sha: string };
  outputs: Record<string, string>;
  steps: StepRehearsal[];
  /** Why a job that ran no step failed (e.g. a reusable workflow GitHub would refuse). */
  message?: string;
}

export interface RehearsalResult {
  conclusion: 'success' | 'failure';
  /** Job ids in the order they ran (skipped ones included). */
  order: string[];
  jobs: Record<string, JobRehearsal>;
  log: string[];
  /** Claims of every OIDC token a job asked for. */
  tokens: Record<string, string>[];
}

export interface RehearsalOptions {
  /** The workflow file, absolute or relative to the repository. */
  workflow: string;
  /** Default: workflow_dispatch when `inputs` are given, else push (or schedule when it has no push). */
  event?: 'push' | 'workflow_dispatch' | 'workflow_call' | 'schedule';
  inputs?: Record<string, string | boolean | number>;
  /** Repository (and organization) secrets of the repository whose workflow runs. */
  secrets?: Record<string, string>;
  /** Repository variables. */
  vars?: Record<string, string>;
  /** Variables and secrets of each GitHub environment, as a job that declares it sees them. */
  environments?: Record<
    string,
    { vars?: Record<string, string>; secrets?: Record<string, string> }
  >;
  /** Environment of every step, e.g. the sim's endpoints. */
  env?: Record<string, string>;
  /** The job's working directory (the "checked-out" repository). Default: this repository. */
  workspace?: string;
  /** Overrides of the github context (sha, ref, repository, actor, run_id, ...). */
  github?: Record<string, string>;
  /**
   * Other repositories, by owner/name, as GitHub would serve them: reusable workflows and
   * actions are resolved here, and actions/checkout of another repository copies from here.
   */
  repositories?: Record<string, RepositoryCopy>;
  /**
   * Inputs of our actions to change for the rehearsal, by action (e.g. a short poll interval
   * against a sped-up sim). Each use is logged as a rehearsal override.
   */
  actionInputs?: Record<string, Record<string, string>>;
  /**
   * `run:` steps to replace, by step name, with another script (e.g. `npm ci`, which would
   * reinstall this machine's node_modules). Each use is logged as a rehearsal override.
   */
  runOverrides?: Record<string, string>;
  /** Extra or replacement stand-ins, keyed by owner/repo. */
  standIns?: Record<string, StandIn>;
  /** The form of the OIDC `sub` claim the repository uses (default immutable, GitHub's default for new repositories). */
  oidcSubject?: SubjectForm;
  /** How our actions run; default: the runner harness on their bundles. */
  runAction?: (options: ActionRunOptions) => Promise<ActionRun>;
  /**
   * Called before the first step of every job that declares an environment, as GitHub waits
   * there for the environment's required reviewers: resolving approves the job, throwing
   * rejects it (the rehearsal fails). Default: no reviewers, every job runs.
   */
  approve?: (job: { id: string; name: string; environment: string }) => Promise<void>;
  log?: (line: string) => void;
}

/** The jobs in an order that respects `needs`, ties broken by order in the file. */
export function jobOrder(jobs: Record<string, { needs?: string | string[] }>): string[] {
  const needsOf = (id: string): string[] => {
    const needs = jobs[id]?.needs ?? [];
    return typeof needs === 'string' ? [needs] : needs;
  };
  const order: string[] = [];
  const pending = Object.keys(jobs);
  while (pending.length > 0) {
    const next = pending.find((id) => needsOf(id).every((n) => order.includes(n)));
    if (next === undefined)
      throw new Error(`jobs ${pending.join(', ')} need jobs that do not exist or form a cycle`);
    for (const need of needsOf(next))
      if (!(need in jobs)) throw new Error(`job ${next} needs unknown job ${need}`);
    order.push(next);
    pending.splice(pending.indexOf(next), 1);
  }
  return order;
}

function eventInputs(
  declared: Record<string, z.infer<typeof inputSchema>>,
  given: Record<string, string | boolean | number>,
  event: string,
): Record<string, string | boolean | number> {
  const inputs: Record<string, string | boolean | number> = {};
  for (const name of Object.keys(given))
    if (!(name in declared))
      throw new Error(
        `${event} declares no input "${name}"; declared: ${Object.keys(declared).join(', ')}`,
      );
  for (const [name, spec] of Object.entries(declared)) {
    let value = given[name] ?? spec.default;
    if (value === undefined || value === '') {
      if (spec.required) throw new Error(`input "${name}" is required by ${event}`);
      value = spec.type === 'boolean' ? false : '';
    }
    if (spec.type === 'boolean') value = value === true || value === 'true';
    if (spec.type === 'choice' && !spec.options?.includes(String(value)))
      throw new Error(`input "${name}" must be one of ${spec.options?.join(', ')}; got "${value}"`);
    inputs[name] = value;
  }
  return inputs;
}

const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'id-token',
  'issues',
  'packages',
  'pages',
  'pull-requests',
  'security-events',
  'statuses',
];
/** GitHub's default token of a new repository ("restricted"). */
const DEFAULT_PERMISSIONS: Permissions = { contents: 'read', packages: 'read' };
const LEVEL = { none: 0, read: 1, write: 2 } as const;

function permissionsOf(value: JobDef['permissions'] | undefined): Permissions | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') {
    const level = value === 'write-all' ? 'write' : value === 'read-all' ? 'read' : undefined;
    if (!level) throw new Error(`permissions: ${value} is not read-all, write-all or a mapping`);
    return Object.fromEntries(SCOPES.map((s) => [s, level]));
  }
  return value;
}

/** GitHub refuses a called job that asks for more than the caller grants. */
function exceeded(job: string, wanted: Permissions, allowed: Permissions): string | undefined {
  for (const [scope, level] of Object.entries(wanted)) {
    const granted = allowed[scope] ?? 'none';
    if (LEVEL[level] > LEVEL[granted])
      return `The nested job '${job}' is requesting '${scope}: ${level}', but is only allowed '${scope}: ${granted}'.`;
  }
  return undefined;
}

function baseEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

async function runBash(
  script: string,
  env: Record<string, string>,
  cwd: string,
  log: (line: string) => void,
): Promise<{
  exitCode: number | null;
  outputs: Record<string, string>;
  exported: Record<string, string>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rehearse-run-'));
  try {
    const files = {
      script: path.join(dir, 'step.sh'),
      GITHUB_OUTPUT: path.join(dir, 'output'),
      GITHUB_ENV: path.join(dir, 'env'),
    };
    await Promise.all([
      writeFile(files.script, script),
      writeFile(files.GITHUB_OUTPUT, ''),
      writeFile(files.GITHUB_ENV, ''),
    ]);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      // The runner's default shell for `run:` on Linux.
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', files.script], {
        cwd,
        env: { ...env, GITHUB_OUTPUT: files.GITHUB_OUTPUT, GITHUB_ENV: files.GITHUB_ENV },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const forward = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).forEach(log);
      child.stdout.on('data', forward);
      child.stderr.on('data', forward);
      child.on('error', reject);
      child.on('close', resolve);
    });
    return {
      exitCode,
      outputs: parseCommandFile(await readFile(files.GITHUB_OUTPUT, 'utf8')),
      exported: parseCommandFile(await readFile(files.GITHUB_ENV, 'utf8')),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `owner/repo/path/to/x.yml@ref` (or `./.github/workflows/x.yml`, the same repository). */
export function parseWorkflowUses(
  uses: string,
): { repository?: string; path: string; ref?: string } | undefined {
  if (uses.startsWith('./')) return { path: uses.slice(2) };
  const m = /^([\w.-]+\/[\w.-]+)\/(\.github\/workflows\/[^@]+\.ya?ml)@(.+)$/.exec(uses);
  return m ? { repository: m[1] as string, path: m[2] as string, ref: m[3] as string } : undefined;
}

/** The commit a ref names in a repository copy; throws as GitHub does for an unknown ref. */
export function resolveRef(repository: string, copy: RepositoryCopy, ref: string): string {
  const sha = copy.refs[ref] ?? (Object.values(copy.refs).includes(ref) ? ref : undefined);
  if (!sha)
    throw new Error(
      `Unable to resolve action \`${repository}@${ref}\`, unable to find version \`${ref}\` (known: ${Object.keys(copy.refs).join(', ') || 'none'})`,
    );
  return sha;
}

/** What one workflow file's jobs run with: its own definition and the contexts it sees. */
interface Frame {
  /** For messages: the file name. */
  file: string;
  workflow: WorkflowDef;
  github: Record<string, unknown>;
  inputs: Record<string, string | boolean | number>;
  secrets: Record<string, string>;
  /** Prefix of job ids inside a called workflow: `caller/`. */
  prefix: string;
  /** Where its jobs go in the result's order: after the calling job, in file order. */
  orderKey: number[];
  /** For a called workflow: the most its jobs may ask for. */
  allowed?: Permissions;
  /** job_workflow_ref / job_workflow_sha of its jobs' OIDC tokens. */
  workflowRef: string;
  workflowSha: string;
}

export async function rehearseWorkflow(options: RehearsalOptions): Promise<RehearsalResult> {
  const file = path.resolve(REPO_ROOT, options.workflow);
  const workflow = workflowSchema.parse(parse(await readFile(file, 'utf8')));
  const event =
    options.event ??
    (options.inputs
      ? 'workflow_dispatch'
      : !('push' in workflow.on) && 'schedule' in workflow.on
        ? 'schedule'
        : 'push');
  if (!(event in workflow.on))
    throw new Error(
      `${path.basename(file)} does not run on ${event}; it runs on ${Object.keys(workflow.on).join(', ')}`,
    );
  const on = workflow.on[event];
  const trigger = Array.isArray(on) ? undefined : on;
  const crons = Array.isArray(on) ? on : [];
  const inputs = eventInputs(
    trigger?.inputs ?? {},
    options.inputs ?? {},
    `${path.basename(file)} (${event})`,
  );
  for (const [name, spec] of Object.entries(trigger?.secrets ?? {}))
    if (spec.required && !options.secrets?.[name])
      throw new Error(`secret ${name} is required by ${event}`);

  const workspace = options.workspace ?? REPO_ROOT;
  const github: Record<string, unknown> = {
    event_name: event,
    ref: 'refs/heads/main',
    ref_name: 'main',
    sha: 'abc1234def567890000000000000000000000000',
    repository: 'example/drop',
    repository_owner: 'example',
    repository_id: '700000001',
    repository_owner_id: '700000002',
    actor: 'octocat',
    run_id: '1000',
    run_number: '1',
    run_attempt: '1',
    workflow: workflow.name ?? path.basename(file),
    server_url: 'https://github.com',
    api_url: options.env?.['GITHUB_API_URL'] ?? 'https://api.github.com',
    token: 'ghs_rehearsal_token',
    workspace,
    ...options.github,
  };
  github['event'] =
    event === 'push'
      ? { ref: github['ref'], after: github['sha'], head_commit: { id: github['sha'] } }
      : event === 'schedule'
        ? { schedule: crons[0]?.cron ?? '' }
        : { inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])) };

  // Every secret value (and the token) is masked in the log, as the runner masks them.
  const masked = new Set<string>([String(github['token'])]);
  for (const env of [
    options.secrets,
    ...Object.values(options.environments ?? {}).map((e) => e.secrets),
  ])
    for (const value of Object.values(env ?? {})) if (value.length >= 4) masked.add(value);
  const mask = (text: string): string => [...masked].reduce((t, s) => t.split(s).join('***'), text);
  const log: string[] = [];
  const say = (line: string): void => {
    const safe = mask(line);
    log.push(safe);
    options.log?.(safe);
  };
  /** A line a step printed: `::add-mask::<value>` masks the value from then on, as the runner does. */
  const echo = (line: string): void => {
    const command = /^::add-mask::(.*)$/.exec(line.trim());
    if (command) {
      const value = (command[1] as string).trim();
      if (value.length >= 4) masked.add(value);
      say('    | ::add-mask::***');
      return;
    }
    say(`    | ${line}`);
  };

  const standIns = { ...DEFAULT_STAND_INS, ...options.standIns };
  const runAction = options.runAction ?? runActionBundle;
  const repositories = options.repositories ?? {};
  const order: string[] = [];
  // Jobs that need nothing of each other run side by side; the result lists them in file order.
  const keys = new Map<string, number[]>();
  const jobs: Record<string, JobRehearsal> = {};
  // One issuer for the run, started by the first job that needs it; jobs run side by side,
  // so they share the promise (two issuers would each keep half of the tokens).
  let oidcStarting: Promise<OidcIssuer> | undefined;
  let oidc: OidcIssuer | undefined;
  const relative = path.relative(workspace, file);
  const ownPath = relative.startsWith('..') ? path.basename(file) : relative;

  /** Runs one job's steps (one matrix leg) and records it. */
  async function runSteps(
    frame: Frame,
    def: JobDef,
    job: JobRehearsal,
    base: Contexts,
    permissions: Permissions,
  ): Promise<void> {
    // The environment decides which variables and secrets the job sees.
    if (def.environment !== undefined) {
      const spec =
        typeof def.environment === 'string' ? { name: def.environment } : def.environment;
      const environment = interpolate(spec.name, base);
      if (!environment) throw new Error(`job ${job.id}: environment: evaluates to ""`);
      job.environment = environment;
      const deployment = 'deployment' in spec ? spec.deployment : undefined;
      job.deployment =
        deployment === undefined ? true : String(interpolate(String(deployment), base)) !== 'false';
      const scoped = options.environments?.[environment];
      base['vars'] = { ...(base['vars'] as object), ...scoped?.vars };
      // An environment secret wins over a secret of the same name the caller passed.
      base['secrets'] = { ...(base['secrets'] as object), ...scoped?.secrets };
    }
    if (def['runs-on'] !== undefined) {
      job.runsOn = interpolate(def['runs-on'], base);
      if (!job.runsOn) throw new Error(`job ${job.id}: runs-on: evaluates to ""`);
    }
    if (def.concurrency !== undefined) {
      const c = typeof def.concurrency === 'string' ? { group: def.concurrency } : def.concurrency;
      job.concurrency = {
        group: interpolate(c.group, base),
        cancelInProgress: String(c['cancel-in-progress'] ?? false) === 'true',
        queue: 'queue' in c && c.queue ? c.queue : 'single',
      };
    }
    say(
      `job ${job.id}: ${job.name}${job.environment ? ` (environment ${job.environment})` : ''}${job.runsOn ? ` on ${job.runsOn}` : ''}`,
    );
    if (job.environment !== undefined && options.approve) {
      await options.approve({ id: job.id, name: job.name, environment: job.environment });
      say(`job ${job.id}: approved for environment ${job.environment}`);
    }

    // The runner hands out an OIDC token only to jobs with id-token: write.
    let oidcEnv: Record<string, string> = {};
    if (permissions['id-token'] === 'write') {
      oidcStarting ??= startOidcIssuer();
      oidc = await oidcStarting;
      const repository = String(frame.github['repository']);
      const ids = {
        repository,
        repositoryId: String(frame.github['repository_id']),
        ownerId: String(frame.github['repository_owner_id']),
      };
      oidcEnv = oidc.forJob({
        sub: oidcSubject(options.oidcSubject ?? 'immutable', ids, {
          ...(job.environment ? { environment: job.environment } : {}),
          ref: String(frame.github['ref']),
        }),
        repository,
        repository_id: ids.repositoryId,
        repository_owner_id: ids.ownerId,
        repository_owner: String(frame.github['repository_owner']),
        ref: String(frame.github['ref']),
        sha: String(frame.github['sha']),
        event_name: String(frame.github['event_name']),
        ...(job.environment ? { environment: job.environment } : {}),
        workflow_ref: `${repository}/${ownPath}@${String(frame.github['ref'])}`,
        job_workflow_ref: frame.workflowRef,
        job_workflow_sha: frame.workflowSha,
      });
    }

    // RUNNER_TEMP lives as long as the job: steps hand files to later steps through it.
    const runnerTemp = await mkdtemp(path.join(os.tmpdir(), 'rehearse-job-'));
    try {
      await runJobSteps();
    } finally {
      await rm(runnerTemp, { recursive: true, force: true });
    }
    async function runJobSteps(): Promise<void> {
      const jobEnv: Record<string, string> = { ...frame.workflow.env };
      for (const [k, v] of Object.entries(def.env ?? {}))
        jobEnv[k] = interpolate(v, { ...base, env: jobEnv });
      const exported: Record<string, string> = {};
      const steps: Record<
        string,
        { outputs: Record<string, string>; outcome: Outcome; conclusion: Outcome }
      > = {};
      let failed = false;

      for (const [index, stepDef] of def.steps.entries()) {
        const label = stepDef.id ?? stepDef.name ?? stepDef.uses ?? `#${index + 1}`;
        const contexts = (): Contexts => ({ ...base, env: { ...jobEnv, ...exported }, steps });
        const record: StepRehearsal = {
          label,
          kind:
            stepDef.run !== undefined
              ? 'run'
              : stepDef.uses?.startsWith('./') || suiteAction(stepDef.uses)
                ? 'action'
                : 'stand-in',
          ...(stepDef.uses ? { uses: stepDef.uses } : {}),
          inputs: {},
          outputs: {},
          outcome: 'skipped',
        };
        job.steps.push(record);
        if (!condition(stepDef.if, contexts(), { failed })) {
          say(`  step ${label}: skipped`);
          if (stepDef.id)
            steps[stepDef.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
          continue;
        }
        const stepEnv: Record<string, string> = { ...jobEnv, ...exported };
        for (const [k, v] of Object.entries(stepDef.env ?? {}))
          stepEnv[k] = interpolate(v, contexts());
        const withInputs = Object.fromEntries(
          Object.entries(stepDef.with ?? {}).map(([k, v]) => [k, interpolate(v, contexts())]),
        );
        record.inputs = Object.fromEntries(
          Object.entries(withInputs).map(([k, v]) => [k, mask(v)]),
        );
        const g = frame.github;
        const runnerEnv: Record<string, string> = {
          GITHUB_SHA: String(g['sha']),
          GITHUB_REF: String(g['ref']),
          GITHUB_REF_NAME: String(g['ref_name']),
          GITHUB_EVENT_NAME: String(g['event_name']),
          GITHUB_REPOSITORY: String(g['repository']),
          GITHUB_REPOSITORY_OWNER: String(g['repository_owner']),
          GITHUB_API_URL: String(g['api_url']),
          GITHUB_SERVER_URL: String(g['server_url']),
          GITHUB_ACTOR: String(g['actor']),
          GITHUB_RUN_ID: String(g['run_id']),
          GITHUB_WORKFLOW: String(g['workflow']),
          GITHUB_JOB:
            job.id
              .split('/')
              .pop()
              ?.replace(/ \(.*\)$/, '') ?? job.id,
          ...oidcEnv,
        };
        say(`  step ${label}${stepDef.uses && stepDef.uses !== label ? ` (${stepDef.uses})` : ''}`);
        try {
          if (stepDef.run !== undefined) {
            const override = stepDef.name ? options.runOverrides?.[stepDef.name] : undefined;
            if (override !== undefined) say(`    rehearsal override: runs \`${override}\` instead`);
            const script = override ?? interpolate(stepDef.run, contexts());
            const result = await runBash(
              script,
              {
                ...baseEnvironment(),
                ...options.env,
                ...runnerEnv,
                CI: 'true',
                GITHUB_ACTIONS: 'true',
                GITHUB_WORKSPACE: workspace,
                RUNNER_TEMP: runnerTemp,
                ...stepEnv,
              },
              workspace,
              echo,
            );
            record.outputs = result.outputs;
            Object.assign(exported, result.exported);
            if (result.exitCode !== 0) throw new Error(`bash exited with ${result.exitCode}`);
          } else if (stepDef.uses?.startsWith('./') || suiteAction(stepDef.uses)) {
            const action = resolveAction(stepDef.uses as string);
            const overrides = options.actionInputs?.[action] ?? {};
            for (const [k, v] of Object.entries(overrides))
              say(`    rehearsal override: ${k}=${v}`);
            const run = await runAction({
              action,
              inputs: { ...withInputs, ...overrides },
              env: { ...options.env, ...runnerEnv, ...stepEnv },
              cwd: workspace,
              echo,
            });
            record.action = run;
            record.outputs = run.outputs;
            Object.assign(exported, run.env);
            if (run.exitCode !== 0) {
              const error = run.annotations.find((a) => a.level === 'error');
              // No annotation: the bundle ended before its own error handling (a crash of
              // Node itself); what it wrote to stderr is then the only account of why.
              const stderr = run.stderr.trim().split('\n').slice(-10).join('\n    ');
              throw new Error(
                error?.message ??
                  `actions/${action} exited with ${run.exitCode}${stderr ? `; its stderr ended:\n    ${stderr}` : ' and wrote nothing to stderr'}`,
              );
            }
          } else if (stepDef.uses) {
            const repo = stepDef.uses.split('@')[0] as string;
            const standIn = standIns[repo];
            if (!standIn)
              throw new Error(`no stand-in for ${stepDef.uses}: it cannot be rehearsed here`);
            await standIn({
              uses: stepDef.uses,
              inputs: withInputs,
              workspace,
              env: { ...options.env, ...runnerEnv },
              repository: String(g['repository']),
              repositories,
              log: (line) => say(`    ${line}`),
              setOutput: (k, v) => void (record.outputs[k] = v),
              exportVariable: (k, v) => void (exported[k] = v),
            });
          } else {
            throw new Error('a step needs run: or uses:');
          }
          record.outcome = 'success';
        } catch (error) {
          record.outcome = 'failure';
          record.message = mask(error instanceof Error ? error.message : String(error));
          say(`    failed: ${record.message}`);
          if (!stepDef['continue-on-error']) failed = true;
        }
        if (stepDef.id) {
          steps[stepDef.id] = {
            outputs: record.outputs,
            outcome: record.outcome,
            conclusion:
              record.outcome === 'failure' && stepDef['continue-on-error']
                ? 'success'
                : record.outcome,
          };
        }
      }
      job.result = failed ? 'failure' : 'success';
      const final: Contexts = { ...base, env: { ...jobEnv, ...exported }, steps };
      job.outputs = Object.fromEntries(
        Object.entries(def.outputs ?? {}).map(([k, v]) => [k, interpolate(v, final)]),
      );
      say(`job ${job.id}: ${job.result}`);
    }
  }

  /** `owner/repo/actions/<name>@ref` of a known repository. */
  function suiteAction(uses: string | undefined): boolean {
    const m = /^([\w.-]+\/[\w.-]+)\/actions\/[^@]+@.+$/.exec(uses ?? '');
    return !!m && (m[1] as string) in repositories;
  }

  /**
   * The action a step means, resolved as the runner resolves it: `./path` in the workspace
   * (the checkout of the repository whose workflow RUNS, i.e. the caller's), or
   * `owner/repo/path@ref` in that repository at that ref. Only this repository's own bundles
   * can run here, so the resolved folder must be one of them.
   */
  function resolveAction(uses: string): string {
    let dir: string;
    if (uses.startsWith('./')) {
      dir = path.join(workspace, uses.slice(2));
    } else {
      const m = /^([\w.-]+\/[\w.-]+)\/([^@]+)@(.+)$/.exec(uses) as RegExpExecArray;
      const repository = m[1] as string;
      const copy = repositories[repository] as RepositoryCopy;
      resolveRef(repository, copy, m[3] as string);
      dir = path.join(copy.root, m[2] as string);
    }
    if (!['action.yml', 'action.yaml', 'Dockerfile'].some((f) => existsSync(path.join(dir, f))))
      throw new Error(
        `Can't find 'action.yml', 'action.yaml' or 'Dockerfile' under '${dir}'. Did you forget to run actions/checkout before running your local action?`,
      );
    const real = realpathSync(dir);
    const ours = realpathSync(path.join(REPO_ROOT, 'actions'));
    if (path.dirname(real) !== ours)
      throw new Error(`${uses} resolves to ${real}, which is not one of this suite's actions`);
    const action = path.basename(real);
    if (!options.runAction && !existsSync(path.join(real, 'dist', 'index.js')))
      throw new Error(`actions/${action}/dist/index.js does not exist (npm run build)`);
    return action;
  }

  /**
   * Matrix legs: one object per combination. `include` is modelled only on its own (each entry
   * is then one leg, as GitHub does when there is nothing to combine it with); `exclude` is not.
   */
  function matrixLegs(def: JobDef, base: Contexts): Record<string, unknown>[] | undefined {
    if (!def.strategy) return undefined;
    const raw = def.strategy.matrix;
    const matrix = (typeof raw === 'string' ? evaluateValue(raw, base) : raw) as Record<
      string,
      unknown
    >;
    if (Object.keys(matrix).length === 1 && 'include' in matrix) {
      const include = matrix['include'];
      const entries = typeof include === 'string' ? evaluateValue(include, base) : include;
      if (!Array.isArray(entries) || entries.some((e) => typeof e !== 'object' || e === null))
        throw new Error(`matrix.include is not a list of objects (${JSON.stringify(entries)})`);
      return entries as Record<string, unknown>[];
    }
    let legs: Record<string, unknown>[] = [{}];
    for (const [key, value] of Object.entries(matrix)) {
      if (key === 'include' || key === 'exclude')
        throw new Error(`matrix ${key} is not modelled by the rehearsal`);
      const values = typeof value === 'string' ? evaluateValue(value, base) : value;
      if (!Array.isArray(values))
        throw new Error(`matrix.${key} is not a list (${JSON.stringify(values)})`);
      legs = legs.flatMap((leg) => values.map((v: unknown) => ({ ...leg, [key]: v })));
    }
    return legs;
  }

  /** A job that calls a reusable workflow: resolved and checked as GitHub does, then run. */
  async function callWorkflow(
    frame: Frame,
    id: string,
    def: JobDef,
    job: JobRehearsal,
    base: Contexts,
  ): Promise<void> {
    const uses = def.uses as string;
    const target = parseWorkflowUses(uses);
    if (!target)
      throw new Error(
        `job ${id}: uses: ${uses} is not owner/repo/.github/workflows/<file>.yml@<ref> or ./.github/workflows/<file>.yml`,
      );
    let root: string;
    let repository: string;
    let ref: string;
    let sha: string;
    if (target.repository === undefined) {
      root = workspace;
      repository = String(frame.github['repository']);
      ref = String(frame.github['ref']);
      sha = String(frame.github['sha']);
    } else {
      const copy = repositories[target.repository];
      if (!copy)
        throw new Error(
          `job ${id}: ${uses}: repository ${target.repository} was not found or is not accessible`,
        );
      root = copy.root;
      repository = target.repository;
      ref = target.ref as string;
      sha = resolveRef(repository, copy, ref);
    }
    const calledFile = path.join(root, target.path);
    if (!existsSync(calledFile))
      throw new Error(`job ${id}: ${uses}: ${target.path} does not exist at ${ref}`);
    const called = workflowSchema.parse(parse(await readFile(calledFile, 'utf8')));
    const callOn = called.on['workflow_call'];
    const call = Array.isArray(callOn) ? undefined : callOn;
    if (!('workflow_call' in called.on))
      throw new Error(`job ${id}: ${uses} is not a reusable workflow (no on.workflow_call)`);
    job.calls = { repository, path: target.path, ref, sha };

    const given = Object.fromEntries(
      Object.entries(def.with ?? {}).map(([k, v]) => [k, interpolate(v, base)]),
    );
    for (const name of Object.keys(given))
      if (!(name in (call?.inputs ?? {})))
        throw new Error(
          `job ${id}: Invalid input, ${name} is not defined in the referenced workflow.`,
        );
    const calledInputs = eventInputs(call?.inputs ?? {}, given, `${target.path} (workflow_call)`);
    const callerSecrets = base['secrets'] as Record<string, string>;
    let secrets: Record<string, string>;
    if (def.secrets === 'inherit') {
      secrets = { ...callerSecrets };
    } else {
      secrets = {};
      for (const [name, value] of Object.entries(def.secrets ?? {})) {
        if (!(name in (call?.secrets ?? {})))
          throw new Error(
            `job ${id}: Invalid secret, ${name} is not defined in the referenced workflow.`,
          );
        secrets[name] = interpolate(value, base);
      }
    }
    for (const [name, spec] of Object.entries(call?.secrets ?? {}))
      if (spec.required && !secrets[name])
        throw new Error(`job ${id}: secret ${name} is required by ${target.path}`);
    secrets['GITHUB_TOKEN'] = String(frame.github['token']);

    const allowed =
      permissionsOf(def.permissions) ??
      permissionsOf(frame.workflow.permissions) ??
      frame.allowed ??
      DEFAULT_PERMISSIONS;
    const inner: Frame = {
      file: target.path,
      workflow: called,
      github: {
        ...frame.github,
        event: {
          ...(frame.github['event'] as object),
          inputs: Object.fromEntries(Object.entries(calledInputs).map(([k, v]) => [k, String(v)])),
        },
      },
      inputs: calledInputs,
      secrets,
      prefix: `${frame.prefix}${id}/`,
      orderKey: keys.get(`${frame.prefix}${id}`) ?? [],
      allowed,
      workflowRef: `${repository}/${target.path}@${ref}`,
      workflowSha: sha,
    };
    say(`job ${job.id}: calls ${repository}/${target.path}@${ref} (${sha.slice(0, 12)})`);
    const results = await runFrame(inner);
    job.result = Object.values(results).some((r) => r.result === 'failure') ? 'failure' : 'success';
    const jobsContext = Object.fromEntries(
      Object.entries(results).map(([k, r]) => [k, { result: r.result, outputs: r.outputs }]),
    );
    job.outputs = Object.fromEntries(
      Object.entries(call?.outputs ?? {}).map(([k, o]) => [
        k,
        interpolate(o.value, { ...base, jobs: jobsContext }),
      ]),
    );
    say(`job ${job.id}: ${job.result}`);
  }

  /**
   * Runs a workflow's jobs; returns them by their own id (for needs/jobs contexts). As on
   * GitHub, a job starts once the jobs it needs have ended, so jobs that need nothing of each
   * other run side by side (deploy.yml's build and snapshot).
   */
  async function runFrame(frame: Frame): Promise<Record<string, JobRehearsal>> {
    const own: Record<string, JobRehearsal> = {};
    const ended: Record<string, Promise<void>> = {};
    for (const localId of jobOrder(frame.workflow.jobs)) {
      const def = frame.workflow.jobs[localId] as JobDef;
      const waitFor = (typeof def.needs === 'string' ? [def.needs] : (def.needs ?? [])).map(
        (n) => ended[n],
      );
      ended[localId] = Promise.all(waitFor).then(() => runJob(frame, own, localId, def));
    }
    await Promise.all(Object.values(ended));
    return own;
  }

  async function runJob(
    frame: Frame,
    own: Record<string, JobRehearsal>,
    localId: string,
    def: JobDef,
  ): Promise<void> {
    const id = `${frame.prefix}${localId}`;
    const needIds = typeof def.needs === 'string' ? [def.needs] : (def.needs ?? []);
    const needs = Object.fromEntries(
      needIds.map((n) => [n, { result: own[n]?.result, outputs: own[n]?.outputs ?? {} }]),
    );
    const base: Contexts = {
      github: { ...frame.github, job: localId },
      inputs: frame.inputs,
      needs,
      vars: { ...options.vars },
      secrets: { ...frame.secrets },
      env: { ...frame.workflow.env },
      matrix: {},
      strategy: {},
      runner: { os: 'Linux', arch: 'X64', temp: os.tmpdir() },
      job: {},
    };
    const needsFailed = needIds.some((n) => own[n]?.result !== 'success');
    const job: JobRehearsal = { id, name: localId, result: 'skipped', outputs: {}, steps: [] };
    own[localId] = job;
    jobs[id] = job;
    order.push(id);
    keys.set(id, [...frame.orderKey, Object.keys(frame.workflow.jobs).indexOf(localId)]);
    if (!condition(def.if, base, { failed: needsFailed })) {
      say(`job ${id}: skipped (${needsFailed ? 'a needed job did not succeed' : 'if: is false'})`);
      return;
    }
    try {
      if (def.uses) {
        job.name = interpolate(def.name ?? localId, base);
        await callWorkflow(frame, localId, def, job, base);
        return;
      }
      const permissions =
        permissionsOf(def.permissions) ??
        permissionsOf(frame.workflow.permissions) ??
        frame.allowed ??
        DEFAULT_PERMISSIONS;
      if (frame.allowed) {
        const refused = exceeded(localId, permissions, frame.allowed);
        if (refused) throw new Error(refused);
      }
      const legs = matrixLegs(def, base);
      if (!legs) {
        job.name = interpolate(def.name ?? localId, base);
        await runSteps(frame, def, job, base, permissions);
        return;
      }
      // One leg at a time, in the order of the list (max-parallel: 1 on GitHub); with
      // fail-fast (the default) the legs after a failure do not run.
      const failFast = String(def.strategy?.['fail-fast'] ?? true) !== 'false';
      let legFailed = false;
      job.result = 'success';
      for (const matrix of legs) {
        const legBase: Contexts = { ...base, matrix, vars: { ...options.vars } };
        const legId = `${id} (${Object.values(matrix).map(String).join(', ')})`;
        const leg: JobRehearsal = {
          id: legId,
          name: interpolate(def.name ?? localId, legBase),
          result: 'skipped',
          outputs: {},
          steps: [],
        };
        jobs[legId] = leg;
        order.push(legId);
        keys.set(legId, [...keys.get(id)!, legs.indexOf(matrix)]);
        if (legFailed && failFast) {
          say(`job ${legId}: skipped (fail-fast after a failed leg)`);
          continue;
        }
        await runSteps(frame, def, leg, legBase, permissions);
        if (leg.result === 'failure') legFailed = true;
        job.outputs = { ...job.outputs, ...leg.outputs };
      }
      job.result = legFailed ? 'failure' : 'success';
    } catch (error) {
      job.result = 'failure';
      job.message = mask(error instanceof Error ? error.message : String(error));
      say(`job ${id}: failed: ${job.message}`);
    }
  }

  const repository = String(github['repository']);
  try {
    await runFrame({
      file: path.basename(file),
      workflow,
      github,
      inputs,
      secrets: { ...options.secrets, GITHUB_TOKEN: String(github['token']) },
      prefix: '',
      orderKey: [],
      workflowRef: `${repository}/${ownPath}@${String(github['ref'])}`,
      workflowSha: String(github['sha']),
    });
  } finally {
    await (await oidcStarting)?.close();
  }
  const conclusion = Object.values(jobs).some((j) => j.result === 'failure')
    ? 'failure'
    : 'success';
  const byFile = (a: string, b: string): number => {
    const [x, y] = [keys.get(a) ?? [], keys.get(b) ?? []];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return x.length - y.length;
  };
  order.sort(byFile);
  return { conclusion, order, jobs, log, tokens: oidc?.issued ?? [] };
}
