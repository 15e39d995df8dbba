/**
 * Elastic Load Balancing v2 (awsQuery, version 2015-12-01): an Application Load Balancer, its
 * listeners with weighted forward actions, target groups and target health. State and health
 * checks are in asg-state.ts.
 */
import { AwsError, xmlList } from '../aws/protocol.js';
import type { AwsService, Input } from '../aws/service.js';
import type { AsgState, ListenerState, TargetGroupState } from './asg-state.js';

interface ElbWorld {
  asg: AsgState;
}

const invalid = (message: string): AwsError => new AwsError('ValidationError', message);

function describeListener(world: ElbWorld, l: ListenerState): Input {
  const weights = world.asg.weightsAt(l, world.asg.clock.now());
  return {
    ListenerArn: l.arn,
    LoadBalancerArn: l.loadBalancerArn,
    Port: l.port,
    Protocol: l.protocol,
    DefaultActions: xmlList('member', [
      {
        Type: 'forward',
        ...(weights.length === 1 ? { TargetGroupArn: weights[0]!.arn } : {}),
        ForwardConfig: {
          TargetGroups: xmlList(
            'member',
            weights.map((w) => ({ TargetGroupArn: w.arn, Weight: w.weight })),
          ),
          TargetGroupStickinessConfig: { Enabled: false },
        },
      },
    ]),
  };
}

function loadBalancersOf(world: ElbWorld, tg: TargetGroupState): string[] {
  return [...world.asg.listeners.values()]
    .filter((l) => l.weights.at(-1)!.groups.some((g) => g.arn === tg.arn))
    .map((l) => l.loadBalancerArn);
}

function describeTargetGroup(world: ElbWorld, tg: TargetGroupState): Input {
  return {
    TargetGroupArn: tg.arn,
    TargetGroupName: tg.name,
    Protocol: tg.protocol,
    Port: tg.port,
    VpcId: 'vpc-0123456789abcdef0',
    HealthCheckProtocol: 'HTTP',
    HealthCheckPort: 'traffic-port',
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: tg.interval,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: tg.healthyThreshold,
    UnhealthyThresholdCount: tg.unhealthyThreshold,
    HealthCheckPath: tg.healthCheckPath,
    Matcher: { HttpCode: '200' },
    LoadBalancerArns: xmlList('member', [...new Set(loadBalancersOf(world, tg))]),
    TargetType: 'instance',
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
  };
}

function targetGroupOf(world: ElbWorld, arn: string): TargetGroupState {
  const tg = world.asg.targetGroupByArn(arn);
  if (!tg) throw new AwsError('TargetGroupNotFound', `Target groups '${arn}' not found`);
  return tg;
}

function listenerOf(world: ElbWorld, arn: string): ListenerState {
  const l = world.asg.listeners.get(arn);
  if (!l) throw new AwsError('ListenerNotFound', `Listener '${arn}' not found`);
  return l;
}

