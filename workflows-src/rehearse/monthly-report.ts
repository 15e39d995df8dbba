/**
 * A month of history for the ops report (the `report` check): what BetterStack, CloudWatch and
 * the audit log recorded in the calendar month before now. One monitor was down 43 minutes;
 * 20 deploys, two of them followed by a rollback; the p99 above 1000 ms on three days; one
 * rotation and one restore drill; and the month before that, for comparison. The ops-monthly
 * rehearsal and the report's tests read the same month, so the figures a reader sees can be
 * checked against what the sim recorded.
 */
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
export function withMonthlyHistory(fixture: FixtureInput, s: MonthlyScenario): FixtureInput {
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

/** The audit rows of the two months: deploys and rollbacks, a rotation, a restore drill. */
export function monthlyAuditRows(s: MonthlyScenario, environment = 'production'): Row[] {
  const rows: Row[] = [];
  const deploy = (at: number, tag: string, action = 'deploy_succeeded'): void => {
    rows.push({
      action,
      resourceType: DEPLOY_RESOURCE_TYPE,
      resourceId: environment,
      details: { result: action === 'deploy_succeeded' ? 'deployed' : 'rolled-back', tag },
      at,
    });
  };
  const rollback = (at: number, tag: string): void => {
    rows.push({
      action: 'rollback_succeeded',
      resourceType: DEPLOY_RESOURCE_TYPE,
      resourceId: environment,
      details: { result: 'rolled-back', tag, reason: 'bad release' },
      at,
    });
  };
  const days = (s.period.end - s.period.start) / DAY;
  // 20 deploys spread over the month at 10:00; the 6th and the 13th were rolled back later.
  const rolledBack = new Map([
    [5, 25],
    [12, 12],
  ]);
  for (let i = 0; i < s.deploys; i++) {
    const at = s.period.start + Math.floor((i * days) / s.deploys) * DAY + 10 * 60 * MINUTE + i;
    deploy(at, `v2.${i}.0`);
    const after = rolledBack.get(i);
    if (after !== undefined) rollback(at + after * MINUTE, `v2.${i - 1}.0`);
  }
  // The month before: 8 deploys, one rolled back by its own verification, one by a person.
  for (let i = 0; i < 8; i++) {
    const at = s.before.start + i * 3 * DAY + 11 * 60 * MINUTE;
    deploy(at, `v1.${i}.0`, i === 2 ? 'deploy_rolled_back' : 'deploy_succeeded');
    if (i === 6) rollback(at + 40 * MINUTE, `v1.5.0`);
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
