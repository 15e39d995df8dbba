import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_FIXTURE, startSim, type FixtureInput, type SimHandle } from '../../sim/index.js';
import { startRegistry, type RegistryHandle } from '../../sim/registry.js';
import { runActionBundle, type ActionRun } from '../../sim/run-action.js';
import { testConfig } from '../helpers/deploy-world.js';
import { startRegistryProxy, type RegistryProxy } from '../helpers/registry-proxy.js';
import { docsPolicy, policyGaps } from '../workflows/iam-policy.js';
import { describeWithTools } from '../helpers/tools.js';
import { scratchFolder } from '../../sim/scratch-folders.js';

// A real build and push needs Debian's buildah and docker-registry: skipped with that reason
// where they are missing, a failure in strict mode (.ci/run installs both).
const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describeWithTools(
  ['buildah', 'docker-registry'],
  'build-push bundle with buildah and a real registry',
  () => {
    let registry: RegistryHandle;
    let proxy: RegistryProxy;
    let sim: SimHandle;
    let workspace: string;
    let buildEnv: Record<string, string>;

    beforeAll(async () => {
      registry = await startRegistry();
      // The push goes through a proxy that writes down the registry requests as ECR actions.
      proxy = await startRegistryProxy(registry.url);
      // The built images go to their own repository, answered from the real registry; the
      // fixture's drop-web stays as seeded.
      const fixture = parse(await readFile(DEFAULT_FIXTURE, 'utf8')) as {
        ecr: { repositories: unknown[] };
      };
      fixture.ecr.repositories.push({ name: 'drop-api', images: [] });
      sim = await startSim({
        timeScale: 0.01,
        fixture: fixture as FixtureInput,
        registry: { url: proxy.url, repositories: ['drop-api'] },
      });
      workspace = await scratchFolder('build-push-');
      await writeFile(
        path.join(workspace, 'apprunner-ops.yml'),
        testConfig(sim).replace('ecr-repository: drop-web', 'ecr-repository: drop-api'),
      );
      await mkdir(path.join(workspace, 'app'));
      await writeFile(path.join(workspace, 'app', 'version.txt'), 'v2\n');
      await writeFile(
        path.join(workspace, 'app', 'Containerfile'),
        'FROM scratch\nARG VERSION=dev\nCOPY version.txt /version.txt\n',
      );
      // buildah's own settings for a machine without overlayfs or user namespaces.
      const storage = path.join(workspace, 'storage');
      await writeFile(
        path.join(workspace, 'storage.conf'),
        `[storage]\ndriver = "vfs"\ngraphroot = "${storage}/root"\nrunroot = "${storage}/run"\n`,
      );
      buildEnv = {
        ...sim.env,
        CONTAINERS_STORAGE_CONF: path.join(workspace, 'storage.conf'),
        BUILDAH_ISOLATION: 'chroot',
      };
    });

    afterAll(async () => {
      await sim?.stop();
      await proxy?.stop();
      await registry?.stop();
    });

    const run = (inputs: Record<string, string>): Promise<ActionRun> =>
      runActionBundle({
        action: 'build-push',
        cwd: workspace,
        env: buildEnv,
        inputs: {
          config: 'apprunner-ops.yml',
          environment: 'production',
          context: 'app',
          dockerfile: 'app/Containerfile',
          ...inputs,
        },
      });

    it('builds, pushes and reads the digest back from ECR; a re-run does not rebuild', async () => {
      const first = await run({ tag: 'v2.0.0', 'build-args': 'VERSION=2.0.0\n# a comment' });
      expect(errors(first)).toEqual([]);
      expect(first.exitCode).toBe(0);
      expect(first.stdout).toContain(
        'Building with buildah (detected: docker needs a running engine)',
      );
      const digest = first.outputs['digest'] as string;
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(first.outputs).toEqual({
        image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-api@${digest}`,
        tag: 'v2.0.0',
        digest,
        built: 'true',
        // Pushed to ECR only (registries defaults to ecr).
        'fly-image': '',
      });
      // What the registry holds under the tag is what the action reported.
      const head = await fetch(`${registry.url}/v2/drop-api/manifests/v2.0.0`, {
        method: 'HEAD',
        headers: {
          accept:
            'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
        },
      });
      expect(head.headers.get('docker-content-digest')).toBe(digest);

      // The ECR password was masked and never printed.
      const token = sim.calls({ service: 'ecr', operation: 'GetAuthorizationToken' });
      expect(token).toHaveLength(1);
      const masks = first.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
      expect(masks.length).toBeGreaterThanOrEqual(1);
      const password = masks[0]?.slice('::add-mask::'.length) as string;
      expect(
        first.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n'),
      ).not.toContain(password);

      const again = await run({ tag: 'v2.0.0' });
      expect(again.exitCode).toBe(0);
      expect(again.outputs).toMatchObject({ built: 'false', digest });
      expect(again.stdout).toContain('ECR already holds drop-api:v2.0.0');
      expect(again.stdout).not.toContain('buildah bud');
      expect(sim.calls({ service: 'ecr', operation: 'GetAuthorizationToken' })).toHaveLength(1);

      // docs/iam-policy.json allows every call of the push (the ECR API calls the sim logged and
      // the registry requests the proxy did), and each push statement is used by one of them.
      expect(proxy.calls.map((c) => c.operation)).toContain('PutImage');
      expect(
        policyGaps([docsPolicy('iam-policy.json')], [...sim.calls(), ...proxy.calls], DEPLOY_ONLY),
      ).toEqual({ denied: [], unneeded: [] });
    });

    it.each([
      [{ tag: 'bad tag' }, /^build-push: input "tag": expected an image tag/],
      [
        { tag: 'v3', dockerfile: 'app/Nope' },
        /^build-push: input "dockerfile": no app\/Nope; set dockerfile/,
      ],
      [
        { tag: 'v3', 'build-args': 'not an arg' },
        /^build-push: input "build-args": expected NAME=value on each line/,
      ],
      [
        { tag: 'v3', builder: 'podman' },
        /^build-push: input "builder": expected docker or buildah/,
      ],
      [
        { tag: 'v3', environment: 'staging' },
        /^build-push: config apprunner-ops\.yml: environments\.staging: no such environment/,
      ],
    ])('refuses %o before building or pushing', async (inputs, message) => {
      sim.clearCalls();
      const result = await run(inputs);
      expect(result.exitCode).toBe(1);
      expect(errors(result)).toEqual([expect.stringMatching(message)]);
      expect(sim.calls({ service: 'ecr' })).toEqual([]);
    });
  },
);

/** The deploy role's statements build-push does not use (test/dist/deploy.dist.test.ts uses them). */
const DEPLOY_ONLY = [
  'AppRunnerDeployAndRollback',
  'RdsSnapshotBeforeChange',
  'RdsPruneOwnPreDeploySnapshots',
  'CloudWatchReadRequestMetricsForBake',
  'WhoAmI',
  'SecretsLabelsForUnfinishedRotations',
  'SecretsRdsManagedRotationDate',
  // AWS lists it among the push permissions: docker's push reads the manifest back (the docker
  // builder path, which needs a running engine and is not taken here); buildah's does not.
  'ecr:BatchGetImage',
];
