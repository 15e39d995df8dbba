/**
 * ECR (awsJson 1.1, `AmazonEC2ContainerRegistry_V20150921.<Op>`): repositories and images
 * with digests, tags, push times, and image indexes whose platform/attestation children are
 * untagged images of their own (design pitfall 8). A repository may be backed by a real
 * registry, in which case its images are read from the registry's HTTP API.
 */
import { createHash } from 'node:crypto';
import {
  DEFAULT_BEHAVIOUR,
  type Fixture,
  type FixtureImage,
  type ImageBehaviour,
} from '../fixture.js';
import { AwsError } from '../aws/protocol.js';
import {
  optList,
  optString,
  paginate,
  reqString,
  type AwsService,
  type Input,
} from '../aws/service.js';
import type { RegistryClient } from '../registry.js';
import type { SimClock } from '../clock.js';

/** What this service reads of the world. */
interface EcrWorld {
  ecr: EcrState;
  clock: SimClock;
  fixture: Fixture;
  /** URL of a real registry backing the repositories, when one is attached. */
  registryUrl: string | undefined;
}

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';

export interface EcrImage {
  digest: string;
  tags: string[];
  pushedAt: number;
  sizeInBytes: number;
  manifestMediaType: string;
  artifactMediaType?: string;
  manifest: string;
  behaviour: ImageBehaviour;
  /** What the sample app reports as its version; the first tag when pushed. */
  version: string;
  /** Index only: digests of the child manifests it references. */
  children: string[];
  lastPulledAt?: number;
}

export interface EcrRepository {
  name: string;
  createdAt: number;
  images: EcrImage[];
  registry?: RegistryClient;
  /** PutLifecyclePolicy's text; GetLifecyclePolicy answers LifecyclePolicyNotFoundException without one. */
  lifecyclePolicy?: { text: string; updatedAt: number };
}

/** A per-image failure BatchDeleteImage reports (in its `failures`, not as an error) for a digest. */
export interface EcrDeleteFailure {
  failureCode: string;
  failureReason: string;
}

const sha256 = (text: string): string =>
  `sha256:${createHash('sha256').update(text).digest('hex')}`;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

export class EcrState {
  readonly repositories = new Map<string, EcrRepository>();
  /** Injected per-image BatchDeleteImage failures by digest (e.g. KmsError), for fault tests. */
  readonly deleteFailures = new Map<string, EcrDeleteFailure>();

  constructor(
    private readonly fixture: Fixture,
    private readonly clock: SimClock,
  ) {
    const now = clock.now();
    for (const repo of fixture.ecr.repositories) {
      const state: EcrRepository = {
        name: repo.name,
        createdAt: now - repo.createdAgo,
        images: [],
      };
      this.repositories.set(repo.name, state);
      for (const image of repo.images) this.seedImage(state, image, now - image.pushedAgo);
    }
  }

  get registryHost(): string {
    return `${this.fixture.account}.dkr.ecr.${this.fixture.region}.amazonaws.com`;
  }

  repositoryUri(name: string): string {
    return `${this.registryHost}/${name}`;
  }

  repositoryArn(name: string): string {
    return `arn:aws:ecr:${this.fixture.region}:${this.fixture.account}:repository/${name}`;
  }

