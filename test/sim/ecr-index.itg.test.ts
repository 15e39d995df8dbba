import {
  BatchDeleteImageCommand,
  BatchGetImageCommand,
  DescribeImagesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  PutLifecyclePolicyCommand,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
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

describe('ECR image indexes, lifecycle policies and delete failures', () => {
  it('BatchGetImage returns v1.5.0 as an OCI index whose children are untagged images', async () => {
    const out = await ecr.send(
      new BatchGetImageCommand({ repositoryName: 'drop-web', imageIds: [{ imageTag: 'v1.5.0' }] }),
    );
    const image = out.images![0]!;
    expect(image.imageManifestMediaType).toBe('application/vnd.oci.image.index.v1+json');
    const index = JSON.parse(image.imageManifest!) as {
      schemaVersion: number;
      mediaType: string;
      manifests: { digest: string; mediaType: string; platform: { architecture: string } }[];
    };
    expect(index.schemaVersion).toBe(2);
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    expect(index.manifests.map((m) => m.platform.architecture)).toEqual([
      'amd64',
      'arm64',
      'unknown',
      'unknown',
    ]);
    const children = await ecr.send(
      new DescribeImagesCommand({
        repositoryName: 'drop-web',
        imageIds: index.manifests.map((m) => ({ imageDigest: m.digest })),
      }),
    );
    for (const child of children.imageDetails!) {
      expect(child.imageTags).toBeUndefined();
      expect(child.imageManifestMediaType).toBe('application/vnd.oci.image.manifest.v1+json');
    }
  });

  it('answers LifecyclePolicyNotFoundException until a valid policy is put', async () => {
    expect(
      await sdkError(ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'drop-web' }))),
    ).toMatchObject({ name: 'LifecyclePolicyNotFoundException', status: 400 });
    const bad = await sdkError(
      ecr.send(
        new PutLifecyclePolicyCommand({
          repositoryName: 'drop-web',
          lifecyclePolicyText: JSON.stringify({
            rules: [{ rulePriority: 1 }],
            pad: 'x'.repeat(100),
          }),
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterException');
    const text = JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          selection: {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 14,
          },
          action: { type: 'expire' },
        },
      ],
    });
    await ecr.send(
      new PutLifecyclePolicyCommand({ repositoryName: 'drop-web', lifecyclePolicyText: text }),
    );
    const got = await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'drop-web' }));
    expect(got.lifecyclePolicyText).toBe(text);
    expect(got.lastEvaluatedAt).toBeInstanceOf(Date);
  });

  it('reports injected per-image delete failures in the answer, not as an error', async () => {
    const orphan = sim
      .images('drop-web')
      .find(
        (i) =>
          i.tags.length === 0 &&
          i.children.length === 0 &&
          i.pushedAt < Date.now() - 7 * 86_400_000,
      )!;
    sim.failImageDeletes([orphan.digest], 'KmsError');
    const out = await ecr.send(
      new BatchDeleteImageCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageDigest: orphan.digest }],
      }),
    );
    expect(out.imageIds).toEqual([]);
    expect(out.failures).toEqual([
      expect.objectContaining({ imageId: { imageDigest: orphan.digest }, failureCode: 'KmsError' }),
    ]);
    sim.failImageDeletes([]);
    const again = await ecr.send(
      new BatchDeleteImageCommand({
        repositoryName: 'drop-web',
        imageIds: [{ imageDigest: orphan.digest }],
      }),
    );
    expect(again.imageIds).toEqual([{ imageDigest: orphan.digest }]);
  });
});
