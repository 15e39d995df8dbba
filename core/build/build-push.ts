import { chmod, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { GetAuthorizationTokenCommand, type ECRClient } from '@aws-sdk/client-ecr';
import { awsCall, type AwsCallDeps } from '../aws/call.js';
import type { EcrRepository, ResolvedImage } from '../aws/ecr.js';
import { imageUri } from '../aws/image-ref.js';
import { FLY_REGISTRY, flyRegistryHolds } from '../fly/registry.js';
import { DomainFailure } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { runCommand } from './process.js';

export type Builder = 'docker' | 'buildah';

export interface BuildRequest {
  context: string;
  dockerfile: string | undefined;
  tag: string;
  buildArgs: readonly { name: string; value: string }[];
  builder: Builder | undefined;
  /** Where the registry credentials live for the length of the build (RUNNER_TEMP). */
  tempDir: string;
  timeoutMs: number;
}

/** registry.fly.io/<app> as a second destination (core/fly/registry.ts). */
export interface FlyPush {
  app: string;
  token: string;
  /** The registry's HTTP API: https://registry.fly.io, or a stand-in in tests. */
  registryUrl: string;
}

export interface BuildOutcome {
  image: ResolvedImage;
  /** `registry.fly.io/<app>@sha256:…` when pushed there too (the same digest). */
  flyImage?: string;
  tag: string;
  built: boolean;
  builder: Builder | undefined;
}

interface RegistryLogin {
  /** `host[:port]` to push to. */
  host: string;
  username: string;
  password: string;
  /** Plain HTTP: only the local stand-in registry; real ECR is always HTTPS. */
  insecure: boolean;
}

/** A builder that is installed and usable; docker counts only when its engine answers. */
export async function detectBuilder(logger: Logger): Promise<Builder | undefined> {
  const answers = (label: string, command: string, args: string[]): Promise<boolean> =>
    runCommand(command, args, { timeoutMs: 10_000, logger, label, quiet: true }).then(
      () => true,
      () => false,
    );
  if (await answers('docker version', 'docker', ['version', '--format', '{{.Server.Version}}']))
    return 'docker';
  if (await answers('buildah --version', 'buildah', ['--version'])) return 'buildah';
  return undefined;
}

async function login(
  client: ECRClient,
  registryId: string,
  deps: AwsCallDeps,
  mask: (s: string) => void,
): Promise<RegistryLogin> {
  const out = await awsCall(
    'GetAuthorizationToken',
    () => client.send(new GetAuthorizationTokenCommand({ registryIds: [registryId] })),
    deps,
  );
  const data = out.authorizationData?.[0];
  if (!data?.authorizationToken || !data.proxyEndpoint)
    throw new DomainFailure('ECR GetAuthorizationToken returned no token');
  const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  const password = decoded.slice(at + 1);
  mask(password);
  mask(data.authorizationToken);
  const endpoint = new URL(data.proxyEndpoint);
  return {
    host: endpoint.host,
    username: decoded.slice(0, at),
    password,
    insecure: endpoint.protocol === 'http:',
  };
}

/**
 * Builds and pushes the image unless ECR already holds the tag (a re-run must not rebuild
 * and move the tag to a different digest). The digest is read back from ECR after the push,
 * so the output is what App Runner will pull.
 */
export async function buildAndPush(
  request: BuildRequest,
  deps: AwsCallDeps & {
    ecrClient: ECRClient;
    repository: EcrRepository;
    mask: (s: string) => void;
    fly?: FlyPush | undefined;
  },
): Promise<BuildOutcome> {
  const { logger, fly } = deps;
  const flyRef = (digest: string) =>
    fly ? { flyImage: `${FLY_REGISTRY}/${fly.app}@${digest}` } : {};
  const existing = await deps.repository.find({ kind: 'tag', tag: request.tag });
  if (existing) {
    logger.info(
      `ECR already holds ${deps.repository.location.repository}:${request.tag} (${existing.digest}); not rebuilding`,
    );
    // A rebuild would give another digest: the Fly copy must be the one pushed with it.
    if (
      fly &&
      !(await flyRegistryHolds(fly.app, existing.digest, fly.token, { url: fly.registryUrl }))
    )
      throw new DomainFailure(
        `ECR holds ${deps.repository.location.repository}:${request.tag} (${existing.digest}), but ${FLY_REGISTRY}/${fly.app} does not: it was pushed before registries included fly. Build a new tag (the tag input) so both registries get the same image`,
      );
    return {
      image: existing,
      ...flyRef(existing.digest),
      tag: request.tag,
      built: false,
      builder: undefined,
    };
  }
  const builder = request.builder ?? (await detectBuilder(logger));
  if (!builder) {
    throw new DomainFailure(
      'no image builder found: install docker (with a running engine) or buildah, or set the builder input',
    );
  }
  logger.info(
    `Building with ${builder}${request.builder ? '' : ' (detected: docker needs a running engine)'}`,
  );
  const auth = await login(deps.ecrClient, deps.repository.location.registryId, deps, deps.mask);
  const target = `${auth.host}/${deps.repository.location.repository}:${request.tag}`;
  const flyUrl = fly ? new URL(fly.registryUrl) : undefined;
  const flyTarget = fly && flyUrl ? `${flyUrl.host}/${fly.app}:${request.tag}` : undefined;
  const dockerfile = request.dockerfile ?? path.join(request.context, 'Dockerfile');
  const buildArgs = request.buildArgs.flatMap((a) => ['--build-arg', `${a.name}=${a.value}`]);
  const secrets = await mkdtemp(path.join(request.tempDir, 'registry-auth-'));
  try {
    const env = {
      ...process.env,
      DOCKER_CONFIG: secrets,
      REGISTRY_AUTH_FILE: path.join(secrets, 'auth.json'),
    };
    // Credentials go in a file only this user can read, never on a command line.
    const authFile = path.join(secrets, builder === 'docker' ? 'config.json' : 'auth.json');
    await writeFile(
      authFile,
      JSON.stringify({
        auths: {
          [auth.host]: {
            auth: Buffer.from(`${auth.username}:${auth.password}`).toString('base64'),
          },
          // Fly's registry takes user x with the API token as password (flyctl auth docker).
          ...(fly && flyUrl
            ? { [flyUrl.host]: { auth: Buffer.from(`x:${fly.token}`).toString('base64') } }
            : {}),
        },
      }),
      { mode: 0o600 },
    );
    await chmod(authFile, 0o600);
    const run = (label: string, command: string, args: string[]) =>
      logger.group(label, () =>
        runCommand(command, args, { env, timeoutMs: request.timeoutMs, logger, label }),
      );
    const digestFile = path.join(secrets, 'digest');
    // docker build and buildah bud take the same options.
    const build = ['--tag', target, '--file', dockerfile, ...buildArgs, request.context];
    if (builder === 'docker') {
      await run(`docker build ${target}`, 'docker', ['build', ...build]);
      await run(`docker push ${target}`, 'docker', ['push', target]);
    } else {
      await run(`buildah bud ${target}`, 'buildah', ['bud', ...build]);
      await run(`buildah push ${target}`, 'buildah', [
        'push',
        '--digestfile',
        digestFile,
        ...(auth.insecure ? ['--tls-verify=false'] : []),
        target,
        `docker://${target}`,
      ]);
    }
    const pushed = await deps.repository.find({ kind: 'tag', tag: request.tag });
    if (!pushed)
      throw new DomainFailure(
        `pushed ${target}, but ECR does not list tag ${request.tag}; check the repository and its permissions`,
      );
    if (builder === 'buildah') {
      const local = (await readFile(digestFile, 'utf8')).trim();
      if (local && local !== pushed.digest) {
        throw new DomainFailure(
          `ECR reports ${pushed.digest} for ${request.tag}, but buildah pushed ${local}: another push raced this one`,
        );
      }
    }
    logger.info(
      `Pushed ${imageUri(deps.repository.location, { kind: 'digest', digest: pushed.digest })}`,
    );
    if (fly && flyTarget && flyUrl) {
      const flyDigestFile = path.join(secrets, 'fly-digest');
      if (builder === 'docker') {
        await run(`docker tag ${flyTarget}`, 'docker', ['tag', target, flyTarget]);
        await run(`docker push ${flyTarget}`, 'docker', ['push', flyTarget]);
      } else {
        await run(`buildah push ${flyTarget}`, 'buildah', [
          'push',
          '--digestfile',
          flyDigestFile,
          ...(flyUrl.protocol === 'http:' ? ['--tls-verify=false'] : []),
          target,
          `docker://${flyTarget}`,
        ]);
      }
      // Machines are updated by the ECR digest: Fly must hold that very manifest.
      if (!(await flyRegistryHolds(fly.app, pushed.digest, fly.token, { url: fly.registryUrl }))) {
        const local =
          builder === 'buildah' ? (await readFile(flyDigestFile, 'utf8')).trim() : 'another digest';
        throw new DomainFailure(
          `pushed ${FLY_REGISTRY}/${fly.app}:${request.tag}, but it holds ${local}, not ECR's ${pushed.digest}: the two pushes differ, so a deploy by digest would not find the image on Fly`,
        );
      }
      logger.info(`Pushed ${FLY_REGISTRY}/${fly.app}@${pushed.digest}`);
    }
    return { image: pushed, ...flyRef(pushed.digest), tag: request.tag, built: true, builder };
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
}
