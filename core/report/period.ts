/**
 * The stretch of time a report covers: whole UTC days, `from` and `to` both included. A month
 * (`2026-11`) or a range of days; never in the future, never longer than a year, so the
 * figures are whole and comparable.
 */
export interface ReportPeriod {
  /** First day, YYYY-MM-DD. */
  from: string;
  /** Last day, YYYY-MM-DD (included). */
  to: string;
  /** Epoch ms of `from` 00:00 UTC. */
  start: number;
  /** Epoch ms just after `to` (the next day 00:00 UTC). */
  end: number;
  /** "November 2026" or "2026-11-03 – 2026-11-20". */
  label: string;
  /** YYYY-MM when the period is one calendar month. */
  month?: string;
}

const DAY = 86_400_000;
const MAX_DAYS = 366;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const dayOf = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The period's days, YYYY-MM-DD each. */
export function daysOf(period: Pick<ReportPeriod, 'start' | 'end'>): string[] {
  const out: string[] = [];
  for (let t = period.start; t < period.end; t += DAY) out.push(dayOf(t));
  return out;
}

function monthOf(year: number, monthIndex: number): ReportPeriod {
  const start = Date.UTC(year, monthIndex, 1);
  const end = Date.UTC(year, monthIndex + 1, 1);
  const month = new Date(start).toISOString().slice(0, 7);
  return {
    from: dayOf(start),
    to: dayOf(end - DAY),
    start,
    end,
    month,
    label: new Date(start).toLocaleString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  };
}

/**
 * A calendar month (`YYYY-MM`), by default the one before `now`'s. `what` names the input in
 * errors (`--month`, `month`). A month not over yet has no whole figures: refused.
 */
export function monthPeriod(month: string | undefined, now: number, what = 'month'): ReportPeriod {
  if (month === undefined) {
    const d = new Date(now);
    return monthOf(d.getUTCFullYear(), d.getUTCMonth() - 1);
  }
  const m = MONTH.exec(month);
  if (!m) throw new Error(`${what}: "${month}" is not a month; give it as YYYY-MM, e.g. 2026-11`);
  const period = monthOf(Number(m[1]), Number(m[2]) - 1);
  if (period.start > now)
    throw new Error(
      `${what}: ${month} is in the future; give a month that is over, e.g. ${monthPeriod(undefined, now).month}`,
    );
  if (period.end > now)
    throw new Error(
      `${what}: ${month} is not over yet (its report needs every day); give ${monthPeriod(undefined, now).month} or a range of days that are over`,
    );
  return period;
}

/** A range of whole days, both included: over, in order, at most a year. */
export function rangePeriod(from: string, to: string, now: number, what = 'range'): ReportPeriod {
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const)
    // The round trip refuses days a calendar does not have (2026-11-31), which Date.parse rolls on.
    if (!DATE.test(value) || dayOf(Date.parse(`${value}T00:00:00Z`) || 0) !== value)
      throw new Error(`${what}: ${name} "${value}" is not a day; give it as YYYY-MM-DD`);
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + DAY;
  if (end <= start) throw new Error(`${what}: ${to} is before ${from}; give the earlier day first`);
  if (start > now) throw new Error(`${what}: ${from} is in the future`);
  if (end > now)
    throw new Error(
      `${what}: ${to} is not over yet (the report needs whole days); end it at ${dayOf(now - DAY)} at the latest`,
    );
  const days = (end - start) / DAY;
  if (days > MAX_DAYS)
    throw new Error(
      `${what}: ${from} to ${to} is ${days} days, longer than a year (${MAX_DAYS} days); report a shorter range`,
    );
  return { from, to, start, end, label: `${from} – ${to}` };
}

/** The period just before, to compare with: the month before a month, else as many days. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  if (period.month) {
    const d = new Date(period.start);
    return monthOf(d.getUTCFullYear(), d.getUTCMonth() - 1);
  }
  const length = period.end - period.start;
  const start = period.start - length;
  return {
    from: dayOf(start),
    to: dayOf(period.start - DAY),
    start,
    end: period.start,
    label: `${dayOf(start)} – ${dayOf(period.start - DAY)}`,
  };
}
