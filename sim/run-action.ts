/**
 * Runs a built action bundle the way the GitHub runner does: a child `node` process with
 * INPUT_<NAME> variables (hyphens kept, defaults from action.yml), the GITHUB_OUTPUT /
 * GITHUB_STATE / GITHUB_ENV / GITHUB_STEP_SUMMARY files, the usual GITHUB_* context, and the
 * `post:` entry afterwards with the saved state. Used by the bundle tests and the demo.
 */
import { spawn } from 'node:child_process';
import { readFile, rmdir, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { runnerNode } from './runner-node.js';
import { scratchFolder } from './scratch-folders.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A folder of <action>/dist bundles to run instead of the committed ones (CI's fresh build). */
export const ACTIONS_DIR_ENV = 'APPRUNNER_OPS_ACTIONS_DIR';

export interface ActionRunOptions {
  /** Folder name under actions/. */
  action: string;
  inputs?: Record<string, string>;
  /** Extra environment (e.g. the sim's endpoints); checked by `assertSafeAwsEnvironment`. */
  env?: Record<string, string>;
  /** The job's working directory (GITHUB_WORKSPACE). */
  cwd?: string;
  /** Kill the main step after this long, as a cancelled job would (SIGINT), then run post. */
  cancelAfterMs?: number;
  /** Cancel the main step (SIGINT) as soon as its output matches, then run post. */
  cancelOn?: RegExp;
  /** The runner is lost: SIGKILL as soon as the output matches, and no post step runs. */
  loseRunnerOn?: RegExp;
  /** Kill the main step (SIGKILL, a lost runner: no post step) as soon as its output matches. */
  killOn?: RegExp;
  /**
   * Kill the main step (SIGKILL, a lost runner: no post step) this long after its first output
   * (its code running: how long node takes to load a bundle on a busy machine is not counted).
   */
  killAfterMs?: number;
  /** Hard limit for each process; the run fails loudly past it. */
  timeoutMs?: number;
  /** Print the child's output as it comes (the demo does). */
  echo?: (line: string) => void;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  properties: Record<string, string>;
}

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  annotations: Annotation[];
  durationMs: number;
  /** From the start of the process to its first output (undefined: it printed nothing). */
  firstOutputMs?: number;
}

export interface ActionRun extends StepResult {
  /** RUNNER_TEMP of the run, kept so reports written there can be read. */
  runnerTemp: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  summary: string;
  /** Present when action.yml declares `runs.post`. */
  post?: StepResult;
}

interface ActionManifest {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  outputs?: Record<string, unknown>;
  runs: { using: string; main: string; post?: string };
}

export async function readManifest(action: string): Promise<ActionManifest> {
  const text = await readFile(path.join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8');
  return parseYaml(text) as ActionManifest;
}

/** Parses the `name<<delimiter` file format of GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV. */
export function parseCommandFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
      result[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      result[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return result;
}

const unescapeData = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string): string =>
  unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function parseAnnotations(stdout: string): Annotation[] {
  const found: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
    }
    found.push({
      level: match[1] as Annotation['level'],
      message: unescapeData(match[3] ?? ''),
      properties,
    });
  }
  return found;
}

/** Actions that make no AWS call (checked by the harness test that runs them without AWS). */
const AWS_FREE_ACTIONS = new Set(['smoke-test']);

const AWS_ENDPOINT_VARIABLES = new Set([
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_APPRUNNER',
  'AWS_ENDPOINT_URL_ECR',
  'AWS_ENDPOINT_URL_ECS',
  'AWS_ENDPOINT_URL_RDS',
  'AWS_ENDPOINT_URL_STS',
  'AWS_ENDPOINT_URL_EC2',
  'AWS_ENDPOINT_URL_SECRETS_MANAGER',
  'AWS_ENDPOINT_URL_CLOUDWATCH',
  'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  // Systems Manager (service id SSM): the stand-in aws command's StartSession (sim/bin/aws).
  'AWS_ENDPOINT_URL_SSM',
  // serviceId "Auto Scaling" and "Elastic Load Balancing v2", uppercased, spaces as _.
  'AWS_ENDPOINT_URL_AUTO_SCALING',
  'AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2',
]);

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return (
      host === 'localhost' ||
      host === '[::1]' ||
      host === '::1' ||
      /^127\.\d+\.\d+\.\d+$/.test(host)
    );
  } catch {
    return false;
  }
}

