/**
 * The deploy target an environment names (`service-arn` alone, or `target`).
 *
 * App Runner's target is imported here; the other targets (with their SDK clients: ECS, Auto
 * Scaling and ELB are 0.5 MB of a bundle) are imported when an environment names them, so a
 * bundle loads them, in a chunk of their own, only on the runs that use them.
 */
import type { AppRunnerClient } from '@aws-sdk/client-apprunner';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { AwsCallDeps } from '../aws/call.js';
import type { TargetConfig } from '../config/schema.js';
import { AppRunnerTarget, type AppRunnerTargetOptions } from './app-runner.js';
import type { AwsClients, AwsRequestLimits } from '../aws/clients.js';
import type { DeployTarget } from './target.js';
import { flyApiUrl, FlyMachinesApi } from '../fly/machines-api.js';
import { flyRegistryUrl } from '../fly/registry.js';
import { parseDuration } from '../util/duration.js';
import { InputError } from '../util/errors.js';
import type { AsgClients } from './asg.js';

export interface TargetClients {
  appRunner?: AppRunnerClient;
  ecs?: ECSClient;
  fly?: FlyMachinesApi;
  asg?: AsgClients;
}

export async function createTarget(
  target: TargetConfig,
  clients: TargetClients,
  deps: AwsCallDeps,
  options: AppRunnerTargetOptions = {},
): Promise<DeployTarget> {
  switch (target.kind) {
    case 'app-runner':
      if (!clients.appRunner)
        throw new Error('createTarget: an App Runner target needs an App Runner client');
      return new AppRunnerTarget(clients.appRunner, target['service-arn'], deps, options);
    case 'ecs-express': {
      if (!clients.ecs) throw new Error('createTarget: an ECS Express target needs an ECS client');
      const { EcsExpressTarget } = await import('./ecs-express.js');
      return new EcsExpressTarget(clients.ecs, target['service-arn'], deps, {
        cloudWatch: options.cloudWatch,
      });
    }
    case 'fly': {
      if (!clients.fly) throw new Error('createTarget: a Fly target needs a Machines API client');
      const { FlyTarget } = await import('./fly.js');
      return new FlyTarget(
        clients.fly,
        {
          app: target.app,
          'process-group': target['process-group'],
          regions: target.regions,
          'wait-timeout-ms': parseDuration(target['wait-timeout']) ?? 300_000,
          strategy: target.strategy,
        },
        deps,
      );
    }
    case 'asg': {
      if (!clients.asg)
        throw new Error('createTarget: an asg target needs Auto Scaling, ELB and EC2 clients');
      const { AsgTarget } = await import('./asg.js');
      return new AsgTarget(
        { ...clients.asg, ...(options.cloudWatch ? { cloudWatch: options.cloudWatch } : {}) },
        target,
        deps,
      );
    }
  }
}

/**
 * The Machines API client of a Fly environment. The token is the `fly-api-token` input, or
 * FLY_API_TOKEN (as flyctl reads it); it is only ever sent to Fly.
 */
export function flyClientOf(
  app: string,
  deps: AwsCallDeps,
  limits: AwsRequestLimits,
  token: string | undefined = process.env['FLY_API_TOKEN'],
): FlyMachinesApi {
  // Checked at the first call, before any change: a run that never reads the app (a
  // snapshot ahead of the deploy) needs no token.
  return new FlyMachinesApi(flyApiUrl(), token, deps, {
    requestTimeoutMs: limits.requestTimeoutMs,
    registryUrl: flyRegistryUrl(),
    missing: () =>
      new InputError(
        'fly-api-token',
        `is required for Fly app ${app}: pass secrets.FLY_API_TOKEN (a deploy token: fly tokens create deploy -a ${app})`,
      ),
  });
}

/**
 * The target of an environment, with the clients it needs: an ECS client is made only for an
 * ECS Express environment, Auto Scaling and ELB clients only for an asg one (each imported
 * with its target).
 */
export async function targetOf(
  env: { region: string; target: TargetConfig },
  clients: AwsClients,
  deps: AwsCallDeps,
  limits: AwsRequestLimits,
  platform: { flyApiToken?: string | undefined } = {},
): Promise<DeployTarget> {
  if (env.target.kind === 'ecs-express' && !clients.ecs) {
    const { createEcsClient } = await import('./ecs-express.js');
    clients.ecs = createEcsClient(env.region, limits);
  }
  if (env.target.kind === 'asg' && !clients.asg) {
    const { createAsgClients } = await import('./asg.js');
    clients.asg = createAsgClients(env.region, limits);
  }
  return createTarget(
    env.target,
    {
      appRunner: clients.appRunner,
      ...(env.target.kind === 'ecs-express' ? { ecs: clients.ecs } : {}),
      ...(env.target.kind === 'fly'
        ? {
            fly: flyClientOf(
              env.target.app,
              deps,
              limits,
              platform.flyApiToken ?? process.env['FLY_API_TOKEN'],
            ),
          }
        : {}),
      ...(env.target.kind === 'asg' ? { asg: clients.asg } : {}),
    },
    deps,
    { cloudWatch: clients.cloudWatch },
  );
}
