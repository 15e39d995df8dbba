/**
 * `apprunner-ops diagnose <environment>`: the runbooks' database diagnostics (connections,
 * long-queries, blocking, replication-lag, storage-growth) as one table, read-only, through the same check code as the routine
 * lists and the gate; non-zero when any fails. The database URL comes from OPS_DATABASE_URL.
 */
import { Summary } from '../../core/action/summary.js';
import { opsCheck } from '../../core/checks/ops-check.js';
import { addCheckTable, countsLine } from '../../core/checks/report.js';
import { checkItemSchema } from '../../core/checks/registry.js';
import { systemClock } from '../../core/util/clock.js';
import { EXIT, type CliIo } from '../io.js';
import type { ParsedArgs } from '../args.js';
import { renderSummaryFor } from '../render.js';
import { terminalRunInfo } from '../run-info.js';
import { terminalLogger } from '../terminal-logger.js';
import type { CommandSpec } from './index.js';
import { boolFlag, configPath, loadEnvironment, noExtraPositionals, positional } from './shared.js';

/** The diagnostics, with their defaults (a configuration's own list is not needed). */
export const DIAGNOSTICS = [
  'connections',
  'long-queries',
  'blocking',
  'replication-lag',
  'storage-growth',
] as const;

export async function runDiagnose(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  const environment = positional(args, 0, 'the environment', this.usage);
  noExtraPositionals(args, 1, this.usage);
  const file = configPath(args, io);
  await loadEnvironment(args, io, environment);
  const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
  const logger = terminalLogger(io.stderr, { color });
  try {
    const { report } = await opsCheck(
      {
        config: file,
        environment,
        schedule: undefined,
        checks: DIAGNOSTICS.map((type) => checkItemSchema.parse({ type })),
        githubToken: undefined,
        slackWebhookUrl: undefined,
        betterstackToken: undefined,
        databaseUrl: io.env['OPS_DATABASE_URL'] || undefined,
        auditDatabaseUrl: undefined,
        openIssue: false,
      },
      { clock: systemClock, logger, run: terminalRunInfo(io.env, io.cwd, io.now()) },
    );
    logger.stop();
    if (boolFlag(args, 'json')) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else
      io.stdout.write(
        renderSummaryFor(
          addCheckTable(
            new Summary(),
            report,
            `database diagnostics of ${environment}`,
          ).toMarkdown(),
          io,
        ),
      );
    io.stderr.write(
      `${report.passed ? '' : 'FAILED: '}database diagnostics of ${environment}: ${countsLine(report.counts)}\n`,
    );
    return report.passed ? EXIT.ok : EXIT.failed;
  } finally {
    logger.stop();
  }
}
