/**
 * The `report` check type (its file is not `report.ts`, which holds the check report every
 * run writes): the monthly ops report of core/report/ as one item of a check list, so the
 * monthly schedule makes it, shows it in the job summary and keeps it as files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createOctokit } from '../github/octokit.js';
import { buildOpsReport, type OpsReport } from '../report/ops-report.js';
import { monthPeriod, rangePeriod, type ReportPeriod } from '../report/period.js';
import { reportSummary } from '../report/render.js';
import { errorMessage } from '../util/errors.js';
import { reportSchema } from './schemas/report.js';
import { defineCheck, type CheckOutcome } from './types.js';

/** Where the Markdown and JSON go, relative to the workspace: the workflow uploads it. */
export const REPORT_DIRECTORY = 'apprunner-ops-report';

export function reportPeriodOf(
  item: { month?: string | undefined; from?: string | undefined; to?: string | undefined },
  now: number,
): ReportPeriod {
  if (item.month !== undefined && (item.from !== undefined || item.to !== undefined))
    throw new Error('report: give month or from and to, not both');
  if ((item.from === undefined) !== (item.to === undefined))
    throw new Error('report: from and to go together; give both days of the range');
  if (item.from !== undefined) return rangePeriod(item.from, item.to!, now, 'report: from/to');
  return monthPeriod(item.month, now, 'report: month');
}

export async function writeReportFiles(
  report: OpsReport,
  markdown: string,
  directory = path.resolve(process.env['GITHUB_WORKSPACE'] ?? '.', REPORT_DIRECTORY),
): Promise<{ markdown: string; json: string }> {
  await mkdir(directory, { recursive: true });
  const base = path.join(
    directory,
    `ops-report-${report.environment}-${report.period.from}-${report.period.to}`,
  );
  await writeFile(`${base}.md`, markdown);
  await writeFile(`${base}.json`, `${JSON.stringify(report, null, 2)}\n`);
  return { markdown: `${base}.md`, json: `${base}.json` };
}

function headline(report: OpsReport): string {
  const monitors = report.availability.monitors
    .map((m) => `${m.name} ${m.availability} %`)
    .join(', ');
  const d = report.delivery.current;
  const cfr = d.changeFailurePercent === undefined ? 'no deploys' : `${d.changeFailurePercent} %`;
  return `${report.period.label}: availability ${monitors} (target ${report.thresholds.slaTarget} %); ${d.deploys} deploys, change failure rate ${cfr}`;
}

export const reportCheck = defineCheck({
  ...reportSchema,
  defaultTimeoutMs: 120_000,
  group: 'Monitoring',
  preflight(check, now) {
    try {
      reportPeriodOf(check, now);
      return undefined;
    } catch (error) {
      // The configuration path names the item; the message names its key.
      return errorMessage(error).replace(/^report: /, '');
    }
  },
  async run(check, ctx) {
    let period: ReportPeriod;
    try {
      period = reportPeriodOf(check, ctx.clock.now());
    } catch (error) {
      return { status: 'error', line: errorMessage(error) };
    }
    let report: OpsReport;
    try {
      report = await buildOpsReport(ctx, {
        period,
        thresholds: {
          slaTarget: check['sla-target'],
          maxErrorPercent: check['max-error-percent'],
          maxP99Ms: check['max-p99-ms'],
        },
        monitorIds: check['monitor-ids'],
      });
    } catch (error) {
      return {
        status: 'error',
        line: `the ops report of ${period.label} was not made, because a source could not be read to the end: ${errorMessage(error)}`,
      };
    }
    const markdown = reportSummary(report).toMarkdown();
    const files = await writeReportFiles(report, markdown);
    const evidence: Record<string, unknown> = { files, summary: markdown };
    if (check['open-issue']) {
      const token = ctx.secrets.githubToken;
      if (!token || !ctx.run)
        return {
          status: 'error',
          line: 'open-issue: true needs github-token (issues: write) and a GitHub run',
          evidence,
        };
      const octokit = createOctokit(token, { apiUrl: ctx.run.apiUrl, logger: ctx.logger });
      const [owner = '', repo = ''] = ctx.run.repository.split('/');
      const created = await octokit.rest.issues.create({
        owner,
        repo,
        title: `Ops report of ${report.environment}: ${report.period.label}`,
        body: `${markdown}\n\nRun: ${ctx.run.runUrl}`,
      });
      evidence['issue'] = { number: created.data.number, url: created.data.html_url };
    }
    const worst = report.findings.some((f) => f.level === 'fail')
      ? 'fail'
      : report.findings.length
        ? 'warn'
        : 'pass';
    const outcome: CheckOutcome = {
      status: worst,
      line: [headline(report), ...report.findings.map((f) => f.text)].join('; '),
      observed: {
        period: report.period,
        availability: Object.fromEntries(
          report.availability.monitors.map((m) => [m.id, m.availability]),
        ),
        downtimeMinutes: Object.fromEntries(
          report.availability.monitors.map((m) => [m.id, m.downtimeMinutes]),
        ),
        deploys: report.delivery.current.deploys,
        changeFailurePercent: report.delivery.current.changeFailurePercent,
        p99Breaches: report.traffic.p99Breaches,
        errorBreaches: report.traffic.errorBreaches,
      },
      evidence,
    };
    return outcome;
  },
});
