/**
 * A month of history for the ops report (the `report` check): what BetterStack, CloudWatch and
 * the audit log recorded in the calendar month before now. One monitor was down 43 minutes;
 * 20 deploys, two of them followed by a rollback; the p99 above 1000 ms on three days; one
 * rotation and one restore drill; and the month before that, for comparison. The ops-monthly
 * rehearsal and the report's tests read the same month, so the figures a reader sees can be
 * checked against what the sim recorded.
 */
import { createHash } from 'node:crypto';
import { AUDIT_TABLE_DDL, DEPLOY_RESOURCE_TYPE } from '../../core/audit/audit-log.js';
import { monthPeriod, previousPeriod, type ReportPeriod } from '../../core/report/period.js';
import { pgClient } from '../../core/util/pg-client.js';
import type { FixtureInput } from '../../sim/fixture.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

export interface MonthlyScenario {
  period: ReportPeriod;
  before: ReportPeriod;
  /** The monitor that was down, and for how long. */
  outage: { monitorId: string; startedAt: string; resolvedAt: string; minutes: number };
  /** Days whose p99 was above the 1000 ms threshold. */
  breachDays: string[];
  deploys: number;
  rollbacks: number;
  service: string;
}

export function monthlyScenario(now = Date.now(), service = 'drop-web'): MonthlyScenario {
  const period = monthPeriod(undefined, now);
  const started = period.start + 9 * DAY + 8 * 60 * MINUTE;
  const day = (n: number): string =>
    new Date(period.start + (n - 1) * DAY).toISOString().slice(0, 10);
  return {
    period,
    before: previousPeriod(period),
    outage: {
      monitorId: '2001001',
      startedAt: new Date(started).toISOString(),
      resolvedAt: new Date(started + 43 * MINUTE).toISOString(),
      minutes: 43,
    },
    breachDays: [day(5), day(17), day(23)],
    deploys: 20,
    rollbacks: 2,
    service,
  };
}

/** The fixture with the month's incidents (and one the month before) and daily metrics. */
export function withMonthlyHistory(
  fixture: FixtureInput,
  s: MonthlyScenario,
  environment = 'production',
): FixtureInput {
  const history = [];
  for (let t = s.before.start; t < s.period.end; t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const n = Number(day.slice(8));
    const breach = s.breachDays.indexOf(day);
    history.push({
      service: s.service,
      day,
      requests: 90_000 + n * 1000,
      errors: 20 + n,
      p99Ms: breach >= 0 ? [1450, 1620, 1380][breach]! : 300 + n * 5,
    });
  }
  const beforeOutage = s.before.start + 20 * DAY + 3 * 60 * MINUTE;
  return {
    ...fixture,
    betterstack: {
      ...fixture.betterstack,
      incidents: [
        ...(fixture.betterstack?.incidents ?? []),
        {
          monitorId: s.outage.monitorId,
          name: 'Drop API health',
          cause: 'Status 503',
          startedAt: s.outage.startedAt,
          acknowledgedAt: new Date(Date.parse(s.outage.startedAt) + 4 * MINUTE).toISOString(),
          resolvedAt: s.outage.resolvedAt,
        },
        {
          monitorId: s.outage.monitorId,
          name: 'Drop API health',
          cause: 'Timeout',
          startedAt: new Date(beforeOutage).toISOString(),
          resolvedAt: new Date(beforeOutage + 7 * MINUTE).toISOString(),
        },
      ],
    },
    github: {
      ...fixture.github,
      ...githubHistory(s, environment),
    },
    cloudwatch: {
      ...fixture.cloudwatch,
      history: [...(fixture.cloudwatch?.history ?? []), ...history],
    },
  };
}

interface Row {
  action: string;
  resourceType: string;
  resourceId: string;
  details: Record<string, unknown>;
  at: number;
}

