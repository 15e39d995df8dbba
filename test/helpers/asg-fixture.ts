/**
 * The Drop service on EC2 Auto Scaling behind an Application Load Balancer (the shape of the
 * runbook's basecoat-portal): one launch template, one group of two instances registered with
 * one target group, one HTTPS listener forwarding to it. Beside App Runner and ECS Express in
 * the same sim, with the same images.
 */
import type { FixtureInput } from '../../sim/fixture.js';
import type { SimHandle } from '../../sim/index.js';
import { dropFixture } from './target-world.js';

export const ASG_PREFIX = 'drop-web';
export const ASG_GROUP = 'drop-web-1';
export const LAUNCH_TEMPLATE = 'drop-web-lt';
export const TARGET_GROUP = 'drop-web-1';

export function asgFixture(
  overrides: {
    deregistrationDelay?: number;
    healthCheckPath?: string;
    /** `repo:tag` the launch template's version 1 runs (default drop-web:v1.4.2). */
    image?: string;
  } = {},
): FixtureInput {
  return {
    ...dropFixture(),
    asg: {
      launchTemplates: [{ name: LAUNCH_TEMPLATE, image: overrides.image ?? 'drop-web:v1.4.2' }],
      targetGroups: [
        {
          name: TARGET_GROUP,
          // The load balancer checks `/` (as the ECS Express copy does); the smoke checks
          // read /api/health, so a version whose health route fails is caught by verification.
          healthCheckPath: overrides.healthCheckPath ?? '/',
          interval: 10,
          healthyThreshold: 2,
          unhealthyThreshold: 2,
          deregistrationDelay: overrides.deregistrationDelay ?? 30,
        },
      ],
      loadBalancers: [{ name: 'drop-web', listeners: [{ port: 443, targetGroup: TARGET_GROUP }] }],
      groups: [
        {
          name: ASG_GROUP,
          launchTemplate: LAUNCH_TEMPLATE,
          min: 1,
          max: 6,
          desired: 2,
          targetGroups: [TARGET_GROUP],
          healthCheckGracePeriod: 60,
        },
      ],
    },
  };
}

/**
 * A deploy configuration (`testConfig`'s) turned to the Auto Scaling copy of the service: the
 * same environment, naming the listener, group prefix and launch template as `target`, and
 * health-checking through the load balancer.
 */
export function onAsg(config: string, sim: SimHandle, target = ''): string {
  return config
    .replace(
      /service-arn: .*/,
      `target: { kind: asg, listener-arn: ${sim.asg.listenerArn()}, group-prefix: ${ASG_PREFIX}, launch-template: ${LAUNCH_TEMPLATE}, keep-old: 1s, healthy-timeout: 10s${target} }`,
    )
    .replace(/base-url: .*/, `base-url: ${sim.asg.url()}`);
}

/** The version the group behind the listener's heaviest weight runs (its first InService instance). */
export function asgServing(sim: SimHandle): string {
  const [tg] = Object.entries(sim.asg.weights()).sort((a, b) => b[1] - a[1])[0] ?? [];
  return (tg && sim.asg.versions()[tg]?.[0]) ?? 'none';
}
