/**
 * log-errors through the ops-check bundle: CloudWatch Logs answers one hour of log time per
 * FilterLogEvents call, mostly empty pages with a nextToken, and the errors lie more than 20
 * pages in. The check reads to the end and is red; the GitHub issue and Slack carry the count,
 * the pattern and a Logs Insights link, never the log line (personal data in a KYC/AML app).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../core/checks/report.js';
import { environmentYaml } from '../../sim/deploy-world.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { runActionBundle } from '../../sim/run-action.js';

const GROUP = '/aws/apprunner/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f/application';

describe('ops-check bundle: log-errors', () => {
  let sim: SimHandle;
  let workspace: string;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005 });
    workspace = await mkdtemp(path.join(os.tmpdir(), 'ops-check-logs-'));
    await writeFile(
      path.join(workspace, 'apprunner-ops.yml'),
      `version: 1\nenvironments:\n${environmentYaml(sim, 'production', sim.services()[0]!.arn)}    checks:\n      weekly:\n        - type: log-errors\n          log-group: ${GROUP}\n          pattern: '?ERROR ?WARN'\n          window: 48h\n`,
    );
  });
  afterAll(async () => {
    await sim?.stop();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('reads every page to the end; the issue and Slack name the count and a link, not the message', async () => {
    const run = await runActionBundle({
      action: 'ops-check',
      cwd: workspace,
      env: sim.env,
      inputs: {
        config: 'apprunner-ops.yml',
        environment: 'production',
        schedule: 'weekly',
        'github-token': 'ghs_simtoken',
        'slack-webhook-url': sim.env['SIM_SLACK_WEBHOOK_URL']!,
      },
    });
    const report = JSON.parse(await readFile(run.outputs['report']!, 'utf8')) as CheckReport;
    expect(report.checks[0]?.status, report.checks[0]?.line).toBe('fail');
    expect(report.checks[0]?.observed).toMatchObject({ count: 2, complete: true });
    const told = [
      ...sim.github.issues().map((i) => `${i.title}\n${i.body}`),
      ...sim.slackMessages().map((m) => JSON.stringify(m)),
      run.summary,
      JSON.stringify(report),
    ];
    expect(told.length).toBeGreaterThan(3);
    for (const text of told) {
      expect(text).not.toContain('signature mismatch');
      expect(text).not.toContain('users_by_kyc_status');
    }
    expect(sim.github.issues()[0]?.body).toContain('#logsV2:logs-insights$3FqueryDetail$3D');
  });
});
