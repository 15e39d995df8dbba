/**
 * CreateExpressGatewayService (with its tags), and the ECS operations on an Express service seen
 * as an ordinary ECS service: DescribeServices
 * (what `aws ecs describe-services` and the console show) and TagResource / UntagResource.
 * Types, required members and enums are checked against ECS's model before these run; the
 * rules here are the ones ECS documents beyond it (10 services a call, 50 tags a resource,
 * the reserved `aws:` prefix). `sim/server.ts` adds them to the ECS service's table, so that
 * this file reads ECS's state without ecs.ts importing it back.
 */
import { AwsError } from '../aws/protocol.js';
import type { AwsOperation, Input } from '../aws/service.js';
import type { EcsWorld, ExpressServiceState } from './ecs.js';

type Json = Record<string, unknown>;

const invalid = (message: string): AwsError => new AwsError('InvalidParameterException', message);

/** Tags per service (ECS keeps them on the resource; the sim keeps them beside its state). */
const tagsOf = new WeakMap<ExpressServiceState, Map<string, string>>();

function tags(s: ExpressServiceState): Map<string, string> {
  let map = tagsOf.get(s);
  if (!map) tagsOf.set(s, (map = new Map()));
  return map;
}

/** The tags a service is created with (CreateExpressGatewayService `tags`), checked first. */
export function newTags(given: { key?: string; value?: string }[]): Map<string, string> {
  return checkedTags(new Map(), given);
}

export function setTags(s: ExpressServiceState, map: Map<string, string>): void {
  tagsOf.set(s, map);
}

function checkedTags(
  current: Map<string, string>,
  given: { key?: string; value?: string }[],
): Map<string, string> {
  for (const t of given) {
    if (t.key === undefined) throw invalid('Tag key must not be null.');
    if (t.key.toLowerCase().startsWith('aws:'))
      throw invalid(`Tag keys beginning with "aws:" are reserved: ${t.key}`);
  }
  const next = new Map(current);
  for (const t of given) next.set(t.key!, t.value ?? '');
  if (next.size > 50) throw invalid('A resource can have at most 50 tags.');
  return next;
}

const TERMINAL = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);

function findService(
  world: EcsWorld,
  cluster: string,
  nameOrArn: string,
): ExpressServiceState | undefined {
  if (nameOrArn.startsWith('arn:')) return world.ecs.services.get(nameOrArn);
  return [...world.ecs.services.values()].find(
    (s) => s.name === nameOrArn && (s.cluster === cluster || s.clusterArn === cluster),
  );
}

function serviceView(s: ExpressServiceState, withTags: boolean): Json {
  const active = s.deployments.at(-1);
  const rolling = active !== undefined && !TERMINAL.has(active.status);
  const running = s.status === 'INACTIVE' ? 0 : 1;
  return {
    serviceArn: s.arn,
    serviceName: s.name,
    clusterArn: s.clusterArn,
    loadBalancers: [],
    serviceRegistries: [],
    status: s.status,
    desiredCount: running,
    runningCount: running,
    pendingCount: 0,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    platformFamily: 'Linux',
    taskDefinition: s.current.taskDefinitionArn,
    deployments: [
      {
        id: `ecs-svc/${s.current.arn.split('/').at(-1)}`,
        status: 'PRIMARY',
        taskDefinition: (rolling ? active.target : s.current).taskDefinitionArn,
        desiredCount: running,
        pendingCount: 0,
        runningCount: running,
        failedTasks: 0,
        createdAt: new Date(rolling ? active.createdAt : s.current.createdAt),
        updatedAt: new Date(s.updatedAt),
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        platformFamily: 'Linux',
        rolloutState: rolling ? 'IN_PROGRESS' : 'COMPLETED',
      },
    ],
    ...(active ? { currentServiceDeployment: active.arn } : {}),
    createdAt: new Date(s.createdAt),
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    enableECSManagedTags: true,
    propagateTags: 'SERVICE',
    enableExecuteCommand: false,
    ...(withTags ? { tags: [...tags(s)].map(([key, value]) => ({ key, value })) } : {}),
  };
}

function byResourceArn(world: EcsWorld, input: Input): ExpressServiceState {
  const arn = input['resourceArn'] as string;
  const s = world.ecs.services.get(arn);
  if (!s) throw new AwsError('ResourceNotFoundException', 'The specified resource was not found.');
  return s;
}

export const ecsServiceOperations: Record<string, AwsOperation<EcsWorld>> = {
  CreateExpressGatewayService: {
    mutating: true,
    async handle(input, { world }) {
      const given = (input['tags'] as { key?: string; value?: string }[] | undefined) ?? [];
      const tags = newTags(given);
      const { service, state } = await world.ecs.createExpress(input);
      setTags(state, tags);
      return { service: { ...service, tags: given } };
    },
  },
  DescribeServices: {
    mutating: false,
    handle(input, { world }) {
      const cluster = (input['cluster'] as string | undefined) ?? 'default';
      const names = input['services'] as string[];
      if (names.length < 1 || names.length > 10)
        throw invalid('services can have at least 1 and at most 10 items.');
      const withTags = ((input['include'] as string[] | undefined) ?? []).includes('TAGS');
      const found = names.map((n) => ({ n, s: findService(world, cluster, n) }));
      return {
        services: found.filter((x) => x.s).map((x) => serviceView(x.s!, withTags)),
        failures: found
          .filter((x) => !x.s)
          .map((x) => ({
            arn: x.n.startsWith('arn:')
              ? x.n
              : `arn:aws:ecs:${world.fixture.region}:${world.fixture.account}:service/${cluster}/${x.n}`,
            reason: 'MISSING',
          })),
      };
    },
  },
  TagResource: {
    mutating: true,
    handle(input, { world }) {
      const s = byResourceArn(world, input);
      const given = input['tags'] as { key?: string; value?: string }[];
      tagsOf.set(s, checkedTags(tags(s), given));
      return {};
    },
  },
  UntagResource: {
    mutating: true,
    handle(input, { world }) {
      const s = byResourceArn(world, input);
      for (const key of input['tagKeys'] as string[]) tags(s).delete(key);
      return {};
    },
  },
};
