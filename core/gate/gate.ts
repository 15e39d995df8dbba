import { prepareDatabaseForChecks } from '../checks/database-access.js';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunInfo } from '../action/github-context.js';
import type { AwsClients } from '../aws/clients.js';
import { checkId, checkType, type CheckItem } from '../checks/registry.js';
import { countByStatus, runCheckList, type CheckResult } from '../checks/run-checks.js';
import type { CheckSecrets } from '../checks/types.js';
import { parseConfig, selectEnvironment } from '../config/load.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { createOctokit } from '../github/octokit.js';
import { statusOf } from '../github/status.js';
import { postToSlack, slackMessage } from '../notify/slack.js';
import type { Clock } from '../util/clock.js';
import { ConfigError, DomainFailure, errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { loadAttestations, type LoadedAttestations, type Waiver } from './attestations.js';
import { groupRank, type Evidence, type EvidenceItem } from './evidence.js';
import { evidenceMarkdown, headline, renderGate } from './render.js';

export class GateFailed extends DomainFailure {
  override readonly name = 'GateFailed';
}

/**
 * The gate's check run, one name per environment: a required check reads the newest run of a
 * name, so a shared name would let a later green staging gate hide a red production one.
 */
export const GATE_CHECK_RUN_NAME = (gate: string, environment: string): string =>
  `apprunner-ops: ${gate} gate (${environment})`;

/** Attempts at creating the check run, each after looking up whether the last one landed. */
const CHECK_RUN_ATTEMPTS = 3;

export interface GateRequest {
  configFile: string;
  environment: string;
  gate: string;
  attestationsFile: string;
  secrets: CheckSecrets;
  slackWebhookUrl?: string | undefined;
  /** Where evidence.json and evidence.md go. */
  evidenceDir: string;
}

export interface GateDeps {
  run: RunInfo;
  clock: Clock;
  logger: Logger;
  aws: (region: string) => AwsClients;
  /** The runner's saveState: the post step ends database sessions a cancelled run left. */
  saveState?: (name: string, value: string) => void;
}

export interface GateOutcome {
  evidence: Evidence;
  evidenceJson: string;
  evidenceMarkdown: string;
  passed: number;
  failed: number;
  /** Items that checked nothing (skipped): they block unless waived. */
  notChecked: number;
  waived: number;
  checkRunUrl?: string | undefined;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Everything the gate reads before a single check runs: any mistake here runs nothing. */
export async function prepareGate(request: GateRequest, now: number) {
  let configText: string;
  try {
    configText = await readFile(request.configFile, 'utf8');
  } catch (error) {
    throw new ConfigError(request.configFile, [
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file not found; set the "config" input to its path'
        : `cannot read: ${errorMessage(error)}`,
    ]);
  }
  const config = parseConfig(configText, request.configFile);
  const env = selectEnvironment(config, request.environment, request.configFile);
  const items = env.gates?.[request.gate];
  if (!items) {
    const known = Object.keys(env.gates ?? {});
    throw new ConfigError(request.configFile, [
      `environments.${request.environment}.gates.${request.gate}: no such gate; ${known.length ? `the environment defines ${known.map((k) => `"${k}"`).join(', ')}` : 'the environment defines no gates'} (set the "gate" input to one of them, or add it)`,
    ]);
  }
  const problems: string[] = [];
  const ids = items.map((item) => checkId(item));
  items.forEach((item, i) => {
    const type = checkType(item.type);
    if (type?.mutating?.(item as never))
      problems.push(
        `environments.${request.environment}.gates.${request.gate}[${i}]: ${item.type} is set to change things; a gate only looks (remove the item or its delete/change option)`,
      );
    if (ids.indexOf(ids[i]!) !== i)
      problems.push(
        `environments.${request.environment}.gates.${request.gate}[${i}]: id "${ids[i]}" is used twice; give one of them an id`,
      );
  });
  if (problems.length > 0) throw new ConfigError(request.configFile, problems);
  const policy = env['gate-policy'];
  // One attestations file serves every gate of the environment (go-live, post-launch, …).
  const allItems = Object.values(env.gates ?? {}).flat();
  const attestations = await loadAttestations(
    request.attestationsFile,
    {
      attestationIds: [
        ...new Set(allItems.filter((i) => i.type === 'attestation').map((i) => checkId(i))),
      ],
      checkIds: [...new Set(allItems.map((i) => checkId(i)))],
    },
    {
      maxAttestationAgeDays: policy?.['max-attestation-age-days'] ?? 30,
      maxWaiverDays: policy?.['max-waiver-days'] ?? 14,
      timeZone: policy?.['time-zone'] ?? 'UTC',
    },
    now,
  );
  const attestationsText = await readFile(request.attestationsFile, 'utf8').catch(() => null);
  return {
    env,
    items,
    attestations,
    configSha256: sha256(configText),
    attestationsSha256: attestationsText === null ? null : sha256(attestationsText),
  };
}

/** In a gate, what an item that could not check (skipped) or failed says: not a pass. */
const BLOCKS = new Set<CheckResult['status']>(['fail', 'error', 'skipped']);
export const blocks = (status: CheckResult['status']): boolean => BLOCKS.has(status);

/** A valid waiver makes a failing item `waived`; an expired one leaves it failing and says so. */
export function applyWaivers(
  results: readonly CheckResult[],
  waivers: readonly Waiver[],
  now: number,
): { result: CheckResult; waiver?: Waiver; expired?: boolean }[] {
  return results.map((result) => {
    const waiver = waivers.find((w) => w.check === result.id);
    // An item that checked nothing (skipped) blocks like a failure, and a waiver may accept it.
    if (!waiver || !BLOCKS.has(result.status)) return { result };
    const expired = waiver.expires.getTime() <= now;
    if (expired)
      return {
        result: {
          ...result,
          status: 'fail',
          line: `${result.line} (its waiver by ${waiver.owner} expired on ${waiver.expires.toISOString().slice(0, 10)}: fix it or renew the waiver by pull request)`,
        },
        waiver,
        expired,
      };
    return { result: { ...result, status: 'waived' }, waiver, expired };
  });
}

function toItem(
  entry: ReturnType<typeof applyWaivers>[number],
  attestations: LoadedAttestations,
): EvidenceItem {
  const { result, waiver, expired } = entry;
  const vouched = result.type === 'attestation' ? attestations.book.find(result.id) : undefined;
  return {
    id: result.id,
    type: result.type,
    group: result.group,
    status: result.status,
    line: result.line,
    ...(result.observed ? { observed: result.observed } : {}),
    ...(result.evidence ? { evidence: result.evidence } : {}),
    checkedAt: result.startedAt,
    durationMs: Math.round(result.durationMs),
    ...(vouched
      ? {
          attestation: {
            by: vouched.by,
            at: vouched.at.toISOString(),
            expires: vouched.expires.toISOString().slice(0, 10),
            evidence: vouched.evidence,
          },
        }
      : {}),
    ...(waiver
      ? {
          waiver: {
            owner: waiver.owner,
            reason: waiver.reason,
            ticket: waiver.ticket,
            expires: waiver.expires.toISOString().slice(0, 10),
            expired: expired ?? false,
          },
        }
      : {}),
  };
}

/**
 * Runs a gate: every item at once (read-only), waivers applied, evidence written (JSON and
 * Markdown), a check run on the commit, a Slack message. Reporting failures (GitHub, Slack)
 * are warnings: the verdict stands on the checks.
 */
export async function runGate(request: GateRequest, deps: GateDeps): Promise<GateOutcome> {
  const { clock, logger, run } = deps;
  const started = clock.now();
  const prepared = await prepareGate(request, started);
  const env: EnvironmentConfig = prepared.env;
  logger.info(
    `Gate ${request.gate} for ${request.environment}: ${prepared.items.length} items, all at once`,
  );
  const aws = deps.aws(env.region);
  await prepareDatabaseForChecks(
    prepared.items,
    { environment: request.environment, configFile: request.configFile, env },
    request.secrets,
    { clock, logger, clients: aws, ...(deps.saveState ? { saveState: deps.saveState } : {}) },
  );
  const results = await runCheckList(prepared.items as CheckItem[], {
    environment: request.environment,
    env,
    aws,
    secrets: request.secrets,
    run,
    clock,
    logger,
    attestations: prepared.attestations.book,
  });
  const judged = applyWaivers(results, prepared.attestations.waivers, clock.now());
  const items = judged
    .map((entry) => toItem(entry, prepared.attestations))
    .sort((a, b) => groupRank(a.group) - groupRank(b.group));
  const counts = countByStatus(judged.map((j) => j.result));
  const evidence: Evidence = {
    kind: 'apprunner-ops/gate-evidence',
    version: 1,
    gate: request.gate,
    environment: request.environment,
    passed: counts.fail === 0 && counts.error === 0 && counts.skipped === 0,
    counts,
    repository: run.repository,
    commit: run.sha,
    ref: run.ref,
    ranBy: run.actor,
    runUrl: run.runUrl,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(clock.now()).toISOString(),
    config: { file: request.configFile, sha256: prepared.configSha256 },
    attestationsFile: { file: request.attestationsFile, sha256: prepared.attestationsSha256 },
    items,
  };
  for (const item of items)
    if (blocks(item.status))
      logger.error(`${item.id}: ${item.line}`, {
        title: `${request.gate} gate: ${item.id} (${item.group})`,
      });
    else if (item.status === 'waived')
      logger.warning(`${item.id} is waived until ${item.waiver?.expires}: ${item.line}`, {
        title: `${request.gate} gate: ${item.id} waived`,
      });
  const evidenceJson = `${JSON.stringify(evidence, null, 2)}\n`;
  const markdown = evidenceMarkdown(evidence);
  await mkdir(request.evidenceDir, { recursive: true });
  await writeFile(path.join(request.evidenceDir, 'evidence.json'), evidenceJson);
  await writeFile(path.join(request.evidenceDir, 'evidence.md'), markdown);
  const [checkRunUrl] = await Promise.all([
    reportCheckRun(evidence, request, deps),
    notifySlack(evidence, request, env, deps),
  ]);
  return {
    evidence,
    evidenceJson,
    evidenceMarkdown: markdown,
    passed: counts.pass,
    failed: counts.fail + counts.error,
    notChecked: counts.skipped,
    waived: counts.waived,
    checkRunUrl,
  };
}

async function reportCheckRun(
  evidence: Evidence,
  request: GateRequest,
  { run, logger }: GateDeps,
): Promise<string | undefined> {
  const token = request.secrets.githubToken;
  if (!token || !run.sha) {
    logger.info('No github-token: no check run on the commit');
    return undefined;
  }
  const [owner, repo] = run.repository.split('/') as [string, string];
  const name = GATE_CHECK_RUN_NAME(request.gate, request.environment);
  // Names this run's check run, so one whose answer was lost is found instead of made twice.
  // (A job may run a gate several times, as the post-launch watch does: its start time too.)
  const externalId = `${request.environment}/${request.gate}/${run.runId}.${run.runAttempt}/${evidence.startedAt}`;
  const octokit = createOctokit(token, { apiUrl: run.apiUrl, logger });
  const landed = async (): Promise<string | undefined> => {
    const { data } = await octokit.rest.checks.listForRef({
      owner,
      repo,
      ref: run.sha,
      check_name: name,
      per_page: 100,
    });
    const found = data.check_runs.find((c) => c.external_id === externalId);
    return found ? (found.html_url ?? String(found.id)) : undefined;
  };
  // The check run output is limited to 65535 characters.
  const summary = renderGate(evidence, 60_000).toMarkdown();
  for (let attempt = 1; attempt <= CHECK_RUN_ATTEMPTS; attempt++) {
    try {
      if (attempt > 1) {
        const url = await landed();
        if (url) {
          logger.info(
            `Check run "${name}" on ${run.sha7} was created (its answer was lost): ${url}`,
          );
          return url;
        }
      }
      const created = await octokit.rest.checks.create({
        owner,
        repo,
        name,
        head_sha: run.sha,
        status: 'completed',
        conclusion: evidence.passed ? 'success' : 'failure',
        started_at: evidence.startedAt,
        completed_at: evidence.finishedAt,
        details_url: run.runUrl,
        external_id: externalId,
        output: { title: headline(evidence), summary },
        // Not retried blindly: a lost answer is looked up first (above).
        request: { retries: 0 },
      });
      logger.info(
        `Check run "${name}" on ${run.sha7}: ${created.data.html_url ?? created.data.id}`,
      );
      return created.data.html_url ?? undefined;
    } catch (error) {
      const status = statusOf(error);
      const lost = status === 0 || status >= 500;
      const said = status === 0 ? 'no answer from GitHub' : `GitHub answered ${status}`;
      if (lost && attempt < CHECK_RUN_ATTEMPTS) {
        logger.warning(
          `Creating check run "${name}" on ${run.sha7}: ${said} (${errorMessage(error).slice(0, 120)}); looking up whether it was created, then trying again (attempt ${attempt + 1} of ${CHECK_RUN_ATTEMPTS})`,
        );
        continue;
      }
      const hint =
        status === 401 || status === 403 || status === 404
          ? ' (the job needs permissions: checks: write)'
          : '';
      logger.warning(
        `Could not create the check run "${name}" on ${run.sha7}: ${said}: ${errorMessage(error).slice(0, 200)}${hint}`,
      );
      return undefined;
    }
  }
  return undefined;
}

async function notifySlack(
  evidence: Evidence,
  request: GateRequest,
  env: EnvironmentConfig,
  { clock, logger, run }: GateDeps,
): Promise<void> {
  if (!request.slackWebhookUrl) return;
  const events = env.notify?.slack?.events;
  if (events && !events.includes('gate')) return;
  const blocking = evidence.items.filter((i) => blocks(i.status));
  const waived = evidence.items.filter((i) => i.status === 'waived');
  const fields: Record<string, string> = {
    Commit: run.sha7 || 'unknown',
    'Ran by': run.actor,
  };
  if (blocking.length > 0)
    fields['Blocking'] = blocking
      .map((i) => `• ${i.id}: ${i.line}`)
      .join('\n')
      .slice(0, 1900);
  if (waived.length > 0)
    fields['Waived'] = waived
      .map((i) => `• ${i.id} until ${i.waiver?.expires} (${i.waiver?.owner})`)
      .join('\n');
  try {
    await postToSlack(
      request.slackWebhookUrl,
      slackMessage(
        `${evidence.passed ? ':white_check_mark:' : ':no_entry:'} ${headline(evidence)}`,
        fields,
        {
          text: 'Gate run',
          url: run.runUrl,
        },
      ),
      { clock, logger },
    );
  } catch (error) {
    logger.warning(`Slack message not sent: ${errorMessage(error)}`);
  }
}
