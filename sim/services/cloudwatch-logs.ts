/**
 * CloudWatch Logs (awsJson 1.1, `x-amz-target: Logs_20140328.<Op>`): FilterLogEvents over the
 * fixture's log groups (`cloudwatch.logGroups`), with the term syntax of filter patterns
 * (`ERROR`, `"exact phrase"`, `?A ?B` for either, `-term` to exclude) and `nextToken` pages.
 * As CloudWatch Logs does, one call searches only part of the range (here one hour of log
 * time, SCAN_SLICE_MS) and answers what matched there, possibly nothing, with a `nextToken`
 * while the range goes on: "FilterLogEvents can return empty results while there are more log
 * events available through the token". A reader that stops at an empty page, or after a fixed
 * number of pages, misses what lies later in the window.
 */
import { AwsError } from '../aws/protocol.js';
import { optInt, optList, optString, type AwsService, type Input } from '../aws/service.js';
import type { Fixture } from '../fixture.js';

/** What this service reads of the world. */
interface LogsWorld {
  fixture: Fixture;
  /** When the sim started: fixture ages count back from here. */
  startedAt: number;
}

export interface LogEvent {
  logStreamName: string;
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

/** The log time one FilterLogEvents call searches. */
export const SCAN_SLICE_MS = 3_600_000;

const invalid = (message: string): AwsError => new AwsError('InvalidParameterException', message);

/** The events of a log group, oldest first; undefined when there is no such group. */
export function logGroupEvents(world: LogsWorld, name: string): LogEvent[] | undefined {
  const group = world.fixture.cloudwatch.logGroups.find((g) => g.name === name);
  if (!group) return undefined;
  const started = world.startedAt;
  return group.events
    .map((e, i) => ({
      logStreamName: e.stream,
      timestamp: started - e.ago,
      message: e.message,
      ingestionTime: started - e.ago + 200,
      eventId: String(37_000_000_000_000n + BigInt(started - e.ago) * 1000n + BigInt(i)),
    }))
    .sort((a, b) => a.timestamp - b.timestamp);
}

interface Term {
  text: string;
  kind: 'all' | 'any' | 'none';
}

/** Parses a term filter pattern; JSON (`{…}`) and space-delimited (`[…]`) ones are refused. */
export function parseFilterPattern(pattern: string): Term[] {
  const text = pattern.trim();
  if (text.startsWith('{') || text.startsWith('['))
    throw invalid(
      'sim: only term filter patterns (words, "phrases", ?either, -excluded) are modelled',
    );
  const terms: Term[] = [];
  const re = /([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (const m of text.matchAll(re)) {
    const word = m[2] ?? m[3] ?? '';
    if (m[3] !== undefined && m[3].includes('"')) throw invalid('Invalid filter pattern');
    terms.push({ text: word, kind: m[1] === '?' ? 'any' : m[1] === '-' ? 'none' : 'all' });
  }
  return terms;
}

function matches(terms: readonly Term[], message: string): boolean {
  const any = terms.filter((t) => t.kind === 'any');
  return (
    terms.filter((t) => t.kind === 'all').every((t) => message.includes(t.text)) &&
    terms.filter((t) => t.kind === 'none').every((t) => !message.includes(t.text)) &&
    (any.length === 0 || any.some((t) => message.includes(t.text)))
  );
}

function filterLogEvents(input: Input, world: LogsWorld): Input {
  const name = optString(input, 'logGroupName', cloudwatchLogs);
  const identifier = optString(input, 'logGroupIdentifier', cloudwatchLogs);
  if (name && identifier)
    throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  const group = name ?? identifier?.replace(/^arn:aws[a-z-]*:logs:[^:]+:\d{12}:log-group:/, '');
  if (!group) throw invalid('Either logGroupName or logGroupIdentifier must be specified.');
  const events = logGroupEvents(world, group);
  if (!events)
    throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
  const start = optInt(input, 'startTime', cloudwatchLogs, {
    min: 0,
    max: Number.MAX_SAFE_INTEGER,
  });
  const end = optInt(input, 'endTime', cloudwatchLogs, { min: 0, max: Number.MAX_SAFE_INTEGER });
  const limit = optInt(input, 'limit', cloudwatchLogs, { min: 1, max: 10_000 }) ?? 10_000;
  const streams = optList(input, 'logStreamNames', cloudwatchLogs) as unknown as
    string[] | undefined;
  const prefix = optString(input, 'logStreamNamePrefix', cloudwatchLogs);
  if (streams && prefix)
    throw invalid('Cannot specify both logStreamNames and logStreamNamePrefix.');
  const terms = parseFilterPattern(optString(input, 'filterPattern', cloudwatchLogs) ?? '');
  const selected = events.filter(
    (e) =>
      (start === undefined || e.timestamp >= start) &&
      (end === undefined || e.timestamp <= end) &&
      (!streams || streams.includes(e.logStreamName)) &&
      (!prefix || e.logStreamName.startsWith(prefix)) &&
      matches(terms, e.message),
  );
  // The token holds where the search stands: the slice's start and how many of its matches
  // were answered already (a page holds at most `limit`).
  const first = start ?? events[0]?.timestamp ?? 0;
  const last = end ?? events.at(-1)?.timestamp ?? first;
  let sliceStart = first;
  let skip = 0;
  const token = optString(input, 'nextToken', cloudwatchLogs);
  if (token !== undefined) {
    const decoded = /^sim-logs:(\d+):(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
    if (!decoded) throw invalid('The specified nextToken is invalid.');
    sliceStart = Number(decoded[1]);
    skip = Number(decoded[2]);
  }
  const sliceEnd = sliceStart + SCAN_SLICE_MS;
  const inSlice = selected.filter((e) => e.timestamp >= sliceStart && e.timestamp < sliceEnd);
  const page = inSlice.slice(skip, skip + limit);
  const encode = (at: number, n: number): string =>
    Buffer.from(`sim-logs:${at}:${n}`).toString('base64');
  const nextToken =
    skip + page.length < inSlice.length
      ? encode(sliceStart, skip + page.length)
      : sliceEnd <= last
        ? encode(sliceEnd, 0)
        : undefined;
  return { events: page, searchedLogStreams: [], ...(nextToken ? { nextToken } : {}) };
}

export const cloudwatchLogs: AwsService<LogsWorld> = {
  signingName: 'logs',
  protocol: 'awsJson1_1',
  targetPrefix: 'Logs_20140328',
  messageKey: 'message',
  invalid,
  faults: {
    throttling: 'ThrottlingException',
    throttlingStatus: 400,
    internal: 'ServiceUnavailableException',
  },
  operations: {
    FilterLogEvents: {
      mutating: false,
      handle: (input, { world }) => filterLogEvents(input, world),
    },
  },
};
