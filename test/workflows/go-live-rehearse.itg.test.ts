/**
 * go-live.yml, called by docs/setup.md's go-live caller from a repository without the suite,
 * rehearsed end to end with every bundle real (compliance-gate, deploy): the gate
 * against the sim and a real HTTPS site, the launch (pre-launch snapshot, deploy with the
 * launch's variables, verification, status page, Slack) and the post-launch watch.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startGateWorld, type GateWorld } from '../../sim/gate-world.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import { goLiveCaller, goLiveRehearsalOptions } from '../../workflows-src/rehearse/go-live.js';
import { GO_LIVE_CALLER_WORKFLOW } from '../../workflows-src/rehearse/with-sim.js';

let world: GateWorld | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const awsMutations = (w: GateWorld) =>
  w.sim
    .mutatingCalls()
    .filter((c) => !['github', 'slack', 'betterstack'].includes(c.service))
    .map((c) => c.operation);

type Source = {
  ImageRepository?: {
    ImageConfiguration?: { RuntimeEnvironmentVariables?: Record<string, string> };
  };
};

describe('go-live.yml rehearsal', () => {
  it('is called by the go-live caller docs/setup.md shows', () => {
    const setup = readFileSync(path.join(import.meta.dirname, '../../docs/setup.md'), 'utf8');
    const blocks = [...setup.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks).toContain(readFileSync(GO_LIVE_CALLER_WORKFLOW, 'utf8'));
  });

  it('green world: gate passes (check run, evidence artifact), launch sets the variables, watch runs 8 rounds', async () => {
    world = await startGateWorld();
    const workflow = await goLiveCaller(world);
    const result = await rehearseWorkflow({ workflow, ...goLiveRehearsalOptions(world) });
    expect(result.conclusion, result.log.join('\n')).toBe('success');
    expect(result.order.map((id) => [id, result.jobs[id]?.result])).toEqual([
      ['go-live', 'success'],
      ['go-live/runners', 'success'],
      ['go-live/gate', 'success'],
      ['go-live/launch', 'success'],
      ['go-live/watch', 'success'],
    ]);
    // The launch job's environment gates it without a second deployment entry.
    expect(result.jobs['go-live/launch']?.environment).toBe('production');
    expect(result.jobs['go-live/launch']?.deployment).toBe(false);
    expect(world.sim.github.deployments()).toHaveLength(1);
    // The gate: its check run on the commit and the evidence kept as an artifact.
    const gateRuns = world.sim.github
      .checkRuns()
      .filter((c) => c.name === 'apprunner-ops: go-live gate (production)');
    expect(gateRuns).toEqual([
      expect.objectContaining({ head_sha: world.sha, conclusion: 'success' }),
    ]);
    const artifacts = path.join(world.workspace, '.rehearsal-artifacts');
    expect(
      existsSync(path.join(artifacts, 'go-live-evidence-production-1000', 'evidence.json')),
    ).toBe(true);

    // The launch: the only AWS changes are the pre-launch snapshot and one UpdateService.
    expect(awsMutations(world)).toEqual(['CreateDBSnapshot', 'UpdateService']);
    const snapshot = world.sim.calls({ operation: 'CreateDBSnapshot' })[0]!.params as Record<
      string,
      string
    >;
    expect(snapshot['DBSnapshotIdentifier']).toMatch(/^drop-db-pre-launch-\d{8}-\d{4}$/);
    const update = world.sim.calls({ operation: 'UpdateService' })[0]!.params as {
      SourceConfiguration: Source;
    };
    const vars =
      update.SourceConfiguration.ImageRepository?.ImageConfiguration?.RuntimeEnvironmentVariables;
    expect(vars).toMatchObject({
      NEXT_PUBLIC_APP_URL: 'https://getdrop.no',
      NODE_ENV: 'production',
    });
    expect(vars).not.toHaveProperty('BANKID_MOCK');
    expect(world.sim.betterstack.requests().map((r) => `${r.method} ${r.path}`)).toContainEqual(
      expect.stringMatching(/^POST .*status-pages\/3001\/status-reports$/),
    );
    const slack = world.sim.slackMessages().map((m) => String(m.body['text']));
    expect(slack).toContainEqual(expect.stringMatching(/production is live/));

    // The watch: eight rounds of gates.post-launch, each its own check run.
    const watchRuns = world.sim.github
      .checkRuns()
      .filter((c) => c.name === 'apprunner-ops: post-launch gate (production)');
    expect(watchRuns).toHaveLength(8);
    expect(watchRuns.every((c) => c.conclusion === 'success')).toBe(true);
  });

  it('BANKID_MOCK set in the service: red, naming service-env, and nothing is deployed', async () => {
    world = await startGateWorld({ bankidMock: true });
    const workflow = await goLiveCaller(world);
    const result = await rehearseWorkflow({ workflow, ...goLiveRehearsalOptions(world) });
    expect(result.conclusion).toBe('failure');
    expect(result.jobs['go-live/gate']?.result).toBe('failure');
    expect(result.jobs['go-live/launch']?.result).toBe('skipped');
    expect(result.jobs['go-live/watch']?.result).toBe('skipped');
    const gateStep = result.jobs['go-live/gate']!.steps.find((s) => s.label === 'gate')!;
    expect(gateStep.action?.annotations.filter((a) => a.level === 'error')[0]?.message).toMatch(
      /^service-env: drop-web: BANKID_MOCK is set and must be absent/,
    );
    expect(awsMutations(world)).toEqual([]);
    expect(world.sim.calls({ operation: 'UpdateService' })).toEqual([]);
    // What docs/setup.md §7 tells the reviewers to read: the red check run of this
    // environment on the release commit.
    expect(world.sim.github.checkRuns().filter((c) => c.name.startsWith('apprunner-ops'))).toEqual([
      expect.objectContaining({
        name: 'apprunner-ops: go-live gate (production)',
        head_sha: world.sha,
        conclusion: 'failure',
      }),
    ]);
  });
});
