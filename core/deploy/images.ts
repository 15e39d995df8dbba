/** What runs now and what a failed change goes back to: the images, as ECR names them. */
import { parseImageIdentifier } from '../aws/image-ref.js';
import type { ResolvedImage } from '../aws/ecr.js';
import { badDigests, readHistory } from './history.js';
import type { OpsContext } from './context.js';

export interface RunningImage {
  /** What the platform is configured with, as it reports it. */
  identifier: string;
  /**
   * Resolved in ECR when the repository still holds it. For a service pinned by tag this is
   * what the tag names NOW, which need not be what the platform pulled.
   */
  image: ResolvedImage | undefined;
  /**
   * The digest known to run: the one in the identifier. A service pinned by tag has none
   * (the tag may have moved since the platform pulled it).
   */
  digest: string | undefined;
  pinnedByTag: boolean;
  /** A human name: the first tag, or the short digest. */
  version: string;
  /** Every version the app may report for this image: its tags. */
  tags: string[];
}

export function versionOf(image: ResolvedImage | undefined, identifier?: string): string {
  const tag = image?.tags[0];
  if (tag) return tag;
  const parsed = identifier ? parseImageIdentifier(identifier) : undefined;
  if (parsed?.ref.kind === 'tag') return parsed.ref.tag;
  const digest = image?.digest ?? (parsed?.ref.kind === 'digest' ? parsed.ref.digest : undefined);
  return digest ? digest.slice(0, 19) : (identifier ?? 'unknown');
}

const OTHER_REGISTRY_DIGEST = /^[^@\s]+@(sha256:[0-9a-f]{64})$/;

/** The image the service runs now: the rollback target of a deploy. */
export async function readRunningImage(ctx: OpsContext, identifier: string): Promise<RunningImage> {
  const parsed = parseImageIdentifier(identifier);
  // A platform outside ECR (another registry holding the same manifest) names it by digest:
  // the digest finds it in the configured repository.
  const foreignDigest = parsed ? undefined : OTHER_REGISTRY_DIGEST.exec(identifier)?.[1];
  const image =
    parsed && parsed.repository === ctx.ecr.location.repository
      ? await ctx.ecr.find(parsed.ref)
      : foreignDigest
        ? await ctx.ecr.find({ kind: 'digest', digest: foreignDigest })
        : undefined;
  const identifierTag = parsed?.ref.kind === 'tag' ? [parsed.ref.tag] : [];
  return {
    identifier,
    image,
    digest: parsed?.ref.kind === 'digest' ? parsed.ref.digest : foreignDigest,
    pinnedByTag: parsed?.ref.kind === 'tag',
    // A tag-pinned service is named by its tag: the image's other tags are the moved tag's.
    version: parsed?.ref.kind === 'tag' ? parsed.ref.tag : versionOf(image, identifier),
    tags: unique([...identifierTag, ...(image?.tags ?? [])]),
  };
}

/** Where a failed deploy goes back to. */
export interface BackTarget {
  uri: string;
  version: string;
  /** The versions the app may report once it runs. */
  tags: string[];
}

/**
 * The version a deploy falls back to when the new one fails verification. A service pinned
 * by digest: that digest. A service pinned by tag: what the suite's own history last put in
 * place (the tag may have moved since the platform pulled it); only without history, the tag's
 * current digest, with a warning — and nothing when that is the very image being deployed.
 */
export async function fallbackTarget(
  ctx: OpsContext,
  running: RunningImage,
  target: ResolvedImage,
): Promise<BackTarget | undefined> {
  if (!running.pinnedByTag)
    return {
      uri: running.image?.uri ?? running.identifier,
      version: running.version,
      tags: running.tags,
    };
  const history = await readHistory(ctx);
  const bad = badDigests(history.entries);
  for (const entry of history.entries) {
    if (!entry.succeeded || entry.digest === target.digest || bad.has(entry.digest)) continue;
    const image = await ctx.ecr.find({ kind: 'digest', digest: entry.digest });
    if (!image) continue;
    ctx.logger.info(
      `the service runs by tag (${running.identifier}); if this deploy fails, it goes back to ${entry.tag ?? image.digest}, the last version deployed by apprunner-ops (from ${history.source})`,
    );
    return {
      uri: image.uri,
      version: entry.tag ?? versionOf(image),
      tags: unique([...(entry.tag ? [entry.tag] : []), ...image.tags]),
    };
  }
  const now = running.image;
  if (now && now.digest !== target.digest) {
    ctx.logger.warning(
      `the service runs by tag (${running.identifier}); the rollback target is what that tag names now, ${now.digest}, which is what the platform would pull again`,
    );
    return { uri: now.uri, version: running.version, tags: running.tags };
  }
  ctx.logger.warning(
    `the service runs by tag (${running.identifier}), which now names the image being deployed, and apprunner-ops has no record of what ran before: if verification fails there is no version to go back to automatically`,
  );
  return undefined;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * True when the service already runs exactly this image. Only a digest in the identifier
 * says so: a tag may have moved since the platform pulled it, so a service pinned by tag is
 * deployed (and pinned by digest from then on).
 */
export function isSameImage(running: RunningImage, target: ResolvedImage): boolean {
  return running.identifier === target.uri || running.digest === target.digest;
}
