/**
 * One sim holding the Drop service twice — on App Runner (sim/fixtures/drop.yml) and on
 * ECS Express Mode, with the same image, environment and secrets — and a deploy target for
 * each, built from configuration the way an environment names it.
 */
import { readFileSync } from 'node:fs';
import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_FIXTURE, type FixtureInput } from '../../sim/fixture.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import type { AwsCallDeps } from '../../core/aws/call.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { createTarget } from '../../core/targets/create.js';
import type { AwsTargetKind as TargetKind, DeployTarget } from '../../core/targets/target.js';

// 0.003: an App Runner deployment (3m15s) takes ~0.6 s, an ECS canary (7m45s) ~1.4 s.
export const TIME_SCALE = 0.003;
export const ECS_ARN = 'arn:aws:ecs:eu-west-1:123456789012:service/default/drop-web';
export const EXECUTION_ROLE = 'arn:aws:iam::123456789012:role/drop-web-ecs-execution';
export const TASK_ROLE = 'arn:aws:iam::123456789012:role/drop-web-task';

export interface TargetWorld {
  sim: SimHandle;
  kind: Exclude<TargetKind, 'asg'>;
  target: DeployTarget;
  logger: ReturnType<typeof recordingLogger>;
  clients: {
    appRunner: AppRunnerClient;
    ecs: ECSClient;
    ecr: ECRClient;
    cloudWatch: CloudWatchClient;
  };
  /** The full image reference of a Drop tag in the sim's ECR. */
  image(tag: string): string;
  /** What the service's app answers on /api/health (the version that serves). */
  version(): Promise<string>;
}

/**
 * A deploy configuration (`testConfig`'s) turned to the ECS Express copy of the service: the
 * same environment, naming the service as `target` and health-checking its endpoint.
 */
export function onEcsExpress(config: string, sim: SimHandle): string {
  return config
    .replace(/service-arn: .*/, `target: { kind: ecs-express, service-arn: ${ECS_ARN} }`)
    .replace(/base-url: .*/, `base-url: ${sim.ecs.service('drop-web').url}`);
}

export function dropFixture(): FixtureInput {
  const fixture = parseYaml(readFileSync(DEFAULT_FIXTURE, 'utf8')) as FixtureInput & {
    apprunner: { services: { env: Record<string, string>; secrets: Record<string, string> }[] };
  };
  const app = fixture.apprunner.services[0]!;
  return {
    ...fixture,
    ecs: {
      services: [
        {
          name: 'drop-web',
          cluster: 'default',
          image: 'drop-web:v1.4.2',
          port: 3000,
          env: app.env,
          secrets: app.secrets,
          executionRoleArn: EXECUTION_ROLE,
          taskRoleArn: TASK_ROLE,
          healthCheckPath: '/',
        },
      ],
    },
  };
}

export async function targetWorld(
  kind: Exclude<TargetKind, 'asg'>,
  onFinished: (fn: () => Promise<void>) => void,
): Promise<TargetWorld> {
  const sim = await startSim({ fixture: dropFixture(), timeScale: TIME_SCALE });
  const config = sim.clientConfig({ maxAttempts: 1 });
  const clients = {
    appRunner: new AppRunnerClient(config),
    ecs: new ECSClient(config),
    ecr: new ECRClient(config),
    cloudWatch: new CloudWatchClient(config),
  };
  onFinished(async () => {
    Object.values(clients).forEach((c) => c.destroy());
    await sim.stop();
  });
  const logger = recordingLogger();
  const deps: AwsCallDeps = { clock: systemClock, logger };
  const host = `${sim.accountId}.dkr.ecr.${sim.region}.amazonaws.com`;
  const digestOf = async (image: string): Promise<string | undefined> => {
    const match = /^[^/]+\/(.+):([\w][\w.-]*)$/.exec(image);
    if (!match) return undefined;
    const out = await clients.ecr.send(
      new DescribeImagesCommand({ repositoryName: match[1], imageIds: [{ imageTag: match[2] }] }),
    );
    return out.imageDetails?.[0]?.imageDigest;
  };
  const arn = kind === 'ecs-express' ? ECS_ARN : sim.service('drop-web').arn;
  const target = await createTarget({ kind, 'service-arn': arn }, clients, deps, {
    digestOf,
    cloudWatch: clients.cloudWatch,
  });
  const appUrl = (): string =>
    kind === 'ecs-express' ? sim.ecs.service('drop-web').url : sim.serviceUrl('drop-web');
  return {
    sim,
    kind,
    target,
    logger,
    clients,
    image: (tag) => `${host}/drop-web:${tag}`,
    version: async () => {
      const res = await fetch(`${appUrl()}/api/health`);
      const body = (await res.json()) as { data: { version: string } };
      return body.data.version;
    },
  };
}
