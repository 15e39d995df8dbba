/**
 * The bake period after a verified deploy: the runbook's automatic rollback trigger, "error
 * rate > X % for N consecutive minutes". It watches the new version's traffic as the deploy
 * target reports it (the platform's request metrics in CloudWatch, read the same way as the
 * error-rate and latency-p99 checks); a sustained breach is reported like a failed
 * verification, so deploy rolls back the same way.
 */
import type { MinuteMetrics } from '../aws/cloudwatch.js';
import { bakeConfigSchema, type BakeConfig } from '../config/bake.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { firstStreak } from '../health/failure-limit.js';
import { formatDuration } from '../util/duration.js';
import { InputError, errorMessage } from '../util/errors.js';
import { percent } from '../util/percent.js';
import type { OpsContext } from './context.js';

export { bakeConfigSchema, type BakeConfig };

/** CloudWatch is a minute or two behind; a bake waits this much longer for its last minutes. */
const CLOUDWATCH_DELAY_MS = 5 * 60_000;

export interface BakeResult {
  ok: boolean;
  /** Minutes of traffic seen (one CloudWatch period each). */
  watchedMinutes: number;
  plannedMinutes: number;
  /** One line: why it rolls back, or what was seen. */
  line: string;
}

function badMinute(m: MinuteMetrics, config: BakeConfig): string | undefined {
  if (m.requests <= 0) return undefined;
  const rate = percent(m.errors / m.requests);
  if (rate > config['error-rate']) return `${rate} % 5xx`;
  const limit = config['latency-p99'];
  if (limit !== undefined && m.p99 !== undefined && m.p99 > limit)
    return `p99 ${Math.round(m.p99)} ms`;
  return undefined;
}

/**
 * Judges the minutes seen so far: a breach once `consecutive-minutes` bad ones follow each
 * other (the failure rule verification uses too, core/health/failure-limit.ts).
 */
export function judgeMinutes(
  minutes: readonly MinuteMetrics[],
  config: BakeConfig,
): string | undefined {
  const run = firstStreak(
    minutes.map((m) => badMinute(m, config)),
    config['consecutive-minutes'],
  );
  if (!run) return undefined;
  return `${run.length} consecutive bad minutes (${run.join(', ')}; limits ${config['error-rate']} % 5xx${config['latency-p99'] !== undefined ? `, p99 ${config['latency-p99']} ms` : ''})`;
}

export function bakeConfigOf(env: EnvironmentConfig): BakeConfig {
  return (env as EnvironmentConfig & { bake?: BakeConfig }).bake ?? bakeConfigSchema.parse({});
}

/**
 * Before anything changes: one read of the last minutes of the service's request metrics, so
 * a role without `cloudwatch:GetMetricStatistics`, or a service whose metrics the target
 * cannot find, refuses the deploy in preflight instead of after the switch, when the new
 * version would be live and unwatched.
 */
export async function assertTrafficReadable(ctx: OpsContext): Promise<void> {
  const end = Math.floor(ctx.clock.now() / 1000) * 1000;
  try {
    await ctx.target.traffic({ start: end - 5 * 60_000, end, periodSeconds: 60 });
  } catch (error) {
    throw new InputError(
      'bake',
      `needs the service's request metrics (${ctx.target.trafficMetrics}), which could not be read: ${errorMessage(error)}. Allow cloudwatch:GetMetricStatistics to the deploy role (docs/setup.md §3), or deploy with bake: 0s`,
    );
  }
}

/** Watches the service for `bakeMs` of metrics; resolves with the verdict (never throws on a breach). */
export async function bake(ctx: OpsContext, bakeMs: number): Promise<BakeResult> {
  const config = bakeConfigOf(ctx.env);
  const planned = Math.max(1, Math.round(bakeMs / 60_000));
  // CloudWatch takes whole seconds: start on one, so the first query has EndTime > StartTime.
  const start = Math.ceil(ctx.clock.now() / 1000) * 1000;
  const deadline = start + bakeMs + CLOUDWATCH_DELAY_MS;
  ctx.logger.info(
    `Baking for ${formatDuration(bakeMs)}: rolling back after ${config['consecutive-minutes']} consecutive minutes above ${config['error-rate']} % 5xx${config['latency-p99'] !== undefined ? ` or p99 ${config['latency-p99']} ms` : ''}`,
  );
  for (;;) {
    if (ctx.clock.now() < start + 1000) {
      await ctx.clock.sleep(start + 1000 - ctx.clock.now());
      continue;
    }
    const minutes = await ctx.target.traffic({
      start,
      end: ctx.clock.now(),
      periodSeconds: 60,
    });
    const breach = judgeMinutes(minutes, config);
    const watched = Math.min(minutes.length, planned);
    if (breach)
      return {
        ok: false,
        watchedMinutes: minutes.length,
        plannedMinutes: planned,
        line: breach,
      };
    if (minutes.length >= planned)
      return {
        ok: true,
        watchedMinutes: watched,
        plannedMinutes: planned,
        line: `watched ${watched} of ${planned} minutes; no ${config['consecutive-minutes']} bad minutes in a row`,
      };
    if (ctx.clock.now() >= deadline)
      return {
        ok: true,
        watchedMinutes: watched,
        plannedMinutes: planned,
        line: `watched ${watched} of ${planned} minutes (CloudWatch had no more traffic data by ${formatDuration(bakeMs + CLOUDWATCH_DELAY_MS)}); no sustained breach`,
      };
    await ctx.clock.sleep(ctx.timing.pollIntervalMs);
  }
}

/** The Bake row's detail. */
export function bakeLine(r: BakeResult): string {
  return r.ok
    ? r.line
    : `breach after ${r.watchedMinutes} of ${r.plannedMinutes} watched minutes: ${r.line}`;
}