/**
 * Refuses an environment in which an AWS call could leave this machine: the catch-all
 * AWS_ENDPOINT_URL must point at loopback (so every service without its own variable goes
 * there too), and every AWS_ENDPOINT_URL_* must be a name the SDK knows (a misspelled one is
 * silently ignored by the SDK) and point at loopback.
 */
export function assertSafeAwsEnvironment(env: Record<string, string | undefined>): void {
  const problems: string[] = [];
  const catchAll = env['AWS_ENDPOINT_URL'];
  if (!catchAll || !isLoopback(catchAll)) {
    problems.push(
      `AWS_ENDPOINT_URL must point at the local sim (loopback), got ${catchAll ?? 'nothing'}`,
    );
  }
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('AWS_ENDPOINT_URL')) continue;
    if (!AWS_ENDPOINT_VARIABLES.has(name)) {
      problems.push(
        `${name} is not an endpoint variable the AWS SDK reads (misspelled?); known: ${[...AWS_ENDPOINT_VARIABLES].join(', ')}`,
      );
    } else if (!value || !isLoopback(value)) {
      problems.push(`${name} must point at loopback, got ${value ?? 'nothing'}`);
    }
  }
  if (problems.length > 0)
    throw new Error(
      `refusing to run an action that could reach real AWS:\n- ${problems.join('\n- ')}`,
    );
}

/** GITHUB_RUN_ID of the next run (override it through `env`). */
let nextRunId = 1000;

/** The parts of this process's environment a child may see; everything AWS or GitHub is dropped. */
function baseEnvironment(): Record<string, string> {
  const keep = [
    'PATH',
    'HOME',
    'LANG',
    'TZ',
    'TMPDIR',
    'NODE_OPTIONS',
    // The tests' on-disk V8 code cache (vitest.config.ts): a bundle started again is not compiled again.
    'NODE_COMPILE_CACHE',
    'NODE_EXTRA_CA_CERTS',
    'SYSTEMROOT',
  ];
  const env: Record<string, string> = {};
  for (const key of keep) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

function runNode(
  script: string,
  env: Record<string, string>,
  cwd: string,
  options: {
    cancelAfterMs?: number;
    cancelOn?: RegExp;
    killOn?: RegExp;
    killAfterMs?: number;
    timeoutMs: number;
    echo?: (line: string) => void;
  },
): Promise<StepResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(runnerNode(), [script], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let firstOutputMs: number | undefined;
    let kill: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (firstOutputMs === undefined) {
        firstOutputMs = performance.now() - started;
        if (options.killAfterMs !== undefined)
          kill = setTimeout(() => {
            if (child.exitCode === null && !child.killed) child.kill('SIGKILL');
          }, options.killAfterMs);
      }
      stdout += text;
      if (options.killOn?.test(stdout) && child.exitCode === null && !child.killed)
        child.kill('SIGKILL');
      if (options.cancelOn?.test(stdout) && child.exitCode === null && !child.killed)
        child.kill('SIGINT');
      if (options.echo) {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) options.echo(line);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const cancel =
      options.cancelAfterMs !== undefined
        ? setTimeout(() => child.kill('SIGINT'), options.cancelAfterMs)
        : undefined;
    const hardLimit = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(hardLimit);
      if (cancel) clearTimeout(cancel);
      if (kill) clearTimeout(kill);
      if (options.echo && pending) options.echo(pending);
      resolve({
        exitCode,
        signal,
        stdout,
        stderr,
        annotations: parseAnnotations(stdout),
        durationMs: performance.now() - started,
        ...(firstOutputMs !== undefined ? { firstOutputMs } : {}),
      });
    });
  });
}

