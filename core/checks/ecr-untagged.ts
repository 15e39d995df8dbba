import type { AwsCallDeps } from '../aws/call.js';
import {
  EcrImages,
  INDEX_MEDIA_TYPES,
  type DeleteResult,
  type RepoImage,
} from '../aws/ecr-images.js';
import { parseImageIdentifier } from '../aws/image-ref.js';
import { planUntaggedCleanup, shortDigest, type Protection } from '../cleanup/ecr-plan.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { ecrLocation } from '../deploy/context.js';
import { badDigests, readHistory, type HistoryEntry } from '../deploy/history.js';
import { GitHubDeployments } from '../github/deployments.js';
import { parseDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import type { RunningImage } from '../targets/target.js';
import { checkTarget } from './target-of.js';
import { ecrUntaggedSchema } from './schemas/ecr-untagged.js';
import { defineCheck, type CheckContext } from './types.js';

const MiB = 1024 * 1024;

/** Environments whose service pulls from the same repository (same registry and region). */
function sharingEnvironments(ctx: CheckContext): [string, EnvironmentConfig][] {
  const here = ecrLocation(ctx.env);
  const others = Object.entries(ctx.environments ?? {}).filter(([name, env]) => {
    if (name === ctx.environment) return false;
    const there = ecrLocation(env);
    return (
      there.repository === here.repository &&
      there.registryId === here.registryId &&
      there.region === here.region
    );
  });
  return [[ctx.environment, ctx.env], ...others];
}

/**
 * Every digest an environment's service may start from, or why it cannot be known. ECS resolves
 * a tag once per revision and starts every later task from that digest (each active
 * revision's `imageDigest`), so a tag that moved since does not say what runs. App Runner names
 * only the configured identifier: a digest is that digest; for a tag, what the tag names now
 * (pulled on the next deployment) and every digest the deployment history recorded for that
 * tag (what it pulled when deployed, which stays in use after the tag moves).
 */
async function runningDigests(
  name: string,
  env: EnvironmentConfig,
  ctx: CheckContext,
  byTag: (tag: string) => string | undefined,
  inRepo: (digest: string) => boolean,
  history: HistoryReader,
  deps: AwsCallDeps,
): Promise<{ protections: Protection[]; notes: string[]; blockers: string[] }> {
  const out = { protections: [] as Protection[], notes: [] as string[], blockers: [] as string[] };
  let images: RunningImage[];
  try {
    // What runs, on whichever platform the environment names.
    const target = await checkTarget({
      env,
      aws: ctx.aws,
      clock: deps.clock,
      logger: deps.logger,
      secrets: ctx.secrets,
    });
    images = await target.runningImages();
  } catch (error) {
    out.blockers.push(`the image ${name} runs cannot be read (${errorMessage(error)})`);
    return out;
  }
  if (images.length === 0) out.blockers.push(`${name}'s service reports no image identifier`);
  for (const { image, digest: resolved } of images) {
    const parsed = parseImageIdentifier(image);
    if (!parsed) {
      out.blockers.push(`${name} runs "${image}", which is not an ECR image URI`);
      continue;
    }
    if (parsed.repository !== env['ecr-repository']) {
      out.notes.push(`${name} runs ${image}, from another repository`);
      continue;
    }
    const digest = resolved ?? (parsed.ref.kind === 'digest' ? parsed.ref.digest : undefined);
    if (digest) {
      if (!inRepo(digest)) {
        out.blockers.push(
          `${name} runs ${shortDigest(digest)}, which the repository no longer lists`,
        );
        continue;
      }
      const tag = parsed.ref.kind === 'tag' ? parsed.ref.tag : undefined;
      out.protections.push({
        digest,
        kind: 'running',
        why: `running in ${name}${tag ? ` (resolved from tag ${tag} when deployed)` : ''}`,
      });
      if (tag && byTag(tag) !== digest)
        out.notes.push(
          `${name} is pinned by tag ${tag}, which now names another image; the digest it runs (${shortDigest(digest)}) is kept`,
        );
      continue;
    }
    if (parsed.ref.kind !== 'tag') continue;
    const tag = parsed.ref.tag;
    // App Runner reports no digest: it pulled what the tag named when it last deployed. The
    // deployment history recorded that digest; what the tag names now is what it pulls next.
    let deployed: { digest: string; at: number; source: string }[];
    try {
      const h = await history(name);
      deployed = (h?.entries ?? [])
        .filter((e) => e.succeeded && e.tag === tag)
        .map((e) => ({ digest: e.digest, at: e.createdAt, source: h!.source }));
    } catch (error) {
      out.blockers.push(
        `${name} is pinned by tag ${tag} and reports no digest, and its deployment history, which records the digest it was deployed with, cannot be read (${errorMessage(error)})`,
      );
      continue;
    }
    const now = byTag(tag);
    if (now)
      out.protections.push({
        digest: now,
        kind: 'running',
        why: `running in ${name} (by tag ${tag}, which names it now)`,
      });
    const seen = new Set(now ? [now] : []);
    for (const d of deployed) {
      if (seen.has(d.digest) || !inRepo(d.digest)) continue;
      seen.add(d.digest);
      out.protections.push({
        digest: d.digest,
        kind: 'running',
        why: `running in ${name}: deployed as ${tag} on ${new Date(d.at).toISOString().slice(0, 10)} (${d.source}); the tag names another image now`,
      });
    }
    if (!now && seen.size === 0) {
      out.blockers.push(
        `${name} runs tag ${tag}, which no image carries any more and no deployment history names, so the image it runs is unknown`,
      );
      continue;
    }
    out.notes.push(
      seen.size > 1
        ? `${name} is pinned by tag ${tag}, which moved since it was deployed: keeping what the tag names now and the digest(s) its deployment history recorded for ${tag}`
        : `${name} is pinned by tag ${tag}: protecting what the tag names now and what its deployment history says was deployed`,
    );
  }
  return out;
}

/** One environment's deployment history, read once; undefined when none is readable. */
type HistoryReader = (
  environment: string,
) => Promise<{ entries: HistoryEntry[]; source: string } | undefined>;

function historyReader(ctx: CheckContext): HistoryReader {
  const { githubToken, auditDatabaseUrl } = ctx.secrets;
  const github =
    githubToken && ctx.run
      ? new GitHubDeployments(
          { ...ctx.run, token: githubToken },
          { clock: ctx.clock, logger: ctx.logger },
        )
      : undefined;
  const read = new Map<string, Promise<{ entries: HistoryEntry[]; source: string }>>();
  return (environment) => {
    if (!github && !auditDatabaseUrl) return Promise.resolve(undefined);
    let r = read.get(environment);
    if (!r) {
      r = readHistory({
        environment,
        env: ctx.environments?.[environment] ?? ctx.env,
        github,
        auditDatabaseUrl,
        logger: ctx.logger,
      });
      read.set(environment, r);
    }
    return r;
  };
}

/** The last `count` good versions each environment could roll back to, from its history. */
async function rollbackTargets(
  names: readonly string[],
  running: ReadonlySet<string>,
  count: number,
  ctx: CheckContext,
  history: HistoryReader,
): Promise<{ protections: Protection[]; source: string; blocker?: string }> {
  if (count === 0) return { protections: [], source: 'not asked for' };
  const { githubToken, auditDatabaseUrl } = ctx.secrets;
  if (!(githubToken && ctx.run) && !auditDatabaseUrl)
    return {
      protections: [],
      source: 'none',
      blocker:
        'the rollback targets are unknown: no deployment history is readable (give the job a github-token, or an audit-database-url)',
    };
  const protections: Protection[] = [];
  const sources = new Set<string>();
  for (const environment of names) {
    try {
      const h = await history(environment);
      if (!h) continue;
      sources.add(h.source);
      const bad = badDigests(h.entries);
      const seen = new Set<string>();
      for (const e of h.entries) {
        if (seen.size >= count) break;
        if (!e.succeeded || bad.has(e.digest) || running.has(e.digest) || seen.has(e.digest))
          continue;
        seen.add(e.digest);
        protections.push({
          digest: e.digest,
          kind: 'rollback-target',
          why: `rollback target of ${environment}${e.tag ? ` (${e.tag})` : ''}`,
        });
      }
    } catch (error) {
      return {
        protections,
        source: [...sources].join(', '),
        blocker: `the deployment history of ${environment} cannot be read (${errorMessage(error)}), so its rollback targets are unknown`,
      };
    }
  }
  if ([...sources].every((source) => source === 'no history'))
    return {
      protections,
      source: 'no history',
      blocker: `no deployment history was found for ${names.join(', ')}, so the rollback targets are unknown (deploy once with apprunner-ops, or set rollback-targets: 0 to clean up without keeping them)`,
    };
  return { protections, source: [...sources].join(', ') };
}

export interface Protected {
  /** What runs in every environment sharing the repository, then their rollback targets. */
  protect: Protection[];
  notes: string[];
  /** Why what must be kept is not known for certain (then nothing may be deleted). */
  blockers: string[];
  historySource: string;
}

/**
 * The digests nothing may delete or expire: what every environment sharing the repository
 * runs (each active ECS revision's digest, App Runner's image) and the last
 * `rollbackCount` good versions of each from its deployment history.
 */
export async function protectedDigests(
  ctx: CheckContext,
  images: readonly RepoImage[],
  rollbackCount: number,
): Promise<Protected> {
  const deps: AwsCallDeps = { clock: ctx.clock, logger: ctx.logger };
  const digests = new Set(images.map((i) => i.digest));
  const byTag = (tag: string): string | undefined =>
    images.find((i) => i.tags.includes(tag))?.digest;
  const envs = sharingEnvironments(ctx);
  const blockers: string[] = [];
  const notes: string[] = [];
  const protect: Protection[] = [];
  const history = historyReader(ctx);
  for (const [name, env] of envs) {
    const r = await runningDigests(name, env, ctx, byTag, (d) => digests.has(d), history, deps);
    protect.push(...r.protections);
    notes.push(...r.notes);
    blockers.push(...r.blockers);
  }
  const running = new Set(protect.map((p) => p.digest));
  const targets = await rollbackTargets(
    envs.map(([name]) => name),
    running,
    rollbackCount,
    ctx,
    history,
  );
  protect.push(...targets.protections);
  if (targets.blocker) blockers.push(targets.blocker);
  return { protect, notes, blockers, historySource: targets.source };
}

/**
 * The weekly ECR clean-up (runbooks §4, design pitfall 8): untagged images that nothing
 * references. Index children, what runs, the rollback targets and recent pushes are kept;
 * dry run unless `delete: true`.
 */
export const ecrUntagged = defineCheck({
  ...ecrUntaggedSchema,
  defaultTimeoutMs: 300_000,
  group: 'Infrastructure',
  mutating: (check) => check.delete,
  async run(check, ctx) {
    const deps: AwsCallDeps = { clock: ctx.clock, logger: ctx.logger };
    const location = ecrLocation(ctx.env);
    const repo = location.repository;
    const ecr = new EcrImages(ctx.aws.ecr, location, deps);
    const images = await ecr.list();
    const envs = sharingEnvironments(ctx);
    const { protect, notes, blockers, historySource } = await protectedDigests(
      ctx,
      images,
      check['rollback-targets'],
    );

    const minAgeMs = parseDuration(check['min-age']) ?? 7 * 86_400_000;
    const plan = await planUntaggedCleanup({
      images,
      protect,
      minAgeMs,
      now: ctx.clock.now(),
      readManifests: (d) => ecr.manifests(d),
    });
    blockers.push(...plan.blockers);

    const bytes = plan.remove.reduce((n, i) => n + i.sizeInBytes, 0);
    const size = `${(bytes / MiB).toFixed(1)} MiB`;
    // The line counts untagged survivors; tagged images survive by definition.
    const counts = plan.keptUntagged.reduce<Record<string, number>>(
      (n, k) => ({ ...n, [k.kind]: (n[k.kind] ?? 0) + 1 }),
      {},
    );
    const count = (kind: string): number => counts[kind] ?? 0;
    const keptLine = [
      count('index-child') && `${count('index-child')} index children`,
      count('running') && `${count('running')} running`,
      count('rollback-target') && `${count('rollback-target')} rollback targets`,
      count('recent') && `${count('recent')} younger than ${check['min-age']}`,
      count('referrer') && `${count('referrer')} referrers`,
      count('unknown-age') + count('unreadable') &&
        `${count('unknown-age') + count('unreadable')} in doubt`,
    ]
      .filter(Boolean)
      .join(', ');
    const untagged = images.filter((i) => i.tags.length === 0).length;
    const observed: Record<string, unknown> = {
      repository: repo,
      images: images.length,
      untagged,
      kept: plan.keptCounts,
      candidates: plan.remove.length,
      candidateBytes: bytes,
      environments: envs.map(([name]) => name),
      historySource,
      dryRun: !check.delete,
    };
    const evidence: Record<string, unknown> = {
      wouldDelete: plan.remove.map((i) => ({
        digest: i.digest,
        pushedAt: i.pushedAt?.toISOString(),
        sizeInBytes: i.sizeInBytes,
        mediaType: i.mediaType,
        why: 'untagged, referenced by no kept index, not running, not a rollback target, older than min-age',
      })),
      kept: plan.keptUntagged,
      protected: protect,
      notes,
    };

    if (blockers.length > 0) {
      return {
        status: 'warn',
        line: `${repo}: deleting nothing, because ${blockers.join('; ')}`,
        observed: { ...observed, deleted: 0, blockers },
        evidence: { ...evidence, wouldDelete: [], candidatesIfResolved: evidence['wouldDelete'] },
      };
    }
    const kept = `kept ${untagged - plan.remove.length} untagged${keptLine ? ` (${keptLine})` : ''}`;
    if (!check.delete || plan.remove.length === 0) {
      const what =
        plan.remove.length === 0
          ? 'no untagged image to delete'
          : `${plan.remove.length} untagged image(s) (${size}) would be deleted; set delete: true to delete them`;
      return {
        status: 'pass',
        line: `${repo}: ${what}; ${kept}`,
        observed: { ...observed, deleted: 0 },
        evidence,
      };
    }

    // Indexes first, in calls of their own: ECR refuses a child an index still references.
    const indexes = plan.remove.filter((i) => INDEX_MEDIA_TYPES.has(i.mediaType ?? ''));
    const rest = plan.remove.filter((i) => !indexes.includes(i));
    const result: DeleteResult = { deleted: [], failures: [] };
    for (const group of [indexes, rest]) {
      if (group.length === 0) continue;
      const r = await ecr.delete(group.map((i) => i.digest));
      result.deleted.push(...r.deleted);
      result.failures.push(...r.failures);
    }
    ctx.logger.info(
      `${repo}: deleted ${result.deleted.length} untagged image(s); ${result.failures.length} failed`,
    );
    const done = { ...observed, deleted: result.deleted.length, failed: result.failures.length };
    const withResult = { ...evidence, deleted: result.deleted, failures: result.failures };
    if (result.failures.length > 0) {
      const listed = result.failures
        .map((f) => `${shortDigest(f.digest)} ${f.code}${f.reason ? ` (${f.reason})` : ''}`)
        .join('; ');
      return {
        status: 'warn',
        line: `${repo}: deleted ${result.deleted.length} of ${plan.remove.length} untagged images; ${result.failures.length} failed: ${listed}. Run again after fixing the cause`,
        observed: done,
        evidence: withResult,
      };
    }
    return {
      status: 'pass',
      line: `${repo}: deleted ${result.deleted.length} untagged image(s) (${size}); ${kept}`,
      observed: done,
      evidence: withResult,
    };
  },
});
