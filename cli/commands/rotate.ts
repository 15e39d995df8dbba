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
import { EXIT, type Command } from '../io.js';
import { renderSummaryFor } from '../render.js';
import { terminalRunInfo } from '../run-info.js';
import { terminalLogger } from '../terminal-logger.js';
import {
  boolFlag,
  CONFIG_FLAG,
  configPath,
  confirmChange,
  loadEnvironment,
  noExtraPositionals,
  positional,
  stringFlag,
} from './shared.js';

export const rotateCommand: Command = {
  name: 'rotate',
  usage:
    'apprunner-ops rotate <environment> <secret|due> --reason "…" [--dry-run] [--resume] [--yes] [--json]',
  summary:
    'rotate a secret (or every one that is due) as rotate-secret does: never loses the working one',
  flags: {
    ...CONFIG_FLAG,
    reason: { type: 'string', description: 'why; required, recorded everywhere' },
    'dry-run': { type: 'boolean', description: 'show the plan and change nothing' },
    resume: {
      type: 'boolean',
      description:
        'finish (or undo) a rotation found unfinished instead of stopping; only when no other rotation of it runs',
    },
    yes: { type: 'boolean', description: 'do not ask for confirmation (scripts)' },
    json: { type: 'boolean', description: 'print the outcome as JSON on stdout' },
    'poll-interval': { type: 'string', description: 'pause between polls, e.g. 10s' },
    'verify-timeout': { type: 'string', description: 'deadline of the health checks, e.g. 5m' },
  },
  async run(args, io) {
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
      } else
        io.stdout.write(renderSummaryFor(renderRotation(outcome, environment).toMarkdown(), io));
      io.stderr.write(`${outcome.ok ? '' : 'FAILED: '}${outcome.headline}\n`);
      return outcome.ok ? EXIT.ok : EXIT.failed;
    } finally {
      logger.stop();
    }
  },
};
