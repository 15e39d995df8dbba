import { EcrImages } from '../aws/ecr-images.js';
import { ecrLocation } from '../deploy/context.js';
import { lifecyclePolicySchema } from './schemas/lifecycle-policy.js';
import { defineCheck } from './types.js';

/**
 * A policy that expires only untagged images. ECR's lifecycle evaluation never expires the
 * untagged children of an index that is still referenced (unlike hand-written scripts), and
 * it does not touch tagged images, so rollback targets stay.
 */
export function suggestedLifecyclePolicy(untaggedDays: number): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `Expire untagged images ${untaggedDays} days after push`,
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: untaggedDays,
        },
        action: { type: 'expire' },
      },
    ],
  });
}

interface PolicyRule {
  rulePriority?: number;
  description?: string;
  selection?: { tagStatus?: string; countType?: string; countNumber?: number };
}

/** Whether the repository has an ECR lifecycle policy (GetLifecyclePolicy); suggests one if not. */
export const lifecyclePolicy = defineCheck({
  ...lifecyclePolicySchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(check, { env, aws, clock, logger }) {
    const location = ecrLocation(env);
    const repo = location.repository;
    const policy = await new EcrImages(aws.ecr, location, { clock, logger }).lifecyclePolicy();
    if (!policy) {
      const suggested = suggestedLifecyclePolicy(check['untagged-days']);
      return {
        status: 'warn',
        line: `${repo} has no ECR lifecycle policy; add one that expires untagged images after ${check['untagged-days']} days (aws ecr put-lifecycle-policy --repository-name ${repo} --lifecycle-policy-text file://policy.json, policy in the evidence); the ecr-untagged clean-up still protects what runs and the rollback targets`,
        observed: { repository: repo, hasPolicy: false },
        evidence: { suggestedPolicy: suggested },
      };
    }
    let rules: PolicyRule[] = [];
    try {
      rules = ((JSON.parse(policy.text) as { rules?: PolicyRule[] }).rules ?? []).filter(
        (r) => typeof r === 'object' && r !== null,
      );
    } catch {
      // ECR validates policies on write; unreadable text is reported as zero rules.
    }
    const summary = rules.map(
      (r) =>
        `${r.rulePriority ?? '?'}: ${r.selection?.tagStatus ?? '?'} ${r.selection?.countType ?? '?'} ${r.selection?.countNumber ?? '?'}${r.description ? ` (${r.description})` : ''}`,
    );
    const expiresUntagged = rules.some((r) => r.selection?.tagStatus === 'untagged');
    return {
      status: 'pass',
      line: `${repo} has a lifecycle policy with ${rules.length} rule(s)${expiresUntagged ? ', untagged images expire' : ', none for untagged images'}`,
      observed: {
        repository: repo,
        hasPolicy: true,
        rules: rules.length,
        expiresUntagged,
        ...(policy.lastEvaluatedAt
          ? { lastEvaluatedAt: policy.lastEvaluatedAt.toISOString() }
          : {}),
      },
      evidence: { rules: summary, policy: policy.text },
    };
  },
});
