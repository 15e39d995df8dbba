import { imagePresentSchema } from './schemas/image-present.js';
import { defineCheck } from './types.js';

/** The runbook's "ECR holds the latest production-tagged image". */
export const imagePresent = defineCheck({
  ...imagePresentSchema,
  defaultTimeoutMs: 30_000,
  group: 'Infrastructure',
  async run(check, ctx) {
    const repository = ctx.env['ecr-repository'];
    const registryId = ctx.env['ecr-registry-id'] ?? ctx.env['service-arn'].split(':')[4] ?? '';
    // Loaded on use: the registry is imported by every action that reads the configuration.
    const { EcrRepository } = await import('../aws/ecr.js');
    const repo = new EcrRepository(
      ctx.aws.ecr,
      { registryId, region: ctx.env.region, repository },
      ctx,
    );
    const image = await repo.find({ kind: 'tag', tag: check.tag });
    if (!image)
      return {
        status: 'fail',
        line: `${repository} has no image tagged "${check.tag}"; build and push one (build-push action) before launch`,
        observed: { repository, tag: check.tag },
      };
    return {
      status: 'pass',
      line: `${repository}:${check.tag} is ${image.digest.slice(0, 19)}…`,
      observed: {
        repository,
        tag: check.tag,
        digest: image.digest,
        pushedAt: image.pushedAt?.toISOString() ?? null,
      },
    };
  },
});
