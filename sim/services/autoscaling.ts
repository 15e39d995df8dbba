/**
 * Amazon EC2 Auto Scaling (awsQuery, version 2011-01-01): groups from launch templates,
 * capacity, instance refresh. State and lifecycles are in asg-state.ts.
 */
import { AwsError, xmlList } from '../aws/protocol.js';
import { paginate, type AwsService, type Input } from '../aws/service.js';
import { type AsgState, type GroupState, validation } from './asg-state.js';

interface AutoScalingWorld {
  asg: AsgState;
}

const int = (input: Input, name: string): number | undefined =>
  input[name] === undefined ? undefined : Number(input[name]);

function groupOf(world: AutoScalingWorld, name: string): GroupState {
  const group = world.asg.groups.get(name);
  if (!group || group.deleting)
    throw validation(`AutoScalingGroup name not found - AutoScalingGroup ${name} not found`);
  return group;
}

/** Min ≤ desired ≤ max, in AWS's words. */
function checkCapacity(min: number, max: number, desired: number): void {
  if (min > max)
    throw validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  if (desired > max)
    throw validation(
      `Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`,
    );
  if (desired < min)
    throw validation(
      `Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`,
    );
}

function templateSpec(world: AutoScalingWorld, input: Input): GroupState['template'] {
  const spec = input['LaunchTemplate'] as Input | undefined;
  if (!spec)
    throw validation(
      'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.',
    );
  const id = spec['LaunchTemplateId'] as string | undefined;
  const name = spec['LaunchTemplateName'] as string | undefined;
  if ((id === undefined) === (name === undefined))
    throw validation('Valid requests must contain either launchTemplateId or LaunchTemplateName');
  const template = world.asg.template({ ...(id ? { id } : {}), ...(name ? { name } : {}) });
  if (!template)
    throw validation(
      `You must use a valid fully-formed launch template. The specified launch template, with template ${id ? `ID ${id}` : `name ${name}`}, does not exist.`,
    );
  const version = (spec['Version'] as string | undefined) ?? '$Default';
  if (!world.asg.versionOf(template, version))
    throw validation(
      `You must use a valid fully-formed launch template. The specified launch template version ${version} does not exist for launch template ${template.name}.`,
    );
  return { id: template.id, name: template.name, version };
}

function describeGroup(world: AutoScalingWorld, g: GroupState): Input {
  return {
    AutoScalingGroupName: g.name,
    AutoScalingGroupARN: g.arn,
    LaunchTemplate: {
      LaunchTemplateId: g.template.id,
      LaunchTemplateName: g.template.name,
      Version: g.template.version,
    },
    MinSize: g.min,
    MaxSize: g.max,
    DesiredCapacity: g.desired,
    DefaultCooldown: 300,
    AvailabilityZones: xmlList(
      'member',
      ['a', 'b', 'c'].map((z) => `${world.asg.fixture.region}${z}`),
    ),
    LoadBalancerNames: xmlList('member', []),
    TargetGroupARNs: xmlList('member', g.targetGroupArns),
    HealthCheckType: g.healthCheckType,
    HealthCheckGracePeriod: g.healthCheckGracePeriod,
    Instances: xmlList(
      'member',
      g.instances
        .filter((i) => i.lifecycle !== 'Terminated')
        .map((i) => ({
          InstanceId: i.id,
          InstanceType: 't3.medium',
          AvailabilityZone: i.az,
          LifecycleState: i.lifecycle === 'Terminating' ? 'Terminating' : i.lifecycle,
          HealthStatus: i.health,
          LaunchTemplate: {
            LaunchTemplateId: i.template.id,
            LaunchTemplateName: i.template.name,
            Version: String(i.template.version),
          },
          ImageId: i.imageId,
          ProtectedFromScaleIn: false,
        })),
    ),
    CreatedTime: new Date(g.createdAt),
    SuspendedProcesses: xmlList('member', []),
    EnabledMetrics: xmlList('member', []),
    ...(g.deleting ? { Status: 'Delete in progress' } : {}),
    Tags: xmlList('member', []),
    TerminationPolicies: xmlList('member', ['Default']),
    NewInstancesProtectedFromScaleIn: false,
    ...(g.defaultInstanceWarmup !== undefined
      ? { DefaultInstanceWarmup: g.defaultInstanceWarmup }
      : {}),
  };
}

