/**
 * Rehearses a generated workflow on this machine: its jobs in dependency order, `${{ }}`
 * evaluated between steps and jobs with GitHub's expression engine, our own actions run from
 * their bundles through the runner harness (sim/run-action.ts), `run:` steps in bash, and
 * stand-ins for third-party steps that need GitHub or AWS. Point `env` at the sim to make the
 * actions' AWS calls land there.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
import { condition, interpolate, type Contexts } from './expressions.js';
import { DEFAULT_STAND_INS, type StandIn } from './stand-ins.js';

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const stringMap = z.record(z.string(), scalar.transform(String));
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
  environment: z
    .union([z.string(), z.object({ name: z.string(), url: z.string().optional() })])
    .optional(),
  concurrency: z
    .union([
      z.string(),
      z.object({
        group: z.string(),
        'cancel-in-progress': z.union([z.boolean(), z.string()]).optional(),
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
  on: z.record(
    z.string(),
    z.union([
      // schedule: a list of crons
      z.array(z.object({ cron: z.string() })),
      z
        .object({
          inputs: z.record(z.string(), inputSchema).optional(),
          secrets: z.record(z.string(), z.object({ required: z.boolean().optional() })).optional(),
        })
        .passthrough()
        .nullable(),
    ]),
  ),
  env: stringMap.optional(),
  jobs: z.record(z.string(), jobSchema),
});
type JobDef = z.infer<typeof jobSchema>;

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
  id: string;
  name: string;
  result: Outcome;
  environment?: string;
  concurrency?: { group: string; cancelInProgress: boolean };
  outputs: Record<string, string>;
  steps: StepRehearsal[];
}

export interface RehearsalResult {
  conclusion: 'success' | 'failure';
  /** Job ids in the order they ran (skipped ones included). */
  order: string[];
  jobs: Record<string, JobRehearsal>;
  log: string[];
}

export interface RehearsalOptions {
  /** The workflow file, absolute or relative to the repository. */
  workflow: string;
  /** Default: workflow_dispatch when `inputs` are given, else push (or schedule when it has no push). */
  event?: 'push' | 'workflow_dispatch' | 'workflow_call' | 'schedule';
  inputs?: Record<string, string | boolean | number>;
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
   * Inputs of our actions to change for the rehearsal, by action (e.g. a short poll interval
   * against a sped-up sim). Each use is logged as a rehearsal override.
   */
  actionInputs?: Record<string, Record<string, string>>;
  /** Extra or replacement stand-ins, keyed by owner/repo. */
  standIns?: Record<string, StandIn>;
  /** How our actions run; default: the runner harness on their bundles. */
  runAction?: (options: ActionRunOptions) => Promise<ActionRun>;
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
    sha: 'abc1234def5678900000000000000000000000000',
    repository: 'example/drop',
    repository_owner: 'example',
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

  const standIns = { ...DEFAULT_STAND_INS, ...options.standIns };
  const runAction = options.runAction ?? runActionBundle;
  const order = jobOrder(workflow.jobs);
  const jobs: Record<string, JobRehearsal> = {};

