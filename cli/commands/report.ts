/**
 * `apprunner-ops report <environment> [--month YYYY-MM | --from D --to D] [--json]`: the
 * monthly ops report (core/report/) in the terminal, as the `report` check makes it for the
 * job summary. Thresholds come from the environment's `report` item when it has one (any
 * schedule), else the item's defaults; `--sla-target` overrides. Every flag is checked before
 * the first call; a source that cannot be read to the end fails the command (exit 1).
 */
import { readRunInfo } from '../../core/action/github-context.js';
import { createAwsClients } from '../../core/aws/clients.js';
import { reportPeriodOf } from '../../core/checks/report-check.js';
import { reportSchema } from '../../core/checks/schemas/report.js';
import { buildOpsReport, validateThresholds } from '../../core/report/ops-report.js';
import { reportText } from '../../core/report/render.js';
import { systemClock } from '../../core/util/clock.js';
import { DomainFailure, errorMessage } from '../../core/util/errors.js';
import { z } from 'zod';
import type { ParsedArgs } from '../args.js';
import { UsageError } from '../args.js';
import { EXIT, type CliIo } from '../io.js';
import { terminalLogger } from '../terminal-logger.js';
import { terminalRunInfo } from '../run-info.js';
import { inCliWords } from '../words.js';
import type { CommandSpec } from './index.js';
import { boolFlag, loadEnvironment, noExtraPositionals, positional, stringFlag } from './shared.js';

const itemSchema = z.object(reportSchema.shape);

export async function runReport(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  const environment = positional(args, 0, 'the environment', this.usage);
  noExtraPositionals(args, 1, this.usage);
  const { env } = await loadEnvironment(args, io, environment);
  const configured = Object.values(env.checks ?? {})
    .flat()
    .find((item) => item?.type === 'report');
  const item = itemSchema.parse(configured ?? {});
  const target = stringFlag(args, 'sla-target');
  const slaTarget = target === undefined ? item['sla-target'] : Number(target);
  const month = stringFlag(args, 'month');
  const from = stringFlag(args, 'from');
  const to = stringFlag(args, 'to');
  let period;
  try {
    if (target !== undefined && !/^\d+(\.\d+)?$/.test(target))
      throw new Error(`--sla-target "${target}" is not a number; give a percent such as 99.9`);
    validateThresholds(
      {
        slaTarget,
        maxErrorPercent: item['max-error-percent'],
        maxP99Ms: item['max-p99-ms'],
      },
      '--sla-target',
    );
    period = reportPeriodOf(
      month !== undefined || from !== undefined || to !== undefined
        ? { month, from, to }
        : { month: item.month, from: item.from, to: item.to },
      io.now(),
    );
  } catch (error) {
    throw new UsageError(
      errorMessage(error)
        .replace(/^report: month: /, '--month: ')
        .replace(/^report: from\/to: /, '--from/--to: ')
        .replace(/^report: /, '')
        .replace(/\bfrom and to\b/, '--from and --to')
        .replace(/\bmonth or from and to\b/, '--month or --from and --to'),
    );
  }
  const color = !io.env['NO_COLOR'] && io.stderr.isTTY === true;
  const logger = terminalLogger(io.stderr, { color });
  try {
    const report = await buildOpsReport(
      {
        environment,
        env,
        aws: createAwsClients(env.region),
        secrets: {
          betterstackToken: io.env['BETTERSTACK_TOKEN'] || undefined,
          auditDatabaseUrl: io.env['AUDIT_DATABASE_URL'] || undefined,
          githubToken: io.env['GITHUB_TOKEN'] || undefined,
        },
        // GITHUB_TOKEN and the repository (GITHUB_REPOSITORY or the origin remote): lead times
        // and gate runs from GitHub.
        run:
          io.env['GITHUB_ACTIONS'] === 'true'
            ? readRunInfo(io.env)
            : terminalRunInfo(io.env, io.cwd, io.now()),
        clock: systemClock,
        logger,
        // The report reads a month of data in a few calls; five minutes is far beyond them.
        signal: AbortSignal.timeout(5 * 60_000),
      },
      {
        period,
        thresholds: {
          slaTarget,
          maxErrorPercent: item['max-error-percent'],
          maxP99Ms: item['max-p99-ms'],
        },
        monitorIds: item['monitor-ids'],
      },
    ).catch((error: unknown) => {
      throw new DomainFailure(
        inCliWords(`the report of ${period.label} was not made: ${errorMessage(error)}`),
      );
    });
    logger.stop();
    io.stdout.write(
      boolFlag(args, 'json') ? `${JSON.stringify(report, null, 2)}\n` : `${reportText(report)}\n`,
    );
    return report.findings.some((f) => f.level === 'fail') ? EXIT.failed : EXIT.ok;
  } finally {
    logger.stop();
  }
}
