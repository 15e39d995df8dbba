import { createAwsClients } from '../../core/aws/clients.js';
import { runCheckList } from '../../core/checks/run-checks.js';
import type { CheckItem } from '../../core/checks/registry.js';
import { loadConfig, selectEnvironment } from '../../core/config/load.js';
import { createOpsContext } from '../../core/deploy/context.js';
import { readHistory } from '../../core/deploy/history.js';
import { readRunningImage } from '../../core/deploy/images.js';
import { systemClock } from '../../core/util/clock.js';
import { formatDurationWords } from '../../core/util/duration.js';
import { errorMessage } from '../../core/util/errors.js';
import { recordingLogger } from '../../core/util/logger.js';
import { inCliWords } from '../words.js';
import { EXIT, type CliIo } from '../io.js';
import type { CommandSpec } from './index.js';
import type { ParsedArgs } from '../args.js';
import { renderSummaryFor } from '../render.js';
import { terminalRunInfo } from '../run-info.js';
import { boolFlag, configPath, noExtraPositionals } from './shared.js';
import { Summary } from '../../core/action/summary.js';

export interface EnvironmentStatus {
  environment: string;
  service: { status: string; url: string; identifier: string } | { error: string };
  running?: { version: string; digest: string | undefined; since: string | undefined };
  history: { kind: string; version: string; at: string; succeeded: boolean; source: string }[];
  historySource: string;
  checks: { id: string; status: string; line: string }[];
}

/** Read-only: what runs where, since when, the recent history, snapshots and monitors. */
async function environmentStatus(
  io: CliIo,
  file: string,
  name: string,
): Promise<EnvironmentStatus> {
  const config = await loadConfig(file);
  const env = selectEnvironment(config, name, file);
  const logger = recordingLogger(); // warnings of the readers go into the report, not the screen
  const clients = createAwsClients(env.region);
  const run = terminalRunInfo(io.env, io.cwd, io.now());
  const ctx = await createOpsContext({
    environment: name,
    configPath: file,
    env,
    run,
    githubToken: io.env['GITHUB_TOKEN'] || undefined,
    slackWebhookUrl: undefined,
    betterstackToken: io.env['BETTERSTACK_TOKEN'] || undefined,
    auditDatabaseUrl: io.env['AUDIT_DATABASE_URL'] || undefined,
    timing: {
      operationTimeoutMs: 60_000,
      pollIntervalMs: 5_000,
      verifyTimeoutMs: 60_000,
      awsRequestTimeoutMs: 30_000,
    },
    clock: systemClock,
    logger,
    state: { save: () => {} },
    clients,
  });
  const status: EnvironmentStatus = {
    environment: name,
    service: { error: 'not read' },
    history: [],
    historySource: 'no history',
    checks: [],
  };
  const [service, history] = await Promise.allSettled([ctx.target.describe(), readHistory(ctx)]);
  if (history.status === 'fulfilled') {
    status.historySource = history.value.source;
    status.history = history.value.entries.slice(0, 5).map((e) => ({
      kind: e.kind,
      version: e.tag ?? e.digest.slice(0, 19),
      at: new Date(e.createdAt).toISOString(),
      succeeded: e.succeeded,
      source: e.source,
    }));
  } else status.historySource = `history unreadable: ${errorMessage(history.reason)}`;
  if (service.status === 'fulfilled') {
    const s = service.value;
    status.service = { status: s.status, url: s.url, identifier: s.image };
    const running = await readRunningImage(ctx, s.image).catch(() => undefined);
    const digest = running?.image?.digest;
    const since =
      history.status === 'fulfilled'
        ? history.value.entries.find((e) => e.succeeded && e.digest === digest)?.createdAt
        : undefined;
    status.running = {
      version: running?.version ?? s.image,
      digest,
      since: since !== undefined ? new Date(since).toISOString() : undefined,
    };
  } else status.service = { error: errorMessage(service.reason) };
  const items: CheckItem[] = [
    ...(env.database ? [{ type: 'snapshot-fresh', 'max-age': '24h' } as CheckItem] : []),
    ...(env.maintenance ? [{ type: 'monitors-green' } as CheckItem] : []),
  ];
  const results = await runCheckList(items, {
    environment: name,
    env,
    aws: clients,
    secrets: { betterstackToken: io.env['BETTERSTACK_TOKEN'] || undefined },
    run,
    clock: systemClock,
    logger,
  });
  status.checks = results.map((r) => ({ id: r.id, status: r.status, line: inCliWords(r.line) }));
  return status;
}

function render(statuses: EnvironmentStatus[], now: number): Summary {
  const summary = new Summary();
  for (const s of statuses) {
    summary.heading(`${s.environment}`, 2);
    const rows: string[][] = [];
    if ('error' in s.service) rows.push(['service', `unreadable: ${s.service.error}`]);
    else {
      rows.push(['service', `${s.service.status} · ${s.service.url}`]);
      rows.push([
        'runs',
        `${s.running?.version ?? '?'}${s.running?.digest ? ` (${s.running.digest.slice(0, 19)})` : ''}`,
      ]);
      rows.push([
        'since',
        s.running?.since
          ? `${s.running.since} (${formatDurationWords(now - Date.parse(s.running.since))} ago)`
          : 'unknown (no record of this image in history)',
      ]);
    }
    for (const c of s.checks) rows.push([c.id, `${c.status}: ${c.line}`]);
    summary.table(['', ''], rows);
    summary.paragraph(`History (${s.historySource}):`);
    summary.table(
      ['when', 'what', 'version', 'result'],
      s.history.map((h) => [h.at, h.kind, h.version, h.succeeded ? 'succeeded' : 'failed']),
    );
  }
  return summary;
}

export async function runStatus(this: CommandSpec, args: ParsedArgs, io: CliIo): Promise<number> {
  noExtraPositionals(args, 1, this.usage);
  const file = configPath(args, io);
  const config = await loadConfig(file);
  const names = args.positionals[0]
    ? [selectEnvironment(config, args.positionals[0], file) && args.positionals[0]]
    : Object.keys(config.environments);
  const statuses = await Promise.all(names.map((n) => environmentStatus(io, file, n)));
  if (boolFlag(args, 'json')) io.stdout.write(`${JSON.stringify(statuses, null, 2)}\n`);
  else io.stdout.write(renderSummaryFor(render(statuses, io.now()).toMarkdown(), io));
  return statuses.some((s) => 'error' in s.service) ? EXIT.failed : EXIT.ok;
}
