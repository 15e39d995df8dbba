/**
 * The end-to-end rehearsals of docs/setup.md's caller with every bundle real, against the sim:
 * build-push (found through the called workflow's commit) builds the caller's Dockerfile with
 * buildah and pushes it to Debian's docker-registry behind the sim's ECR; the build's image
 * reaches both deploy legs; a rollback dispatch puts an earlier version back; and the AWS calls
 * of all that are exactly what docs/iam-policy.json allows. (Rolling back to "previous" is in
 * rehearse.itg.test.ts, which needs no image builder.)
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { startRegistry, type RegistryHandle } from '../../sim/registry.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import {
  CALLER_WORKFLOW,
  rehearsalFixture,
  simRehearsalOptions,
} from '../../workflows-src/rehearse/with-sim.js';
import { describeWithTools } from '../helpers/tools.js';
import { policyActions, type PolicyDocument } from './iam-policy.js';
import { scratchFolder } from '../../sim/scratch-folders.js';

const run = promisify(execFile);
const CALLER = '.github/workflows/apprunner-ops.yml';
// Needs Debian's buildah and docker-registry (.ci/run installs them); skipped with that reason
// where they are missing.

let sim: SimHandle | undefined;
let registry: RegistryHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  await registry?.stop();
  sim = undefined;
  registry = undefined;
});

/** buildah settings for a machine without overlayfs or user namespaces. */
async function buildahEnv(): Promise<Record<string, string>> {
  const dir = await scratchFolder('rehearse-buildah-');
  await writeFile(
    path.join(dir, 'storage.conf'),
    `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/root"\nrunroot = "${dir}/run"\n`,
  );
  return { CONTAINERS_STORAGE_CONF: path.join(dir, 'storage.conf'), BUILDAH_ISOLATION: 'chroot' };
}

/** A registry already holding the image the fixture's services run (drop-web:v1.4.2). */
async function seededRegistry(env: Record<string, string>): Promise<RegistryHandle> {
  const started = await startRegistry();
  const context = await scratchFolder('seed-');
  await writeFile(
    path.join(context, 'Containerfile'),
    'FROM scratch\nLABEL org.opencontainers.image.version=v1.4.2\n',
  );
  const opts = { env: { ...process.env, ...env }, timeout: 60_000 };
  await run(
    'buildah',
    [
      'bud',
      '-q',
      '-f',
      path.join(context, 'Containerfile'),
      '-t',
      'localhost/seed:v1.4.2',
      context,
    ],
    opts,
  );
  await run(
    'buildah',
    [
      'push',
      '--tls-verify=false',
      'localhost/seed:v1.4.2',
      `docker://${started.host}/drop-web:v1.4.2`,
    ],
    opts,
  );
  return started;
}

/** A registry seeded with the running image, the sim answering ECR from it, and buildah set up. */
async function startBuildWorld(): Promise<{
  sim: SimHandle;
  options: Awaited<ReturnType<typeof simRehearsalOptions>>;
  buildah: Record<string, string>;
}> {
  const buildah = await buildahEnv();
  registry = await seededRegistry(buildah);
  const started = await startSim({
    timeScale: 0.005,
    fixture: rehearsalFixture(),
    registry: { url: registry.url, repositories: ['drop-web'] },
  });
  return {
    sim: started,
    options: await simRehearsalOptions(started, { callerWorkflow: CALLER_WORKFLOW }),
    buildah,
  };
}

