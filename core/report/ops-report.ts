/**
 * The runbooks' monthly SLA report, made from what the suite can read: BetterStack's SLA
 * figures and incidents per monitor, the service's requests, 5xx and p99 per day (CloudWatch,
 * through the deploy target), the deploy and rollback rows of the audit log (delivery
 * figures, with the period before), GitHub's deployments, commits and check runs (lead time
 * from commit to production, the compliance gate's runs), rotations against the rotation
 * schedule, restore drills.
 *
 * Every source is read to the end or the report is not made: a report with holes would look
 * greener than production was. Missing secrets or settings are errors that say what to pass.
 */
import { DEPLOY_RESOURCE_TYPE, readAuditEntries, type AuditRow } from '../audit/audit-log.js';
import { SecretsStore } from '../aws/secrets-manager.js';
import { serviceTraffic } from '../checks/load-balancer.js';
import type { CheckContext } from '../checks/types.js';
import { RESTORE_DRILL_ACTION, RESTORE_DRILL_RESOURCE } from '../drill/record.js';
import { betterStackApiUrl, BetterStackMonitors } from '../notify/betterstack.js';
import { BetterStackIncidents, type Incident } from '../notify/betterstack-incidents.js';
import { rotatedSecretId } from '../rotation/types.js';
import { errorMessage } from '../util/errors.js';
import type { RunInfo } from '../action/github-context.js';
import { deliveryFigures, type DeliveryFigures } from './delivery.js';
import {
  gateRunFigures,
  leadTimes,
  readGithubRecords,
  type GateRunFigures,
  type GithubRecords,
} from './github-records.js';
import { dayOf, daysOf, previousPeriod, type ReportPeriod } from './period.js';

const DAY = 86_400_000;
const DUE_SOON_DAYS = 14;

export interface ReportThresholds {
  /** Availability target per monitor, percent, in (0, 100). */
  slaTarget: number;
  /** Highest acceptable share of 5xx per day, percent. */
  maxErrorPercent: number;
  /** Highest acceptable p99 latency per day, ms. */
  maxP99Ms: number;
}

export interface MonitorAvailability {
  id: string;
  name: string;
  availability: number;
  downtimeMinutes: number;
  incidents: number;
  longestIncidentMinutes: number;
  met: boolean;
  /** Uptime percent per day of the period, from the monitor's incidents. */
  daily: number[];
}

export interface ReportIncident {
  id: string;
  monitorId: string | undefined;
  name: string;
  cause: string;
  startedAt: string;
  resolvedAt: string | null;
  /** Minutes inside the period (open ones up to its end). */
  minutes: number;
}

export interface TrafficDay {
  day: string;
  requests: number;
  errors: number;
  /** undefined: no requests that day (nothing was published). */
  errorPercent: number | undefined;
  p99Ms: number | undefined;
}

export interface RotationRow {
  name: string;
  kind: string;
  secretId: string;
  everyDays: number | undefined;
  lastRotated: string | undefined;
  /** Where lastRotated comes from: the audit log, else the AWSCURRENT version's creation. */
  source: 'audit log' | 'Secrets Manager' | 'never';
  nextDue: string | undefined;
  status: 'ok' | 'due soon' | 'overdue' | 'no schedule';
}

export interface DrillRow {
  at: string;
  result: string;
  restoreMinutes: number | undefined;
}

export interface OpsReport {
  environment: string;
  period: { from: string; to: string; label: string };
  generatedAt: string;
  thresholds: ReportThresholds;
  availability: { monitors: MonitorAvailability[]; incidents: ReportIncident[] };
  traffic: {
    metrics: string;
    days: TrafficDay[];
    errorBreaches: string[];
    p99Breaches: string[];
    daysWithoutData: string[];
  };
  delivery: {
    current: DeliveryFigures;
    previous: DeliveryFigures;
    /** Where lead times and gate runs come from (`GitHub example/drop`), or why they do not. */
    github: { read: boolean; source: string };
  };
  /** The compliance gate's runs that ended in the period; undefined when they were not read. */
  gateRuns: GateRunFigures | undefined;
  /** Why gateRuns is undefined. */
  gateRunsUnread: string | undefined;
  rotations: { done: { name: string; at: string }[]; schedule: RotationRow[] };
  drills: DrillRow[];
  /** What a reader must look at, worst first; empty when everything met its target. */
  findings: { level: 'fail' | 'warn'; text: string }[];
}

export interface ReportRequest {
  period: ReportPeriod;
  thresholds: ReportThresholds;
  /** BetterStack monitors; default the environment's maintenance.monitor-ids. */
  monitorIds?: readonly string[] | undefined;
}

