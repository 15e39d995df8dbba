import type { Octokit } from '../github/octokit.js';
import { postToSlack, slackMessage } from '../notify/slack.js';
import type { Clock } from '../util/clock.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { isRed, STATUS_ICON, type CheckReport } from './report.js';

/**
 * Alerting without noise. The open GitHub issue of an environment and schedule is the memory
 * between runs: a red run opens it (once) or comments what changed; a green run closes it.
 * Slack hears only the edges: the run that starts failing and the run that recovers.
 */
export const ISSUE_LABELS = ['apprunner-ops', 'ops-check'] as const;

export const issueTitle = (schedule: string, environment: string): string =>
  `apprunner-ops: ${schedule} checks failing in ${environment}`;

/** Hidden in every body and comment: which checks were red, so the next run can compare. */
const MARK = /<!-- apprunner-ops:failing=([^>]*) -->/g;
const mark = (ids: readonly string[]): string => `<!-- apprunner-ops:failing=${ids.join(',')} -->`;

export interface AlertTarget {
  repository: string;
  schedule: string;
  runUrl: string;
  octokit?: Octokit | undefined;
  /** Open (and comment on, close) the issue; false: only Slack, without memory. */
  openIssue: boolean;
  slackWebhookUrl?: string | undefined;
}

export interface AlertOutcome {
  issue?: { number: number; url: string; action: 'opened' | 'commented' | 'closed' | 'none' };
  slack: 'started-failing' | 'recovered' | 'none';
}

function failingTable(report: CheckReport): string {
  const rows = report.checks
    .filter(isRed)
    .map((r) => `| \`${r.id}\` | ${STATUS_ICON[r.status]} | ${r.line.replace(/\|/g, '\\|')} |`);
  return ['| Check | Result | What was seen |', '| --- | --- | --- |', ...rows].join('\n');
}

function changes(previous: readonly string[], current: readonly string[]): string[] {
  const added = current.filter((id) => !previous.includes(id));
  const fixed = previous.filter((id) => !current.includes(id));
  const still = current.filter((id) => previous.includes(id));
  return [
    ...(added.length ? [`newly failing: ${added.map((id) => `\`${id}\``).join(', ')}`] : []),
    ...(fixed.length ? [`recovered: ${fixed.map((id) => `\`${id}\``).join(', ')}`] : []),
    ...(still.length ? [`still failing: ${still.map((id) => `\`${id}\``).join(', ')}`] : []),
  ];
}

export async function alert(
  report: CheckReport,
  target: AlertTarget,
  deps: { clock: Clock; logger: Logger },
): Promise<AlertOutcome> {
  const failing = report.checks.filter(isRed).map((r) => r.id);
  const red = !report.passed;
  const [owner = '', repo = ''] = target.repository.split('/');
  const title = issueTitle(target.schedule, report.environment);
  const outcome: AlertOutcome = { slack: 'none' };
  let wasRed: boolean | undefined;

  if (target.openIssue && target.octokit) {
    const octokit = target.octokit;
    try {
      const open = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        state: 'open',
        labels: ISSUE_LABELS.join(','),
        per_page: 100,
      });
      const existing = open.find((i) => i.title === title && !i.pull_request);
      wasRed = existing !== undefined;
      if (red && !existing) {
        const created = await octokit.rest.issues.create({
          owner,
          repo,
          title,
          labels: [...ISSUE_LABELS],
          body: [
            `The ${target.schedule} checks of **${report.environment}** are failing (${failing.length} of ${report.checks.length}).`,
            '',
            failingTable(report),
            '',
            `Run: ${target.runUrl}`,
            '',
            'apprunner-ops comments here on every further failing run and closes this issue when the checks pass again.',
            mark(failing),
          ].join('\n'),
        });
        outcome.issue = {
          number: created.data.number,
          url: created.data.html_url,
          action: 'opened',
        };
      } else if (existing) {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
          owner,
          repo,
          issue_number: existing.number,
          per_page: 100,
        });
        const texts = [existing.body ?? '', ...comments.map((c) => c.body ?? '')];
        const last = texts.flatMap((t) => [...t.matchAll(MARK)]).at(-1)?.[1] ?? '';
        const previous = last.split(',').filter(Boolean);
        const body = red
          ? [
              `Still failing (${failing.length} of ${report.checks.length}): ${changes(previous, failing).join('; ') || 'no change'}.`,
              '',
              failingTable(report),
              '',
              `Run: ${target.runUrl}`,
              mark(failing),
            ].join('\n')
          : [
              `All ${report.checks.length} ${target.schedule} checks pass again; closing.`,
              '',
              `Run: ${target.runUrl}`,
              mark([]),
            ].join('\n');
        await octokit.rest.issues.createComment({
          owner,
          repo,
          issue_number: existing.number,
          body,
        });
        if (!red)
          await octokit.rest.issues.update({
            owner,
            repo,
            issue_number: existing.number,
            state: 'closed',
            state_reason: 'completed',
          });
        outcome.issue = {
          number: existing.number,
          url: existing.html_url,
          action: red ? 'commented' : 'closed',
        };
      }
    } catch (error) {
      deps.logger.warning(`could not update the GitHub issue "${title}": ${errorMessage(error)}`);
    }
  }

  // Without an issue there is no memory of the last run: every red run is an edge.
  const startedFailing = red && wasRed !== true;
  const recovered = !red && wasRed === true;
  if (target.slackWebhookUrl && (startedFailing || recovered)) {
    const headline = startedFailing
      ? `:red_circle: ${target.schedule} checks started failing in ${report.environment}`
      : `:large_green_circle: ${target.schedule} checks of ${report.environment} pass again`;
    const fields: Record<string, string> = startedFailing
      ? { Failing: failing.join(', '), Checks: `${report.checks.length}` }
      : { Checks: `${report.checks.length} pass` };
    try {
      await postToSlack(
        target.slackWebhookUrl,
        slackMessage(
          headline,
          fields,
          outcome.issue
            ? { text: `issue #${outcome.issue.number}`, url: outcome.issue.url }
            : { text: 'run', url: target.runUrl },
        ),
        deps,
      );
      outcome.slack = startedFailing ? 'started-failing' : 'recovered';
    } catch (error) {
      deps.logger.warning(`could not post to Slack: ${errorMessage(error)}`);
    }
  }
  return outcome;
}
