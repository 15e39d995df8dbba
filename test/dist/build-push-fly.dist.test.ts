/**
 * build-push's `registries: ecr, fly` through the built bundle: one buildah build pushed to the
 * ECR stand-in's registry and to a second, separate registry standing for registry.fly.io, by
 * the same digest; the fly target then deploys that digest, and refuses one Fly does not hold.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { FlyMachinesApi } from '../../core/fly/machines-api.js';
import { FlyTarget, FlyTargetRefused } from '../../core/targets/fly.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { startSim, type FixtureInput, type SimHandle } from '../../sim/index.js';
import { startRegistry, type RegistryHandle } from '../../sim/registry.js';
import { runActionBundle, type ActionRun } from '../../sim/run-action.js';
import { testConfig } from '../helpers/deploy-world.js';
import { FLY_APP, flyFixture, onFly } from '../helpers/fly-world.js';
import { describeWithTools } from '../helpers/tools.js';
import { scratchFolder } from '../../sim/scratch-folders.js';

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const MANIFEST_ACCEPT =
  'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';

describeWithTools(
  ['buildah', 'docker-registry'],
  'build-push bundle pushing to ECR and to Fly’s registry',
  () => {
    let ecrRegistry: RegistryHandle;
    let flyRegistry: RegistryHandle;
    let sim: SimHandle;
    let workspace: string;
    let buildEnv: Record<string, string>;

    beforeAll(async () => {
      [ecrRegistry, flyRegistry] = await Promise.all([startRegistry(), startRegistry()]);
      const fixture = flyFixture() as FixtureInput & { ecr: { repositories: unknown[] } };
      fixture.ecr.repositories.push({ name: 'drop-api', images: [] });
      sim = await startSim({
        timeScale: 0.01,
        fixture,
        registry: { url: ecrRegistry.url, repositories: ['drop-api'] },
        flyRegistry: { url: flyRegistry.url },
      });
      workspace = await scratchFolder('build-push-fly-');
      await writeFile(
        path.join(workspace, 'apprunner-ops.yml'),
        onFly(testConfig(sim), sim).replace('ecr-repository: drop-web', 'ecr-repository: drop-api'),
      );
      await mkdir(path.join(workspace, 'app'));
      await writeFile(path.join(workspace, 'app', 'version.txt'), 'v2\n');
      await writeFile(
        path.join(workspace, 'app', 'Containerfile'),
        'FROM scratch\nCOPY version.txt /version.txt\n',
      );
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
      await Promise.all([ecrRegistry?.stop(), flyRegistry?.stop()]);
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
          builder: 'buildah',
          ...inputs,
        },
      });
    const flyDigest = async (reference: string): Promise<string | null> =>
      (
        await fetch(`${flyRegistry.url}/v2/${FLY_APP}/manifests/${reference}`, {
          headers: { accept: MANIFEST_ACCEPT },
        })
      ).headers.get('docker-content-digest');
    const target = () => {
      const logger = recordingLogger();
      const deps = { clock: systemClock, logger };
      const api = new FlyMachinesApi(sim.fly.apiUrl, sim.fly.token, deps, {
        requestTimeoutMs: 10_000,
        registryUrl: sim.env['FLY_REGISTRY_URL'] as string,
      });
      return new FlyTarget(
        api,
        { app: FLY_APP, 'process-group': 'app', 'wait-timeout-ms': 30_000 },
        deps,
      );
    };

    it('pushes one build to ECR and registry.fly.io/<app> by the same digest; the fly target deploys it', async () => {
      const token = sim.fly.token;
      const built = await run({ tag: 'v2.0.0', registries: 'ecr, fly', 'fly-api-token': token });
      expect(errors(built)).toEqual([]);
      expect(built.exitCode).toBe(0);
      const digest = built.outputs['digest'] as string;
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(built.outputs['fly-image']).toBe(`registry.fly.io/${FLY_APP}@${digest}`);
      // Fly's registry holds that very manifest, under the tag and by digest.
      expect(await flyDigest('v2.0.0')).toBe(digest);
      expect(await flyDigest(digest)).toBe(digest);
      // The token was masked and is never printed.
      expect(built.stdout).toContain(`::add-mask::${token}`);
      expect(
        built.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n'),
      ).not.toContain(token);

      const fly = target();
      const started = await fly.switchImage(built.outputs['image'] as string);
      const result = await fly.follow(started, { timeoutMs: 30_000, intervalMs: 20 });
      expect(result.ok).toBe(true);
      expect(
        sim.fly
          .machines(FLY_APP)
          .filter((m) => m.processGroup === 'app')
          .map((m) => m.running.digest),
      ).toEqual([digest, digest, digest]);
    });

    it('an image pushed to ECR only is refused by the fly target, naming the image and registries', async () => {
      const built = await run({ tag: 'v3.0.0' });
      expect(built.exitCode).toBe(0);
      expect(built.outputs['fly-image']).toBe('');
      const digest = built.outputs['digest'] as string;
      expect(await flyDigest(digest)).toBeNull();
      sim.clearCalls();
      await expect(target().switchImage(built.outputs['image'] as string)).rejects.toSatisfy(
        (e) =>
          e instanceof FlyTargetRefused &&
          e.message.startsWith(`registry.fly.io/${FLY_APP}@${digest} is not in Fly's registry`) &&
          e.message.includes("build-push's registries input (registries: ecr, fly)"),
      );
      expect(sim.mutatingCalls({ service: 'fly' })).toEqual([]);
      // And a re-run asking for Fly too will not rebuild a different image under the same tag.
      const again = await run({
        tag: 'v3.0.0',
        registries: 'ecr,fly',
        'fly-api-token': sim.fly.token,
      });
      expect(again.exitCode).toBe(1);
      expect(errors(again)).toEqual([
        expect.stringMatching(
          new RegExp(
            `ECR holds drop-api:v3\\.0\\.0 .*, but registry\\.fly\\.io/${FLY_APP} does not`,
          ),
        ),
      ]);
    });

    it.each([
      [{ registries: 'ecr, gcr' }, /^build-push: input "registries": expected ecr, or ecr and fly/],
      [
        { registries: 'fly', 'fly-api-token': 'x' },
        /^build-push: input "registries": must include ecr/,
      ],
      [
        { registries: 'ecr, fly' },
        /^build-push: input "fly-api-token": is required to push to registry\.fly\.io\/drop-staging/,
      ],
    ])('refuses %o before building or pushing', async (inputs, message) => {
      sim.clearCalls();
      const result = await run({ tag: 'v4', ...inputs });
      expect(result.exitCode).toBe(1);
      expect(errors(result)).toEqual([expect.stringMatching(message)]);
      expect(sim.calls({ service: 'ecr' })).toEqual([]);
    });
  },
);