type Ctx = Pick<
  CheckContext,
  'environment' | 'env' | 'aws' | 'secrets' | 'clock' | 'logger' | 'signal'
> & {
  /** The repository and API whose deployments and check runs are read (with github-token). */
  run?: RunInfo | undefined;
};

/** Why GitHub is not read, or undefined when it is. */
function githubUnread(ctx: Ctx): string | undefined {
  if (!ctx.secrets.githubToken)
    return 'no github-token given (pass one with deployments: read, contents: read, checks: read)';
  if (!ctx.run || ctx.run.repository === 'local/unknown')
    return 'no repository known (set GITHUB_REPOSITORY)';
  return undefined;
}

async function githubRecords(ctx: Ctx, period: ReportPeriod): Promise<GithubRecords | undefined> {
  if (githubUnread(ctx)) return undefined;
  // A day more: a deployment made just before the period may go live in it.
  const since = previousPeriod(period).start - DAY;
  return readGithubRecords(
    { environment: ctx.environment, since },
    { run: ctx.run!, token: ctx.secrets.githubToken!, clock: ctx.clock, logger: ctx.logger },
  );
}

/** Refuses thresholds that cannot be met or mean nothing, naming the setting. */
export function validateThresholds(t: ReportThresholds, where = 'report'): void {
  if (!(t.slaTarget > 0 && t.slaTarget < 100))
    throw new Error(
      `${where}: sla-target ${t.slaTarget} is outside (0, 100); give a percent such as 99.9`,
    );
  if (!(t.maxErrorPercent >= 0 && t.maxErrorPercent <= 100))
    throw new Error(`${where}: max-error-percent ${t.maxErrorPercent} is outside [0, 100]`);
  if (!(t.maxP99Ms > 0)) throw new Error(`${where}: max-p99-ms must be above 0`);
}

const round = (n: number, digits: number): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Minutes of each day of the period an incident list covers (open ones up to `until`). */
function dailyDowntime(incidents: readonly Incident[], period: ReportPeriod, until: number) {
  const days = daysOf(period);
  const ms = days.map(() => 0);
  for (const i of incidents) {
    const from = Math.max(Date.parse(i.startedAt), period.start);
    const to = Math.min(i.resolvedAt ? Date.parse(i.resolvedAt) : until, period.end);
    for (let t = from; t < to;) {
      const index = Math.floor((t - period.start) / DAY);
      const dayEnd = period.start + (index + 1) * DAY;
      const piece = Math.min(to, dayEnd) - t;
      ms[index] = (ms[index] ?? 0) + piece;
      t += piece;
    }
  }
  return ms;
}

async function availability(ctx: Ctx, request: ReportRequest): Promise<OpsReport['availability']> {
  const ids = request.monitorIds ?? ctx.env.maintenance?.['monitor-ids'];
  if (!ids || ids.length === 0)
    throw new Error(
      `no BetterStack monitors: set environments.${ctx.environment}.maintenance.monitor-ids or monitor-ids on the report`,
    );
  const token = ctx.secrets.betterstackToken;
  if (!token)
    throw new Error(
      'no betterstack-token given: availability cannot be read (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
    );
  const deps = { clock: ctx.clock, logger: ctx.logger };
  const api = new BetterStackIncidents(betterStackApiUrl(), token, deps);
  const monitors = new BetterStackMonitors(betterStackApiUrl(), token, deps);
  const { period } = request;
  // An incident that began before the period may still run into it.
  const listFrom = dayOf(period.start - 7 * DAY);
  const out: MonitorAvailability[] = [];
  const incidents: ReportIncident[] = [];
  for (const id of ids) {
    const [sla, monitor, list] = await Promise.all([
      api.sla(id, period.from, period.to),
      monitors.get(id),
      api.list({ from: listFrom, to: period.to, monitorId: id }),
    ]);
    const touching = list.filter(
      (i) =>
        Date.parse(i.startedAt) < period.end &&
        (i.resolvedAt === null || Date.parse(i.resolvedAt) > period.start),
    );
    const perDay = dailyDowntime(touching, period, ctx.clock.now());
    out.push({
      id,
      name: monitor.name,
      availability: sla.availability,
      downtimeMinutes: round(sla.downtimeSeconds / 60, 1),
      incidents: sla.incidents,
      longestIncidentMinutes: round(sla.longestIncidentSeconds / 60, 1),
      met: sla.availability >= request.thresholds.slaTarget,
      daily: perDay.map((ms) => round(100 * (1 - ms / DAY), 3)),
    });
    for (const i of touching) {
      const from = Math.max(Date.parse(i.startedAt), period.start);
      const to = Math.min(i.resolvedAt ? Date.parse(i.resolvedAt) : period.end, period.end);
      incidents.push({
        id: i.id,
        monitorId: i.monitorId,
        name: i.name,
        cause: i.cause,
        startedAt: i.startedAt,
        resolvedAt: i.resolvedAt,
        minutes: round((to - from) / 60_000, 1),
      });
    }
  }
  incidents.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  return { monitors: out, incidents };
}

