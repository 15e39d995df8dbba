import path from 'node:path';
import { loadConfig, selectEnvironment } from '../../core/config/load.js';
import type { Config, EnvironmentConfig } from '../../core/config/schema.js';
import { UsageError, type ParsedArgs } from '../args.js';
import { ask, type CliIo } from '../io.js';

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.flags.get(name) === true;
}

export function configPath(args: ParsedArgs, io: CliIo): string {
  return path.resolve(io.cwd, stringFlag(args, 'config') ?? '.github/apprunner-ops.yml');
}

export async function loadEnvironment(
  args: ParsedArgs,
  io: CliIo,
  name: string,
): Promise<{ config: Config; env: EnvironmentConfig; file: string }> {
  const file = configPath(args, io);
  const config = await loadConfig(file);
  return { config, env: selectEnvironment(config, name, file), file };
}

export function positional(args: ParsedArgs, index: number, what: string, usage: string): string {
  const value = args.positionals[index];
  if (value === undefined) throw new UsageError(`missing ${what}; usage: ${usage}`);
  return value;
}

export function noExtraPositionals(args: ParsedArgs, max: number, usage: string): void {
  if (args.positionals.length > max)
    throw new UsageError(`unexpected argument "${args.positionals[max]}"; usage: ${usage}`);
}

/**
 * A change to an environment that has required reviewers on GitHub is confirmed by typing its
 * name, as the reviewers would have approved it. `--yes` is for scripts.
 */
export async function confirmChange(
  io: CliIo,
  environment: string,
  env: EnvironmentConfig,
  what: string,
  yes: boolean,
): Promise<void> {
  if (yes || !env['required-reviewers']) return;
  const answer = await ask(
    io,
    `${what} in ${environment}, which has required reviewers on GitHub. Type "${environment}" to go on: `,
  );
  if (answer === undefined)
    throw new UsageError(
      `${environment} has required reviewers: confirm on a terminal, or pass --yes from a script`,
    );
  if (answer !== environment)
    throw new UsageError(`not confirmed ("${answer}"); nothing was changed`);
}

/** Says which records a run from this terminal will not leave, so nobody assumes them. */
export function missingRecords(
  io: CliIo,
  kind: 'deploy' | 'rollback',
  commitKnown: boolean,
): string[] {
  const missing: string[] = [];
  if (!io.env['GITHUB_TOKEN'])
    missing.push(`GITHUB_TOKEN is not set: the Deployments page will not show this ${kind}`);
  else if (!commitKnown)
    missing.push(
      `no commit is known (GITHUB_SHA is unset and this is not a git checkout): the Deployments page will not show this ${kind}`,
    );
  if (!io.env['AUDIT_DATABASE_URL'])
    missing.push(`AUDIT_DATABASE_URL is not set: no audit_log row will be written`);
  if (!io.env['SLACK_WEBHOOK_URL'])
    missing.push(`SLACK_WEBHOOK_URL is not set: Slack will not hear of this ${kind}`);
  return missing;
}