  /** Adds an image (an index with children when it has several platforms or attestations). */
  seedImage(repo: EcrRepository, image: FixtureImage, pushedAt: number): EcrImage {
    const behaviour: ImageBehaviour = {
      behaviour: image.behaviour,
      latencyMs: image.latencyMs,
      crashAfterMs: image.crashAfterMs,
      warmUpMs: image.warmUpMs,
      ...(image.warmUpAnswers !== undefined ? { warmUpAnswers: image.warmUpAnswers } : {}),
      errorRate: image.errorRate,
    };
    // Push time and version are part of the content so a rebuilt tag gets a new digest.
    const name = `${repo.name}:${image.tags[0] ?? 'untagged'}:${image.version ?? ''}:${pushedAt}`;
    const single = (platform: string, attestation = false): EcrImage => {
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: {
          mediaType: OCI_CONFIG,
          digest: sha256(`config ${name} ${platform} ${attestation}`),
          size: 1469,
        },
        layers: [
          {
            mediaType: attestation ? 'application/vnd.in-toto+json' : OCI_LAYER,
            digest: sha256(`layer ${name} ${platform} ${attestation}`),
            size: attestation ? 1873 : image.sizeInBytes,
          },
        ],
      });
      return {
        digest: sha256(manifest),
        tags: [],
        pushedAt,
        sizeInBytes: attestation ? 1873 : image.sizeInBytes,
        manifestMediaType: OCI_MANIFEST,
        artifactMediaType: OCI_CONFIG,
        manifest,
        behaviour,
        version: image.version ?? image.tags[0] ?? 'unknown',
        children: [],
      };
    };
    let top: EcrImage;
    if (image.platforms.length === 1 && !image.attestations) {
      top = single(image.platforms[0]!);
    } else {
      const children = image.platforms.map((p) => ({ platform: p, image: single(p) }));
      const attestations = image.attestations
        ? children.map((c) => ({ ref: c.image.digest, image: single(c.platform, true) }))
        : [];
      const manifest = JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [
          ...children.map((c) => {
            const [os, architecture] = c.platform.split('/');
            return {
              mediaType: OCI_MANIFEST,
              digest: c.image.digest,
              size: c.image.manifest.length,
              platform: { architecture, os },
            };
          }),
          ...attestations.map((a) => ({
            mediaType: OCI_MANIFEST,
            digest: a.image.digest,
            size: a.image.manifest.length,
            annotations: {
              'vnd.docker.reference.digest': a.ref,
              'vnd.docker.reference.type': 'attestation-manifest',
            },
            platform: { architecture: 'unknown', os: 'unknown' },
          })),
        ],
      });
      const all = [...children.map((c) => c.image), ...attestations.map((a) => a.image)];
      for (const child of all) repo.images.push(child);
      top = {
        digest: sha256(manifest),
        tags: [],
        pushedAt,
        sizeInBytes: image.sizeInBytes * children.length,
        manifestMediaType: OCI_INDEX,
        manifest,
        behaviour,
        version: image.version ?? image.tags[0] ?? 'unknown',
        children: all.map((c) => c.digest),
      };
    }
    // A tag names one image: pushing it again moves it (the old image keeps its other tags).
    for (const other of repo.images) other.tags = other.tags.filter((t) => !image.tags.includes(t));
    top.tags = [...image.tags];
    repo.images.push(top);
    return top;
  }

  /** Reads a registry-backed repository from the registry (tags → digests). */
  async sync(repo: EcrRepository): Promise<void> {
    if (!repo.registry) return;
    const byDigest = new Map<string, EcrImage>();
    const behaviours =
      this.fixture.ecr.repositories.find((r) => r.name === repo.name)?.registryBehaviours ?? {};
    for (const tag of await repo.registry.tags(repo.name)) {
      const manifest = await repo.registry.manifest(repo.name, tag);
      if (!manifest) continue;
      const known =
        byDigest.get(manifest.digest) ?? repo.images.find((i) => i.digest === manifest.digest);
      const parsed = JSON.parse(manifest.body) as {
        config?: { mediaType?: string; size?: number };
        layers?: { size?: number }[];
      };
      const image: EcrImage = known ?? {
        digest: manifest.digest,
        tags: [],
        pushedAt: this.clock.now(),
        sizeInBytes:
          (parsed.config?.size ?? 0) + (parsed.layers ?? []).reduce((n, l) => n + (l.size ?? 0), 0),
        manifestMediaType: manifest.mediaType,
        ...(parsed.config?.mediaType ? { artifactMediaType: parsed.config.mediaType } : {}),
        manifest: manifest.body,
        behaviour: { ...DEFAULT_BEHAVIOUR, ...behaviours[tag] },
        version: tag,
        children: [],
      };
      if (!byDigest.has(image.digest)) image.tags = [];
      image.tags.push(tag);
      byDigest.set(image.digest, image);
    }
    repo.images = [...byDigest.values()];
  }

  repository(name: string): EcrRepository {
    const repo = this.repositories.get(name);
    if (!repo)
      throw new AwsError(
        'RepositoryNotFoundException',
        `The repository with name '${name}' does not exist in the registry with id '${this.fixture.account}'`,
      );
    return repo;
  }

  find(repo: EcrRepository, id: { imageDigest?: string; imageTag?: string }): EcrImage | undefined {
    if (id.imageDigest) {
      const image = repo.images.find((i) => i.digest === id.imageDigest);
      return image && (!id.imageTag || image.tags.includes(id.imageTag)) ? image : undefined;
    }
    return id.imageTag ? repo.images.find((i) => i.tags.includes(id.imageTag!)) : undefined;
  }

  /** An index whose children were deleted cannot be pulled (App Runner's deployment fails). */
  pullable(repo: EcrRepository, image: EcrImage): boolean {
    return image.children.every((d) => repo.images.some((i) => i.digest === d));
  }

  /**
   * Resolves `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>` or `…@sha256:<digest>`
   * to the image it names now (a tag is resolved at deployment time, as App Runner does).
   */
  async resolve(identifier: string): Promise<{ repo: EcrRepository; image: EcrImage } | undefined> {
    const match = /^([^/]+)\/(.+?)(?::([\w][\w.-]*)|@(sha256:[0-9a-f]{64}))$/.exec(identifier);
    if (!match) return undefined;
    const [, host, name, tag, digest] = match;
    if (host !== this.registryHost) return undefined;
    const repo = this.repositories.get(name!);
    if (!repo) return undefined;
    await this.sync(repo);
    const image = this.find(repo, digest ? { imageDigest: digest } : { imageTag: tag! });
    return image ? { repo, image } : undefined;
  }
}

