import { prepareDatabaseForChecks } from './database-access.js';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { RunInfo } from '../action/github-context.js';
import { createAwsClients, type AwsClients } from '../aws/clients.js';
import { readFile } from 'node:fs/promises';
import { loadConfig, parseYamlDocument, selectEnvironment } from '../config/load.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { createOctokit } from '../github/octokit.js';
import type { Clock } from '../util/clock.js';
import { ConfigError, InputError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { formatIssues } from '../util/zod-issues.js';
import { alert, type AlertOutcome } from './alerting.js';
import { cleanupRoleVariable } from './cleanup-role.js';
import { checkItemSchema, checkType, type CheckItem } from './registry.js';
import { buildCheckReport, isRed, type CheckReport } from './report.js';
import { runCheckList } from './run-checks.js';
import type { CheckSecrets } from './types.js';

export const SCHEDULES = ['daily', 'weekly', 'monthly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/**
 * Which job runs the items that delete (`ecr-untagged` with `delete: true`): `include` runs
 * them as configured; `skip` (the read-only jobs) lists what they would delete (a dry run, the
 * reads only); `only` (the clean-up job, whose role alone may delete) runs those items and
 * nothing else; `no-role` (a read-only job of an environment without a clean-up role, so no
 * job may delete) refuses an item with `delete: true` before any call: it would silently stay
 * a dry run.
 */
export const CLEANUP_MODES = ['include', 'skip', 'only', 'no-role'] as const;
export type CleanupMode = (typeof CLEANUP_MODES)[number];

const deletes = (item: CheckItem): boolean =>
  item.type === 'ecr-untagged' && (item as { delete?: boolean }).delete === true;

/** The items a job runs, by its clean-up mode. */
export function itemsForCleanupMode(
  items: readonly CheckItem[],
  mode: CleanupMode,
): readonly CheckItem[] {
  if (mode === 'only') return items.filter(deletes);
  if (mode === 'skip' || mode === 'no-role')
    return items.map((i) => (deletes(i) ? { ...i, delete: false } : i));
  return items;
}

export interface OpsCheckRequest {
  config: string;
  environment: string;
  schedule: Schedule | undefined;
  /** Inline YAML list of checks (instead of a schedule). */
  checks: CheckItem[] | undefined;
  githubToken: string | undefined;
  slackWebhookUrl: string | undefined;
  betterstackToken: string | undefined;
  databaseUrl: string | undefined;
  /** Where a restore drill records its restore time (audit_log). */
  auditDatabaseUrl: string | undefined;
  openIssue: boolean;
  /** The Fly.io API token of an environment on Fly (the `fly-api-token` input). */
  flyApiToken?: string | undefined;
  /** Whether this job runs the items that delete (see CLEANUP_MODES); default include. */
  cleanup?: CleanupMode;
}

export const inlineChecksSchema = z.array(checkItemSchema).min(1);

/** Parses the `checks` input; each problem names the item's path. */
export function parseInlineChecks(text: string): CheckItem[] {
  const doc = parseDocument(text);
  if (doc.errors[0])
    throw new InputError('checks', `invalid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  const data: unknown = doc.toJS();
  const result = inlineChecksSchema.safeParse(data);
  if (!result.success)
    throw new InputError(
      'checks',
      formatIssues(inlineChecksSchema, data, result.error.issues).join('; '),
    );
  return result.data;
}

/**
 * `delete: true` where no job may delete: without `<ENV>_CLEANUP_ROLE_ARN` the clean-up job does
 * not run and the read-only job only lists what would go. A user who asked for deletion would
 * otherwise see green dry runs forever, so this is a configuration error naming the variable.
 */
async function refuseDeletesWithoutRole(
  request: OpsCheckRequest,
  items: readonly CheckItem[],
): Promise<void> {
  const variable = cleanupRoleVariable(request.environment);
  const why = `delete: true, but the repository variable ${variable} is not set, so no job may delete: the clean-up job does not run and this read-only job would only list what it would delete. Set ${variable} to the clean-up role (docs/iam-policy-ecr-cleanup.json, docs/data-safety.md), or remove delete: true to keep the dry run`;
  const at = items.flatMap((item, i) => (deletes(item) ? [i] : []));
  if (at.length && request.checks)
    throw new InputError('checks', `item ${at.map((i) => i + 1).join(', ')}: ${why}`);
  await refuseItems(
    request,
    at.map((i) => [i, why]),
  );
}

/**
 * Items whose check type finds them wrong at this time (its `preflight`: a report month in the
 * future, a range longer than a year), refused before the first check runs: nothing is read,
 * made, opened or sent for a list with one bad item.
 */
async function refusePreflight(
  request: OpsCheckRequest,
  items: readonly CheckItem[],
  now: number,
): Promise<void> {
  const problems = items.flatMap((item, i): [number, string][] => {
    const why = checkType(item.type)?.preflight?.(item, now);
    return why ? [[i, why]] : [];
  });
  if (problems.length && request.checks)
    throw new InputError(
      'checks',
      problems.map(([i, why]) => `item ${i + 1} (${items[i]!.type}): ${why}`).join('; '),
    );
  await refuseItems(request, problems);
}

/** A configuration error naming each item by its path and line in the file. */
async function refuseItems(
  request: OpsCheckRequest,
  problems: readonly (readonly [number, string])[],
): Promise<void> {
  if (problems.length === 0) return;
  const path = (i: number) => ['environments', request.environment, 'checks', request.schedule!, i];
  let lineOf = (_: readonly PropertyKey[]): string => '';
  try {
    lineOf = parseYamlDocument(await readFile(request.config, 'utf8'), z.unknown(), (p) =>
      Error(p.join('; ')),
    ).lineOf;
  } catch {
    // Read and validated a moment ago; without lines the message still names the item.
  }
  throw new ConfigError(
    request.config,
    problems.map(
      ([i, why]) =>
        `environments.${request.environment}.checks.${request.schedule}[${i}]: ${why}${lineOf(path(i))}`,
    ),
  );
}

/**
 * Whether a run of these items can leave something behind when stopped half-way: a
 * snapshot-restore drill's instance (it costs money), an escalation test's incident (it keeps
 * paging). ops-check's post step cleans those up, and loads nothing for any other list.
 */
export function leavesSomethingToCleanUp(items: readonly { type: string }[]): boolean {
  return items.some((i) => i.type === 'snapshot-restore' || i.type === 'escalation-test');
}

export interface OpsCheckResult {
  report: CheckReport;
  alerting: AlertOutcome | undefined;
}

/**
 * Everything is validated (config, environment, list) before the first call; then the checks
 * run concurrently, and a scheduled run reports to its GitHub issue and Slack.
 */
export async function opsCheck(
  request: OpsCheckRequest,
  deps: {
    clock: Clock;
    logger: Logger;
    run: RunInfo;
    aws?: AwsClients;
    /** Called with the items just before they start (ops-check's main step saves state). */
    onStart?: (items: readonly { type: string }[]) => void;
    /** The runner's saveState: the post step ends database sessions a cancelled run left. */
    saveState?: (name: string, value: string) => void;
  },
): Promise<OpsCheckResult> {
  if (request.schedule && request.checks)
    throw new InputError('checks', 'give either schedule or checks, not both');
  if (!request.schedule && !request.checks)
    throw new InputError(
      'schedule',
      'is required (daily, weekly or monthly) unless checks lists the checks inline',
    );
  const config = await loadConfig(request.config);
  const env = selectEnvironment(config, request.environment, request.config);
  const list = request.schedule ?? 'inline';
  const configured = request.checks ?? env.checks?.[request.schedule!];
  const cleanup = request.cleanup ?? 'include';
  if (cleanup === 'no-role') await refuseDeletesWithoutRole(request, configured ?? []);
  if (cleanup === 'only') {
    const items = itemsForCleanupMode(configured ?? [], 'only');
    if (items.length === 0) {
      deps.logger.info(
        `no ecr-untagged check with delete: true in the ${list} checks of ${request.environment}: nothing for the clean-up job to run`,
      );
      const now = deps.clock.now();
      return {
        report: buildCheckReport([], {
          list,
          environment: request.environment,
          startedAt: now,
          finishedAt: now,
        }),
        alerting: undefined,
      };
    }
  }
  const items = configured && itemsForCleanupMode(configured, cleanup);
  if (!items || items.length === 0)
    throw new ConfigError(request.config, [
      `environments.${request.environment}.checks.${list}: no checks configured; add some (see examples/drop/apprunner-ops.yml) or pass them in the checks input`,
    ]);
  // The clean-up job runs only the deleting items; the others are refused by the job that runs them.
  if (cleanup !== 'only') await refusePreflight(request, configured ?? [], deps.clock.now());
  const secrets: CheckSecrets = {
    githubToken: request.githubToken,
    betterstackToken: request.betterstackToken,
    databaseUrl: request.databaseUrl,
    auditDatabaseUrl: request.auditDatabaseUrl,
    flyApiToken: request.flyApiToken,
  };
  const aws = deps.aws ?? createAwsClients(env.region);
  await prepareDatabaseForChecks(
    items,
    { environment: request.environment, configFile: request.config, env },
    secrets,
    {
      clock: deps.clock,
      logger: deps.logger,
      clients: aws,
      ...(deps.saveState ? { saveState: deps.saveState } : {}),
    },
  );
  const started = deps.clock.now();
  deps.logger.info(`running ${items.length} ${list} checks of ${request.environment} concurrently`);
  // A post step deletes what a cancelled snapshot-restore drill left (ops-check's post.ts).
  deps.onStart?.(items);
  const results = await runCheckList(items, {
    environment: request.environment,
    env,
    environments: config.environments,
    aws,
    secrets,
    run: deps.run,
    clock: deps.clock,
    logger: deps.logger,
  });
  const report = buildCheckReport(results, {
    list,
    environment: request.environment,
    startedAt: started,
    finishedAt: deps.clock.now(),
  });
  for (const r of results.filter(isRed))
    deps.logger.error(r.line, {
      title: `Check ${r.status === 'fail' ? 'failed' : 'errored'}: ${r.id}`,
    });
  for (const r of results.filter((x) => x.status === 'warn'))
    deps.logger.warning(r.line, { title: `Check warning: ${r.id}` });
  let alerting: AlertOutcome | undefined;
  // The clean-up job reports by its own red run: the GitHub issue of the environment and
  // schedule belongs to the read-only job, whose results it would otherwise overwrite.
  if (request.schedule && cleanup !== 'only') {
    alerting = await alert(
      report,
      {
        repository: deps.run.repository,
        schedule: request.schedule,
        runUrl: deps.run.runUrl,
        openIssue: request.openIssue,
        octokit: request.githubToken
          ? createOctokit(request.githubToken, { apiUrl: deps.run.apiUrl, logger: deps.logger })
          : undefined,
        slackWebhookUrl: request.slackWebhookUrl,
      },
      { clock: deps.clock, logger: deps.logger },
    );
  } else if (cleanup === 'only')
    deps.logger.info('clean-up job: no GitHub issue or Slack message (the checks job keeps them)');
  else
    deps.logger.info(
      'inline checks: no GitHub issue or Slack message (those belong to a schedule)',
    );
  return { report, alerting };
}

/** The checks a request runs, from the configuration (for the post step's clean-up). */
export async function requestedChecks(
  request: OpsCheckRequest,
): Promise<{ env: EnvironmentConfig; items: readonly CheckItem[] }> {
  const config = await loadConfig(request.config);
  const env = selectEnvironment(config, request.environment, request.config);
  const items = request.checks ?? env.checks?.[request.schedule!] ?? [];
  return { env, items: itemsForCleanupMode(items, request.cleanup ?? 'include') };
}
