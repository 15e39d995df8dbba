/**
 * `apprunner-ops rotate <environment> <secret|due> --reason "…"`: rotate-secret from a
 * terminal. The same input reading (actions/rotate-secret/src/inputs.ts, defaults from its
 * action.yml), the same preparation and run (core/rotation/), the same records when
 * GITHUB_TOKEN, AUDIT_DATABASE_URL and SLACK_WEBHOOK_URL are set.
 */
import { readRunInfo } from '../../core/action/github-context.js';
import { prepareRotation } from '../../core/rotation/prepare.js';
import { runRotation } from '../../core/rotation/run.js';
import { renderRotation } from '../../core/rotation/summary.js';
import { systemClock } from '../../core/util/clock.js';
import { readRotateInputs } from '../../actions/rotate-secret/src/inputs.js';
import { commandInputs, secretsFromEnvironment } from '../action-inputs.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandSpec } from './index.js';
import type { ParsedArgs } from '../args.js';
import { renderSummaryFor } from '../render.js';
import { terminalRunInfo } from '../run-info.js';
import { terminalLogger } from '../terminal-logger.js';
import {
  boolFlag,
  configPath,
  confirmChange,
  loadEnvironment,
  noExtraPositionals,
  positional,
  stringFlag,
} from './shared.js';

export async function runRotate(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  const environment = positional(args, 0, 'the environment', this.usage);
  const secret = positional(
    args,
    1,
    'the secret (a name from the configuration, or due)',
    this.usage,
  );
  noExtraPositionals(args, 2, this.usage);
  const request = readRotateInputs(
    commandInputs('rotate-secret', {
      config: configPath(args, io),
      environment,
      secret,
      reason: stringFlag(args, 'reason'),
      'dry-run': args.flags.has('dry-run') ? String(args.flags.get('dry-run')) : undefined,
      unfinished: boolFlag(args, 'resume') ? 'resume' : undefined,
      'poll-interval': stringFlag(args, 'poll-interval'),
      'verify-timeout': stringFlag(args, 'verify-timeout'),
      ...secretsFromEnvironment(io.env),
    }),
  );
  const { env } = await loadEnvironment(args, io, environment);
  const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
  const logger = terminalLogger(io.stderr, { color });
  const run =
    io.env['GITHUB_ACTIONS'] === 'true'
      ? readRunInfo(io.env)
      : terminalRunInfo(io.env, io.cwd, io.now());
  try {
    // Checks the secret against the configuration before anything is asked or changed.
    const ctx = await prepareRotation(request, { run, clock: systemClock, logger });
    if (!request.dryRun)
      await confirmChange(io, environment, env, `Rotate ${secret}`, boolFlag(args, 'yes'));
    if (!request.auditDatabaseUrl)
      logger.warning('AUDIT_DATABASE_URL is not set: no audit_log row will be written');
    if (!request.githubToken)
      logger.warning('GITHUB_TOKEN is not set: no commit status will record this rotation');
    if (!request.slackWebhookUrl)
      logger.warning('SLACK_WEBHOOK_URL is not set: Slack will not hear of this rotation');
    const outcome = await runRotation(request, ctx);
    logger.stop();
    if (boolFlag(args, 'json')) {
      const { steps: _steps, ...rest } = outcome;
      io.stdout.write(`${JSON.stringify(rest, null, 2)}\n`);
    } else io.stdout.write(renderSummaryFor(renderRotation(outcome, environment).toMarkdown(), io));
    io.stderr.write(`${outcome.ok ? '' : 'FAILED: '}${outcome.headline}\n`);
    return outcome.ok ? EXIT.ok : EXIT.failed;
  } finally {
    logger.stop();
  }
}