const ecrInvalid = (message: string): AwsError =>
  new AwsError('InvalidParameterException', message);

/** The checks ECR makes on a lifecycle policy: JSON with rules that select and expire. */
function validateLifecyclePolicy(text: string): void {
  const refuse = (why: string): never => {
    throw new AwsError(
      'InvalidParameterException',
      `Invalid parameter at 'LifecyclePolicyText' failed to satisfy constraint: '${why}'`,
    );
  };
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch {
    refuse('Lifecycle policy validation failure: could not parse the policy as JSON');
  }
  const rules = (policy as { rules?: unknown }).rules;
  if (!Array.isArray(rules) || rules.length === 0)
    refuse(
      'Lifecycle policy validation failure: object has missing required properties (["rules"])',
    );
  for (const rule of rules as Record<string, unknown>[]) {
    const selection = rule['selection'] as Record<string, unknown> | undefined;
    if (typeof rule['rulePriority'] !== 'number' || !selection || !rule['action'])
      refuse(
        'Lifecycle policy validation failure: a rule needs rulePriority, selection and action',
      );
    if (!['tagged', 'untagged', 'any'].includes(String(selection!['tagStatus'])))
      refuse(
        'Lifecycle policy validation failure: selection.tagStatus must be tagged, untagged or any',
      );
    if (!['imageCountMoreThan', 'sinceImagePushed'].includes(String(selection!['countType'])))
      refuse(
        'Lifecycle policy validation failure: selection.countType must be imageCountMoreThan or sinceImagePushed',
      );
  }
}

const imageIdText = (id: Input): string =>
  `{imageDigest:'${String(id['imageDigest'] ?? 'null')}', imageTag:'${String(id['imageTag'] ?? 'null')}'}`;

function tagStatusFilter(input: Input): (image: EcrImage) => boolean {
  const filter = input['filter'] as { tagStatus?: string } | undefined;
  const status = filter?.tagStatus ?? 'ANY';
  if (!['TAGGED', 'UNTAGGED', 'ANY'].includes(status))
    throw ecrInvalid(
      `Invalid parameter at 'filter.tagStatus' failed to satisfy constraint: 'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]'`,
    );
  return (image) =>
    status === 'ANY' || (status === 'TAGGED' ? image.tags.length > 0 : image.tags.length === 0);
}

function imageDetail(
  state: EcrState,
  account: string,
  repo: EcrRepository,
  image: EcrImage,
): Input {
  return {
    registryId: account,
    repositoryName: repo.name,
    imageDigest: image.digest,
    imageTags: image.tags.length > 0 ? image.tags : undefined,
    imageSizeInBytes: image.sizeInBytes,
    imagePushedAt: new Date(image.pushedAt),
    imageManifestMediaType: image.manifestMediaType,
    artifactMediaType: image.artifactMediaType,
    lastRecordedPullTime:
      image.lastPulledAt !== undefined ? new Date(image.lastPulledAt) : undefined,
    imageStatus: state.pullable(repo, image) ? 'ACTIVE' : undefined,
  };
}

