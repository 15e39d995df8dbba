/**
 * The end-to-end rehearsals of deploy.yml and rollback.yml with every bundle real, against the
 * sim: build-push builds the workspace's Dockerfile with buildah and pushes it to Debian's
 * docker-registry behind the sim's ECR; the build's image reaches both deploy jobs; a rollback
 * dispatch reaches the rollback action and puts the earlier version back; and the AWS calls of
 * all that are exactly what docs/iam-policy.json allows.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { startRegistry, type RegistryHandle } from '../../sim/registry.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';
import { rehearsalFixture, simRehearsalOptions } from '../../workflows-src/rehearse/with-sim.js';
import { describeWithTools } from '../helpers/tools.js';
import { policyActions, type PolicyDocument } from './iam-policy.js';

const run = promisify(execFile);
const WORKFLOWS = path.join(import.meta.dirname, '../../.github/workflows');
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
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rehearse-buildah-'));
  await writeFile(
    path.join(dir, 'storage.conf'),
    `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/root"\nrunroot = "${dir}/run"\n`,
  );
  return { CONTAINERS_STORAGE_CONF: path.join(dir, 'storage.conf'), BUILDAH_ISOLATION: 'chroot' };
}

/** A registry already holding the image the fixture's services run (drop-web:v1.4.2). */
async function seededRegistry(env: Record<string, string>): Promise<RegistryHandle> {
  const started = await startRegistry();
  const context = await mkdtemp(path.join(os.tmpdir(), 'seed-'));
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
  return { sim: started, options: await simRehearsalOptions(started), buildah };
}

describeWithTools(['buildah', 'docker-registry'], 'rehearsals with every bundle real', () => {
  it('deploy.yml: the image build-push pushed is what staging and production deploy', async () => {
    const { sim: started, options, buildah } = await startBuildWorld();
    sim = started;
    const result = await rehearseWorkflow({
      workflow: path.join(WORKFLOWS, 'deploy.yml'),
      event: 'push',
      ...options,
      env: { ...options.env, ...buildah },
    });
    expect(
      result.order.map((id) => `${id}: ${result.jobs[id]?.result}`),
      result.log.join('\n'),
    ).toEqual(['build: success', 'deploy-staging: success', 'deploy-production: success']);
    const build = result.jobs['build'];
    expect(build?.outputs['tag']).toBe('abc1234');
    const image = build?.outputs['image'];
    expect(image).toMatch(
      /^123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/drop-web@sha256:[0-9a-f]{64}$/,
    );
    for (const env of ['staging', 'production']) {
      const step = result.jobs[`deploy-${env}`]?.steps.find((s) => s.label === 'deploy');
      expect(step?.inputs['image']).toBe(image);
      expect(result.jobs[`deploy-${env}`]?.outputs['result']).toBe('deployed');
    }
    for (const service of sim.services()) {
      expect(service.imageIdentifier).toBe(image);
      expect(service.running.version).toBe('abc1234');
    }
  });

  it('rollback.yml: a dispatch puts the earlier version back', async () => {
    sim = await startSim({ timeScale: 0.005, fixture: rehearsalFixture() });
    const options = await simRehearsalOptions(sim);
    // Two releases to roll back between; build-push finds each tag in ECR and skips the build.
    for (const tag of ['v1.5.0', 'v1.4.0']) {
      const deployed = await rehearseWorkflow({
        workflow: path.join(WORKFLOWS, 'deploy.yml'),
        event: 'push',
        ...options,
        actionInputs: { ...options.actionInputs, 'build-push': { tag } },
      });
      expect(deployed.conclusion, deployed.log.join('\n')).toBe('success');
    }
    const production = (): string => sim?.service('drop-web').running.version ?? '';
    expect(production()).toBe('v1.4.0');

    const result = await rehearseWorkflow({
      workflow: path.join(WORKFLOWS, 'rollback.yml'),
      inputs: { environment: 'production', to: 'previous', reason: 'checkout broken' },
      ...options,
    });
    expect(result.conclusion, result.log.join('\n')).toBe('success');
    const step = result.jobs['rollback']?.steps.find((s) => s.label === 'rollback');
    expect(step?.inputs).toMatchObject({
      environment: 'production',
      to: 'previous',
      reason: 'checkout broken',
    });
    expect(result.jobs['rollback']?.outputs['result']).toBe('rolled-back');
    expect(production()).toBe('v1.5.0');
    expect(sim.service('drop-web-staging').running.version).toBe('v1.4.0'); // staging untouched
    expect(sim.slackMessages().some((m) => JSON.stringify(m).includes('checkout broken'))).toBe(
      true,
    );
  });

  it('docs/iam-policy.json: exactly what a deploy and a rollback call', async () => {
    const { sim: started, options, buildah } = await startBuildWorld();
    sim = started;
    const deployed = await rehearseWorkflow({
      workflow: path.join(WORKFLOWS, 'deploy.yml'),
      event: 'push',
      ...options,
      env: { ...options.env, ...buildah },
    });
    expect(deployed.conclusion, deployed.log.join('\n')).toBe('success');
    const rolledBack = await rehearseWorkflow({
      workflow: path.join(WORKFLOWS, 'rollback.yml'),
      inputs: { environment: 'production', to: 'v1.4.2', reason: 'policy check' },
      ...options,
    });
    expect(rolledBack.conclusion, rolledBack.log.join('\n')).toBe('success');
    const aws = new Set(['apprunner', 'ecr', 'rds', 'sts']);
    const called = new Set(
      sim
        .calls()
        .filter((c) => aws.has(c.service))
        .map((c) => `${c.service}:${c.operation}`),
    );
    // A push speaks the registry protocol, which the call log does not see; IAM authorizes it
    // as these ECR actions (AWS's "pushing an image" policy).
    expect(deployed.jobs['build']?.outputs['image']).toBeTruthy();
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
    const policy = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../docs/iam-policy.json'), 'utf8'),
    ) as PolicyDocument;
    expect([...called].sort()).toEqual(policyActions(policy));
  });
});