async function traffic(ctx: Ctx, request: ReportRequest): Promise<OpsReport['traffic']> {
  const { period, thresholds } = request;
  const { periods, source } = await serviceTraffic(ctx, {
    start: period.start,
    end: period.end,
    periodSeconds: 86_400,
  });
  const byDay = new Map(periods.map((p) => [dayOf(p.at), p]));
  const days: TrafficDay[] = daysOf(period).map((day) => {
    const p = byDay.get(day);
    if (!p || p.requests === 0)
      return { day, requests: 0, errors: 0, errorPercent: undefined, p99Ms: undefined };
    return {
      day,
      requests: p.requests,
      errors: p.errors,
      errorPercent: round((100 * p.errors) / p.requests, 3),
      p99Ms: p.p99 === undefined ? undefined : Math.round(p.p99),
    };
  });
  return {
    metrics: source,
    days,
    errorBreaches: days
      .filter((d) => d.errorPercent !== undefined && d.errorPercent > thresholds.maxErrorPercent)
      .map((d) => d.day),
    p99Breaches: days
      .filter((d) => d.p99Ms !== undefined && d.p99Ms > thresholds.maxP99Ms)
      .map((d) => d.day),
    daysWithoutData: days.filter((d) => d.errorPercent === undefined).map((d) => d.day),
  };
}

function auditUrl(ctx: Ctx): string {
  const url = ctx.secrets.auditDatabaseUrl;
  if (!url)
    throw new Error(
      'no audit-database-url given: deploys, rotations and drills cannot be read (pass the AUDIT_DATABASE_URL secret as audit-database-url)',
    );
  return url;
}

async function auditRows(ctx: Ctx): Promise<AuditRow[]> {
  return readAuditEntries(auditUrl(ctx), { limit: Number.MAX_SAFE_INTEGER });
}

async function rotations(
  ctx: Ctx,
  rows: readonly AuditRow[],
  period: ReportPeriod,
): Promise<OpsReport['rotations']> {
  const mine = rows.filter(
    (r) =>
      r.action === 'secret_rotated' &&
      (r.details['environment'] === undefined || r.details['environment'] === ctx.environment),
  );
  const done = mine
    .filter((r) => r.created_at.getTime() >= period.start && r.created_at.getTime() < period.end)
    .map((r) => ({ name: r.resource_id, at: r.created_at.toISOString() }))
    .sort((a, b) => a.at.localeCompare(b.at));
  const now = ctx.clock.now();
  const store = new SecretsStore(ctx.aws.secretsManager, { clock: ctx.clock, logger: ctx.logger });
  const schedule: RotationRow[] = [];
  for (const secret of ctx.env.secrets ?? []) {
    const secretId = rotatedSecretId(secret);
    const every = secret['rotate-every-days'];
    const logged = mine
      .filter((r) => r.resource_id === secret.name)
      .sort((a, b) => b.created_at.getTime() - a.created_at.getTime())[0];
    let last: number | undefined = logged?.created_at.getTime();
    let source: RotationRow['source'] = logged ? 'audit log' : 'never';
    if (last === undefined) {
      const current = await store.currentVersion(secretId);
      if (current) {
        last = current.createdAt.getTime();
        source = 'Secrets Manager';
      }
    }
    const due = every !== undefined && last !== undefined ? last + every * DAY : undefined;
    schedule.push({
      name: secret.name,
      kind: secret.kind,
      secretId,
      everyDays: every,
      lastRotated: last === undefined ? undefined : new Date(last).toISOString(),
      source,
      nextDue: due === undefined ? undefined : new Date(due).toISOString(),
      status:
        every === undefined
          ? 'no schedule'
          : due === undefined || due <= now
            ? 'overdue'
            : due - now <= DUE_SOON_DAYS * DAY
              ? 'due soon'
              : 'ok',
    });
  }
  return { done, schedule };
}