async function resolveRepo(input: Input, world: { ecr: EcrState }): Promise<EcrRepository> {
  const repo = world.ecr.repository(reqString(input, 'repositoryName', ecr));
  await world.ecr.sync(repo);
  return repo;
}

export const ecr: AwsService<EcrWorld> = {
  signingName: 'ecr',
  protocol: 'awsJson1_1',
  targetPrefix: 'AmazonEC2ContainerRegistry_V20150921',
  messageKey: 'message',
  invalid: ecrInvalid,
  faults: { throttling: 'ThrottlingException', throttlingStatus: 400, internal: 'ServerException' },
  operations: {
    DescribeRepositories: {
      mutating: false,
      handle(input, { world }) {
        const names = input['repositoryNames'] as string[] | undefined;
        const repos = names
          ? names.map((n) => world.ecr.repository(n))
          : [...world.ecr.repositories.values()];
        const max = (input['maxResults'] as number | undefined) ?? 100;
        const { page, next } = paginate(repos, optString(input, 'nextToken', ecr), max, () =>
          ecrInvalid('Invalid parameter at nextToken'),
        );
        return {
          repositories: page.map((r) => ({
            repositoryArn: world.ecr.repositoryArn(r.name),
            registryId: world.fixture.account,
            repositoryName: r.name,
            repositoryUri: world.ecr.repositoryUri(r.name),
            createdAt: new Date(r.createdAt),
            imageTagMutability: 'MUTABLE',
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfiguration: { encryptionType: 'AES256' },
          })),
          nextToken: next,
        };
      },
    },

    DescribeImages: {
      mutating: false,
      async handle(input, { world }) {
        const repo = await resolveRepo(input, world);
        const ids = optList(input, 'imageIds', ecr);
        const keep = tagStatusFilter(input);
        if (ids) {
          if (input['maxResults'] !== undefined || input['nextToken'] !== undefined)
            throw ecrInvalid('maxResults and nextToken cannot be used with imageIds');
          const found = ids.map((id) => {
            const image = world.ecr.find(repo, id as { imageDigest?: string; imageTag?: string });
            if (!image)
              throw new AwsError(
                'ImageNotFoundException',
                `The image with imageId ${imageIdText(id)} does not exist within the repository with name '${repo.name}' in the registry with id '${world.fixture.account}'`,
              );
            return image;
          });
          return {
            imageDetails: found.map((i) => imageDetail(world.ecr, world.fixture.account, repo, i)),
          };
        }
        const max = (input['maxResults'] as number | undefined) ?? 100;
        const { page, next } = paginate(
          repo.images.filter(keep),
          optString(input, 'nextToken', ecr),
          max,
          () => ecrInvalid('Invalid parameter at nextToken'),
        );
        return {
          imageDetails: page.map((i) => imageDetail(world.ecr, world.fixture.account, repo, i)),
          nextToken: next,
        };
      },
    },

    ListImages: {
      mutating: false,
      async handle(input, { world }) {
        const repo = await resolveRepo(input, world);
        const keep = tagStatusFilter(input);
        const ids = repo.images
          .filter(keep)
          .flatMap((i) =>
            i.tags.length > 0
              ? i.tags.map((t) => ({ imageDigest: i.digest, imageTag: t }))
              : [{ imageDigest: i.digest }],
          );
        const max = (input['maxResults'] as number | undefined) ?? 100;
        const { page, next } = paginate(ids, optString(input, 'nextToken', ecr), max, () =>
          ecrInvalid('Invalid parameter at nextToken'),
        );
        return { imageIds: page, nextToken: next };
      },
    },

    BatchGetImage: {
      mutating: false,
      async handle(input, { world }) {
        const repo = await resolveRepo(input, world);
        const ids = optList(input, 'imageIds', ecr) ?? []; // 1–100: ECR's model
        const images: Input[] = [];
        const failures: Input[] = [];
        for (const id of ids) {
          const image = world.ecr.find(repo, id as { imageDigest?: string; imageTag?: string });
          if (!image) {
            failures.push({
              imageId: id,
              failureCode: 'ImageNotFound',
              failureReason: 'Requested image not found',
            });
            continue;
          }
          image.lastPulledAt = world.clock.now();
          images.push({
            registryId: world.fixture.account,
            repositoryName: repo.name,
            imageId: { imageDigest: image.digest, imageTag: id['imageTag'] },
            imageManifest: image.manifest,
            imageManifestMediaType: image.manifestMediaType,
          });
        }
        return { images, failures };
      },
    },

    BatchDeleteImage: {
      mutating: true,
      async handle(input, { world }) {
        const repo = await resolveRepo(input, world);
        const ids = optList(input, 'imageIds', ecr) ?? []; // 1–100: ECR's model
        const deleted: Input[] = [];
        const failures: Input[] = [];
        const fail = (id: Input, failureCode: string, failureReason: string): void => {
          failures.push({ imageId: id, failureCode, failureReason });
        };
        for (const id of ids) {
          const digest = id['imageDigest'] as string | undefined;
          const tag = id['imageTag'] as string | undefined;
          if (!digest && !tag) {
            fail(
              id,
              'MissingDigestAndTag',
              'Invalid request parameters: both tag and digest cannot be null',
            );
            continue;
          }
          if (digest && !DIGEST.test(digest)) {
            fail(
              id,
              'InvalidImageDigest',
              'Invalid request parameters: image digest should satisfy the regex',
            );
            continue;
          }
          const image = world.ecr.find(repo, {
            ...(digest ? { imageDigest: digest } : {}),
            ...(tag ? { imageTag: tag } : {}),
          });
          if (!image) {
            if (digest && tag && world.ecr.find(repo, { imageDigest: digest }))
              fail(
                id,
                'ImageTagDoesNotMatchDigest',
                'Invalid request parameters: given tag does not map to the given digest',
              );
            else fail(id, 'ImageNotFound', 'Requested image not found');
            continue;
          }
          const injected = world.ecr.deleteFailures.get(image.digest);
          if (injected) {
            fail(id, injected.failureCode, injected.failureReason);
            continue;
          }
          const parent = repo.images.find((i) => i.children.includes(image.digest));
          if (parent && world.fixture.ecr.protectIndexChildren) {
            fail(
              id,
              'ImageReferencedByManifestList',
              `Requested image referenced by manifest list: [${parent.digest}]`,
            );
            continue;
          }
          if (tag && !digest && image.tags.length > 1) {
            // Removing one of several tags only untags the image.
            image.tags = image.tags.filter((t) => t !== tag);
            deleted.push({ imageDigest: image.digest, imageTag: tag });
            continue;
          }
          if (repo.registry) await repo.registry.deleteManifest(repo.name, image.digest);
          repo.images = repo.images.filter((i) => i !== image);
          if (image.tags.length === 0) deleted.push({ imageDigest: image.digest });
          for (const t of image.tags) deleted.push({ imageDigest: image.digest, imageTag: t });
        }
        return { imageIds: deleted, failures };
      },
    },

    GetLifecyclePolicy: {
      mutating: false,
      handle(input, { world }) {
        const repo = world.ecr.repository(reqString(input, 'repositoryName', ecr));
        if (!repo.lifecyclePolicy)
          throw new AwsError(
            'LifecyclePolicyNotFoundException',
            `Lifecycle policy does not exist for the repository with name '${repo.name}' in the registry with id '${world.fixture.account}'`,
          );
        return {
          registryId: world.fixture.account,
          repositoryName: repo.name,
          lifecyclePolicyText: repo.lifecyclePolicy.text,
          lastEvaluatedAt: new Date(repo.lifecyclePolicy.updatedAt),
        };
      },
    },

    PutLifecyclePolicy: {
      mutating: true,
      handle(input, { world }) {
        const repo = world.ecr.repository(reqString(input, 'repositoryName', ecr));
        const text = reqString(input, 'lifecyclePolicyText', ecr);
        // Its length (100–30720) is checked against ECR's model before this runs.
        validateLifecyclePolicy(text);
        repo.lifecyclePolicy = { text, updatedAt: world.clock.now() };
        return {
          registryId: world.fixture.account,
          repositoryName: repo.name,
          lifecyclePolicyText: text,
        };
      },
    },

    GetAuthorizationToken: {
      mutating: false,
      handle(_input, { world }) {
        const password = Buffer.from(`sim-ecr-password-${world.clock.now()}`).toString('base64');
        return {
          authorizationData: [
            {
              authorizationToken: Buffer.from(`AWS:${password}`).toString('base64'),
              expiresAt: new Date(world.clock.now() + 12 * 3_600_000),
              proxyEndpoint: world.registryUrl ?? `https://${world.ecr.registryHost}`,
            },
          ],
        };
      },
    },
  },
};
