import {
  BatchDeleteImageCommand,
  BatchGetImageCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ListImagesCommand,
  type ImageDetail,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { loadFixture, startSim, type SimHandle } from '../../sim/index.js';
import { sdkError } from './helpers.js';

let sim: SimHandle;
let ecr: ECRClient;

beforeAll(async () => {
  sim = await startSim({ timeScale: 0.003 });
  ecr = new ECRClient(sim.clientConfig({ maxAttempts: 1 }));
});
afterAll(async () => {
  ecr.destroy();
  await sim.stop();
});

async function allImages(
  filter?: 'TAGGED' | 'UNTAGGED' | 'ANY',
  pageSize = 3,
): Promise<ImageDetail[]> {
  const out: ImageDetail[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecr.send(
      new DescribeImagesCommand({
        repositoryName: 'drop-web',
        maxResults: pageSize,
        nextToken,
        ...(filter ? { filter: { tagStatus: filter } } : {}),
      }),
    );
    expect(page.imageDetails!.length).toBeLessThanOrEqual(pageSize);
    out.push(...(page.imageDetails ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

describe('ECR stand-in through @aws-sdk/client-ecr', () => {
  it('describes repositories, and refuses an unknown one', async () => {
    const out = await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['drop-web'] }));
    const repo = out.repositories?.[0];
    expect(repo?.repositoryName).toBe('drop-web');
    expect(repo?.repositoryUri).toBe('123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web');
    expect(repo?.repositoryArn).toBe('arn:aws:ecr:eu-west-1:123456789012:repository/drop-web');
    expect(repo?.registryId).toBe('123456789012');
    expect(repo?.createdAt).toBeInstanceOf(Date);
    expect(repo?.imageTagMutability).toBe('MUTABLE');
    expect(repo?.imageScanningConfiguration?.scanOnPush).toBe(true);
    const missing = await sdkError(
      ecr.send(new DescribeRepositoriesCommand({ repositoryNames: ['nope'] })),
    );
    expect(missing).toMatchObject({ name: 'RepositoryNotFoundException', status: 400 });
  });

  it('describes images by tag and digest with every field parsed', async () => {
    const byTag = await ecr.send(
      new DescribeImagesCommand({ repositoryName: 'drop-web', imageIds: [{ imageTag: 'v1.4.2' }] }),
    );
    const image = byTag.imageDetails?.[0];
    expect(image?.imageTags).toEqual(['v1.4.2', 'latest']);
    expect(image?.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(image?.registryId).toBe('123456789012');
    expect(image?.repositoryName).toBe('drop-web');
    expect(image?.imageSizeInBytes).toBe(48_213_504);
    expect(image?.imagePushedAt).toBeInstanceOf(Date);
    // Seeded two days ago: epoch-seconds timestamps parsed to the right moment.
    expect(Date.now() - image!.imagePushedAt!.getTime()).toBeGreaterThan(2 * 86_400_000 - 60_000);
    expect(Date.now() - image!.imagePushedAt!.getTime()).toBeLessThan(2 * 86_400_000 + 60_000);
    expect(image?.imageManifestMediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    expect(image?.artifactMediaType).toBe('application/vnd.oci.image.config.v1+json');

    const byDigest = await ecr.send(
      new DescribeImagesCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageDigest: image!.imageDigest! }],
      }),
    );
    expect(byDigest.imageDetails?.[0]?.imageTags).toEqual(['v1.4.2', 'latest']);

    const missing = await sdkError(
      ecr.send(
        new DescribeImagesCommand({
          repositoryName: 'drop-web',
          imageIds: [{ imageTag: 'v0.0.0' }],
        }),
      ),
    );
    expect(missing).toMatchObject({ name: 'ImageNotFoundException', status: 400 });
    expect(missing.message).toMatch(/imageTag:'v0.0.0'/);
  });

  it('paginates and filters by tag status; index children are untagged images', async () => {
    const all = await allImages('ANY');
    const tagged = await allImages('TAGGED');
    const untagged = await allImages('UNTAGGED');
    expect(all.length).toBe(tagged.length + untagged.length);
    expect(tagged.every((i) => (i.imageTags?.length ?? 0) > 0)).toBe(true);
    expect(untagged.every((i) => i.imageTags === undefined)).toBe(true);
    const index = tagged.find((i) => i.imageTags?.includes('v1.5.0'));
    expect(index?.imageManifestMediaType).toBe('application/vnd.oci.image.index.v1+json');
    // Two platforms + two attestations, plus one genuinely old untagged image.
    expect(untagged).toHaveLength(5);
    const bad = await sdkError(
      ecr.send(
        new DescribeImagesCommand({
          repositoryName: 'drop-web',
          filter: { tagStatus: 'BOGUS' as never },
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterException');
  });

  it('lists image ids, one per tag', async () => {
    const out = await ecr.send(
      new ListImagesCommand({ repositoryName: 'drop-web', filter: { tagStatus: 'TAGGED' } }),
    );
    const tags = out.imageIds?.map((i) => i.imageTag);
    expect(tags).toContain('latest');
    expect(tags).toContain('v1.4.2');
    const latest = out.imageIds?.find((i) => i.imageTag === 'latest');
    expect(latest?.imageDigest).toBe(
      out.imageIds?.find((i) => i.imageTag === 'v1.4.2')?.imageDigest,
    );
  });

  it('gets manifests, reporting missing ones as failures', async () => {
    const out = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageTag: 'v1.5.0' }, { imageTag: 'gone' }],
      }),
    );
    const manifest = JSON.parse(out.images![0]!.imageManifest!) as {
      manifests: { digest: string }[];
    };
    expect(out.images?.[0]?.imageManifestMediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(out.images?.[0]?.imageId?.imageTag).toBe('v1.5.0');
    expect(manifest.manifests).toHaveLength(4);
    expect(out.failures).toEqual([
      {
        imageId: { imageTag: 'gone' },
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found',
      },
    ]);
  });

  it('gives an authorization token for the registry', async () => {
    const out = await ecr.send(new GetAuthorizationTokenCommand({}));
    const data = out.authorizationData?.[0];
    expect(Buffer.from(data!.authorizationToken!, 'base64').toString()).toMatch(/^AWS:.+/);
    expect(data?.proxyEndpoint).toBe('https://123456789012.dkr.ecr.eu-west-1.amazonaws.com');
    expect(data!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
  });

  it('deletes images: ≤ 100 ids, untag vs delete, failures in the answer', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => ({ imageTag: `t${i}` }));
    const refused = await sdkError(
      ecr.send(new BatchDeleteImageCommand({ repositoryName: 'drop-web', imageIds: tooMany })),
    );
    expect(refused).toMatchObject({ name: 'InvalidParameterException', status: 400 });

    const out = await ecr.send(
      new BatchDeleteImageCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageTag: 'latest' }, { imageTag: 'v1.3.9' }, { imageTag: 'never-pushed' }],
      }),
    );
    expect(out.imageIds?.map((i) => i.imageTag)).toEqual(['latest', 'v1.3.9']);
    expect(out.failures?.map((f) => [f.imageId?.imageTag, f.failureCode])).toEqual([
      ['never-pushed', 'ImageNotFound'],
    ]);
    const images = sim.images('drop-web');
    // Removing one of two tags only untags; removing the last tag deletes the image.
    expect(images.find((i) => i.tags.includes('v1.4.2'))?.tags).toEqual(['v1.4.2']);
    expect(images.some((i) => i.version === 'v1.3.9')).toBe(false);
    expect(sim.mutatingCalls({ service: 'ecr' })).toHaveLength(2);
  });

  it('deleting an index child breaks the tagged image: its deployment fails (pitfall 8), where a sim lets a careless script do it', async () => {
    const base = loadFixture();
    const sim = await startSim({
      timeScale: 0.003,
      fixture: { ...base, ecr: { ...base.ecr, protectIndexChildren: false } },
    });
    onTestFinished(() => sim.stop());
    const ecr = new ECRClient(sim.clientConfig({ maxAttempts: 1 }));
    onTestFinished(() => ecr.destroy());
    const index = sim.images('drop-web').find((i) => i.tags.includes('v1.5.0'))!;
    const out = await ecr.send(
      new BatchDeleteImageCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageDigest: index.children[0]! }],
      }),
    );
    expect(out.imageIds?.[0]?.imageDigest).toBe(index.children[0]);
    const arn = sim.service('drop-web').arn;
    const { AppRunnerClient, DescribeServiceCommand, UpdateServiceCommand, ListOperationsCommand } =
      await import('@aws-sdk/client-apprunner');
    const ar = new AppRunnerClient(sim.clientConfig());
    const { Service } = await ar.send(new DescribeServiceCommand({ ServiceArn: arn }));
    const source = Service!.SourceConfiguration!;
    source.ImageRepository!.ImageIdentifier =
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web:v1.5.0';
    const { OperationId } = await ar.send(
      new UpdateServiceCommand({ ServiceArn: arn, SourceConfiguration: source }),
    );
    const deadline = Date.now() + 10_000;
    let status: string | undefined;
    while (Date.now() < deadline) {
      const ops = await ar.send(new ListOperationsCommand({ ServiceArn: arn }));
      status = ops.OperationSummaryList?.find((o) => o.Id === OperationId)?.Status;
      if (status?.endsWith('SUCCEEDED')) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    ar.destroy();
    expect(status).toBe('ROLLBACK_SUCCEEDED');
  });

  it('refuses to delete a child of an index it holds, as ECR does (ImageReferencedByManifestList)', async () => {
    const child = sim.images('drop-web').find((i) => i.tags.includes('v1.5.0'))!.children[0]!;
    const refused = await ecr.send(
      new BatchDeleteImageCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageDigest: child }],
      }),
    );
    expect(refused.imageIds).toEqual([]);
    expect(refused.failures?.[0]?.failureCode).toBe('ImageReferencedByManifestList');
    expect(sim.images('drop-web').some((i) => i.digest === child)).toBe(true);
  });

  it('protectIndexChildren: false (a careless script): deleting a child breaks its index', async () => {
    const strict = await startSim({
      fixture: {
        ecr: {
          protectIndexChildren: false,
          repositories: [
            { name: 'app', images: [{ tags: ['v1'], platforms: ['linux/amd64', 'linux/arm64'] }] },
          ],
        },
      },
    });
    try {
      const client = new ECRClient(strict.clientConfig({ maxAttempts: 1 }));
      const child = strict.images('app').find((i) => i.tags.length === 0)!;
      const out = await client.send(
        new BatchDeleteImageCommand({
          repositoryName: 'app',
          imageIds: [{ imageDigest: child.digest }],
        }),
      );
      expect(out.imageIds).toEqual([{ imageDigest: child.digest }]);
      expect(out.failures).toEqual([]);
      client.destroy();
    } finally {
      await strict.stop();
    }
  });
});
