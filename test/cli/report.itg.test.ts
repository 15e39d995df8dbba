/**
 * `apprunner-ops report` as a person runs it: the built command line in a real process, the
 * sim's endpoints and a real PostgreSQL audit log in its environment. The month is the one
 * the ops-monthly rehearsal reports (workflows-src/rehearse/monthly-report.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpsReport } from '../../core/report/ops-report.js';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import { assertSafeAwsEnvironment } from '../../sim/run-action.js';
import { runnerNode } from '../../sim/runner-node.js';
import {
  monthlyScenario,
  recordMonthlyAudit,
  REPORT_ITEM,
  withMonthlyHistory,
} from '../../workflows-src/rehearse/monthly-report.js';

const BIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../bin/apprunner-ops.mjs',
);
const scenario = monthlyScenario();
let s: SimHandle;
let db: LocalPostgres;
let workspace: string;
let env: Record<string, string>;

beforeAll(async () => {
  s = await startSim({ fixture: withMonthlyHistory(loadFixture(), scenario), timeScale: 0.01 });
  db = await startPostgres();
  await recordMonthlyAudit(db.url, scenario);
  workspace = await mkdtemp(path.join(os.tmpdir(), 'cli-report-'));
  await writeFile(
    path.join(workspace, 'apprunner-ops.yml'),
    `version: 1\nenvironments:\n${environmentYaml(s, 'production', s.service('drop-web').arn)}    checks:\n      monthly:\n${REPORT_ITEM}`,
  );
  env = {
    ...(s.env as Record<string, string>),
    BETTERSTACK_API_URL: `${s.url}/betterstack`,
    BETTERSTACK_TOKEN: s.env['SIM_BETTERSTACK_TOKEN'] as string,
    AUDIT_DATABASE_URL: db.url,
  };
  assertSafeAwsEnvironment(env);
});
afterAll(async () => {
  await s?.stop();
  await db?.stop();
  if (workspace) await rm(workspace, { recursive: true, force: true });
});

function cli(args: string[], extra: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(runnerNode(), [BIN, ...args, '--config', 'apprunner-ops.yml'], {
      cwd: workspace,
      env: { PATH: process.env['PATH'] ?? '', HOME: os.tmpdir(), NO_COLOR: '1', ...env, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('apprunner-ops report', () => {
  it('prints the month before as tables, and the same figures as JSON', async () => {
    const text = await cli(['report', 'production']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`Ops report of production: ${scenario.period.label}`);
    expect(text.stdout).toMatch(/Drop API health \(2001001\)\s+99\.900\d* %\s+43 min\s+1\s+yes/);
    expect(text.stdout).toMatch(/Change failure rate\s+10 %\s+25 %/);
    for (const day of scenario.breachDays)
      expect(text.stdout).toMatch(new RegExp(`${day}\\s+\\d+\\s+[\\d.]+\\s+\\d+ !`));

    const json = await cli(['report', 'production', '--month', scenario.period.month!, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as OpsReport;
    expect(report.delivery.current).toMatchObject({ deploys: 20, changeFailurePercent: 10 });
    expect(report.traffic.p99Breaches).toEqual(scenario.breachDays);
    // Without GITHUB_TOKEN: lead time and gate runs are said to be unread, not zero.
    expect(report.delivery.current.leadTime).toBeUndefined();
    expect(text.stdout).toMatch(
      /! lead time and gate runs: GitHub not read: no github-token given/,
    );
  });

  it('with GITHUB_TOKEN and GITHUB_REPOSITORY, prints the lead time and the gate runs from GitHub', async () => {
    const text = await cli(['report', 'production'], {
      GITHUB_TOKEN: 'ghs_perm_contents-read_deployments-read_checks-read',
      GITHUB_REPOSITORY: 'example/drop',
    });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /Median lead time, commit to production\s+2\.8 h \(20 deploys\)\s+26\.1 h \(7 deploys\)/,
    );
    expect(text.stdout).toMatch(/Deployment frequency\s+4\.\d a week\s+1\.\d a week/);
    expect(text.stdout).toMatch(/go-live\s+21\s+20\s+1/);
  });

  it('refuses bad input with one line and exit 2, before any call', async () => {
    s.clearCalls();
    const future = await cli(['report', 'production', '--month', '2099-01']);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/--month: 2099-01 is in the future/);
    const long = await cli(['report', 'production', '--from', '2024-01-01', '--to', '2025-06-30']);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/longer than a year/);
    const target = await cli(['report', 'production', '--sla-target', '100']);
    expect(target.code).toBe(2);
    expect(target.stderr).toMatch(/sla-target 100 is outside \(0, 100\)/);
    const malformed = await cli(['report', 'production', '--month', '11/2026']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/give it as YYYY-MM/);
    expect(s.calls()).toEqual([]);
  });

  it('without BETTERSTACK_TOKEN says so and exits 1: no report with holes', async () => {
    const r = await cli(['report', 'production'], { BETTERSTACK_TOKEN: '' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was not made: .*BETTERSTACK_TOKEN is not set/);
    expect(r.stdout).toBe('');
  });
});
