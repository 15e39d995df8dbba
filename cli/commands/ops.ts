import { readRunInfo } from '../../core/action/github-context.js';
import { cleanUpAfterRun } from '../../core/deploy/cleanup.js';
import { deploy } from '../../core/deploy/deploy.js';
import type { OpsOutcome } from '../../core/deploy/outcome.js';
import { deployImageRef, prepareOps } from '../../core/deploy/prepare.js';
import { parseRollbackTarget, rollback } from '../../core/deploy/rollback.js';
import { renderOutcome } from '../../core/deploy/summary.js';
import { systemClock } from '../../core/util/clock.js';
import { readDeployInputs } from '../../actions/deploy/src/inputs.js';
import { readRollbackInputs } from '../../actions/rollback/src/inputs.js';
import { commandInputs, secretsFromEnvironment } from '../action-inputs.js';
import type { ParsedArgs } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandSpec } from './index.js';
import { renderSummaryFor } from '../render.js';
import { terminalRunInfo } from '../run-info.js';
import { terminalLogger } from '../terminal-logger.js';
import {
  boolFlag,
  configPath,
  confirmChange,
  loadEnvironment,
  missingRecords,
  noExtraPositionals,
  positional,
  stringFlag,
} from './shared.js';

function given(
  args: ParsedArgs,
  io: CliIo,
  environment: string,
): Record<string, string | undefined> {
  const bool = (name: string): string | undefined =>
    args.flags.has(name) ? String(args.flags.get(name)) : undefined;
  return {
    config: configPath(args, io),
    environment,
    'dry-run': bool('dry-run'),
    snapshot: bool('snapshot'),
    timeout: stringFlag(args, 'timeout'),
    'poll-interval': stringFlag(args, 'poll-interval'),
    'verify-timeout': stringFlag(args, 'verify-timeout'),
    ...secretsFromEnvironment(io.env),
  };
}

/**
 * Runs deploy or rollback exactly as the action does (same input reading, same core
 * function), with the terminal's logger and renderer. Ctrl-C closes what the run opened
 * (monitors, the GitHub deployment), as the action's post step would.
 */
async function runOps(
  io: CliIo,
  args: ParsedArgs,
  kind: 'deploy' | 'rollback',
  body: (
    deps: Parameters<typeof prepareOps>[1],
    logger: ReturnType<typeof terminalLogger>,
  ) => Promise<OpsOutcome>,
): Promise<number> {
  const json = boolFlag(args, 'json');
  const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
  const logger = terminalLogger(io.stderr, { color });
  const state = new Map<string, string>();
  const run =
    io.env['GITHUB_ACTIONS'] === 'true'
      ? readRunInfo(io.env)
      : terminalRunInfo(io.env, io.cwd, io.now());
  for (const line of missingRecords(io, kind, run.sha !== '')) logger.warning(line);
  const onInterrupt = (): void => {
    logger.stop();
    logger.warning(`interrupted: closing what this ${kind} opened`);
    void cleanUpAfterRun(
      {
        monitors: state.get('maintenance-monitors') ?? '',
        pauseId: state.get('maintenance-pause-id') ?? '',
        deploymentId: state.get('deployment-id') ?? '',
      },
      { betterstack: io.env['BETTERSTACK_TOKEN'], github: io.env['GITHUB_TOKEN'] },
      { run, clock: systemClock, logger },
    ).finally(() => process.exit(EXIT.interrupted));
  };
  process.once('SIGINT', onInterrupt);
  try {
    const outcome = await body(
      { run, clock: systemClock, logger, state: { save: (k, v) => void state.set(k, v) } },
      logger,
    );
    logger.stop();
    if (json) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
    else io.stdout.write(renderSummaryFor(renderOutcome(outcome).toMarkdown(), io));
    io.stderr.write(`${outcome.ok ? '' : 'FAILED: '}${outcome.headline}\n`);
    return outcome.ok ? EXIT.ok : EXIT.failed;
  } finally {
    logger.stop();
    process.removeListener('SIGINT', onInterrupt);
  }
}

export async function runDeploy(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  const environment = positional(args, 0, 'the environment', this.usage);
  const image = positional(args, 1, 'the image', this.usage);
  noExtraPositionals(args, 2, this.usage);
  const inputs = commandInputs('deploy', {
    ...given(args, io, environment),
    image,
    'auto-rollback': args.flags.has('auto-rollback')
      ? String(args.flags.get('auto-rollback'))
      : undefined,
  });
  const request = readDeployInputs(inputs);
  const { env } = await loadEnvironment(args, io, environment);
  if (!request.dryRun)
    await confirmChange(io, environment, env, `Deploy ${image}`, boolFlag(args, 'yes'));
  return runOps(io, args, 'deploy', async (deps) => {
    const ops = await prepareOps(request, deps);
    return deploy(ops, {
      image: deployImageRef(ops, request.image),
      snapshot: request.snapshot,
      autoRollback: request.autoRollback,
      dryRun: request.dryRun,
    });
  });
}

export async function runRollback(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  const environment = positional(args, 0, 'the environment', this.usage);
  noExtraPositionals(args, 1, this.usage);
  const inputs = commandInputs('rollback', {
    ...given(args, io, environment),
    to: stringFlag(args, 'to'),
    reason: stringFlag(args, 'reason'),
    'down-migration-command': stringFlag(args, 'down-migration-command'),
  });
  const request = readRollbackInputs(inputs);
  const { env } = await loadEnvironment(args, io, environment);
  if (!request.dryRun)
    await confirmChange(io, environment, env, `Roll back to ${request.to}`, boolFlag(args, 'yes'));
  return runOps(io, args, 'rollback', async (deps) => {
    const ops = await prepareOps(request, deps);
    return rollback(ops, {
      to: parseRollbackTarget(request.to, ops),
      reason: request.reason,
      snapshot: request.snapshot,
      downMigrationCommand: request.downMigrationCommand,
      dryRun: request.dryRun,
    });
  });
}
