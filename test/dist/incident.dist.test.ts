import { afterAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, type DeployWorld } from '../helpers/deploy-world.js';

// The incident path through the deploy and rollback bundles: `previous` on the day of
// adoption, and a deploy queued before a rollback that must not undo it.

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});
const running = (w: DeployWorld): string => w.sim.service(w.serviceArn).running.version;
const switches = (w: DeployWorld): number =>
  w.sim
    .calls({ service: 'apprunner', operation: 'UpdateService' })
    .filter((c) => !c.fault && !c.error).length;

describe('the incident path', () => {
  it('rolls back to "previous" right after the first deploy of an adopted service, and a deploy queued before that rollback does not undo it', async () => {
    const w = await startDeployWorld({ timeScale: 0.003 });
    worlds.push(w);
    // Adoption: the service ran v1.4.2 before the suite's first deploy.
    const queuedEarly = Date.now();
    const first = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
    expect(first.outputs['result'], errors(first).join('; ')).toBe('deployed');

    // Break-glass: approved in rollback.yml's own environment, no second reviewer.
    const back = await w.run('rollback', {
      reason: 'checkout errors after v1.5.0',
      approval: 'break-glass GitHub environment production-rollback',
    });
    expect(errors(back)).toEqual([]);
    expect(JSON.stringify(w.sim.slackMessages().at(-1)?.body)).toContain(
      'octocat, without a second approval: break-glass GitHub environment production-rollback',
    );
    expect(back.outputs['result']).toBe('rolled-back');
    expect(back.stdout).toMatch(
      /rolling back to v1\.4\.2: the version that ran before the first deploy through apprunner-ops \(recorded by deployment \d+ from GitHub deployments\)/,
    );
    expect(running(w)).toBe('v1.4.2');

    // A push deploy that was queued (waiting for approval) before the rollback runs now.
    w.sim.pushImage('drop-web', { tags: ['v1.6.0'] });
    const before = switches(w);
    const stale = await w.run(
      'deploy',
      { image: 'v1.6.0', snapshot: 'false' },
      { workflowRun: { queuedAt: queuedEarly } },
    );
    expect(stale.exitCode).toBe(1);
    expect(errors(stale).at(-1)).toMatch(
      /octocat rolled production back to v1\.4\.2 at .* UTC \("checkout errors after v1\.5\.0"\) \(GitHub deployment \d+\), after this run was queued .*: deploying v1\.6\.0 now would undo that rollback\. To deploy v1\.6\.0 after it, re-run this workflow/,
    );
    expect(switches(w)).toBe(before);
    expect(running(w)).toBe('v1.4.2');

    // Started after the rollback: the version rolled back away from is still refused…
    const again = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
    expect(errors(again).at(-1)).toMatch(
      /rolled production back to v1\.4\.2 .*, away from v1\.5\.0, the version this deploy would put back/,
    );
    expect(switches(w)).toBe(before);
    // …and a newer version deploys.
    const fix = await w.run('deploy', { image: 'v1.6.0', snapshot: 'false' });
    expect(errors(fix)).toEqual([]);
    expect(fix.outputs['result']).toBe('deployed');
    expect(fix.stdout).toMatch(/this run started at .* UTC, after it: deploying v1\.6\.0/);
    expect(running(w)).toBe('v1.6.0');
  });

  it('a deploy that knows no commit records its GitHub deployment at the image tag when it is one, or says plainly why not', async () => {
    const w = await startDeployWorld({ timeScale: 0.003 });
    worlds.push(w);
    const noCommit = { env: { GITHUB_SHA: '' } };
    const named = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' }, noCommit);
    expect(named.outputs['result'], errors(named).join('; ')).toBe('deployed');
    expect(named.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toContain(
      "no GitHub deployment recorded: this run knows no commit (not a git checkout, GITHUB_SHA unset) and the image's tag v1.5.0 is not a commit SHA; run from a checkout of the repository, or set GITHUB_SHA to the commit the image was built from",
    );
    expect(named.stdout).not.toMatch(/\{"resource"/);
    expect(w.sim.github.deployments()).toEqual([]);

    w.sim.pushImage('drop-web', { tags: ['0a1b2c3'] });
    const byCommit = await w.run('deploy', { image: '0a1b2c3', snapshot: 'false' }, noCommit);
    expect(errors(byCommit)).toEqual([]);
    expect(w.sim.github.deployments().map((d) => d.ref)).toEqual(['0a1b2c3']);
  });
});
