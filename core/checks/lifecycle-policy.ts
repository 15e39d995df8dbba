import { EcrImages, type RepoImage } from '../aws/ecr-images.js';
import { shortDigest } from '../cleanup/ecr-plan.js';
import { ecrLocation } from '../deploy/context.js';
import { protectedDigests } from './ecr-untagged.js';
import { lifecyclePolicySchema } from './schemas/lifecycle-policy.js';
import { defineCheck } from './types.js';

interface PolicyRule {
  rulePriority?: number;
  description?: string;
  selection?: {
    tagStatus?: string;
    tagPrefixList?: string[];
    tagPatternList?: string[];
    countType?: string;
    countUnit?: string;
    countNumber?: number;
  };
  action?: { type?: string };
}

const DAY_MS = 86_400_000;

/** ECR's tagPatternList wildcard: `*` matches any run of characters, nothing else is special. */
function tagPattern(pattern: string): RegExp {
  return new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** Whether a rule's selection takes the image, before counting (ECR lifecycle rule semantics). */
function selects(rule: PolicyRule, image: RepoImage): boolean {
  const sel = rule.selection ?? {};
  if (sel.tagStatus === 'untagged') return image.tags.length === 0;
  if (sel.tagStatus === 'any') return true;
  if (sel.tagStatus !== 'tagged') return false;
  const prefixes = sel.tagPrefixList ?? [];
  const patterns = (sel.tagPatternList ?? []).map(tagPattern);
  return image.tags.some(
    (t) => prefixes.some((p) => t.startsWith(p)) || patterns.some((p) => p.test(t)),
  );
}

/** The images a rule expires today: past its age, or beyond its count (newest kept). */
function expiresNow(rule: PolicyRule, images: readonly RepoImage[], now: number): RepoImage[] {
  const sel = rule.selection ?? {};
  const chosen = images.filter((i) => selects(rule, i));
  const n = sel.countNumber ?? 0;
  if (sel.countType === 'sinceImagePushed')
    return chosen.filter((i) => !i.pushedAt || now - i.pushedAt.getTime() > n * DAY_MS);
  if (sel.countType === 'imageCountMoreThan')
    return [...chosen]
      .sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0))
      .slice(n);
  return [];
}

const describeRule = (r: PolicyRule): string =>
  `rule ${r.rulePriority ?? '?'} (${r.selection?.tagStatus ?? '?'} ${r.selection?.countType ?? '?'} ${r.selection?.countNumber ?? '?'}${r.description ? `: ${r.description}` : ''})`;

/**
 * What the repository's ECR lifecycle policy may expire. No lifecycle rule can spare the image
 * a service runs: ECS resolves a tag to a digest once and keeps starting tasks from it, so once
 * the tag moves the running image is untagged, and a rule on untagged (or any) images expires it
 * regardless. No policy is therefore what this check asks for; the `ecr-untagged` clean-up
 * removes untagged images and keeps what runs and the rollback targets. A tagged rule is
 * evaluated against today's images and warns when it would expire a protected one.
 */
export const lifecyclePolicy = defineCheck({
  ...lifecyclePolicySchema,
  defaultTimeoutMs: 60_000,
  group: 'Infrastructure',
  async run(_check, ctx) {
    const { env, aws, clock, logger } = ctx;
    const location = ecrLocation(env);
    const repo = location.repository;
    const ecr = new EcrImages(aws.ecr, location, { clock, logger });
    const policy = await ecr.lifecyclePolicy();
    if (!policy)
      return {
        status: 'pass',
        line: `${repo} has no ECR lifecycle policy: nothing expires an image a service runs; the ecr-untagged clean-up removes untagged images and keeps what runs and the rollback targets`,
        observed: { repository: repo, hasPolicy: false },
      };
    let rules: PolicyRule[];
    try {
      rules = ((JSON.parse(policy.text) as { rules?: PolicyRule[] }).rules ?? []).filter(
        (r) => typeof r === 'object' && r !== null,
      );
    } catch (error) {
      return {
        status: 'error',
        line: `${repo}'s lifecycle policy text is not JSON (${String(error)}); it cannot be checked`,
        observed: { repository: repo, hasPolicy: true },
      };
    }
    const expiring = rules.filter((r) => (r.action?.type ?? 'expire') === 'expire');
    const structural = expiring.filter((r) =>
      ['untagged', 'any'].includes(r.selection?.tagStatus ?? ''),
    );
    const images = await ecr.list();
    const { protect, blockers } = await protectedDigests(ctx, images, 5);
    const now = clock.now();
    const hits = expiring.flatMap((rule) =>
      expiresNow(rule, images, now)
        .flatMap((image) => protect.filter((p) => p.digest === image.digest))
        .map((p) => `${describeRule(rule)} would expire ${shortDigest(p.digest)} (${p.why})`),
    );
    const observed = {
      repository: repo,
      hasPolicy: true,
      rules: rules.length,
      expiresUntagged: structural.length > 0,
      protectedImages: protect.length,
      ...(policy.lastEvaluatedAt ? { lastEvaluatedAt: policy.lastEvaluatedAt.toISOString() } : {}),
    };
    const evidence = {
      rules: rules.map(describeRule),
      policy: policy.text,
      protected: protect,
      ...(blockers.length > 0 ? { unknown: blockers } : {}),
    };
    if (blockers.length > 0 && expiring.length > 0)
      hits.push(`what must be kept is not known for certain (${blockers.join('; ')})`);
    if (structural.length > 0 || hits.length > 0) {
      const why = [
        ...structural.map(
          (r) =>
            `${describeRule(r)} expires untagged images, and the image a service pinned by a tag runs is untagged once the tag moves (ECS keeps starting tasks from that digest)`,
        ),
        ...hits,
      ];
      return {
        status: 'warn',
        line: `${repo}'s lifecycle policy can expire an image a service runs or a rollback target: ${why.join('; ')}. Remove those rules (aws ecr delete-lifecycle-policy --repository-name ${repo}, or put a policy without them) and clean up with ecr-untagged, which keeps what runs and the rollback targets`,
        observed,
        evidence,
      };
    }
    return {
      status: 'pass',
      line: `${repo} has a lifecycle policy with ${rules.length} rule(s), none of which expires an untagged image, what runs or a rollback target`,
      observed,
      evidence,
    };
  },
});
