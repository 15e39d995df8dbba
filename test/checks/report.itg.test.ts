/**
 * The `report` check against the sim and a real PostgreSQL holding the audit log: a month with
 * a 43-minute outage on one monitor, 20 deploys of which two were rolled back, and a p99 above
 * its threshold on three days. Every figure is compared with what the sim and the audit log
 * recorded, not with constants the report could have copied.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpsReport } from '../../core/report/ops-report.js';
import { loadFixture } from '../../sim/fixture.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import {
  monthlyAuditRows,
  monthlyScenario,
  recordMonthlyAudit,
  withMonthlyHistory,
} from '../../workflows-src/rehearse/monthly-report.js';
import { dropEnv, runOne, sharedContext } from './context.js';
import { scratchFolder } from '../../sim/scratch-folders.js';

let sim: SimHandle;
let db: LocalPostgres;
const scenario = monthlyScenario();
const saved = { ...process.env };

beforeAll(async () => {
  const base = loadFixture();
  sim = await startSim({
    timeScale: 0.01,
    fixture: withMonthlyHistory(
      {
        ...base,
        secretsmanager: {
          secrets: [{ name: 'drop/production/session-secret', value: 'sim-session-value' }],
        },
      },
      scenario,
    ),
  });
  db = await startPostgres();
  await recordMonthlyAudit(db.url, scenario);
  process.env['BETTERSTACK_API_URL'] = `${sim.url}/betterstack`;
  process.env['GITHUB_WORKSPACE'] = await scratchFolder('ops-report-');
});
afterAll(async () => {
  process.env = saved;
  await sim?.stop();
  await db?.stop();
});

const ctx = (secrets = {}) =>
  sharedContext(sim, {
    env: dropEnv({
      maintenance: { 'monitor-ids': ['2001001', '2001002'] },
      secrets: [
        {
          name: 'JWT_SECRET',
          'secret-id': 'drop/production/jwt-secret',
          kind: 'random',
          'rotate-every-days': 90,
        },
        {
          name: 'SESSION_SECRET',
          'secret-id': 'drop/production/session-secret',
          kind: 'random',
          'rotate-every-days': 30,
        },
      ],
    }),
    secrets: {
      betterstackToken: 'sim-betterstack-token',
      auditDatabaseUrl: db.url,
      ...secrets,
    },
  });

describe('report check', () => {
  it('reports the month as the sim and the audit log recorded it, with its charts', async () => {
    const result = await runOne({ type: 'report', 'max-p99-ms': 1000 }, ctx());
    // p99 above its threshold on three days is a warning; every monitor met 99.9 %.
    expect(result.status, result.line).toBe('warn');
    const files = result.evidence?.['files'] as { markdown: string; json: string };
    const report = JSON.parse(readFileSync(files.json, 'utf8')) as OpsReport;
    expect(report.period).toMatchObject({ from: scenario.period.from, to: scenario.period.to });

    // Availability: what the sim's incidents add up to over the month.
    const minutes = (scenario.period.end - scenario.period.start) / 60_000;
    const recorded = sim.betterstack
      .incidents()
      .filter(
        (i) =>
          i.monitorId === '2001001' &&
          i.startedAt >= scenario.period.start &&
          i.startedAt < scenario.period.end,
      )
      .reduce((n, i) => n + (i.resolvedAt! - i.startedAt) / 60_000, 0);
    expect(recorded).toBe(43);
    const down = report.availability.monitors.find((m) => m.id === '2001001')!;
    expect(down.availability).toBeCloseTo(100 * (1 - recorded / minutes), 3);
    expect(down).toMatchObject({ downtimeMinutes: 43, incidents: 1, met: true });
    expect(report.availability.monitors.find((m) => m.id === '2001002')).toMatchObject({
      availability: 100,
      downtimeMinutes: 0,
    });
    expect(report.availability.incidents.map((i) => i.minutes)).toEqual([43]);
    // The outage's day shows in the per-day uptime, the others are whole.
    const outageDay = Math.floor(
      (Date.parse(scenario.outage.startedAt) - scenario.period.start) / 86_400_000,
    );
    expect(down.daily[outageDay]).toBeCloseTo(100 * (1 - 43 / 1440), 3);
    expect(down.daily.filter((d) => d < 100)).toHaveLength(1);

    // p99 per day: the three days above 1000 ms are named.
    expect(report.traffic.p99Breaches).toEqual(scenario.breachDays);
    expect(report.traffic.days).toHaveLength(minutes / 1440);
    expect(report.traffic.daysWithoutData).toEqual([]);
    expect(report.traffic.errorBreaches).toEqual([]);

    // Delivery: 20 deploys, 2 followed by a rollback; the month before for comparison.
    const rows = monthlyAuditRows(scenario);
    const inMonth = rows.filter(
      (r) =>
        r.action.startsWith('deploy_') &&
        r.at >= scenario.period.start &&
        r.at < scenario.period.end,
    );
    expect(report.delivery.current.deploys).toBe(inMonth.length);
    expect(report.delivery.current.changeFailurePercent).toBe(10);
    expect(report.delivery.current.failures.map((f) => f.restoreMinutes)).toEqual([25, 12]);
    expect(report.delivery.current.medianRestoreMinutes).toBe(18.5);
    expect(report.delivery.current.perWeek.reduce((n, w) => n + w.deploys, 0)).toBe(20);
    expect(report.delivery.previous).toMatchObject({ deploys: 8, changeFailurePercent: 25 });

    // Rotations and drills.
    expect(report.rotations.done.map((r) => r.name)).toEqual(['JWT_SECRET']);
    expect(report.rotations.schedule.map((r) => [r.name, r.source])).toEqual([
      ['JWT_SECRET', 'audit log'],
      ['SESSION_SECRET', 'Secrets Manager'],
    ]);
    expect(report.drills).toEqual([expect.objectContaining({ result: 'pass', restoreMinutes: 9 })]);

    // The line and the charts.
    expect(result.line).toContain('change failure rate 10 %');
    for (const day of scenario.breachDays) expect(result.line).toContain(day);
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown.match(/```mermaid\nxychart-beta/g)).toHaveLength(3);
    expect(markdown).toMatch(/bar \[[\d, ]+\]\n {2}line \[(1000, )+1000\]/);
    expect(markdown).toContain('| Drop API health (2001001) |');
    expect(result.evidence?.['summary']).toBe(markdown);
  });

  it('is an error, never a report with holes, when a source cannot be read to the end', async () => {
    const noAudit = await runOne({ type: 'report' }, ctx({ auditDatabaseUrl: undefined }));
    expect(noAudit).toMatchObject({
      status: 'error',
      line: expect.stringMatching(/audit-database-url/),
    });
    const wrongToken = await runOne({ type: 'report' }, ctx({ betterstackToken: 'wrong' }));
    expect(wrongToken.status).toBe('error');
    expect(wrongToken.line).toMatch(/availability \(BetterStack\).*401/);
    const unreachable = await runOne(
      { type: 'report' },
      ctx({ auditDatabaseUrl: 'postgres://nobody@127.0.0.1:1/none' }),
    );
    expect(unreachable).toMatchObject({
      status: 'error',
      line: expect.stringMatching(/audit log/),
    });
  });

  it('refuses a month in the future, a range over a year and a target outside (0, 100)', async () => {
    const future = await runOne({ type: 'report', month: '2099-01' }, ctx());
    expect(future).toMatchObject({
      status: 'error',
      line: expect.stringMatching(/2099-01 is in the future/),
    });
    const long = await runOne({ type: 'report', from: '2024-01-01', to: '2025-06-30' }, ctx());
    expect(long.line).toMatch(/longer than a year/);
    await expect(runOne({ type: 'report', 'sla-target': 100 }, ctx())).rejects.toThrow(
      /sla-target|above 0 and below 100/,
    );
    await expect(runOne({ type: 'report', 'sla-target': 0 }, ctx())).rejects.toThrow(
      /above 0 and below 100/,
    );
  });
});
