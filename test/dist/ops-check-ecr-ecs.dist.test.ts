/**
 * The weekly ECR clean-up through the ops-check bundle, on an ECS Express environment pinned by
 * tag: ECS resolved `v1.4.2` to a digest when the revision was made and starts every later
 * task from that digest. The tag then moved to a rebuild, so the running image is untagged and
 * older than min-age. Deleting it would make the next task start fail with
 * CannotPullContainerError: the clean-up must keep it, in a dry run and with delete: true.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ECRClient, PutLifecyclePolicyCommand } from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../core/checks/report.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { runActionBundle } from '../../sim/run-action.js';
import { ECS_ARN, dropFixture } from '../helpers/target-world.js';

describe('ops-check bundle: ecr-untagged on ECS Express pinned by a tag that moved', () => {
  let sim: SimHandle;
  let workspace: string;
  let running: string;
  beforeAll(async () => {
    sim = await startSim({ timeScale: 0.005, fixture: dropFixture() });
    running = sim.images('drop-web').find((i) => i.tags.includes('v1.4.2'))!.digest;
    // A rebuild pushed under the same tag: the image the service runs is now untagged.
    sim.pushImage('drop-web', { tags: ['v1.4.2', 'latest'], version: 'v1.4.2-rebuild' });
    expect(sim.images('drop-web').find((i) => i.digest === running)?.tags).toEqual([]);
    workspace = await mkdtemp(path.join(os.tmpdir(), 'ops-check-ecr-ecs-'));
    await writeFile(
      path.join(workspace, 'apprunner-ops.yml'),
      `version: 1
environments:
  production:
    region: ${sim.region}
    target: { kind: ecs-express, service-arn: '${ECS_ARN}' }
    ecr-repository: drop-web
    health:
      base-url: ${sim.ecs.service('drop-web').url}
      checks:
        - name: api-health
          path: /api/health
`,
    );
  });
  afterAll(async () => {
    await sim?.stop();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  const clean = async (extra: string, checks?: string, cleanup?: string) => {
    const run = await runActionBundle({
      action: 'ops-check',
      cwd: workspace,
      env: sim.env,
      inputs: {
        config: 'apprunner-ops.yml',
        environment: 'production',
        checks: checks ?? `- type: ecr-untagged\n  min-age: 1d\n  rollback-targets: 0\n${extra}`,
        'open-issue': 'false',
        ...(cleanup ? { cleanup } : {}),
      },
    });
    expect(run.outputs['report'], run.stdout + run.stderr).toBeDefined();
    const report = JSON.parse(await readFile(run.outputs['report']!, 'utf8')) as CheckReport;
    return { run, report, result: report.checks[0]! };
  };

  it('cleanup: skip (the read-only checks job) lists what delete: true would delete and deletes nothing; only (the clean-up job) runs that item alone', async () => {
    const before = sim.images('drop-web').map((i) => i.digest);
    const deletes = () => sim.calls({ service: 'ecr', operation: 'BatchDeleteImage' }).length;
    const skipped = await clean('  delete: true\n', undefined, 'skip');
    expect(deletes()).toBe(0);
    expect(sim.images('drop-web').map((i) => i.digest)).toEqual(before);
    expect(
      (skipped.result.evidence?.['wouldDelete'] as unknown[]).length,
      skipped.result.line,
    ).toBeGreaterThan(0);

    const checks =
      '- type: lifecycle-policy\n- type: ecr-untagged\n  min-age: 1d\n  rollback-targets: 0\n';
    const nothing = await runActionBundle({
      action: 'ops-check',
      cwd: workspace,
      env: sim.env,
      inputs: { config: 'apprunner-ops.yml', environment: 'production', checks, cleanup: 'only' },
    });
    const report = JSON.parse(await readFile(nothing.outputs['report']!, 'utf8')) as CheckReport;
    expect(report.checks).toEqual([]);
    expect(nothing.stdout).toContain('nothing for the clean-up job to run');
  });

  it('keeps the digest ECS runs in a dry run and with delete: true', async () => {
    const dry = await clean('');
    const wouldDelete = (dry.result.evidence?.['wouldDelete'] as { digest: string }[]).map(
      (i) => i.digest,
    );
    expect(wouldDelete, dry.result.line).not.toContain(running);
    expect(dry.result.evidence?.['kept']).toContainEqual(
      expect.objectContaining({ digest: running, kind: 'running' }),
    );

    // As the clean-up job runs it: only the item that deletes, not the lifecycle-policy beside it.
    const wet = await clean(
      '',
      '- type: lifecycle-policy\n- type: ecr-untagged\n  min-age: 1d\n  rollback-targets: 0\n  delete: true\n',
      'only',
    );
    expect(wet.report.checks.map((c) => c.type)).toEqual(['ecr-untagged']);
    expect(wet.result.status, wet.result.line).toBe('pass');
    expect(sim.images('drop-web').map((i) => i.digest)).toContain(running);
    // The untagged orphan the fixture holds (14 days old) did go: the clean-up did run.
    expect(Number(wet.result.observed?.['deleted'])).toBeGreaterThan(0);
  });

  it('lifecycle-policy warns that a rule on untagged images can expire what ECS runs', async () => {
    const ecr = new ECRClient(sim.clientConfig({ maxAttempts: 1 }));
    await ecr.send(
      new PutLifecyclePolicyCommand({
        repositoryName: 'drop-web',
        lifecyclePolicyText: JSON.stringify({
          rules: [
            {
              rulePriority: 1,
              selection: {
                tagStatus: 'untagged',
                countType: 'sinceImagePushed',
                countUnit: 'days',
                countNumber: 1,
              },
              action: { type: 'expire' },
            },
          ],
        }),
      }),
    );
    ecr.destroy();
    const { result } = await clean('', '- type: lifecycle-policy\n');
    expect(result.status, result.line).toBe('warn');
    expect(result.line).toMatch(/rule 1 \(untagged sinceImagePushed 1\) expires untagged images/);
  });
});
