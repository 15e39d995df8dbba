import { FilterLogEventsCommand, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { awsCall } from '../aws/call.js';
import { parseDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import { remainingMs } from './fields.js';
import { logErrorsSchema } from './schemas/log-errors.js';
import { defineCheck } from './types.js';

const SHOWN = 5;
/** Time kept back from the check's deadline to answer in (the runner's timer wins after it). */
const ANSWER_MARGIN_MS = 1_500;

/**
 * A log line made fit for an issue or Slack: e-mail addresses, runs of 6+ digits (account,
 * card, phone and document numbers) and token-like strings (JWTs, long base64/hex, values of
 * key=… / token: …) are masked, and the text is cut to 300 characters.
 */
export function maskLogMessage(message: string): string {
  return message
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>')
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<token>')
    .replace(
      /\b((?:api[_-]?key|token|secret|password|passwd|authorization|bearer)(?:\s*[=:]\s*|\s+))\S+/gi,
      '$1<masked>',
    )
    .replace(/\b[A-Za-z0-9+/_-]{24,}={0,2}/g, (m) => (/\d/.test(m) ? '<token>' : m))
    .replace(/\d[\d -]{4,}\d/g, (m) => (m.replace(/\D/g, '').length >= 6 ? '<digits>' : m))
    .trim()
    .slice(0, 300);
}

/** The CloudWatch Logs Insights console for the group and window (the console's URL encoding). */
export function logsInsightsUrl(input: {
  region: string;
  logGroup: string;
  start: number;
  end: number;
  pattern: string;
}): string {
  // The console's query-detail value: a JSURL-like `~(key~'value…)` with `*` for `%`.
  const str = (v: string): string => `'${encodeURIComponent(v).replace(/%/g, '*')}`;
  const detail = `~(end~${str(new Date(input.end).toISOString())}~start~${str(new Date(input.start).toISOString())}~timeType~'ABSOLUTE~tz~'UTC~editorString~${str(`fields @timestamp, @message | filter @message like /${input.pattern.replace(/[?"-]/g, '')}/ | sort @timestamp desc`)}~source~(~${str(input.logGroup)}))`;
  const fragment = encodeURIComponent(`?queryDetail=${detail}`).replace(/%/g, '$');
  return `https://${input.region}.console.aws.amazon.com/cloudwatch/home?region=${input.region}#logsV2:logs-insights${fragment}`;
}

/**
 * The runbook's weekly "recurring error patterns in CloudWatch logs". FilterLogEvents searches
 * part of the range per call and may answer an empty page with a `nextToken`: the token is
 * followed to its end, and a scan the deadline cuts short is an error, never a pass. Log lines
 * carry personal data, so by default the report holds the count, the pattern and a link to
 * CloudWatch Logs Insights; the messages only with `show-messages: true`, masked.
 */
export const logErrors = defineCheck({
  ...logErrorsSchema,
  defaultTimeoutMs: 60_000,
  group: 'Monitoring',
  async run(check, { aws, clock, logger, signal, deadline, env }) {
    const end = clock.now();
    const start = end - (parseDuration(check.window) ?? 86_400_000);
    const link = logsInsightsUrl({
      region: env.region,
      logGroup: check['log-group'],
      start,
      end,
      pattern: check.pattern,
    });
    let count = 0;
    const first: FilteredLogEvent[] = [];
    let scannedTo = start;
    let token: string | undefined;
    let pages = 0;
    // Each page's own deadline: the check answers before the runner's timer would.
    const stop = new AbortController();
    const timer = setTimeout(
      () => stop.abort(new Error('deadline')),
      remainingMs(deadline, clock.now(), ANSWER_MARGIN_MS),
    );
    const pageSignal = AbortSignal.any([signal, stop.signal]);
    try {
      do {
        const page = await awsCall(
          'FilterLogEvents',
          () =>
            aws.cloudWatchLogs.send(
              new FilterLogEventsCommand({
                logGroupName: check['log-group'],
                filterPattern: check.pattern,
                startTime: start,
                endTime: end,
                ...(token ? { nextToken: token } : {}),
              }),
              { abortSignal: pageSignal },
            ),
          { clock, logger, signal: pageSignal },
        );
        const events = page.events ?? [];
        count += events.length;
        for (const e of events) if (first.length < SHOWN) first.push(e);
        const latest = Math.max(...events.map((e) => e.timestamp ?? 0), scannedTo);
        scannedTo = latest;
        token = page.nextToken;
        pages++;
      } while (token);
    } catch (error) {
      if (!stop.signal.aborted && !signal.aborted) throw error;
      return {
        status: 'error',
        line: `${check['log-group']}: scanned up to ${new Date(scannedTo).toISOString()}, not to the end of the ${check.window} window, before the check's deadline (${pages} pages, ${count} events matching "${check.pattern}" so far; raise "timeout" or shorten "window"): ${link}`,
        observed: { count, pages, scannedTo: new Date(scannedTo).toISOString(), complete: false },
        evidence: { logsInsights: link, stoppedBy: errorMessage(error) },
      };
    } finally {
      clearTimeout(timer);
    }
    const shown = check['show-messages']
      ? first.map((e) => ({
          at: new Date(e.timestamp ?? 0).toISOString(),
          message: maskLogMessage(e.message ?? ''),
        }))
      : undefined;
    const observed = {
      count,
      pages,
      window: check.window,
      logGroup: check['log-group'],
      complete: true,
      ...(shown ? { first: shown } : {}),
    };
    const evidence = {
      pattern: check.pattern,
      logsInsights: link,
      ...(shown ? { first: shown } : {}),
    };
    if (count <= check['max-count'])
      return {
        status: 'pass',
        line: `${count} events match "${check.pattern}" in ${check['log-group']} over ${check.window} (limit ${check['max-count']}; ${pages} pages, read to the end)`,
        observed,
        evidence,
      };
    return {
      status: 'fail',
      line: `${count} events match "${check.pattern}" in ${check['log-group']} over ${check.window}, more than ${check['max-count']}; ${shown ? `first: ${shown[0]?.message ?? ''}; ` : ''}read them in CloudWatch Logs Insights: ${link}`,
      observed,
      evidence,
    };
  },
});
