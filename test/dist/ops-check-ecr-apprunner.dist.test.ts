/**
 * The weekly ECR clean-up through the ops-check bundle, on an App Runner service pinned by tag:
 * App Runner pulled what `v1.4.2` named when it was deployed and reports only the tag, never
 * the digest. The deployment history recorded that digest. The tag then moved to a rebuild, so
 * the image the service runs is untagged and older than min-age: the clean-up must keep it
 * (dry run and delete: true), also with rollback-targets: 0, which keeps no older version.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../core/checks/report.js';
import { GitHubDeployments } from '../../core/github/deployments.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { environmentYaml } from '../../sim/deploy-world.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { runActionBundle } from '../../sim/run-action.js';
import { SIM_GITHUB_TOKEN, simRunInfo } from '../helpers/check-context.js';

const REGISTRY = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web';

describe('ops-check bundle: ecr-untagged on App Runner pinned by a tag that moved', () => {
  let sim: SimHandle;
  let workspace: string;
  let running: string;
  let arn: string;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005 });
    arn = sim.service('drop-web').arn;
    expect(sim.service('drop-web').imageIdentifier).toBe(`${REGISTRY}:v1.4.2`);
    running = sim.images('drop-web').find((i) => i.tags.includes('v1.4.2'))!.digest;
    // The deploy of v1.4.2 as the suite records it: the digest it resolved, with the tag.
    const github = new GitHubDeployments(
      { ...simRunInfo(sim), repository: 'example/drop', token: SIM_GITHUB_TOKEN },
      { clock: systemClock, logger: recordingLogger() },
    );
    const id = await github.create(
      'production',
      {
        tool: 'apprunner-ops',
        kind: 'deploy',
        image: `${REGISTRY}@${running}`,
        digest: running,
        tag: 'v1.4.2',
        serviceArn: arn,
      } as Parameters<GitHubDeployments['create']>[1],
      'deploy v1.4.2',
    );
    await github.setStatus(id, 'success', 'deployed');
    // A rebuild pushed under the same tag: the image the service runs is now untagged.
    sim.pushImage('drop-web', { tags: ['v1.4.2', 'latest'], version: 'v1.4.2-rebuild' });
    expect(sim.images('drop-web').find((i) => i.digest === running)?.tags).toEqual([]);
    workspace = await mkdtemp(path.join(os.tmpdir(), 'ops-check-ecr-apprunner-'));
    await writeFile(
      path.join(workspace, 'apprunner-ops.yml'),
      `version: 1\nenvironments:\n${environmentYaml(sim, 'production', arn)}`,
    );
  });
  afterAll(async () => {
    await sim?.stop();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  const clean = async (extra: string) => {
    const run = await runActionBundle({
      action: 'ops-check',
      cwd: workspace,
      env: sim.env,
      inputs: {
        config: 'apprunner-ops.yml',
        environment: 'production',
        checks: `- type: ecr-untagged\n  min-age: 1d\n  rollback-targets: 0\n${extra}`,
        'github-token': SIM_GITHUB_TOKEN,
        'open-issue': 'false',
      },
    });
    expect(run.outputs['report'], run.stdout + run.stderr).toBeDefined();
    const report = JSON.parse(await readFile(run.outputs['report']!, 'utf8')) as CheckReport;
    return report.checks[0]!;
  };

  it('keeps the digest the service was deployed with, in a dry run and with delete: true', async () => {
    const dry = await clean('');
    const wouldDelete = (dry.evidence?.['wouldDelete'] as { digest: string }[]).map(
      (i) => i.digest,
    );
    expect(wouldDelete, dry.line).not.toContain(running);
    expect(wouldDelete.length, dry.line).toBeGreaterThan(0);
    expect(dry.evidence?.['kept']).toContainEqual(
      expect.objectContaining({
        digest: running,
        kind: 'running',
        why: expect.stringMatching(/running in production: deployed as v1\.4\.2 on /) as unknown,
      }),
    );

    const wet = await clean('  delete: true\n');
    expect(wet.status, wet.line).toBe('pass');
    expect(sim.images('drop-web').map((i) => i.digest)).toContain(running);
    // The fixture's 14-day-old untagged orphan did go: the clean-up did run.
    expect(Number(wet.observed?.['deleted']), wet.line).toBeGreaterThan(0);
    const deleted = sim
      .calls({ service: 'ecr', operation: 'BatchDeleteImage' })
      .flatMap((c) => (c.params as { imageIds: { imageDigest: string }[] }).imageIds)
      .map((i) => i.imageDigest);
    expect(deleted).not.toContain(running);
  });

  it('delete: true without the clean-up role is an error before any call, naming the variable', async () => {
    await writeFile(
      path.join(workspace, 'weekly.yml'),
      `version: 1\nenvironments:\n${environmentYaml(sim, 'production', arn)}    checks:\n      weekly:\n        - type: lifecycle-policy\n        - type: ecr-untagged\n          delete: true\n`,
    );
    const line =
      (await readFile(path.join(workspace, 'weekly.yml'), 'utf8'))
        .split('\n')
        .indexOf('        - type: ecr-untagged') + 1;
    sim.clearCalls();
    const run = await runActionBundle({
      action: 'ops-check',
      cwd: workspace,
      env: sim.env,
      inputs: {
        config: 'weekly.yml',
        environment: 'production',
        schedule: 'weekly',
        'github-token': SIM_GITHUB_TOKEN,
        cleanup: 'no-role',
      },
    });
    expect(run.exitCode, run.stdout).toBe(1);
    const error = run.annotations.find((a) => a.level === 'error');
    expect(error?.message).toContain(
      `environments.production.checks.weekly[1]: delete: true, but the repository variable PRODUCTION_CLEANUP_ROLE_ARN is not set, so no job may delete`,
    );
    expect(error?.message).toContain(`(line ${line})`);
    // Nothing was read or changed, and no issue was opened.
    expect(sim.calls()).toEqual([]);
    expect(sim.github.issues()).toEqual([]);
  });
});
