import { INDEX_MEDIA_TYPES, type ManifestLinks, type RepoImage } from '../aws/ecr-images.js';
import { formatDuration } from '../util/duration.js';

/** Why an image survives the clean-up. */
export type KeepKind =
  | 'running'
  | 'rollback-target'
  | 'tagged'
  | 'index-child'
  | 'referrer'
  | 'recent'
  | 'unknown-age'
  | 'unreadable';

export interface Kept {
  digest: string;
  kind: KeepKind;
  /** In words, e.g. "child of v1.5.0 (linux/arm64 or attestation)". */
  why: string;
}

/** A digest that must survive whatever its tags say: what runs, what a rollback needs. */
export interface Protection {
  digest: string;
  kind: 'running' | 'rollback-target';
  why: string;
}

export interface CleanupPlan {
  /** Untagged images nothing references, indexes first (so no child outlives its check). */
  remove: RepoImage[];
  /** Every untagged image that stays, with its reason (tagged images stay by definition). */
  keptUntagged: Kept[];
  /** Kept images by reason, tagged ones included. */
  keptCounts: Record<KeepKind, number>;
  /** Reasons no image may be deleted at all (an index whose children cannot be known). */
  blockers: string[];
}

export type ReadManifests = (
  digests: readonly string[],
) => Promise<{ links: Map<string, ManifestLinks>; unreadable: Map<string, string> }>;

export function shortDigest(digest: string): string {
  return digest.slice(0, 19);
}

const mayBeIndex = (image: RepoImage | undefined): boolean =>
  !image?.mediaType || INDEX_MEDIA_TYPES.has(image.mediaType);

/**
 * Decides what an untagged-image clean-up may delete. Kept: protected digests, tagged images,
 * anything younger than `minAgeMs` (or of unknown age), every child of a kept index (read
 * with BatchGetImage, transitively), and untagged referrers (signatures, attestations) whose
 * subject is kept. What is left is garbage. Whenever a kept index cannot be read, its
 * children are unknown and nothing may go: if in doubt, keep.
 */
export async function planUntaggedCleanup(input: {
  images: readonly RepoImage[];
  protect: readonly Protection[];
  minAgeMs: number;
  now: number;
  readManifests: ReadManifests;
}): Promise<CleanupPlan> {
  const byDigest = new Map(input.images.map((i) => [i.digest, i]));
  const keep = new Map<string, Kept>();
  const blockers: string[] = [];
  const label = (digest: string): string => {
    const tags = byDigest.get(digest)?.tags ?? [];
    return tags.length > 0 ? tags.join(', ') : shortDigest(digest);
  };
  const mark = (digest: string, kind: KeepKind, why: string): boolean => {
    if (keep.has(digest) || !byDigest.has(digest)) return false;
    keep.set(digest, { digest, kind, why });
    return true;
  };

  for (const p of input.protect) mark(p.digest, p.kind, p.why);
  for (const image of input.images)
    if (image.tags.length > 0) mark(image.digest, 'tagged', `tagged ${image.tags.join(', ')}`);
  for (const image of input.images) {
    if (!image.pushedAt) mark(image.digest, 'unknown-age', 'push time unknown');
    else {
      const age = input.now - image.pushedAt.getTime();
      if (age < input.minAgeMs)
        mark(
          image.digest,
          'recent',
          `pushed ${formatDuration(Math.max(0, age))} ago, within min-age ${formatDuration(input.minAgeMs)}`,
        );
    }
  }

  // Children of every kept index, level by level (an index may list indexes).
  const read = new Set<string>();
  let frontier = [...keep.keys()].filter((d) => mayBeIndex(byDigest.get(d)));
  while (frontier.length > 0) {
    frontier.forEach((d) => read.add(d));
    const { links, unreadable } = await input.readManifests(frontier);
    for (const [digest, code] of unreadable)
      blockers.push(
        `the manifest of ${label(digest)} (${shortDigest(digest)}) cannot be read (${code}), so the images it references are unknown`,
      );
    const next: string[] = [];
    for (const [parent, l] of links)
      for (const child of l.children) {
        if (!byDigest.has(child)) continue;
        mark(child, 'index-child', `child of ${label(parent)}`);
        if (!read.has(child) && mayBeIndex(byDigest.get(child))) next.push(child);
      }
    frontier = [...new Set(next)].filter((d) => !read.has(d));
  }

  // Untagged referrers (OCI subject) of kept images stay with them.
  const candidates = input.images.filter((i) => !keep.has(i.digest));
  let candidateLinks = new Map<string, ManifestLinks>();
  if (candidates.length > 0) {
    const { links, unreadable } = await input.readManifests(candidates.map((c) => c.digest));
    candidateLinks = links;
    for (const [digest, code] of unreadable)
      mark(digest, 'unreadable', `manifest could not be read (${code}); kept, as when in doubt`);
    for (let changed = true; changed;) {
      changed = false;
      for (const c of candidates) {
        const subject = links.get(c.digest)?.subject;
        if (subject && keep.has(subject))
          changed = mark(c.digest, 'referrer', `refers to ${label(subject)}`) || changed;
      }
    }
  }

  // Indexes go before their children: ECR refuses a child an index still references.
  const isIndex = (i: RepoImage): number =>
    Number(
      (candidateLinks.get(i.digest)?.children.length ?? 0) > 0 ||
        INDEX_MEDIA_TYPES.has(i.mediaType ?? ''),
    );
  const remove = input.images
    .filter((i) => !keep.has(i.digest))
    .sort(
      (a, b) =>
        isIndex(b) - isIndex(a) || (a.pushedAt?.getTime() ?? 0) - (b.pushedAt?.getTime() ?? 0),
    );
  const keptCounts: Record<KeepKind, number> = {
    running: 0,
    'rollback-target': 0,
    tagged: 0,
    'index-child': 0,
    referrer: 0,
    recent: 0,
    'unknown-age': 0,
    unreadable: 0,
  };
  for (const k of keep.values()) keptCounts[k.kind]++;
  return {
    remove,
    keptUntagged: [...keep.values()].filter((k) => !byDigest.get(k.digest)?.tags.length),
    keptCounts,
    blockers,
  };
}
