/**
 * The ops-check bundle as the runner runs it, against the sim (and a real PostgreSQL for the
 * sql checks): a stale automated snapshot makes the daily run red and opens ONE issue, the
 * next red run comments on it, a green run closes it; Slack hears only the two edges. 1.5 GiB
 * free storage and open AML alerts make the weekly run red with the alert ids listed.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CheckReport } from '../../core/checks/report.js';
import { environmentYaml } from '../../sim/deploy-world.js';
import { DEFAULT_FIXTURE, startSim, type FixtureInput, type SimHandle } from '../../sim/index.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import { runActionBundle } from '../../sim/run-action.js';
import { DROP_TABLES } from '../helpers/drop-tables.js';

const CHECKS = `    checks:
      daily:
        - type: service-running
        - type: snapshot-fresh
          max-age: 24h
        - type: health
      weekly:
        - type: free-storage
          min-gib: 2
        - type: sql
          name: open-aml-alerts
          query: "SELECT id FROM aml_alerts WHERE status = 'open' ORDER BY id"
        - type: sql
          name: kyc-stuck-pending
          query: "SELECT id FROM users WHERE kyc_status = 'pending' AND created_at < now() - interval '24 hours'"
          max-rows: 1
        - type: error-rate
          max-percent: 2
`;

function fixture(): FixtureInput {
  const f = parse(readFileSync(DEFAULT_FIXTURE, 'utf8')) as {
    rds: { instances: Record<string, unknown>[] };
    cloudwatch: Record<string, unknown>;
  };
  f.rds.instances[0]!['automatedSnapshots'] = { count: 7, every: '24h', latestAgo: '30h' };
  f.cloudwatch['freeStorageGiB'] = { 'drop-db': 1.5 };
  return f as FixtureInput;
}

describe('ops-check bundle', () => {
  let sim: SimHandle;
  let db: LocalPostgres;
  let workspace: string;
  beforeAll(async () => {
    [sim, db] = await Promise.all([
      startSim({ timeScale: 0.005, fixture: fixture() }),
      startPostgres(),
    ]);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(DROP_TABLES);
    await client.end();
    workspace = await mkdtemp(path.join(os.tmpdir(), 'ops-check-'));
    const arn = sim.services()[0]!.arn;
    await writeFile(
      path.join(workspace, 'apprunner-ops.yml'),
      `version: 1\nenvironments:\n${environmentYaml(sim, 'production', arn)}${CHECKS}`,
    );
  });
  afterAll(async () => {
    await Promise.all([sim?.stop(), db?.stop()]);
    await rm(workspace, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string>) =>
    runActionBundle({
      action: 'ops-check',
      cwd: workspace,
      env: sim.env,
      inputs: {
        config: 'apprunner-ops.yml',
        environment: 'production',
        'github-token': 'ghs_simtoken',
        'slack-webhook-url': sim.env['SIM_SLACK_WEBHOOK_URL']!,
        ...inputs,
      },
    });

  it('daily: red opens one issue, red again comments, green closes; Slack only on the edges', async () => {
    const first = await run({ schedule: 'daily' });
    expect(first.exitCode).toBe(1);
    expect(first.outputs).toMatchObject({ passed: 'false', failed: '1' });
    // No drill and no escalation test in the list: nothing for the post step to clean up.
    expect(first.post?.stdout).toBe('ops-check (post): the main step left nothing open to close\n');
    const report = JSON.parse(await readFile(first.outputs['report']!, 'utf8')) as CheckReport;
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['service-running', 'pass'],
      ['snapshot-fresh', 'fail'],
      ['health', 'pass'],
    ]);
    expect(report.checks[1]?.durationMs).toBeGreaterThanOrEqual(0);
    expect(first.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        properties: expect.objectContaining({ title: 'Check failed: snapshot-fresh' }),
      }),
    );
    expect(first.summary).toMatch(/\| Infrastructure \| `snapshot-fresh` \| ❌ fail \|/);
    let issues = sim.github.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      title: 'apprunner-ops: daily checks failing in production',
      state: 'open',
      labels: ['apprunner-ops', 'ops-check'],
    });
    expect(sim.slackMessages()).toHaveLength(1);
    expect(String(sim.slackMessages()[0]?.body['text'])).toMatch(
      /daily checks started failing in production/,
    );

    const second = await run({ schedule: 'daily' });
    expect(second.exitCode).toBe(1);
    issues = sim.github.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.comments).toHaveLength(1);
    expect(issues[0]?.comments[0]?.body).toMatch(/still failing: `snapshot-fresh`/);
    expect(sim.slackMessages()).toHaveLength(1);

    sim.takeAutomatedSnapshot('drop-db');
    const third = await run({ schedule: 'daily' });
    expect(third.exitCode).toBe(0);
    expect(third.outputs).toMatchObject({ passed: 'true', failed: '0' });
    issues = sim.github.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(issues[0]?.comments.at(-1)?.body).toMatch(/pass again; closing/);
    expect(sim.slackMessages()).toHaveLength(2);
    expect(String(sim.slackMessages()[1]?.body['text'])).toMatch(/pass again/);
  });

  it('weekly: 1.5 GiB free and open AML alerts are red with the alert ids; no URL is printed', async () => {
    const weekly = await run({ schedule: 'weekly', 'database-url': db.url, 'open-issue': 'false' });
    expect(weekly.exitCode).toBe(1);
    const report = JSON.parse(await readFile(weekly.outputs['report']!, 'utf8')) as CheckReport;
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['free-storage', 'fail'],
      ['sql-open-aml-alerts', 'fail'],
      ['sql-kyc-stuck-pending', 'pass'],
      ['error-rate', 'pass'],
    ]);
    expect(report.checks[1]?.observed).toMatchObject({ ids: ['2', '3'] });
    expect(weekly.summary).toContain('ids 2, 3');
    expect(weekly.outputs['failed']).toBe('2');
    // The runner's own ::add-mask:: command is how the value gets hidden; nothing else may carry it.
    const printed = `${weekly.stdout}${weekly.stderr}`
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'));
    const everything = `${printed.join('\n')}${weekly.summary}${JSON.stringify(report)}`;
    expect(everything).not.toContain(db.url);
    expect(everything).not.toContain(new URL(db.url).password + '@');
    expect(sim.github.issues().filter((i) => i.title.includes('weekly'))).toEqual([]);
  });

  it('without database-url the sql checks are errors saying so, and the rest still run', async () => {
    const weekly = await run({
      schedule: 'weekly',
      'open-issue': 'false',
      'slack-webhook-url': '',
    });
    const report = JSON.parse(await readFile(weekly.outputs['report']!, 'utf8')) as CheckReport;
    expect(report.checks.map((c) => c.status)).toEqual(['fail', 'error', 'error', 'pass']);
    expect(report.checks[1]?.line).toMatch(/database-url is empty/);
  });

  it('bad input changes nothing: an unknown schedule and an invalid inline check', async () => {
    sim.clearCalls();
    const bad = await run({ schedule: 'hourly' });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(
      /input "schedule": expected one of daily, weekly, monthly, got "hourly"/,
    );
    const inline = await run({ checks: '- type: free-storage\n  min-gib: 0\n' });
    expect(inline.stdout).toMatch(
      /input "checks": \[0\]\.min-gib: expected a number greater than 0/,
    );
    expect(sim.calls()).toEqual([]);
  });

  it('sql: a query of more than one statement is a configuration error, and the transaction it would end stays intact', async () => {
    const count = async (): Promise<number> => {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const n = (await client.query('SELECT count(*)::int AS n FROM aml_alerts')).rows[0] as {
        n: number;
      };
      await client.end();
      return n.n;
    };
    const before = await count();
    const sneaky = await run({
      checks: `- type: free-storage\n  min-gib: 1\n- type: sql\n  name: sneaky\n  query: "COMMIT; DELETE FROM aml_alerts"\n`,
      'database-url': db.url,
      'open-issue': 'false',
    });
    expect(sneaky.exitCode).toBe(1);
    expect(sneaky.stdout).toMatch(
      /input "checks": \[1\]\.query: holds 2 SQL statements \(the second starts on line 1 of the query\); an sql check runs exactly one/,
    );
    expect(await count()).toBe(before);
    expect(before).toBeGreaterThan(0);
  });
});
