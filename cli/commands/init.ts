import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseConfig } from '../../core/config/load.js';
import { UsageError } from '../args.js';
import { ask, EXIT, type CliIo } from '../io.js';
import type { CommandSpec } from './index.js';
import type { ParsedArgs } from '../args.js';
import { callerWorkflows, ownSuiteReference, parseSuiteReference } from '../caller-workflows.js';
import { releasedSuite } from '../suite.js';
import { boolFlag, stringFlag } from './shared.js';

interface Answers {
  environments: string[];
  region: string;
  serviceArn: Record<string, string>;
  ecrRepository: string;
  /** RDS instance per environment; absent: no database. */
  database: Record<string, string | undefined>;
  healthUrl: Record<string, string>;
  healthPath: Record<string, string>;
  /** Dot path of the version in the health JSON; absent: the service does not report it. */
  versionPath: Record<string, string | undefined>;
}

/** What a person types for "this environment has none". */
const NONE = new Set(['', 'none', '-']);

/** `a=1,b=2` per environment, or one value for every environment. */
function perEnvironment(
  text: string,
  environments: string[],
  flag: string,
): Record<string, string> {
  if (!text.includes('=')) return Object.fromEntries(environments.map((e) => [e, text]));
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    if (!environments.includes(name))
      throw new UsageError(
        `--${flag}: "${name}" is not one of the environments (${environments.join(', ')})`,
      );
    out[name] = pair.slice(at + 1).trim();
  }
  for (const e of environments)
    if (!out[e])
      throw new UsageError(
        `--${flag}: no value for environment "${e}"; give ${environments.map((n) => `${n}=…`).join(',')}`,
      );
  return out;
}

async function value(
  io: CliIo,
  given: string | undefined,
  flag: string,
  question: string,
  fallback?: string,
): Promise<string> {
  if (given !== undefined) return given;
  const answer = await ask(io, `${question}${fallback ? ` [${fallback}]` : ''}: `);
  if (answer === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`--${flag} is required when there is no terminal to ask on`);
  }
  return answer || fallback || value(io, undefined, flag, question, fallback);
}

async function gather(args: ParsedArgs, io: CliIo): Promise<Answers> {
  const environments = (
    await value(
      io,
      stringFlag(args, 'environments'),
      'environments',
      'Environments, in deploy order',
      'staging,production',
    )
  )
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const region = await value(io, stringFlag(args, 'region'), 'region', 'AWS region', 'eu-west-1');
  const arnText = stringFlag(args, 'service-arn');
  const serviceArn: Record<string, string> = arnText
    ? perEnvironment(arnText, environments, 'service-arn')
    : {};
  for (const e of environments)
    serviceArn[e] ??= await value(io, undefined, 'service-arn', `App Runner service ARN of ${e}`);
  const ecrRepository = await value(
    io,
    stringFlag(args, 'ecr-repository'),
    'ecr-repository',
    'ECR repository name',
  );
  const database = await eachEnvironment(
    io,
    args,
    environments,
    'database',
    (e) => `RDS instance identifier of ${e} ("none": no database)`,
    'none',
  );
  const urlText = stringFlag(args, 'health-url');
  const healthUrl: Record<string, string> = urlText
    ? perEnvironment(urlText, environments, 'health-url')
    : {};
  for (const e of environments)
    healthUrl[e] ??= await value(
      io,
      undefined,
      'health-url',
      `Public base URL of ${e} (health checks)`,
    );
  const healthPath = await eachEnvironment(
    io,
    args,
    environments,
    'health-path',
    (e) => `Path of ${e}'s health endpoint`,
    '/health',
  );
  const versionPath = await eachEnvironment(
    io,
    args,
    environments,
    'version-path',
    (e) =>
      `Dot path of the running version in ${e}'s health JSON, e.g. data.version ("none": not reported)`,
    'none',
  );
  for (const [e, p] of Object.entries(healthPath))
    if (!p.startsWith('/'))
      throw new UsageError(`--health-path: "${p}" for ${e} must start with /, e.g. /health`);
  return {
    environments,
    region,
    serviceArn,
    ecrRepository,
    database: noneToUndefined(database),
    healthUrl,
    healthPath,
    versionPath: noneToUndefined(versionPath),
  };
}

function noneToUndefined(values: Record<string, string>): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(values).map(([e, v]) => [e, NONE.has(v.toLowerCase()) ? undefined : v]),
  );
}

/** One answer per environment: from the flag (one value, or env=value pairs), else asked. */
async function eachEnvironment(
  io: CliIo,
  args: ParsedArgs,
  environments: string[],
  flag: string,
  question: (environment: string) => string,
  fallback: string,
): Promise<Record<string, string>> {
  const text = stringFlag(args, flag);
  if (text !== undefined) return perEnvironment(text, environments, flag);
  const out: Record<string, string> = {};
  for (const e of environments) out[e] = await value(io, undefined, flag, question(e), fallback);
  return out;
}
export function configText(a: Answers): string {
  const environments: Record<string, unknown> = {};
  for (const [index, name] of a.environments.entries()) {
    environments[name] = {
      region: a.region,
      'service-arn': a.serviceArn[name],
      'ecr-repository': a.ecrRepository,
      ...(index === a.environments.length - 1 ? { 'required-reviewers': true } : {}),
      ...(a.database[name] ? { database: { instance: a.database[name] } } : {}),
      health: {
        'base-url': a.healthUrl[name],
        ...(a.versionPath[name] ? { 'version-path': a.versionPath[name] } : {}),
        checks: [
          {
            name: 'health',
            path: a.healthPath[name],
            // Without a version path a deploy cannot see which version answers.
            ...(a.versionPath[name] ? { 'reports-version': true } : {}),
            expect: { status: 200 },
          },
        ],
      },
    };
  }
  return `# apprunner-ops configuration, written by \`apprunner-ops init\`; check it with \`apprunner-ops validate\`.\n${stringify({ version: 1, environments })}`;
}

export async function runInit(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length > 0)
    throw new UsageError(`unexpected argument "${args.positionals[0]}"; usage: ${this.usage}`);
  const suiteText = stringFlag(args, 'suite');
  // Checked before any question: the callers must name a suite that exists.
  const suite =
    suiteText === undefined ? ownSuiteReference(releasedSuite()) : parseSuiteReference(suiteText);
  const answers = await gather(args, io);
  const config = configText(answers);
  const configFile = '.github/apprunner-ops.yml';
  // Written only if it validates: init never leaves a file that the next command refuses.
  parseConfig(config, configFile);
  const files: Record<string, string> = {
    [configFile]: config,
    ...callerWorkflows(answers.environments, suite),
  };
  const existing = Object.keys(files).filter((f) => existsSync(path.join(io.cwd, f)));
  if (existing.length > 0 && !boolFlag(args, 'force'))
    throw new UsageError(
      `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; pass --force to overwrite`,
    );
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(io.cwd, file)), { recursive: true });
    await writeFile(path.join(io.cwd, file), text);
    io.stdout.write(`wrote ${file}\n`);
  }
  const pinned = `${suite.repository}@${suite.ref}${suite.comment ? ` (${suite.comment})` : ''}`;
  const hint = /^[0-9a-f]{40}$/.test(suite.ref)
    ? ''
    : ` ${suite.ref} can be moved: pin its commit SHA instead (docs/setup.md §9).`;
  io.stdout.write(
    `The callers use ${pinned}.${hint}\nNext: apprunner-ops validate, then commit these files and set up the GitHub environments (docs/setup.md).\n`,
  );
  return EXIT.ok;
}