describeWithTools(['buildah', 'docker-registry'], 'rehearsals with every bundle real', () => {
  it('deploy.yml: the image build-push built and pushed is what staging and production deploy', async () => {
    const { sim: started, options, buildah } = await startBuildWorld();
    sim = started;
    const result = await rehearseWorkflow({
      workflow: path.join(options.workspace as string, CALLER),
      event: 'push',
      ...options,
      env: { ...options.env, ...buildah },
    });
    expect(
      result.order.map((id) => `${id}: ${result.jobs[id]?.result}`),
      result.log.join('\n'),
    ).toEqual([
      'deploy: success',
      'deploy/plan: success',
      'deploy/runners: success',
      'deploy/build: success',
      'deploy/snapshot: success',
      'deploy/deploy: success',
      'deploy/deploy (staging): success',
      'deploy/deploy (production): success',
      'rollback: skipped',
      'checks: skipped',
    ]);
    const build = result.jobs['deploy/build'];
    expect(build?.outputs['tag']).toBe('abc1234');
    expect(build?.steps.find((s) => s.label === 'build')?.action?.outputs['built']).toBe('true');
    const image = build?.outputs['image'];
    expect(image).toMatch(
      /^123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/drop-web@sha256:[0-9a-f]{64}$/,
    );
    for (const env of ['staging', 'production']) {
      const leg = result.jobs[`deploy/deploy (${env})`];
      expect(leg?.steps.find((s) => s.label === 'deploy')?.inputs['image']).toBe(image);
    }
    for (const service of sim.services()) {
      expect(service.imageIdentifier).toBe(image);
      expect(service.running.version).toBe('abc1234');
    }
  });

  it('docs/iam-policy.json: exactly what a deploy, a rollback and a restart call', async () => {
    const { sim: started, options, buildah } = await startBuildWorld();
    sim = started;
    const caller = path.join(options.workspace as string, CALLER);
    const deployed = await rehearseWorkflow({
      workflow: caller,
      event: 'push',
      ...options,
      env: { ...options.env, ...buildah },
    });
    expect(deployed.conclusion, deployed.log.join('\n')).toBe('success');
    const rolledBack = await rehearseWorkflow({
      workflow: caller,
      inputs: { 'rollback-to': 'v1.4.2', environment: 'production', reason: 'policy check' },
      ...options,
    });
    expect(rolledBack.conclusion, rolledBack.log.join('\n')).toBe('success');
    // The restart caller of docs/setup.md, run by hand.
    const restartCaller = path.join(
      options.workspace as string,
      '.github/workflows/apprunner-ops-restart.yml',
    );
    await writeFile(
      restartCaller,
      readFileSync(path.join(CALLER_WORKFLOW, '..', 'apprunner-ops-restart.yml'), 'utf8'),
    );
    const restarted = await rehearseWorkflow({
      workflow: restartCaller,
      inputs: { environment: 'production', reason: 'policy check' },
      ...options,
    });
    expect(restarted.conclusion, restarted.log.join('\n')).toBe('success');
    expect(restarted.jobs['restart/restart']?.outputs['result']).toBe('restarted');
    // secretsmanager: the preflights read the labels of each secret the service reads.
    const aws = new Set(['apprunner', 'ecr', 'rds', 'sts', 'secretsmanager']);
    const called = new Set(
      sim
        .calls()
        .filter((c) => aws.has(c.service))
        .map((c) => `${c.service}:${c.operation}`),
    );
    // A push speaks the registry protocol, which the call log does not see; IAM authorizes it
    // as these ECR actions (AWS's "pushing an image" policy).
    expect(deployed.jobs['deploy/build']?.outputs['image']).toBeTruthy();
    for (const a of [
      'ecr:BatchCheckLayerAvailability',
      'ecr:BatchGetImage',
      'ecr:InitiateLayerUpload',
      'ecr:UploadLayerPart',
      'ecr:CompleteLayerUpload',
      'ecr:PutImage',
    ]) {
      called.add(a);
    }
    // The caller deploys without a bake period; a bake reads CloudWatch, which
    // test/dist/deploy-bake.dist.test.ts finds this policy allows.
    called.add('cloudwatch:GetMetricStatistics');
    const policy = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../docs/iam-policy.json'), 'utf8'),
    ) as PolicyDocument;
    expect([...called].sort()).toEqual(policyActions(policy));
  });
});