/** A step's deadline when the caller names none: it ends a run that hangs, however busy the machine. */
export const RUN_TIMEOUT_MS = 120_000;

export async function runActionBundle(options: ActionRunOptions): Promise<ActionRun> {
  const manifest = await readManifest(options.action);
  const declared = manifest.inputs ?? {};
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in declared)) {
      throw new Error(
        `actions/${options.action}/action.yml declares no input "${name}"; declared: ${Object.keys(declared).join(', ')}`,
      );
    }
  }
  const extraEnv = options.env ?? {};
  // Every action but smoke-test calls AWS: it runs only against the sim. smoke-test gets the
  // same check whenever AWS variables are passed to it.
  if (
    !AWS_FREE_ACTIONS.has(options.action) ||
    Object.keys(extraEnv).some((k) => k.startsWith('AWS_'))
  ) {
    assertSafeAwsEnvironment(extraEnv);
  }

  const dir = await scratchFolder(`run-${options.action}-`);
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_ENV: path.join(dir, 'env'),
    GITHUB_PATH: path.join(dir, 'path'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md'),
  };
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
  const cwd = options.cwd ?? REPO_ROOT;
  const env: Record<string, string> = {
    ...baseEnvironment(),
    ...files,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: cwd,
    GITHUB_REPOSITORY: 'example/drop',
    GITHUB_REPOSITORY_OWNER: 'example',
    GITHUB_SHA: 'abc1234def567890000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    // Each run is a workflow run of its own, as on GitHub: deployments are keyed by run.
    GITHUB_RUN_ID: String(nextRunId++),
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9/github-api-not-configured',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: dir,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extraEnv,
  };
  for (const [name, spec] of Object.entries(declared)) {
    const value = options.inputs?.[name] ?? spec.default ?? '';
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  // The bundles of another build when set (.ci/run tests the build it compared with dist/).
  const actionDir = path.join(
    process.env[ACTIONS_DIR_ENV] || path.join(REPO_ROOT, 'actions'),
    options.action,
  );
  const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT_MS;
  try {
    const main = await runNode(path.join(actionDir, manifest.runs.main), env, cwd, {
      timeoutMs,
      ...(options.cancelAfterMs !== undefined ? { cancelAfterMs: options.cancelAfterMs } : {}),
      ...(options.cancelOn ? { cancelOn: options.cancelOn } : {}),
      ...(options.killAfterMs !== undefined ? { killAfterMs: options.killAfterMs } : {}),
      ...(options.loseRunnerOn
        ? { killOn: options.loseRunnerOn }
        : options.killOn
          ? { killOn: options.killOn }
          : {}),
      ...(options.echo ? { echo: options.echo } : {}),
    });
    const state = parseCommandFile(await readFile(files.GITHUB_STATE, 'utf8'));
    let post: StepResult | undefined;
    if (manifest.runs.post && !options.loseRunnerOn && main.signal !== 'SIGKILL') {
      const postEnv = { ...env };
      for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value;
      post = await runNode(path.join(actionDir, manifest.runs.post), postEnv, cwd, {
        timeoutMs,
        ...(options.echo ? { echo: options.echo } : {}),
      });
    }
    return {
      ...main,
      outputs: parseCommandFile(await readFile(files.GITHUB_OUTPUT, 'utf8')),
      state,
      env: parseCommandFile(await readFile(files.GITHUB_ENV, 'utf8')),
      summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
      runnerTemp: dir,
      ...(post ? { post } : {}),
    };
  } finally {
    await Promise.all(Object.values(files).map((f) => rm(f, { force: true })));
    // RUNNER_TEMP stays while it holds what the action left there (a report the caller reads),
    // until the test file ends or the process exits (sim/scratch-folders.ts); an empty one goes
    // now.
    await rmdir(dir).catch(() => undefined);
  }
}
