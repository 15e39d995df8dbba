import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RunInfo } from '../action/github-context.js';
import { createAwsClients } from '../aws/clients.js';
import { EcrRepository } from '../aws/ecr.js';
import type { EcrLocation } from '../aws/image-ref.js';
import { loadConfig, selectEnvironment } from '../config/load.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { Clock } from '../util/clock.js';
import { InputError } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { FLY_REGISTRY, flyRegistryUrl } from '../fly/registry.js';
import type { Registry } from './registries.js';
import { buildAndPush, type Builder, type BuildOutcome, type FlyPush } from './build-push.js';

/**
 * The environment's ECR repository, as core/deploy/context.ts's ecrLocation: not imported from
 * there, since that module brings the GitHub client (Octokit) into the build-push bundle.
 */
function ecrLocation(env: EnvironmentConfig): EcrLocation {
  return {
    registryId: env['ecr-registry-id'] ?? (env['service-arn'].split(':')[4] as string),
    region: env.region,
    repository: env['ecr-repository'],
  };
}

export interface BuildPushRequest {
  /** Where to push: always ECR; `fly` also pushes to registry.fly.io/<app> (same digest). */
  registries: Registry[];
  flyApiToken: string | undefined;
  config: string;
  environment: string;
  context: string;
  dockerfile: string | undefined;
  tag: string | undefined;
  buildArgs: { name: string; value: string }[];
  builder: Builder | undefined;
}

/** Checks the configuration and the files before the first call, then builds and pushes. */
export async function runBuildPush(
  request: BuildPushRequest,
  deps: { run: RunInfo; clock: Clock; logger: Logger; tempDir: string; mask: (s: string) => void },
): Promise<BuildOutcome & { uri: string }> {
  const env = selectEnvironment(
    await loadConfig(request.config),
    request.environment,
    request.config,
  );
  if (!existsSync(request.context) || !statSync(request.context).isDirectory()) {
    throw new InputError('context', `"${request.context}" is not a directory`);
  }
  const dockerfile = request.dockerfile ?? path.join(request.context, 'Dockerfile');
  if (!existsSync(dockerfile)) {
    throw new InputError(
      request.dockerfile ? 'dockerfile' : 'context',
      `no ${dockerfile}; set dockerfile to the Dockerfile or Containerfile to build`,
    );
  }
  const tag = request.tag ?? deps.run.sha7;
  if (!tag)
    throw new InputError(
      'tag',
      'is required when the commit SHA is unknown (GITHUB_SHA is not set)',
    );
  let fly: FlyPush | undefined;
  if (request.registries.includes('fly')) {
    if (env.target.kind !== 'fly')
      throw new InputError(
        'registries',
        `includes fly, but environments.${request.environment}.target in ${request.config} is ${env.target.kind}, not a fly app; push only to ecr there`,
      );
    if (!request.flyApiToken)
      throw new InputError(
        'fly-api-token',
        `is required to push to ${FLY_REGISTRY}/${env.target.app}: pass secrets.FLY_API_TOKEN (a deploy token: fly tokens create deploy -a ${env.target.app})`,
      );
    deps.mask(request.flyApiToken);
    fly = { app: env.target.app, token: request.flyApiToken, registryUrl: flyRegistryUrl() };
  }
  const clients = createAwsClients(env.region);
  const callDeps = { clock: deps.clock, logger: deps.logger };
  const repository = new EcrRepository(clients.ecr, ecrLocation(env), callDeps);
  const outcome = await buildAndPush(
    {
      context: request.context,
      dockerfile,
      tag,
      buildArgs: request.buildArgs,
      builder: request.builder,
      tempDir: deps.tempDir,
      timeoutMs: 60 * 60_000,
    },
    { ...callDeps, ecrClient: clients.ecr, repository, mask: deps.mask, fly },
  );
  return { ...outcome, uri: outcome.image.uri };
}