export const autoscaling: AwsService<AutoScalingWorld> = {
  signingName: 'autoscaling',
  protocol: 'awsQuery',
  xmlns: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
  invalid: validation,
  faults: { throttling: 'Throttling', throttlingStatus: 400, internal: 'InternalFailure' },
  operations: {
    DescribeAutoScalingGroups: {
      mutating: false,
      handle(input, { world }) {
        const names = input['AutoScalingGroupNames'] as string[] | undefined;
        const groups = [...world.asg.groups.values()].filter(
          (g) => names === undefined || names.includes(g.name),
        );
        const { page, next } = paginate(
          groups,
          input['NextToken'] as string | undefined,
          int(input, 'MaxRecords') ?? 50,
          () => validation('The NextToken is invalid.'),
        );
        return {
          AutoScalingGroups: xmlList(
            'member',
            page.map((g) => describeGroup(world, g)),
          ),
          ...(next ? { NextToken: next } : {}),
        };
      },
    },
    CreateAutoScalingGroup: {
      mutating: true,
      handle(input, { world }) {
        const name = input['AutoScalingGroupName'] as string;
        if (world.asg.groups.has(name))
          throw new AwsError(
            'AlreadyExists',
            `AutoScalingGroup by this name already exists - A group with the name ${name} already exists`,
          );
        const template = templateSpec(world, input);
        const min = int(input, 'MinSize')!;
        const max = int(input, 'MaxSize')!;
        const desired = int(input, 'DesiredCapacity') ?? min;
        checkCapacity(min, max, desired);
        const targetGroupArns = (input['TargetGroupARNs'] as string[] | undefined) ?? [];
        for (const arn of targetGroupArns)
          if (!world.asg.targetGroupByArn(arn))
            throw validation(
              `Provided Target Groups may not be valid. Please ensure they exist and try again. (${arn})`,
            );
        const warmup = int(input, 'DefaultInstanceWarmup');
        world.asg.newGroup({
          name,
          template,
          min,
          max,
          desired,
          targetGroupArns,
          healthCheckType: (input['HealthCheckType'] as string | undefined) ?? 'EC2',
          healthCheckGracePeriod: int(input, 'HealthCheckGracePeriod') ?? 0,
          ...(warmup !== undefined ? { defaultInstanceWarmup: warmup } : {}),
        });
        return undefined;
      },
    },
    UpdateAutoScalingGroup: {
      mutating: true,
      handle(input, { world }) {
        const group = groupOf(world, input['AutoScalingGroupName'] as string);
        const template = input['LaunchTemplate'] ? templateSpec(world, input) : group.template;
        const min = int(input, 'MinSize') ?? group.min;
        const max = int(input, 'MaxSize') ?? group.max;
        let desired = int(input, 'DesiredCapacity') ?? group.desired;
        // A new min or max alone moves the desired capacity into range, as AWS does.
        if (int(input, 'DesiredCapacity') === undefined)
          desired = Math.min(max, Math.max(min, desired));
        checkCapacity(min, max, desired);
        Object.assign(group, { template, min, max, desired });
        const grace = int(input, 'HealthCheckGracePeriod');
        if (grace !== undefined) group.healthCheckGracePeriod = grace;
        world.asg.reconcile(group);
        return undefined;
      },
    },
    SetDesiredCapacity: {
      mutating: true,
      handle(input, { world }) {
        const group = groupOf(world, input['AutoScalingGroupName'] as string);
        const desired = int(input, 'DesiredCapacity')!;
        if (desired > group.max)
          throw validation(
            `New SetDesiredCapacity value ${desired} is above max value ${group.max} for the AutoScalingGroup.`,
          );
        if (desired < group.min)
          throw validation(
            `New SetDesiredCapacity value ${desired} is below min value ${group.min} for the AutoScalingGroup.`,
          );
        group.desired = desired;
        world.asg.reconcile(group);
        return undefined;
      },
    },
    DeleteAutoScalingGroup: {
      mutating: true,
      handle(input, { world }) {
        const group = groupOf(world, input['AutoScalingGroupName'] as string);
        const force = String(input['ForceDelete']) === 'true';
        if (!force && world.asg.live(group).length > 0)
          throw new AwsError(
            'ResourceInUse',
            'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.',
          );
        group.deleting = true;
        group.desired = 0;
        group.min = 0;
        for (const i of [...group.instances]) world.asg.terminate(i);
        if (group.instances.length === 0) world.asg.groups.delete(group.name);
        return undefined;
      },
    },
    StartInstanceRefresh: {
      mutating: true,
      handle(input, { world }) {
        const group = groupOf(world, input['AutoScalingGroupName'] as string);
        if (group.refreshes.some((r) => r.status === 'Pending' || r.status === 'InProgress'))
          throw new AwsError(
            'InstanceRefreshInProgress',
            `An Instance Refresh is already in progress and blocks the execution of this Instance Refresh.`,
          );
        const prefs = (input['Preferences'] as Input | undefined) ?? {};
        const desired = input['DesiredConfiguration'] as Input | undefined;
        if (desired?.['LaunchTemplate']) group.template = templateSpec(world, desired);
        const refresh = world.asg.startRefresh(
          group,
          int(prefs, 'MinHealthyPercentage') ?? 90,
          int(prefs, 'InstanceWarmup') ??
            group.defaultInstanceWarmup ??
            group.healthCheckGracePeriod,
        );
        return { InstanceRefreshId: refresh.id };
      },
    },
    DescribeInstanceRefreshes: {
      mutating: false,
      handle(input, { world }) {
        const group = groupOf(world, input['AutoScalingGroupName'] as string);
        const ids = input['InstanceRefreshIds'] as string[] | undefined;
        return {
          InstanceRefreshes: xmlList(
            'member',
            group.refreshes
              .filter((r) => ids === undefined || ids.includes(r.id))
              .map((r) => ({
                InstanceRefreshId: r.id,
                AutoScalingGroupName: r.group,
                Status: r.status,
                ...(r.statusReason ? { StatusReason: r.statusReason } : {}),
                StartTime: new Date(r.startedAt),
                ...(r.endedAt ? { EndTime: new Date(r.endedAt) } : {}),
                PercentageComplete: r.total === 0 ? 100 : Math.floor((100 * r.replaced) / r.total),
                InstancesToUpdate: Math.max(0, r.total - r.replaced),
                Preferences: {
                  MinHealthyPercentage: r.minHealthyPercentage,
                  InstanceWarmup: r.warmupSeconds,
                },
              })),
          ),
        };
      },
    },
  },
};