/** One deploy of the two months, as the audit log and GitHub both recorded it. */
export interface ScenarioDeploy {
  at: number;
  tag: string;
  /** The commit deployed: a SHA made from the tag, the same every run. */
  sha: string;
  /** Its committer date: the lead time starts here. */
  committedAt: number;
  /** When its GitHub deployment reported success; undefined when its verification failed. */
  liveAt: number | undefined;
  action: 'deploy_succeeded' | 'deploy_rolled_back';
  /** Minutes after the deploy a person rolled it back, if one did. */
  rolledBackAfter: number | undefined;
  month: 'period' | 'before';
}

/** GitHub's check run of a compliance-gate run (core/gate/gate.ts names it). */
const gateRunName = (environment: string): string => `apprunner-ops: go-live gate (${environment})`;

/** The deploys of the two months, oldest first. */
export function scenarioDeploys(s: MonthlyScenario): ScenarioDeploy[] {
  const out: ScenarioDeploy[] = [];
  const sha = (tag: string): string => createHash('sha1').update(`drop ${tag}`).digest('hex');
  const days = (s.period.end - s.period.start) / DAY;
  // 20 deploys spread over the month at 10:00; the 6th and the 13th were rolled back later.
  // Each commit was made 34 min to 4 h 34 min before its deploy went live (4 min after it began).
  const rolledBack = new Map([
    [5, 25],
    [12, 12],
  ]);
  for (let i = 0; i < s.deploys; i++) {
    const at = s.period.start + Math.floor((i * days) / s.deploys) * DAY + 10 * 60 * MINUTE + i;
    const tag = `v2.${i}.0`;
    out.push({
      at,
      tag,
      sha: sha(tag),
      committedAt: at - (30 + 45 * (i % 7)) * MINUTE,
      liveAt: at + 4 * MINUTE,
      action: 'deploy_succeeded',
      rolledBackAfter: rolledBack.get(i),
      month: 'period',
    });
  }
  // The month before: 8 deploys, one rolled back by its own verification, one by a person.
  for (let i = 0; i < 8; i++) {
    const at = s.before.start + i * 3 * DAY + 11 * 60 * MINUTE;
    const tag = `v1.${i}.0`;
    out.push({
      at,
      tag,
      sha: sha(tag),
      committedAt: at - 26 * 60 * MINUTE,
      liveAt: i === 2 ? undefined : at + 4 * MINUTE,
      action: i === 2 ? 'deploy_rolled_back' : 'deploy_succeeded',
      rolledBackAfter: i === 6 ? 40 : undefined,
      month: 'before',
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * What GitHub holds of those deploys: each commit, a deployment per deploy (success when it
 * went live, failure when its verification rolled it back) and per rollback, and a go-live gate
 * run before each deploy of the month (one commit's gate failed first, then passed).
 */
function githubHistory(s: MonthlyScenario, environment: string) {
  const iso = (t: number): string => new Date(t).toISOString();
  const deploys = scenarioDeploys(s);
  const payload = (kind: string, d: ScenarioDeploy) => ({
    tool: 'apprunner-ops',
    kind,
    image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web@sha256:${d.sha}${d.sha.slice(0, 24)}`,
    digest: `sha256:${d.sha}${d.sha.slice(0, 24)}`,
    tag: d.tag,
  });
  const deployments = deploys.flatMap((d, i) => {
    const made = {
      environment,
      sha: d.sha,
      payload: payload('deploy', d),
      createdAt: iso(d.at),
      statuses: [
        { state: 'in_progress' as const, createdAt: iso(d.at + MINUTE) },
        d.liveAt === undefined
          ? { state: 'failure' as const, createdAt: iso(d.at + 9 * MINUTE) }
          : { state: 'success' as const, createdAt: iso(d.liveAt) },
      ],
    };
    if (d.rolledBackAfter === undefined) return [made];
    const back = d.at + d.rolledBackAfter * MINUTE;
    // A rollback deploys the version before again: its commit, its image.
    const to = deploys[i - 1]!;
    return [
      made,
      {
        environment,
        sha: to.sha,
        payload: payload('rollback', to),
        createdAt: iso(back - 3 * MINUTE),
        statuses: [{ state: 'success' as const, createdAt: iso(back) }],
      },
    ];
  });
  const checkRuns = deploys
    .filter((d) => d.month === 'period')
    .flatMap((d, i) => [
      ...(i === 12
        ? [
            {
              name: gateRunName(environment),
              headSha: d.sha,
              conclusion: 'failure' as const,
              startedAt: iso(d.at - 32 * MINUTE),
              completedAt: iso(d.at - 30 * MINUTE),
            },
          ]
        : []),
      {
        name: gateRunName(environment),
        headSha: d.sha,
        conclusion: 'success' as const,
        startedAt: iso(d.at - 12 * MINUTE),
        completedAt: iso(d.at - 10 * MINUTE),
      },
    ]);
  // Staging's gate on a production commit: another environment's, not counted.
  checkRuns.push({
    name: gateRunName('staging'),
    headSha: deploys.find((d) => d.month === 'period')!.sha,
    conclusion: 'success',
    startedAt: iso(s.period.start + 2 * 60 * MINUTE),
    completedAt: iso(s.period.start + 3 * 60 * MINUTE),
  });
  return {
    commits: deploys.map((d) => ({
      sha: d.sha,
      message: `Release ${d.tag}`,
      committedAt: iso(d.committedAt),
    })),
    deployments,
    checkRuns,
  };
}

/** The audit rows of the two months: deploys and rollbacks, a rotation, a restore drill. */
export function monthlyAuditRows(s: MonthlyScenario, environment = 'production'): Row[] {
  const rows: Row[] = [];
  const deploys = scenarioDeploys(s);
  for (const [i, d] of deploys.entries()) {
    rows.push({
      action: d.action,
      resourceType: DEPLOY_RESOURCE_TYPE,
      resourceId: environment,
      details: {
        result: d.action === 'deploy_succeeded' ? 'deployed' : 'rolled-back',
        tag: d.tag,
        commit: d.sha,
      },
      at: d.at,
    });
    if (d.rolledBackAfter !== undefined)
      rows.push({
        action: 'rollback_succeeded',
        resourceType: DEPLOY_RESOURCE_TYPE,
        resourceId: environment,
        details: { result: 'rolled-back', tag: deploys[i - 1]!.tag, reason: 'bad release' },
        at: d.at + d.rolledBackAfter * MINUTE,
      });
  }
  rows.push({
    action: 'secret_rotated',
    resourceType: 'secret',
    resourceId: 'JWT_SECRET',
    details: { environment, kind: 'random', rotated_at: new Date(s.period.start + 14 * DAY) },
    at: s.period.start + 14 * DAY,
  });
  rows.push({
    action: 'restore_drill',
    resourceType: 'rds_db_instance',
    resourceId: 'drop-db',
    details: { environment, result: 'pass', restore_ms: 9 * MINUTE, finished_at: '' },
    at: s.period.start + DAY + 6 * 60 * MINUTE,
  });
  return rows;
}

/** Writes the rows into audit_log (created when missing) with their own times. */
export async function recordMonthlyAudit(
  databaseUrl: string,
  s: MonthlyScenario,
  environment = 'production',
): Promise<void> {
  const client = await pgClient({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(AUDIT_TABLE_DDL);
    for (const r of monthlyAuditRows(s, environment))
      await client.query(
        `INSERT INTO audit_log (action, resource_type, resource_id, details, actor, run_url, created_at)
         VALUES ($1, $2, $3, $4, 'ops-bot', 'https://github.com/acme/drop/actions/runs/1', $5)`,
        [r.action, r.resourceType, r.resourceId, JSON.stringify(r.details), new Date(r.at)],
      );
  } finally {
    await client.end();
  }
}

/** The report item of production's monthly list in the rehearsal's configuration. */
export const REPORT_ITEM = `        - type: report
          sla-target: 99.9
          max-error-percent: 1
          max-p99-ms: 1000
          monitor-ids: ['2001001', '2001002']
`;
