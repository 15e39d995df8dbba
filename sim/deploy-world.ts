/**
 * A sim, a workspace with an apprunner-ops configuration pointing at it, and a way to run the
 * deploy/rollback bundles there with the inputs and environment the runner would give them.
 * Shared by the bundle tests (test/helpers/deploy-world.ts), the demo and the deploy bench.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSim, type SimHandle, type StartSimOptions } from './index.js';
import { runActionBundle, type ActionRun } from './run-action.js';

export interface DeployWorld {
  sim: SimHandle;
  workspace: string;
  serviceArn: string;
  env: Record<string, string>;
  run(
    action: string,
    inputs: Record<string, string>,
    extra?: {
      cancelOn?: RegExp;
      loseRunnerOn?: RegExp;
      env?: Record<string, string>;
      echo?: (line: string) => void;
      timeoutMs?: number;
      /**
       * The workflow run's id (default: the next one) and when it was queued (epoch ms,
       * default now): the sim's GitHub answers for the run, as GitHub does for a real one.
       */
      workflowRun?: { id?: number; queuedAt?: number };
    },
  ): Promise<ActionRun>;
  stop(): Promise<void>;
}

/**
 * One `environments.<name>` entry pointing at a sim service: the Drop app's health check, the
 * sim's database and BetterStack monitors. Shared by the bundle tests, the demo, the bench and
 * the workflow rehearsals.
 */
export function environmentYaml(
  sim: Pick<SimHandle, 'region' | 'serviceUrl'>,
  name: string,
  serviceArn: string,
  overrides: { extraHealth?: string; database?: string } = {},
): string {
  return `  ${name}:
    region: ${sim.region}
    service-arn: ${serviceArn}
    ecr-repository: drop-web
    url: https://drop.example.com
    database:
${overrides.database ?? '      instance: drop-db\n      snapshot-retention: 3\n      snapshot-timeout: 30m'}
    health:
      base-url: ${sim.serviceUrl(serviceArn)}
      version-path: data.version
      checks:
        - name: api-health
          path: /api/health
          reports-version: true
          expect:
            json: { data.status: ok, data.checks.db.status: pass }${overrides.extraHealth ?? ''}
    maintenance:
      monitor-ids: ['2001001', '2001002']
`;
}

/** A configuration with one environment, production, on the fixture's first service. */
export function testConfig(
  sim: SimHandle,
  overrides: { extraHealth?: string; database?: string } = {},
): string {
  const service = sim.services()[0];
  if (!service) throw new Error('the fixture has no service');
  return `version: 1\nenvironments:\n${environmentYaml(sim, 'production', service.arn, overrides)}`;
}

export async function startDeployWorld(
  options: StartSimOptions = {},
  configText?: (sim: SimHandle) => string,
): Promise<DeployWorld> {
  const sim = await startSim({ timeScale: 0.005, ...options });
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'deploy-world-'));
  await writeFile(path.join(workspace, 'apprunner-ops.yml'), (configText ?? testConfig)(sim));
  const serviceArn = sim.services()[0]?.arn as string;
  // The BetterStack client appends /api/v2 itself, so it gets the sim's mount point.
  const env = { ...sim.env, BETTERSTACK_API_URL: `${sim.url}/betterstack` };
  let nextRunId = 7000;
  return {
    sim,
    workspace,
    serviceArn,
    env,
    run: (action, inputs, extra = {}) => {
      const given = extra.env?.['GITHUB_RUN_ID'];
      const runId = extra.workflowRun?.id ?? (given ? Number(given) : nextRunId++);
      sim.github.recordRun(runId, {
        ...(extra.workflowRun?.queuedAt !== undefined ? { at: extra.workflowRun.queuedAt } : {}),
      });
      return runActionBundle({
        action,
        cwd: workspace,
        env: { ...env, GITHUB_RUN_ID: String(runId), ...extra.env },
        inputs: {
          config: 'apprunner-ops.yml',
          environment: 'production',
          'poll-interval': '100ms',
          // Verification ends at the first pass, or after verify-failure-limit failures once
          // the new version serves; the deadline only ends a check that never settles. 3 s was
          // reached on a loaded machine by probes that simply answered late.
          'verify-timeout': '30s',
          'github-token': 'ghs_simtoken',
          'slack-webhook-url': sim.env['SIM_SLACK_WEBHOOK_URL'] as string,
          'betterstack-token': sim.env['SIM_BETTERSTACK_TOKEN'] as string,
          ...inputs,
        },
        ...(extra.cancelOn ? { cancelOn: extra.cancelOn } : {}),
        ...(extra.loseRunnerOn ? { loseRunnerOn: extra.loseRunnerOn } : {}),
        ...(extra.echo ? { echo: extra.echo } : {}),
        ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
      });
    },
    stop: async () => {
      await sim.stop();
      await rm(workspace, { recursive: true, force: true });
    },
  };
}
