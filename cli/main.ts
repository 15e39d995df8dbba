/**
 * `apprunner-ops`: the suite's procedures from a terminal, for the day GitHub is down or a
 * runner was lost mid-deploy, and to start using the suite. Every command calls the same
 * core functions as the actions; only the logger and the renderer differ.
 * Exit codes: 0 ok, 1 failed, 2 bad input (nothing was changed).
 */
import { setDurationStyle } from '../core/util/duration.js';
import { closeDatabaseRoute } from '../core/util/pg-client.js';
import { ConfigError, DomainFailure, errorMessage, InputError } from '../core/util/errors.js';
import { closestKey } from '../core/util/zod-issues.js';
import { parseArgs, UsageError } from './args.js';
import { COMMANDS, type Command } from './commands/index.js';
import { EXIT, type CliIo } from './io.js';
import { suiteIdentity } from './suite.js';
import { inCliWords } from './words.js';

export { inCliWords };

export { COMMANDS };

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: apprunner-ops <command> [arguments] [--options]',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'apprunner-ops <command> --help shows its options; apprunner-ops --version says which',
    'release and commit this is. Credentials: the standard AWS chain',
    '(profiles, SSO, environment); records: GITHUB_TOKEN, AUDIT_DATABASE_URL, SLACK_WEBHOOK_URL,',
    'BETTERSTACK_TOKEN when set. Exit codes: 0 ok, 1 failed, 2 bad input.',
  ].join('\n');
}

/** `apprunner-ops 1.1.0 (commit 0123abc…, apprunner-ops/apprunner-ops)`. */
export function versionLine(): string {
  const suite = suiteIdentity();
  const commit = suite.commit
    ? `commit ${suite.commit}${suite.commitSource === 'checkout' ? ', from this checkout' : ''}`
    : 'commit unknown: neither a git checkout nor a packed release';
  return `apprunner-ops ${suite.version} (${commit}; ${suite.repository})`;
}

function commandHelp(command: Command): string {
  const width = Math.max(0, ...Object.keys(command.flags).map((f) => f.length + 2));
  return [
    `usage: ${command.usage}`,
    '',
    command.summary,
    ...(Object.keys(command.flags).length ? ['', 'options:'] : []),
    ...Object.entries(command.flags).map(
      ([name, spec]) => `  ${`--${name}`.padEnd(width)}  ${spec.description}`,
    ),
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Every duration printed from here on, the core's summaries and plans included, in words.
  setDurationStyle('words');
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    (name === undefined ? io.stderr : io.stdout).write(`${usage()}\n`);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === 'version') {
    io.stdout.write(`${versionLine()}\n`);
    return EXIT.ok;
  }
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      const hint = closestKey(
        name,
        COMMANDS.map((c) => c.name),
      );
      throw new UsageError(
        `unknown command "${name}"${hint ? `; did you mean "${hint}"?` : ''} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`,
      );
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(`${commandHelp(command)}\n`);
      return EXIT.ok;
    }
    const args = parseArgs(rest, command.flags);
    const run = await command.load();
    return await run.call(command, args, io);
  } catch (error) {
    io.stderr.write(`apprunner-ops ${name}: ${describe(error)}\n`);
    if (error instanceof UsageError || error instanceof InputError || error instanceof ConfigError)
      return EXIT.usage;
    // Found before anything changed: a wrong image is bad input, like a wrong flag. By name:
    // the class lives with the ECR client, which only deploy and rollback load.
    if (error instanceof DomainFailure && error.name === 'ImageNotFound') return EXIT.usage;
    if (error instanceof DomainFailure) return EXIT.failed;
    if (error instanceof Error && error.stack && io.env['APPRUNNER_OPS_DEBUG'])
      io.stderr.write(`${error.stack}\n`);
    return EXIT.failed;
  } finally {
    // A command that reached a private database (database.access: ssm) ends its sessions.
    await closeDatabaseRoute().catch(() => undefined);
  }
}

/** The AWS SDK found no credentials anywhere in its chain (or they expired), somewhere in `error`'s causes. */
function missingCredentials(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (
      e.name === 'CredentialsProviderError' ||
      /Could not load credentials from any providers|The SSO session .* has expired|Token is expired/i.test(
        e.message,
      )
    )
      return true;
  }
  return false;
}

function describe(error: unknown): string {
  if (missingCredentials(error))
    return `no AWS credentials: run \`aws sso login\` (or \`aws configure\`) or set AWS_PROFILE, then try again (${errorMessage(error)})`;
  // Inputs of the command line are flags: say --reason, not input "reason".
  if (error instanceof InputError) return inCliWords(error.message);
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DomainFailure)
    return inCliWords(error.message);
  return `unexpected error (a bug in apprunner-ops; please report it): ${errorMessage(error)}`;
}