const REASONS: Record<string, { Reason: string; Description: string } | undefined> = {
  initial: {
    Reason: 'Elb.InitialHealthChecking',
    Description: 'Initial health checks in progress',
  },
  unhealthy: { Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' },
  draining: {
    Reason: 'Target.DeregistrationInProgress',
    Description: 'Target deregistration is in progress',
  },
  healthy: undefined,
};

export const elbv2: AwsService<ElbWorld> = {
  signingName: 'elasticloadbalancing',
  protocol: 'awsQuery',
  xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  invalid,
  faults: { throttling: 'Throttling', throttlingStatus: 400, internal: 'InternalFailure' },
  operations: {
    DescribeLoadBalancers: {
      mutating: false,
      handle(input, { world }) {
        const arns = input['LoadBalancerArns'] as string[] | undefined;
        const names = input['Names'] as string[] | undefined;
        const all = [...world.asg.loadBalancers.values()];
        const found = all.filter(
          (lb) =>
            (arns === undefined || arns.includes(lb.arn)) &&
            (names === undefined || names.includes(lb.name)),
        );
        for (const arn of arns ?? [])
          if (!all.some((lb) => lb.arn === arn))
            throw new AwsError('LoadBalancerNotFound', `Load balancers '[${arn}]' not found`);
        return {
          LoadBalancers: xmlList(
            'member',
            found.map((lb) => ({
              LoadBalancerArn: lb.arn,
              DNSName: world.asg.frontUrl(lb),
              CanonicalHostedZoneId: 'Z32O12XQLNTSW2',
              CreatedTime: new Date(lb.createdAt),
              LoadBalancerName: lb.name,
              Scheme: 'internet-facing',
              VpcId: 'vpc-0123456789abcdef0',
              State: { Code: 'active' },
              Type: 'application',
              IpAddressType: 'ipv4',
            })),
          ),
        };
      },
    },
    DescribeListeners: {
      mutating: false,
      handle(input, { world }) {
        const arns = input['ListenerArns'] as string[] | undefined;
        const lbArn = input['LoadBalancerArn'] as string | undefined;
        if ((arns === undefined) === (lbArn === undefined))
          throw invalid('Either a load balancer ARN or listener ARNs must be specified');
        const listeners = arns
          ? arns.map((arn) => listenerOf(world, arn))
          : [...world.asg.listeners.values()].filter((l) => l.loadBalancerArn === lbArn);
        return {
          Listeners: xmlList(
            'member',
            listeners.map((l) => describeListener(world, l)),
          ),
        };
      },
    },
    ModifyListener: {
      mutating: true,
      handle(input, { world }) {
        const listener = listenerOf(world, input['ListenerArn'] as string);
        const actions = input['DefaultActions'] as Input[] | undefined;
        if (actions) {
          if (actions.length !== 1 || actions[0]!['Type'] !== 'forward')
            throw invalid('The sim serves one forward default action');
          const action = actions[0]!;
          const forward = action['ForwardConfig'] as Input | undefined;
          const tuples = (forward?.['TargetGroups'] as Input[] | undefined) ?? [];
          const single = action['TargetGroupArn'] as string | undefined;
          if (
            single !== undefined &&
            tuples.length > 0 &&
            !(tuples.length === 1 && tuples[0]!['TargetGroupArn'] === single)
          )
            throw invalid(
              'You cannot specify both a target group ARN and a forward config with different target groups',
            );
          const groups =
            tuples.length > 0
              ? tuples.map((t) => ({
                  arn: t['TargetGroupArn'] as string,
                  weight: t['Weight'] === undefined ? 1 : Number(t['Weight']),
                }))
              : single !== undefined
                ? [{ arn: single, weight: 1 }]
                : [];
          if (groups.length === 0)
            throw invalid('A target group ARN must be specified for a forward action');
          if (groups.length > 5) throw invalid('A forward action can have at most 5 target groups');
          if (new Set(groups.map((g) => g.arn)).size !== groups.length)
            throw invalid('A target group can be specified only once in a forward action');
          for (const g of groups)
            if (!Number.isInteger(g.weight) || g.weight < 0 || g.weight > 999)
              throw invalid(`Target group weight '${g.weight}' must be between 0 and 999`);
          for (const g of groups) targetGroupOf(world, g.arn);
          if (groups.every((g) => g.weight === 0))
            throw invalid(
              'At least one target group in a forward action must have a non-zero weight',
            );
          listener.weights.push({ from: world.asg.clock.now(), groups });
        }
        return { Listeners: xmlList('member', [describeListener(world, listener)]) };
      },
    },
    DescribeTargetGroups: {
      mutating: false,
      handle(input, { world }) {
        const arns = input['TargetGroupArns'] as string[] | undefined;
        const names = input['Names'] as string[] | undefined;
        const lbArn = input['LoadBalancerArn'] as string | undefined;
        const all = [...world.asg.targetGroups.values()];
        for (const arn of arns ?? []) targetGroupOf(world, arn);
        for (const name of names ?? [])
          if (!all.some((t) => t.name === name))
            throw new AwsError('TargetGroupNotFound', `One or more target groups not found`);
        const found = all.filter(
          (t) =>
            (arns === undefined || arns.includes(t.arn)) &&
            (names === undefined || names.includes(t.name)) &&
            (lbArn === undefined || loadBalancersOf(world, t).includes(lbArn)),
        );
        return {
          TargetGroups: xmlList(
            'member',
            found.map((t) => describeTargetGroup(world, t)),
          ),
        };
      },
    },
    CreateTargetGroup: {
      mutating: true,
      handle(input, { world }) {
        const name = input['Name'] as string;
        if (
          !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(name) ||
          name.startsWith('internal-')
        )
          throw invalid(
            `Target group name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`,
          );
        const num = (key: string, fallback: number): number =>
          input[key] === undefined ? fallback : Number(input[key]);
        const wanted = {
          protocol: (input['Protocol'] as string | undefined) ?? 'HTTP',
          port: num('Port', 80),
          healthCheckPath: (input['HealthCheckPath'] as string | undefined) ?? '/',
          interval: num('HealthCheckIntervalSeconds', 30),
          healthyThreshold: num('HealthyThresholdCount', 5),
          unhealthyThreshold: num('UnhealthyThresholdCount', 2),
        };
        const existing = world.asg.targetGroups.get(name);
        if (existing) {
          // Idempotent with the same settings, as ELB: a retried create returns the group.
          const same = (Object.keys(wanted) as (keyof typeof wanted)[]).every(
            (k) => existing[k] === wanted[k],
          );
          if (!same)
            throw new AwsError(
              'DuplicateTargetGroupName',
              `A target group with the same name '${name}' exists, but with different settings`,
            );
          return { TargetGroups: xmlList('member', [describeTargetGroup(world, existing)]) };
        }
        const id = [...crypto.getRandomValues(new Uint8Array(8))]
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('');
        const tg: TargetGroupState = {
          arn: `arn:aws:elasticloadbalancing:${world.asg.fixture.region}:${world.asg.fixture.account}:targetgroup/${name}/${id}`,
          name,
          createdAt: world.asg.clock.now(),
          ...wanted,
          deregistrationDelay: 300,
          registrations: [],
        };
        world.asg.targetGroups.set(name, tg);
        return { TargetGroups: xmlList('member', [describeTargetGroup(world, tg)]) };
      },
    },
    DeleteTargetGroup: {
      mutating: true,
      handle(input, { world }) {
        const arn = input['TargetGroupArn'] as string;
        const tg = world.asg.targetGroupByArn(arn);
        // Deleting a group that is gone succeeds, as ELB's delete is idempotent.
        if (!tg) return {};
        if (loadBalancersOf(world, tg).length > 0)
          throw new AwsError(
            'ResourceInUse',
            `Target group '${arn}' is currently in use by a listener or a rule`,
          );
        world.asg.targetGroups.delete(tg.name);
        world.asg.deletedTargetGroups.push(tg);
        return {};
      },
    },
    DescribeTargetHealth: {
      mutating: false,
      handle(input, { world }) {
        const tg = targetGroupOf(world, input['TargetGroupArn'] as string);
        const now = world.asg.clock.now();
        return {
          TargetHealthDescriptions: xmlList(
            'member',
            world.asg.listed(tg).map((r) => {
              const state = world.asg.healthAt(tg, r, now);
              const reason = REASONS[state];
              return {
                Target: { Id: r.instanceId, Port: tg.port },
                HealthCheckPort: String(tg.port),
                TargetHealth: { State: state, ...(reason ?? {}) },
              };
            }),
          ),
        };
      },
    },
    DescribeTargetGroupAttributes: {
      mutating: false,
      handle(input, { world }) {
        const tg = targetGroupOf(world, input['TargetGroupArn'] as string);
        return {
          Attributes: xmlList('member', [
            { Key: 'deregistration_delay.timeout_seconds', Value: String(tg.deregistrationDelay) },
            { Key: 'stickiness.enabled', Value: 'false' },
            { Key: 'load_balancing.algorithm.type', Value: 'round_robin' },
            { Key: 'slow_start.duration_seconds', Value: '0' },
          ]),
        };
      },
    },
    ModifyTargetGroupAttributes: {
      mutating: true,
      handle(input, { world }) {
        const tg = targetGroupOf(world, input['TargetGroupArn'] as string);
        for (const a of (input['Attributes'] as Input[] | undefined) ?? []) {
          if (a['Key'] === 'deregistration_delay.timeout_seconds') {
            const v = Number(a['Value']);
            if (!Number.isInteger(v) || v < 0 || v > 3600)
              throw invalid(`'${String(a['Value'])}' must be an integer between 0 and 3600`);
            tg.deregistrationDelay = v;
          }
        }
        return {
          Attributes: xmlList('member', [
            { Key: 'deregistration_delay.timeout_seconds', Value: String(tg.deregistrationDelay) },
          ]),
        };
      },
    },
  },
};