function drills(ctx: Ctx, rows: readonly AuditRow[], period: ReportPeriod): DrillRow[] {
  const instance = ctx.env.database?.instance;
  return rows
    .filter(
      (r) =>
        r.action === RESTORE_DRILL_ACTION &&
        r.resource_type === RESTORE_DRILL_RESOURCE &&
        (instance === undefined || r.resource_id === instance) &&
        r.created_at.getTime() >= period.start &&
        r.created_at.getTime() < period.end,
    )
    .map((r) => {
      const ms = r.details['restore_ms'];
      return {
        at: r.created_at.toISOString(),
        result: String(r.details['result'] ?? 'unknown'),
        restoreMinutes: typeof ms === 'number' ? round(ms / 60_000, 1) : undefined,
      };
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}

function findings(report: Omit<OpsReport, 'findings'>): OpsReport['findings'] {
  const out: OpsReport['findings'] = [];
  const t = report.thresholds;
  for (const m of report.availability.monitors)
    if (!m.met)
      out.push({
        level: 'fail',
        text: `${m.name} (${m.id}) was available ${m.availability} %, below the ${t.slaTarget} % target (${m.downtimeMinutes} min down)`,
      });
  if (report.traffic.p99Breaches.length)
    out.push({
      level: 'warn',
      text: `p99 above ${t.maxP99Ms} ms on ${report.traffic.p99Breaches.length} days: ${report.traffic.p99Breaches.join(', ')}`,
    });
  if (report.traffic.errorBreaches.length)
    out.push({
      level: 'warn',
      text: `5xx above ${t.maxErrorPercent} % on ${report.traffic.errorBreaches.length} days: ${report.traffic.errorBreaches.join(', ')}`,
    });
  for (const r of report.rotations.schedule.filter((s) => s.status === 'overdue'))
    out.push({ level: 'warn', text: `${r.name} is overdue for rotation (run rotate.yml)` });
  const github = report.delivery.github;
  if (!github.read)
    out.push({ level: 'warn', text: `lead time and gate runs: GitHub ${github.source}` });
  if (github.read && report.gateRunsUnread)
    out.push({ level: 'warn', text: `gate runs: ${report.gateRunsUnread}` });
  const unknown = report.delivery.current.leadTime?.unknownCommits ?? [];
  if (unknown.length)
    out.push({
      level: 'warn',
      text: `lead time of ${unknown.length} deploys not measured: GitHub does not hold their commits (${unknown.map((s) => s.slice(0, 7)).join(', ')})`,
    });
  for (const g of report.gateRuns?.byGate.filter((x) => x.failed > 0) ?? [])
    out.push({
      level: 'warn',
      text: `the ${g.gate} gate failed ${g.failed} of its ${g.runs} runs`,
    });
  for (const d of report.drills.filter((x) => x.result !== 'pass'))
    out.push({ level: 'warn', text: `the restore drill of ${d.at} did not pass` });
  return out;
}

/** Reads every source and makes the report; throws when any source cannot be read whole. */
export async function buildOpsReport(ctx: Ctx, request: ReportRequest): Promise<OpsReport> {
  validateThresholds(request.thresholds);
  const { period } = request;
  const step = async <T>(what: string, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (error) {
      throw new Error(`${what}: ${errorMessage(error)}`, { cause: error });
    }
  };
  // allSettled: the other reads finish (and close their connections) before a failure is told.
  const settled = await Promise.allSettled([
    step('availability (BetterStack)', () => availability(ctx, request)),
    step('error rate and p99 (CloudWatch)', () => traffic(ctx, request)),
    step('audit log', () => auditRows(ctx)),
    step('GitHub deployments, commits and check runs', () => githubRecords(ctx, period)),
  ] as const);
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [errorMessage(s.reason)] : []));
  if (failed.length) throw new Error(failed.join('; '));
  const [avail, traf, rows, github] = settled.map(
    (s) => (s as PromiseFulfilledResult<unknown>).value,
  ) as [OpsReport['availability'], OpsReport['traffic'], AuditRow[], GithubRecords | undefined];
  const deploys = rows.filter(
    (r) => r.resource_type === DEPLOY_RESOURCE_TYPE && r.resource_id === ctx.environment,
  );
  const body: Omit<OpsReport, 'findings'> = {
    environment: ctx.environment,
    period: { from: period.from, to: period.to, label: period.label },
    generatedAt: new Date(ctx.clock.now()).toISOString(),
    thresholds: request.thresholds,
    availability: avail,
    traffic: traf,
    delivery: {
      current: {
        ...deliveryFigures(deploys, period),
        leadTime: github && leadTimes(github, period),
      },
      previous: {
        ...deliveryFigures(deploys, previousPeriod(period)),
        leadTime: github && leadTimes(github, previousPeriod(period)),
      },
      github: github
        ? { read: true, source: `GitHub ${github.repository}` }
        : { read: false, source: `not read: ${githubUnread(ctx)}` },
    },
    gateRuns: github && gateRunFigures(github, period),
    gateRunsUnread: github ? github.gateRunsUnread : `GitHub ${githubUnread(ctx)}`,
    rotations: await step('rotation schedule', () => rotations(ctx, rows, period)),
    drills: drills(ctx, rows, period),
  };
  return { ...body, findings: findings(body) };
}
