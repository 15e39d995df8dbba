import { databaseInstance } from './fields.js';
import { rdsStatistic } from './rds-instance.js';
import { storageGrowthSchema } from './schemas/db-diagnostics.js';
import { defineCheck } from './types.js';

const DAY = 86_400_000;
const GIB = 1024 ** 3;

/**
 * The runbooks' storage forecast: FreeStorageSpace's daily minimum over the last 7 days, its
 * least-squares slope, and the days left at that rate. Fewer than three days of data is an
 * error (no trend can be read from it); free space that is not shrinking passes.
 */
export const storageGrowth = defineCheck({
  ...storageGrowthSchema,
  defaultTimeoutMs: 30_000,
  group: 'Database',
  async run(check, ctx) {
    const instance = databaseInstance(ctx.env);
    if (typeof instance !== 'string') return instance;
    const now = ctx.clock.now();
    const points = await rdsStatistic(ctx, {
      instance,
      metric: 'FreeStorageSpace',
      statistic: 'Minimum',
      window: { start: now - 7 * DAY, end: now, periodSeconds: 86_400 },
    });
    const series = points.flatMap((p) =>
      p.at ? [{ day: p.at.getTime() / DAY, free: p.value }] : [],
    );
    if (series.length < 3)
      return {
        status: 'error',
        line: `only ${series.length} day(s) of FreeStorageSpace for ${instance} in the last 7 days: no growth can be read`,
        observed: { instance, days: series.length },
      };
    const meanDay = series.reduce((a, p) => a + p.day, 0) / series.length;
    const meanFree = series.reduce((a, p) => a + p.free, 0) / series.length;
    const slope =
      series.reduce((a, p) => a + (p.day - meanDay) * (p.free - meanFree), 0) /
      series.reduce((a, p) => a + (p.day - meanDay) ** 2, 0);
    const free = series.at(-1)!.free;
    const usedPerDayGiB = Math.round((-slope / GIB) * 100) / 100;
    const freeGiB = Math.round((free / GIB) * 100) / 100;
    const observed = { instance, freeGiB, usedPerDayGiB, days: series.length };
    if (slope >= 0)
      return {
        status: 'pass',
        line: `${instance}: ${freeGiB} GiB free, not shrinking over the last 7 days`,
        observed,
      };
    const daysLeft = Math.floor(free / -slope);
    const line = `${instance}: ${freeGiB} GiB free, ${usedPerDayGiB} GiB used a day over the last 7 days: full in about ${daysLeft} days`;
    return daysLeft < check['min-days']
      ? {
          status: 'fail',
          line: `${line} (< ${check['min-days']}): grow the allocated storage or turn on storage autoscaling`,
          observed: { ...observed, daysLeft },
        }
      : { status: 'pass', line, observed: { ...observed, daysLeft } };
  },
});
