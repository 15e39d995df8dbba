import {
  BatchDeleteImageCommand,
  BatchGetImageCommand,
  GetLifecyclePolicyCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { awsCall, awsErrorName, type AwsCallDeps } from './call.js';
import { describeImages } from './ecr.js';
import type { EcrLocation } from './image-ref.js';

/** One image of a repository as DescribeImages lists it (index children appear untagged). */
export interface RepoImage {
  digest: string;
  tags: string[];
  pushedAt: Date | undefined;
  sizeInBytes: number;
  /** e.g. application/vnd.oci.image.index.v1+json; undefined when ECR did not say. */
  mediaType: string | undefined;
}

/** Manifest types that list other manifests (multi-arch images, attestations). */
export const INDEX_MEDIA_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

/** Every manifest type BatchGetImage should hand back as stored, without conversion. */
const ACCEPTED_MEDIA_TYPES = [
  ...INDEX_MEDIA_TYPES,
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.v1+json',
];

/** What a manifest says about other manifests: an index's children, a referrer's subject. */
export interface ManifestLinks {
  mediaType: string | undefined;
  children: string[];
  subject: string | undefined;
}

export interface DeleteResult {
  deleted: string[];
  failures: { digest: string; code: string; reason: string }[];
}

const BATCH = 100;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function parseManifestLinks(body: string, reportedType?: string): ManifestLinks {
  const parsed = JSON.parse(body) as {
    mediaType?: string;
    manifests?: { digest?: string }[];
    subject?: { digest?: string };
  };
  return {
    mediaType: parsed.mediaType ?? reportedType,
    children: (parsed.manifests ?? []).flatMap((m) => (m.digest ? [m.digest] : [])),
    subject: parsed.subject?.digest,
  };
}

/** Reads images and manifests of one ECR repository; every call goes through awsCall. */
export class EcrImages {
  constructor(
    private readonly client: ECRClient,
    readonly location: EcrLocation,
    private readonly deps: AwsCallDeps,
  ) {}

  private get ids() {
    return { registryId: this.location.registryId, repositoryName: this.location.repository };
  }

  /** Every image, tagged and untagged, following nextToken (bounded: 1 000 pages). */
  async list(): Promise<RepoImage[]> {
    const details = await describeImages(this.client, this.location, this.deps, {
      tagStatus: 'ANY',
      maxPages: 1000,
      maxResults: 1000,
    });
    return details.map((d) => ({
      digest: d.imageDigest,
      tags: d.imageTags ?? [],
      pushedAt: d.imagePushedAt,
      sizeInBytes: d.imageSizeInBytes ?? 0,
      mediaType: d.imageManifestMediaType,
    }));
  }

  /**
   * The manifests of these digests (BatchGetImage, ≤ 100 per call). A digest that could not
   * be read is in `unreadable` with ECR's failure code.
   */
  async manifests(
    digests: readonly string[],
  ): Promise<{ links: Map<string, ManifestLinks>; unreadable: Map<string, string> }> {
    const links = new Map<string, ManifestLinks>();
    const unreadable = new Map<string, string>();
    for (const batch of chunks([...new Set(digests)], BATCH)) {
      const out = await awsCall(
        'BatchGetImage',
        () =>
          this.client.send(
            new BatchGetImageCommand({
              ...this.ids,
              imageIds: batch.map((imageDigest) => ({ imageDigest })),
              acceptedMediaTypes: ACCEPTED_MEDIA_TYPES,
            }),
          ),
        this.deps,
      );
      for (const image of out.images ?? []) {
        const digest = image.imageId?.imageDigest;
        if (!digest || !image.imageManifest) continue;
        try {
          links.set(digest, parseManifestLinks(image.imageManifest, image.imageManifestMediaType));
        } catch {
          unreadable.set(digest, 'manifest is not JSON');
        }
      }
      for (const failure of out.failures ?? []) {
        const digest = failure.imageId?.imageDigest;
        if (digest) unreadable.set(digest, failure.failureCode ?? 'unknown failure');
      }
      for (const digest of batch)
        if (!links.has(digest) && !unreadable.has(digest))
          unreadable.set(digest, 'not in the answer');
    }
    return { links, unreadable };
  }

  /**
   * BatchDeleteImage by digest, ≤ 100 per call. Per-image failures come back in the answer
   * and are returned, never dropped. Deleting by digest is idempotent, so a retried call
   * that finds an image already gone counts it as deleted.
   */
  async delete(digests: readonly string[]): Promise<DeleteResult> {
    const result: DeleteResult = { deleted: [], failures: [] };
    for (const batch of chunks(digests, BATCH)) {
      let attempts = 0;
      const out = await awsCall(
        'BatchDeleteImage',
        () => {
          attempts++;
          return this.client.send(
            new BatchDeleteImageCommand({
              ...this.ids,
              imageIds: batch.map((imageDigest) => ({ imageDigest })),
            }),
          );
        },
        this.deps,
      );
      for (const id of out.imageIds ?? []) if (id.imageDigest) result.deleted.push(id.imageDigest);
      for (const failure of out.failures ?? []) {
        const digest = failure.imageId?.imageDigest ?? '?';
        if (failure.failureCode === 'ImageNotFound' && attempts > 1) {
          result.deleted.push(digest);
          continue;
        }
        result.failures.push({
          digest,
          code: failure.failureCode ?? 'unknown',
          reason: failure.failureReason ?? '',
        });
      }
    }
    result.deleted = [...new Set(result.deleted)];
    return result;
  }

  /** The lifecycle policy text, or undefined when the repository has none. */
  async lifecyclePolicy(): Promise<
    { text: string; lastEvaluatedAt: Date | undefined } | undefined
  > {
    return awsCall(
      'GetLifecyclePolicy',
      async () => {
        try {
          const out = await this.client.send(new GetLifecyclePolicyCommand(this.ids));
          return { text: out.lifecyclePolicyText ?? '', lastEvaluatedAt: out.lastEvaluatedAt };
        } catch (error) {
          if (awsErrorName(error) === 'LifecyclePolicyNotFoundException') return undefined;
          throw error;
        }
      },
      this.deps,
    );
  }
}