  for (const id of order) {
    const def = workflow.jobs[id] as JobDef;
    const needIds = typeof def.needs === 'string' ? [def.needs] : (def.needs ?? []);
    const needs = Object.fromEntries(
      needIds.map((n) => [n, { result: jobs[n]?.result, outputs: jobs[n]?.outputs ?? {} }]),
    );
    const base: Contexts = {
      github: { ...github, job: id },
      inputs,
      needs,
      vars: { ...options.vars },
      secrets: { ...options.secrets, GITHUB_TOKEN: github['token'] },
      env: { ...workflow.env },
      matrix: {},
      strategy: {},
      runner: { os: 'Linux', arch: 'X64', temp: os.tmpdir() },
      job: {},
    };
    const needsFailed = needIds.some((n) => jobs[n]?.result !== 'success');
    const name = interpolate(def.name ?? id, base);
    const job: JobRehearsal = { id, name, result: 'skipped', outputs: {}, steps: [] };
    jobs[id] = job;
    if (def.uses)
      throw new Error(
        `job ${id} calls a reusable workflow (${def.uses}); rehearse that workflow instead`,
      );
    if (!condition(def.if, base, { failed: needsFailed })) {
      say(`job ${id}: skipped (${needsFailed ? 'a needed job did not succeed' : 'if: is false'})`);
      continue;
    }

    // The environment decides which variables and secrets the job sees.
    if (def.environment !== undefined) {
      const environment = interpolate(
        typeof def.environment === 'string' ? def.environment : def.environment.name,
        base,
      );
      job.environment = environment;
      const scoped = options.environments?.[environment];
      base['vars'] = { ...(base['vars'] as object), ...scoped?.vars };
      base['secrets'] = { ...(base['secrets'] as object), ...scoped?.secrets };
    }
    if (def.concurrency !== undefined) {
      const c = typeof def.concurrency === 'string' ? { group: def.concurrency } : def.concurrency;
      job.concurrency = {
        group: interpolate(c.group, base),
        cancelInProgress: String(c['cancel-in-progress'] ?? false) === 'true',
      };
    }
    say(`job ${id}: ${name}${job.environment ? ` (environment ${job.environment})` : ''}`);

    const jobEnv: Record<string, string> = { ...workflow.env };
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
            : stepDef.uses?.startsWith('./')
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
      record.inputs = Object.fromEntries(Object.entries(withInputs).map(([k, v]) => [k, mask(v)]));
      const runnerEnv: Record<string, string> = {
        GITHUB_SHA: String(github['sha']),
        GITHUB_REF: String(github['ref']),
        GITHUB_REF_NAME: String(github['ref_name']),
        GITHUB_EVENT_NAME: event,
        GITHUB_REPOSITORY: String(github['repository']),
        GITHUB_REPOSITORY_OWNER: String(github['repository_owner']),
        GITHUB_ACTOR: String(github['actor']),
        GITHUB_RUN_ID: String(github['run_id']),
        GITHUB_WORKFLOW: String(github['workflow']),
        GITHUB_JOB: id,
      };
      say(`  step ${label}${stepDef.uses && stepDef.uses !== label ? ` (${stepDef.uses})` : ''}`);
      try {
        if (stepDef.run !== undefined) {
          const script = interpolate(stepDef.run, contexts());
          const result = await runBash(
            script,
            {
              ...baseEnvironment(),
              ...options.env,
              ...runnerEnv,
              CI: 'true',
              GITHUB_ACTIONS: 'true',
              GITHUB_WORKSPACE: workspace,
              ...stepEnv,
            },
            workspace,
            (line) => say(`    | ${line}`),
          );
          record.outputs = result.outputs;
          Object.assign(exported, result.exported);
          if (result.exitCode !== 0) throw new Error(`bash exited with ${result.exitCode}`);
        } else if (stepDef.uses?.startsWith('./actions/')) {
          const action = stepDef.uses.slice('./actions/'.length).replace(/\/$/, '');
          const bundle = path.join(REPO_ROOT, 'actions', action, 'dist', 'index.js');
          if (!options.runAction && !existsSync(bundle))
            throw new Error(`actions/${action}/dist/index.js does not exist (npm run build)`);
          const overrides = options.actionInputs?.[action] ?? {};
          for (const [k, v] of Object.entries(overrides)) say(`    rehearsal override: ${k}=${v}`);
          const run = await runAction({
            action,
            inputs: { ...withInputs, ...overrides },
            env: { ...options.env, ...runnerEnv, ...stepEnv },
            cwd: workspace,
            echo: (line) => say(`    | ${line}`),
          });
          record.action = run;
          record.outputs = run.outputs;
          Object.assign(exported, run.env);
          if (run.exitCode !== 0) {
            const error = run.annotations.find((a) => a.level === 'error');
            throw new Error(error?.message ?? `actions/${action} exited with ${run.exitCode}`);
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
            env: { ...options.env },
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
    say(`job ${id}: ${job.result}`);
  }
  const conclusion = Object.values(jobs).some((j) => j.result === 'failure')
    ? 'failure'
    : 'success';
  return { conclusion, order, jobs, log };
}
