import { FilterLogEventsCommand, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { awsCall } from '../aws/call.js';
import { parseDuration } from '../util/duration.js';
import { logErrorsSchema } from './schemas/log-errors.js';
import { defineCheck } from './types.js';

const MAX_PAGES = 20;
const SHOWN = 5;

/** The runbook's weekly "recurring error patterns in CloudWatch logs". */
export const logErrors = defineCheck({
  ...logErrorsSchema,
  defaultTimeoutMs: 60_000,
  group: 'Monitoring',
  async run(check, { aws, clock, logger, signal }) {
    const end = clock.now();
    const start = end - (parseDuration(check.window) ?? 86_400_000);
    const events: FilteredLogEvent[] = [];
    let token: string | undefined;
    let pages = 0;
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
            { abortSignal: signal },
          ),
        { clock, logger, signal },
      );
      events.push(...(page.events ?? []));
      token = page.nextToken;
      pages++;
      // Past the limit the answer is known; further pages only make the count exact.
    } while (token && pages < MAX_PAGES && events.length <= check['max-count'] + 1000);
    const count = events.length;
    const first = events.slice(0, SHOWN).map((e) => ({
      at: new Date(e.timestamp ?? 0).toISOString(),
      message: (e.message ?? '').trim().slice(0, 300),
    }));
    const observed = { count, window: check.window, logGroup: check['log-group'], first };
    const more = token ? '+' : '';
    if (count <= check['max-count'])
      return {
        status: 'pass',
        line: `${count} events match "${check.pattern}" in ${check['log-group']} over ${check.window} (limit ${check['max-count']})`,
        observed,
      };
    return {
      status: 'fail',
      line: `${count}${more} events match "${check.pattern}" in ${check['log-group']} over ${check.window}, more than ${check['max-count']}; first: ${first[0]?.message ?? ''}`,
      observed,
      evidence: { pattern: check.pattern, first },
    };
  },
});
