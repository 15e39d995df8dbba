/**
 * `apprunner-ops check <environment> <daily|weekly|monthly>`: the routine checks of the
 * configuration, run by the same function as the ops-check action (core/checks/ops-check.ts),
 * read-only. From a terminal there is no GitHub issue and no Slack message: those belong to
 * the scheduled workflow; the result is the table, and the exit code.
 */
import { Summary } from '../../core/action/summary.js';
import { opsCheck, SCHEDULES, type Schedule } from '../../core/checks/ops-check.js';
import { addCheckTable, countsLine } from '../../core/checks/report.js';
import { systemClock } from '../../core/util/clock.js';
import { UsageError } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandSpec } from './index.js';
import type { ParsedArgs } from '../args.js';
import { renderSummaryFor } from '../render.js';
import { terminalRunInfo } from '../run-info.js';
import { terminalLogger } from '../terminal-logger.js';
import { boolFlag, configPath, loadEnvironment, noExtraPositionals, positional } from './shared.js';

export async function runCheck(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  const environment = positional(args, 0, 'the environment', this.usage);
  const schedule = positional(args, 1, 'the schedule', this.usage);
  noExtraPositionals(args, 2, this.usage);
  if (!(SCHEDULES as readonly string[]).includes(schedule))
    throw new UsageError(
      `schedule "${schedule}": expected ${SCHEDULES.join(', ')}; usage: ${this.usage}`,
    );
  const file = configPath(args, io);
  // The environment and its list are checked before any AWS call.
  const { env } = await loadEnvironment(args, io, environment);
  if (!env.checks?.[schedule as Schedule]?.length)
    throw new UsageError(
      `environments.${environment}.checks.${schedule}: no checks configured in ${file}`,
    );
  const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
  const logger = terminalLogger(io.stderr, { color });
  try {
    const { report } = await opsCheck(
      {
        config: file,
        environment,
        schedule: schedule as Schedule,
        checks: undefined,
        githubToken: io.env['GITHUB_TOKEN'] || undefined,
        // A terminal run reports on the screen: no Slack message, no GitHub issue.
        slackWebhookUrl: undefined,
        betterstackToken: io.env['BETTERSTACK_TOKEN'] || undefined,
        databaseUrl: io.env['OPS_DATABASE_URL'] || undefined,
        auditDatabaseUrl: io.env['AUDIT_DATABASE_URL'] || undefined,
        openIssue: false,
      },
      { clock: systemClock, logger, run: terminalRunInfo(io.env, io.cwd, io.now()) },
    );
    logger.stop();
    if (boolFlag(args, 'json')) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else
      io.stdout.write(
        renderSummaryFor(
          addCheckTable(new Summary(), report, `${schedule} checks of ${environment}`).toMarkdown(),
          io,
        ),
      );
    io.stderr.write(
      `${report.passed ? '' : 'FAILED: '}${schedule} checks of ${environment}: ${countsLine(report.counts)}\n`,
    );
    return report.passed ? EXIT.ok : EXIT.failed;
  } finally {
    logger.stop();
  }
}
