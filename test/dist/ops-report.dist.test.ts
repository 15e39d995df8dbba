/**
 * The monthly ops report and the escalation test through the built ops-check bundle, against
 * the sim (BetterStack, CloudWatch) and a real PostgreSQL holding the audit log. The month:
 * one monitor down 43 minutes, 20 deploys of which two were rolled back, p99 above 1000 ms on
 * three days. The report's figures are compared with what the sim and the audit log recorded.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../core/checks/report.js';
import type { OpsReport } from '../../core/report/ops-report.js';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import { runActionBundle } from '../../sim/run-action.js';
import {
  monthlyScenario,
  recordMonthlyAudit,
  REPORT_ITEM,
  withMonthlyHistory,
} from '../../workflows-src/rehearse/monthly-report.js';
import { scratchFolder } from '../../sim/scratch-folders.js';

const scenario = monthlyScenario();
/** A job token holding what the routine-check job grants, plus checks: read. */
const TOKEN = 'ghs_perm_contents-read_deployments-read_checks-read_issues-write';
let s: SimHandle;
let db: LocalPostgres;
let workspace: string;

beforeAll(async () => {
  const base = loadFixture();
  const fixture = withMonthlyHistory(
    {
      ...base,
      betterstack: {
        ...base.betterstack,
        policies: [
          { id: '41', name: 'Drop quick', steps: [{ waitBefore: 60, notify: 'primary on-call' }] },
          // An hour before anyone is paged: 7.2 s at this time scale, long enough to cancel.
          { id: '42', name: 'Drop slow', steps: [{ waitBefore: 3600, notify: 'primary on-call' }] },
        ],
      },
    },
    scenario,
  );
  s = await startSim({ fixture, timeScale: 0.002 });
  db = await startPostgres();
  await recordMonthlyAudit(db.url, scenario);
  workspace = await scratchFolder('ops-report-');
  await writeFile(
    path.join(workspace, 'apprunner-ops.yml'),
    `version: 1\nenvironments:\n${environmentYaml(s, 'production', s.service('drop-web').arn)}    checks:\n      monthly:\n${REPORT_ITEM}`,
  );
});
afterAll(async () => {
  await s?.stop();
  await db?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

const run = (inputs: Record<string, string>, options: { cancelOn?: RegExp } = {}) =>
  runActionBundle({
    action: 'ops-check',
    cwd: workspace,
    env: { ...s.env, BETTERSTACK_API_URL: `${s.url}/betterstack` },
    inputs: {
      config: 'apprunner-ops.yml',
      environment: 'production',
      'betterstack-token': s.env['SIM_BETTERSTACK_TOKEN']!,
      'audit-database-url': db.url,
      'open-issue': 'false',
      ...inputs,
    },
    ...options,
  });

describe('the ops report through the ops-check bundle', () => {
  it('equals what the sim recorded, draws its charts and keeps Markdown and JSON', async () => {
    // The routine-check job's token, with the checks: read the gate runs need.
    const result = await run({ schedule: 'monthly', 'github-token': TOKEN });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.outputs['passed']).toBe('true');
    const checks = JSON.parse(readFileSync(result.outputs['report']!, 'utf8')) as CheckReport;
    const item = checks.checks.find((c) => c.type === 'report')!;
    expect(item.status, item.line).toBe('warn');

    const folder = path.join(workspace, 'apprunner-ops-report');
    const base = `ops-report-production-${scenario.period.from}-${scenario.period.to}`;
    expect(readdirSync(folder).sort()).toEqual([`${base}.json`, `${base}.md`]);
    const report = JSON.parse(readFileSync(path.join(folder, `${base}.json`), 'utf8')) as OpsReport;

    const minutes = (scenario.period.end - scenario.period.start) / 60_000;
    const recorded = s.betterstack
      .incidents()
      .filter(
        (i) =>
          i.monitorId === scenario.outage.monitorId &&
          i.startedAt >= scenario.period.start &&
          i.startedAt < scenario.period.end,
      )
      .reduce((n, i) => n + (i.resolvedAt! - i.startedAt) / 60_000, 0);
    expect(recorded).toBe(43);
    const monitor = report.availability.monitors.find((m) => m.id === scenario.outage.monitorId)!;
    expect(Math.abs(monitor.availability - 100 * (1 - recorded / minutes))).toBeLessThan(0.001);
    expect(monitor.downtimeMinutes).toBe(recorded);
    expect(report.delivery.current).toMatchObject({ deploys: 20, changeFailurePercent: 10 });
    expect(report.traffic.p99Breaches).toEqual(scenario.breachDays);
    for (const day of scenario.breachDays) expect(item.line).toContain(day);

    // Delivery, against the audit log and what the sim's GitHub holds.
    const { current, previous } = report.delivery;
    expect(report.delivery.github).toEqual({ read: true, source: 'GitHub example/drop' });
    const days = (scenario.period.end - scenario.period.start) / 86_400_000;
    expect(current.deploysPerWeek).toBe(Math.round((20 * 7 * 10) / days) / 10);
    expect(previous).toMatchObject({ deploys: 8, changeFailurePercent: 25 });
    // Time to restore: the two rollbacks came 25 and 12 minutes after their deploys.
    expect(current.failures.map((f) => f.restoreMinutes)).toEqual([25, 12]);
    expect(current.medianRestoreMinutes).toBe(18.5);
    expect(previous.medianRestoreMinutes).toBe(40);
    // Lead time: each production deployment's first success in the sim minus its commit's date.
    const commits = new Map(
      withMonthlyHistory(loadFixture(), scenario).github!.commits!.map((c) => [
        c.sha,
        Date.parse(c.committedAt),
      ]),
    );
    const expected = (period: { start: number; end: number }) =>
      s.github
        .deployments()
        .filter(
          (d) =>
            d.environment === 'production' && (d.payload as { kind?: string }).kind === 'deploy',
        )
        .flatMap((d) => {
          const live = d.statuses.find((x) => x.state === 'success');
          const at = live && Date.parse(live.created_at);
          return at !== undefined && at >= period.start && at < period.end
            ? // GitHub's times are whole seconds; the report rounds to a tenth of a minute.
              [Math.round((at - commits.get(d.sha)!) / 6_000) / 10]
            : [];
        })
        .sort((a, b) => a - b);
    const measured = expected(scenario.period);
    expect(measured).toHaveLength(20);
    expect(current.leadTime?.items.map((i) => i.minutes).sort((a, b) => a - b)).toEqual(measured);
    expect(current.leadTime?.medianMinutes).toBe((measured[9]! + measured[10]!) / 2);
    expect(current.leadTime?.medianMinutes).toBe(169);
    // The month before: 7 of its 8 deploys went live (one failed its verification).
    expect(previous.leadTime?.items).toHaveLength(7);
    expect(previous.leadTime?.medianMinutes).toBe(expected(scenario.before)[3]);
    // Gate runs: production's go-live gate before each deploy, one commit's first run failed;
    // staging's run on a production commit is not counted.
    expect(report.gateRuns?.byGate).toEqual([{ gate: 'go-live', runs: 21, passed: 20, failed: 1 }]);
    expect(report.gateRuns?.runs).toHaveLength(
      s.github
        .checkRuns()
        .filter(
          (c) =>
            c.name === 'apprunner-ops: go-live gate (production)' &&
            Date.parse(c.completed_at!) >= scenario.period.start &&
            Date.parse(c.completed_at!) < scenario.period.end,
        ).length,
    );
    expect(result.summary).toContain(
      '| Median lead time, commit to production | 2.8 h (20 deploys) | 26.1 h (7 deploys) |',
    );
    expect(result.summary).toContain('| go-live | 21 | 20 | 1 |');

    // The job summary holds the three charts; the Markdown file is the same report.
    expect(result.summary.match(/```mermaid\nxychart-beta/g)).toHaveLength(3);
    expect(result.summary).toContain(`Ops report of production: ${scenario.period.label}`);
    const markdown = readFileSync(path.join(folder, `${base}.md`), 'utf8');
    expect(result.summary).toContain(markdown.trim().split('\n').slice(0, 3).join('\n'));
  });

  it('a token without checks: read: the report says the gate runs were not read, and how to fix it', async () => {
    const result = await run({
      checks: REPORT_ITEM.replace(/^ {8}/gm, ''),
      'github-token': 'ghs_perm_contents-read_deployments-read',
    });
    expect(result.exitCode, result.stdout).toBe(0);
    const checks = JSON.parse(readFileSync(result.outputs['report']!, 'utf8')) as CheckReport;
    const item = checks.checks.find((c) => c.type === 'report')!;
    expect(item.line).toMatch(
      /gate runs: the token may not read check runs .*give the job checks: read/,
    );
    const files = item.evidence?.['files'] as { json: string };
    const report = JSON.parse(readFileSync(files.json, 'utf8')) as OpsReport;
    expect(report.gateRuns).toBeUndefined();
    // Lead times need no checks: read.
    expect(report.delivery.current.leadTime?.medianMinutes).toBe(169);
  });

  it('bad input changes nothing: a month in the future and an SLA target of 100 are named errors', async () => {
    const future = await run({ checks: '- type: report\n  month: "2099-01"\n' });
    expect(future.exitCode).not.toBe(0);
    expect(future.stdout).toMatch(/item 1 \(report\): month: 2099-01 is in the future/);
    const target = await run({ checks: '- type: report\n  sla-target: 100\n' });
    expect(target.exitCode).not.toBe(0);
    expect(target.stdout).toMatch(/sla-target.*above 0 and below 100/);
  });

  it('a scheduled list with a range longer than a year or a month in the future runs none of its checks, naming the item and its line', async () => {
    const config = readFileSync(path.join(workspace, 'apprunner-ops.yml'), 'utf8');
    const cases: [string, RegExp][] = [
      [
        "          from: '2024-01-01'\n          to: '2025-06-30'\n",
        /environments\.production\.checks\.monthly\[0\]: from\/to: 2024-01-01 to 2025-06-30 is 547 days, longer than a year \(366 days\); report a shorter range \(line \d+\)/,
      ],
      [
        "          month: '2099-01'\n",
        /environments\.production\.checks\.monthly\[0\]: month: 2099-01 is in the future; give a month that is over, e\.g\. \d{4}-\d{2} \(line \d+\)/,
      ],
    ];
    for (const [keys, message] of cases) {
      const bad = config.replace('        - type: report\n', `        - type: report\n${keys}`);
      expect(bad).toContain(keys);
      await writeFile(path.join(workspace, 'bad.yml'), bad);
      const before = s.calls().length;
      await rm(path.join(workspace, 'apprunner-ops-report'), { recursive: true, force: true });
      const result = await run({ config: 'bad.yml', schedule: 'monthly' });
      expect(result.exitCode).not.toBe(0);
      expect(result.stdout).toMatch(message);
      // Not one call to AWS, BetterStack or GitHub, and no report written.
      expect(s.calls().slice(before)).toEqual([]);
      expect(existsSync(path.join(workspace, 'apprunner-ops-report'))).toBe(false);
    }
  });
});

describe('the escalation test through the ops-check bundle', () => {
  const openTests = () =>
    s.betterstack
      .incidents()
      .filter(
        (i) => i.name.startsWith('apprunner-ops escalation test') && i.resolvedAt === undefined,
      );

  it('passes when BetterStack escalates, and resolves its incident', async () => {
    const result = await run({
      checks: `- type: escalation-test\n  policy-id: '41'\n  requester-email: ops@example.com\n  poll-interval: 50ms\n  deadline: 1m\n`,
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.summary).toMatch(/BetterStack escalated test incident \d+ by policy 41/);
    expect(openTests()).toEqual([]);
  });

  it('cancelled while it waits for the escalation: the post step resolves the test incident', async () => {
    const result = await run(
      {
        checks: `- type: escalation-test\n  policy-id: '42'\n  requester-email: ops@example.com\n  poll-interval: 50ms\n  deadline: 2h\n  timeout: 3h\n`,
      },
      { cancelOn: /Created test incident \d+; waiting up to 2h/ },
    );
    expect(result.signal ?? result.exitCode).not.toBe(0);
    const created = s.betterstack
      .incidents()
      .filter((i) => i.name.startsWith('apprunner-ops escalation test'));
    expect(created.length).toBeGreaterThan(0);
    expect(openTests()).toEqual([]);
    const last = created.at(-1)!;
    // SIGINT ends the main step before its own resolve; the post step finds the incident by name.
    expect(last.resolvedBy).toBe('apprunner-ops post step');
    expect(result.post?.stdout).toMatch(
      /Resolved escalation test incident\(s\) \d+ left by a stopped run/,
    );
  });
});
