import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../core/audit/audit-log.js';
import { deliveryFigures } from '../../../core/report/delivery.js';
import { monthPeriod, previousPeriod, rangePeriod } from '../../../core/report/period.js';

const NOW = Date.parse('2026-12-06T18:00:00Z');

describe('report periods', () => {
  it('defaults to the month before, and compares with the one before it', () => {
    const p = monthPeriod(undefined, NOW);
    expect(p).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-30',
      month: '2026-11',
      label: 'November 2026',
    });
    expect(previousPeriod(p)).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(monthPeriod(undefined, Date.parse('2027-01-01T06:00:00Z')).month).toBe('2026-12');
  });

  it('refuses a month in the future, one not over, and one that is not a month', () => {
    expect(() => monthPeriod('2027-02', NOW)).toThrow(
      'month: 2027-02 is in the future; give a month that is over, e.g. 2026-11',
    );
    expect(() => monthPeriod('2026-12', NOW)).toThrow(/2026-12 is not over yet/);
    expect(() => monthPeriod('2026-13', NOW)).toThrow(/give it as YYYY-MM/);
  });

  it('takes a range of whole days that are over, in order, at most a year', () => {
    expect(rangePeriod('2026-11-03', '2026-11-20', NOW)).toMatchObject({
      start: Date.parse('2026-11-03T00:00:00Z'),
      end: Date.parse('2026-11-21T00:00:00Z'),
    });
    expect(() => rangePeriod('2025-01-01', '2026-06-30', NOW)).toThrow(
      /546 days, longer than a year/,
    );
    expect(() => rangePeriod('2026-11-20', '2026-11-03', NOW)).toThrow(/before 2026-11-20/);
    expect(() => rangePeriod('2026-12-01', '2026-12-06', NOW)).toThrow(
      /2026-12-06 is not over yet/,
    );
    expect(() => rangePeriod('2026-11-31', '2026-12-01', NOW)).toThrow(
      /from "2026-11-31" is not a day/,
    );
    expect(() => rangePeriod('2026-1-1', '2026-12-01', NOW)).toThrow(
      /from "2026-1-1" is not a day/,
    );
  });
});

let n = 0;
const row = (action: string, at: string, tag = `v${n}`): AuditRow => ({
  id: String(++n),
  action,
  resource_type: 'app_runner_service',
  resource_id: 'production',
  details: { tag },
  actor: null,
  run_url: null,
  created_at: new Date(at),
});

describe('delivery figures', () => {
  const november = monthPeriod('2026-11', NOW);

  it('counts a deploy its own verification rolled back, and one a rollback followed, as failed changes', () => {
    const rows = [
      row('deploy_succeeded', '2026-11-02T10:00:00Z', 'v1'),
      row('deploy_rolled_back', '2026-11-03T10:00:00Z', 'v2'),
      row('deploy_succeeded', '2026-11-10T10:00:00Z', 'v3'),
      row('rollback_succeeded', '2026-11-10T10:30:00Z'),
      row('deploy_succeeded', '2026-11-11T10:00:00Z', 'v4'),
      // The month's last deploy, rolled back on the first of the next month: still its failure.
      row('deploy_succeeded', '2026-11-30T23:00:00Z', 'v5'),
      row('rollback_succeeded', '2026-12-01T00:10:00Z'),
      // Before the month: not counted, but the one before it is not disturbed either.
      row('deploy_succeeded', '2026-10-31T23:00:00Z', 'v0'),
    ];
    const f = deliveryFigures(rows, november);
    expect(f.deploys).toBe(5);
    expect(f.failures.map((x) => [x.tag, x.how, x.restoreMinutes])).toEqual([
      ['v2', 'rolled back by the deploy', 0],
      ['v3', 'followed by a rollback', 30],
      ['v5', 'followed by a rollback', 70],
    ]);
    expect(f.changeFailurePercent).toBe(60);
    // The deploy's own rollback is not a person's time to restore.
    expect(f.medianRestoreMinutes).toBe(50);
    expect(f.rollbacks).toBe(1);
    expect(f.perWeek.map((w) => w.week)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(f.perWeek.reduce((s, w) => s + w.deploys, 0)).toBe(5);
  });

  it('has no change failure rate without deploys', () => {
    expect(deliveryFigures([], november)).toMatchObject({
      deploys: 0,
      changeFailurePercent: undefined,
      medianRestoreMinutes: undefined,
    });
  });
});
