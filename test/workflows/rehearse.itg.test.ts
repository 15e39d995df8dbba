import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { runActionBundle, type ActionRun, type ActionRunOptions } from '../../sim/run-action.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import { simRehearsalOptions } from '../../workflows-src/rehearse/with-sim.js';
import { policyActions, type PolicyDocument } from './iam-policy.js';

// deploy.yml rehearsed against the sim with the real deploy bundle. The build-push bundle does
// not exist yet, so its step is replaced by a push to the sim's ECR that returns the outputs
// build-push declares; rehearse-e2e.pending.ts runs the real one once it is built.

const ROOT = path.join(import.meta.dirname, '../..');
const DEPLOY = path.join(ROOT, '.github/workflows/deploy.yml');

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

function buildPushStandIn(s: SimHandle, calls: ActionRunOptions[]) {
  return async (options: ActionRunOptions): Promise<ActionRun> => {
    if (options.action !== 'build-push') return runActionBundle(options);
    calls.push(options);
    const pushed = s.pushImage('drop-web', { tags: ['abc1234'], version: 'abc1234' });
    return {
      exitCode: 0,
      signal: null,
      stdout: '',
      stderr: '',
      annotations: [],
      durationMs: 1,
      runnerTemp: '',
      state: {},
      env: {},
      summary: '',
      outputs: {
        image: `${s.accountId}.dkr.ecr.${s.region}.amazonaws.com/drop-web@${pushed.digest}`,
        tag: 'abc1234',
        digest: pushed.digest,
        built: 'true',
      },
    };
  };
}

describe('deploy.yml rehearsed against the sim', () => {
  it("takes the build job's image through staging and production with the real deploy bundle", async () => {
    sim = await startSim({ timeScale: 0.005 });
    const builds: ActionRunOptions[] = [];
    const result = await rehearseWorkflow({
      workflow: DEPLOY,
      event: 'push',
      ...(await simRehearsalOptions(sim)),
      runAction: buildPushStandIn(sim, builds),
    });
    const summary = result.order.map((id) => `${id}: ${result.jobs[id]?.result}`);
    expect(summary, result.log.join('\n')).toEqual([
      'build: success',
      'deploy-staging: success',
      'deploy-production: success',
    ]);
    expect(builds[0]?.inputs).toEqual({ environment: 'staging' });

    const built = result.jobs['build']?.outputs['image'];
    expect(built).toMatch(/^123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/drop-web@sha256:/);
    for (const env of ['staging', 'production']) {
      const job = result.jobs[`deploy-${env}`];
      const step = job?.steps.find((s) => s.label === 'deploy');
      expect(step?.inputs['image']).toBe(built);
      expect(step?.inputs['environment']).toBe(env);
      expect(step?.inputs['dry-run']).toBe('false');
      expect(job?.environment).toBe(env);
      expect(job?.concurrency).toEqual({ group: `apprunner-ops-${env}`, cancelInProgress: false });
    }
    // Both environments are the sim's one service: staging deploys, production finds it current.
    expect(result.jobs['deploy-staging']?.outputs['result']).toBe('deployed');
    expect(['deployed', 'unchanged']).toContain(
      result.jobs['deploy-production']?.outputs['result'],
    );
    expect(sim.services()[0]?.running.version).toBe('abc1234');
    // docs/iam-policy.json covers every AWS operation the rehearsed deploy called. (That it
    // holds nothing more needs every bundle: see rehearse-e2e.pending.ts.)
    const policy = JSON.parse(
      readFileSync(path.join(ROOT, 'docs/iam-policy.json'), 'utf8'),
    ) as PolicyDocument;
    const aws = new Set(['apprunner', 'ecr', 'rds', 'sts']);
    const called = [
      ...new Set(
        sim
          .calls()
          .filter((c) => aws.has(c.service))
          .map((c) => `${c.service}:${c.operation}`),
      ),
    ].sort();
    expect(called.length).toBeGreaterThan(5);
    expect(called.filter((a) => !policyActions(policy).includes(a))).toEqual([]);
    // The Slack webhook secret reached the action but never the log.
    expect(result.log.join('\n')).not.toContain(sim.env['SIM_SLACK_WEBHOOK_URL']);
  });
});
