/**
 * Delivery figures from the suite's own audit rows (core/deploy/stages/records.ts writes one
 * per deploy and rollback): how often an environment was deployed, how many of those changes
 * failed, and how long production ran a bad version.
 */
import type { AuditRow } from '../audit/audit-log.js';
import type { ReportPeriod } from './period.js';

/** Lead time from commit to production, read from GitHub (github-records.ts). */
export interface LeadTimeItem {
  sha: string;
  tag: string | undefined;
  committedAt: string;
  /** When the deployment first reported success. */
  deployedAt: string;
  minutes: number;
}

export interface LeadTimeFigures {
  /** Deploys of the period that went live, per GitHub's deployments. */
  deployments: number;
  items: LeadTimeItem[];
  /** Deployed commits GitHub no longer knows (force-pushed away): not measured, but named. */
  unknownCommits: string[];
  medianMinutes: number | undefined;
}

export const DEPLOY_ACTIONS = ['deploy_succeeded', 'deploy_rolled_back', 'deploy_failed'] as const;
export const ROLLBACK_ACTIONS = ['rollback_succeeded', 'rollback_failed'] as const;

export interface ChangeFailure {
  at: string;
  tag: string;
  /** `rolled back by the deploy` (its own verification failed) or `followed by a rollback`. */
  how: string;
  /** When a verified version served again (a successful rollback), if it did. */
  restoredAt: string | undefined;
  restoreMinutes: number | undefined;
}

export interface DeliveryFigures {
  period: { from: string; to: string };
  deploys: number;
  /** Deployment frequency: deploys per 7 days of the period. */
  deploysPerWeek: number;
  /** Deploys per week (weeks start on Monday, labelled by that Monday). */
  perWeek: { week: string; deploys: number }[];
  failures: ChangeFailure[];
  /** failures ÷ deploys in percent; undefined without deploys. */
  changeFailurePercent: number | undefined;
  /** Median minutes from a failed change to a verified version, over those measured. */
  medianRestoreMinutes: number | undefined;
  rollbacks: number;
  /**
   * Commit to production, from GitHub (github-records.ts); undefined when GitHub was not
   * read (the report says why).
   */
  leadTime: LeadTimeFigures | undefined;
}

const WEEK = 7 * 86_400_000;
const isDeploy = (r: AuditRow): boolean => (DEPLOY_ACTIONS as readonly string[]).includes(r.action);
const isRollback = (r: AuditRow): boolean =>
  (ROLLBACK_ACTIONS as readonly string[]).includes(r.action);

/** Monday 00:00 UTC of the week holding `t`. */
function weekStart(t: number): number {
  const d = new Date(t);
  const day = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day);
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * The figures of one period from an environment's deploy and rollback rows (any order; rows
 * after the period are read to see whether its last deploy was rolled back). A change failed
 * when its deploy did not succeed (its own verification rolled it back, or it failed) or when a
 * rollback came before the next deploy; it was restored when a rollback succeeded.
 */
export function deliveryFigures(rows: readonly AuditRow[], period: ReportPeriod): DeliveryFigures {
  const events = rows
    .filter((r) => isDeploy(r) || isRollback(r))
    .sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
  const inPeriod = (r: AuditRow): boolean =>
    r.created_at.getTime() >= period.start && r.created_at.getTime() < period.end;
  const deploys = events.filter((r) => isDeploy(r) && inPeriod(r));
  const failures: ChangeFailure[] = [];
  for (const deploy of deploys) {
    const at = events.indexOf(deploy);
    const after = events.slice(at + 1);
    const nextDeploy = after.findIndex(isDeploy);
    const rollbacks = (nextDeploy < 0 ? after : after.slice(0, nextDeploy)).filter(isRollback);
    const tag = String(deploy.details['tag'] ?? deploy.details['image'] ?? '?');
    const restored = rollbacks.find((r) => r.action === 'rollback_succeeded');
    const failedItself = deploy.action !== 'deploy_succeeded';
    if (!failedItself && rollbacks.length === 0) continue;
    const restoredAt = failedItself && deploy.action === 'deploy_rolled_back' ? deploy : restored;
    failures.push({
      at: deploy.created_at.toISOString(),
      tag,
      how: failedItself
        ? deploy.action === 'deploy_rolled_back'
          ? 'rolled back by the deploy'
          : 'deploy failed'
        : 'followed by a rollback',
      restoredAt: restoredAt?.created_at.toISOString(),
      restoreMinutes: restoredAt
        ? round1((restoredAt.created_at.getTime() - deploy.created_at.getTime()) / 60_000)
        : undefined,
    });
  }
  const weeks = new Map<number, number>();
  for (let w = weekStart(period.start); w < period.end; w += WEEK) weeks.set(w, 0);
  for (const d of deploys) {
    const w = weekStart(d.created_at.getTime());
    weeks.set(w, (weeks.get(w) ?? 0) + 1);
  }
  const measured = failures.flatMap((f) =>
    f.restoreMinutes !== undefined && f.how !== 'rolled back by the deploy'
      ? [f.restoreMinutes]
      : [],
  );
  return {
    period: { from: period.from, to: period.to },
    deploys: deploys.length,
    deploysPerWeek: round1((deploys.length * WEEK) / (period.end - period.start)),
    perWeek: [...weeks].map(([w, n]) => ({
      week: new Date(w).toISOString().slice(0, 10),
      deploys: n,
    })),
    failures,
    changeFailurePercent:
      deploys.length === 0 ? undefined : round1((100 * failures.length) / deploys.length),
    medianRestoreMinutes: median(measured),
    rollbacks: events.filter((r) => isRollback(r) && inPeriod(r)).length,
    leadTime: undefined,
  };
}
