import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  AppRunnerClient,
  DescribeServiceCommand,
  ListOperationsCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-apprunner';
import {
  BatchDeleteImageCommand,
  DescribeImagesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { startRegistry, type RegistryHandle } from '../../sim/registry.js';
import { describeWithTools } from '../helpers/tools.js';
import { waitFor } from './helpers.js';

const run = promisify(execFile);

// Needs Debian's buildah and docker-registry (`.ci/run` installs both); there is no other way
// to get a real registry and a real image push here. Skipped with that reason where missing.

let registry: RegistryHandle | undefined;
let sim: SimHandle | undefined;
let work = '';

/** Builds a tiny FROM-scratch image with buildah (vfs, chroot) and pushes it; returns the pushed digest. */
async function buildAndPush(tag: string, content: string): Promise<string> {
  const storage = [
    '--storage-driver',
    'vfs',
    '--root',
    path.join(work, 'root'),
    '--runroot',
    path.join(work, 'runroot'),
  ];
  const context = path.join(work, `ctx-${tag}`);
  await run('mkdir', ['-p', context]);
  await writeFile(path.join(context, 'version.txt'), `${content}\n`);
  await writeFile(
    path.join(context, 'Containerfile'),
    'FROM scratch\nCOPY version.txt /version.txt\n',
  );
  const local = `localhost/drop-web:${tag}`;
  await run(
    'buildah',
    [
      ...storage,
      'build',
      '--isolation',
      'chroot',
      '-q',
      '-f',
      path.join(context, 'Containerfile'),
      '-t',
      local,
      context,
    ],
    {
      timeout: 30_000,
    },
  );
  const digestFile = path.join(work, `digest-${tag}`);
  await run(
    'buildah',
    [
      ...storage,
      'push',
      '--tls-verify=false',
      '--digestfile',
      digestFile,
      local,
      `docker://${registry!.host}/drop-web:${tag}`,
    ],
    { timeout: 30_000 },
  );
  return (await readFile(digestFile, 'utf8')).trim();
}

describeWithTools(
  ['buildah', 'docker-registry'],
  'ECR stand-in backed by a real registry (docker-registry + buildah)',
  () => {
    let firstDigest = '';

    beforeAll(async () => {
      work = await mkdtemp(path.join(os.tmpdir(), 'sim-buildah-'));
      registry = await startRegistry();
      firstDigest = await buildAndPush('v1.0.0', 'one');
      sim = await startSim({
        timeScale: 0.002,
        registry: { url: registry.url },
        fixture: {
          apprunner: {
            services: [
              {
                name: 'drop-web',
                image: 'drop-web:v1.0.0',
                accessRoleArn: 'arn:aws:iam::123456789012:role/ecr',
              },
            ],
          },
          ecr: {
            repositories: [
              {
                name: 'drop-web',
                registryBehaviours: {
                  'v3.0.0-broken': { behaviour: 'fails-platform-health-check' },
                },
              },
            ],
          },
        },
      });
    }, 60_000);

    afterAll(async () => {
      await sim?.stop();
      await registry?.stop();
      if (work) await rm(work, { recursive: true, force: true });
    });

    it('DescribeImages reports the digest buildah pushed', async () => {
      expect(firstDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const secondDigest = await buildAndPush('v2.0.0', 'two');
      const ecr = new ECRClient(sim!.clientConfig({ maxAttempts: 1 }));
      const out = await ecr.send(
        new DescribeImagesCommand({
          repositoryName: 'drop-web',
          imageIds: [{ imageTag: 'v2.0.0' }],
        }),
      );
      expect(out.imageDetails?.[0]?.imageDigest).toBe(secondDigest);
      expect(out.imageDetails?.[0]?.imageTags).toEqual(['v2.0.0']);
      expect(out.imageDetails?.[0]?.imageManifestMediaType).toMatch(/manifest/);
      expect(out.imageDetails?.[0]?.imageSizeInBytes).toBeGreaterThan(0);
      const all = await ecr.send(new DescribeImagesCommand({ repositoryName: 'drop-web' }));
      expect(all.imageDetails?.map((i) => i.imageDigest).sort()).toEqual(
        [firstDigest, secondDigest].sort(),
      );
      const token = await ecr.send(new GetAuthorizationTokenCommand({}));
      expect(token.authorizationData?.[0]?.proxyEndpoint).toBe(registry!.url);
      ecr.destroy();
    });

    it('App Runner deploys the pushed image by digest and the app reports its tag', async () => {
      const digest = await buildAndPush('v2.1.0', 'two-one');
      const ar = new AppRunnerClient(sim!.clientConfig({ maxAttempts: 1 }));
      const arn = sim!.service('drop-web').arn;
      const { Service } = await ar.send(new DescribeServiceCommand({ ServiceArn: arn }));
      const source = Service!.SourceConfiguration!;
      source.ImageRepository!.ImageIdentifier = `123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web@${digest}`;
      const { OperationId } = await ar.send(
        new UpdateServiceCommand({ ServiceArn: arn, SourceConfiguration: source }),
      );
      const status = await waitFor('the deployment to end', async () => {
        const ops = await ar.send(new ListOperationsCommand({ ServiceArn: arn }));
        const op = ops.OperationSummaryList?.find((o) => o.Id === OperationId);
        return op?.EndedAt ? op.Status : undefined;
      });
      expect(status).toBe('SUCCEEDED');
      expect(sim!.service('drop-web').running.digest).toBe(digest);
      const health = (await (await fetch(`${sim!.serviceUrl('drop-web')}/api/health`)).json()) as {
        data: { version: string };
      };
      expect(health.data.version).toBe('v2.1.0');
      ar.destroy();
    });

    it('BatchDeleteImage deletes from the registry', async () => {
      const digest = await buildAndPush('v0.9.0', 'old');
      const ecr = new ECRClient(sim!.clientConfig({ maxAttempts: 1 }));
      const out = await ecr.send(
        new BatchDeleteImageCommand({
          repositoryName: 'drop-web',
          imageIds: [{ imageDigest: digest }],
        }),
      );
      expect(out.imageIds).toEqual([{ imageDigest: digest, imageTag: 'v0.9.0' }]);
      const head = await fetch(`${registry!.url}/v2/drop-web/manifests/${digest}`, {
        method: 'HEAD',
      });
      expect(head.status).toBe(404);
      ecr.destroy();
    });
  },
);
