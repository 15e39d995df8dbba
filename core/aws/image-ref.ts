import { InputError } from '../util/errors.js';

/** What a user may name an image by: a tag, a digest, or a full ECR URI with either. */
export type ImageRef = { kind: 'tag'; tag: string } | { kind: 'digest'; digest: string };

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const URI =
  /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9._/-]+?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[0-9a-f]{64}))$/;

export interface EcrLocation {
  registryId: string;
  region: string;
  repository: string;
}

export function registryHost(location: EcrLocation): string {
  return `${location.registryId}.dkr.ecr.${location.region}.amazonaws.com`;
}

export function imageUri(location: EcrLocation, ref: ImageRef): string {
  return `${registryHost(location)}/${location.repository}${ref.kind === 'tag' ? `:${ref.tag}` : `@${ref.digest}`}`;
}

/**
 * Parses the `image` input. A full URI must name the configured repository: deploying
 * another repository's image is almost always a mistake in the workflow.
 */
export function parseImageRef(input: string, inputName: string, location: EcrLocation): ImageRef {
  if (DIGEST.test(input)) return { kind: 'digest', digest: input };
  const uri = URI.exec(input);
  if (uri) {
    const [, registryId, region, repository, tag, digest] = uri;
    if (
      repository !== location.repository ||
      registryId !== location.registryId ||
      region !== location.region
    ) {
      throw new InputError(
        inputName,
        `"${input}" is not in the configured repository ${registryHost(location)}/${location.repository}; name a tag or digest of that repository`,
      );
    }
    return tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest as string };
  }
  if (TAG.test(input)) return { kind: 'tag', tag: input };
  throw new InputError(
    inputName,
    `expected a tag (e.g. 3f9c2ab), a digest (sha256:<64 hex>) or an ECR URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>), got "${input}"`,
  );
}

/** Parses an identifier App Runner reports (always a URI with a tag or digest). */
export function parseImageIdentifier(
  identifier: string,
): { repository: string; ref: ImageRef } | undefined {
  const uri = URI.exec(identifier);
  if (!uri) return undefined;
  const [, , , repository, tag, digest] = uri;
  return {
    repository: repository as string,
    ref: tag ? { kind: 'tag', tag } : { kind: 'digest', digest: digest as string },
  };
}
