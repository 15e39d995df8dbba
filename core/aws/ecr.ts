import {
  DescribeImagesCommand,
  type ECRClient,
  type ImageDetail,
  type TagStatus,
} from '@aws-sdk/client-ecr';
import { DomainFailure } from '../util/errors.js';
import { awsCall, awsErrorName, awsPages, type AwsCallDeps } from './call.js';
import { imageUri, type EcrLocation, type ImageRef } from './image-ref.js';

export interface ResolvedImage {
  digest: string;
  tags: string[];
  pushedAt?: Date;
  /** `<registry>/<repository>@sha256:…`: what App Runner is pointed at. */
  uri: string;
}

/**
 * The repository's images (DescribeImages) with a digest, following nextToken for at most
 * `maxPages` pages; then an error, unless `more: 'stop'`.
 */
export async function describeImages(
  client: ECRClient,
  location: EcrLocation,
  deps: AwsCallDeps,
  options: { tagStatus: TagStatus; maxPages: number; maxResults?: number; more?: 'error' | 'stop' },
): Promise<(ImageDetail & { imageDigest: string })[]> {
  const details = await awsPages(
    'DescribeImages',
    async (nextToken) => {
      const out = await client.send(
        new DescribeImagesCommand({
          registryId: location.registryId,
          repositoryName: location.repository,
          filter: { tagStatus: options.tagStatus },
          ...(options.maxResults ? { maxResults: options.maxResults } : {}),
          nextToken,
        }),
      );
      return { items: out.imageDetails, next: out.nextToken };
    },
    deps,
    { ...options, of: location.repository },
  );
  return details.flatMap((d) => (d.imageDigest ? [{ ...d, imageDigest: d.imageDigest }] : []));
}

export class ImageNotFound extends DomainFailure {
  override readonly name = 'ImageNotFound';
}

export class EcrRepository {
  constructor(
    private readonly client: ECRClient,
    readonly location: EcrLocation,
    private readonly deps: AwsCallDeps,
  ) {}

  private describe(ref: ImageRef): Promise<ImageDetail | undefined> {
    return awsCall(
      'DescribeImages',
      async () => {
        try {
          const out = await this.client.send(
            new DescribeImagesCommand({
              registryId: this.location.registryId,
              repositoryName: this.location.repository,
              imageIds: [ref.kind === 'tag' ? { imageTag: ref.tag } : { imageDigest: ref.digest }],
            }),
          );
          return out.imageDetails?.[0];
        } catch (error) {
          if (awsErrorName(error) === 'ImageNotFoundException') return undefined;
          throw error;
        }
      },
      this.deps,
    );
  }

  /** The image by digest, or undefined when the repository does not hold it. */
  async find(ref: ImageRef): Promise<ResolvedImage | undefined> {
    const detail = await this.describe(ref);
    if (!detail?.imageDigest) return undefined;
    return {
      digest: detail.imageDigest,
      tags: detail.imageTags ?? [],
      ...(detail.imagePushedAt ? { pushedAt: detail.imagePushedAt } : {}),
      uri: imageUri(this.location, { kind: 'digest', digest: detail.imageDigest }),
    };
  }

  async resolve(ref: ImageRef): Promise<ResolvedImage> {
    const found = await this.find(ref);
    if (!found) {
      const name = ref.kind === 'tag' ? `tag ${ref.tag}` : `digest ${ref.digest}`;
      throw new ImageNotFound(
        `${name} is not in ECR repository ${this.location.repository} (${this.location.registryId}, ${this.location.region}); push it first (build-push) or name an image that exists`,
      );
    }
    return found;
  }

  /** The newest tagged images, for error messages that list candidates. */
  async recentTagged(limit: number): Promise<ResolvedImage[]> {
    // Candidates for a message: the first 50 pages are enough.
    const details = await describeImages(this.client, this.location, this.deps, {
      tagStatus: 'TAGGED',
      maxPages: 50,
      more: 'stop',
    });
    const images = details.map((d): ResolvedImage => ({
      digest: d.imageDigest,
      tags: d.imageTags ?? [],
      ...(d.imagePushedAt ? { pushedAt: d.imagePushedAt } : {}),
      uri: imageUri(this.location, { kind: 'digest', digest: d.imageDigest }),
    }));
    return images
      .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
      .slice(0, limit);
  }
}
