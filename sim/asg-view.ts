/** What tests see of the sim's Auto Scaling groups and load balancer (`sim.asg`). */
import type { LifecycleState, TargetState } from './services/asg-state.js';
import type { World } from './world.js';

export interface SimAsgGroupView {
  name: string;
  min: number;
  max: number;
  desired: number;
  template: { name: string; version: string };
  deleting: boolean;
  targetGroupArns: string[];
  instances: {
    id: string;
    lifecycle: LifecycleState;
    /** Auto Scaling's HealthStatus (Unhealthy: failed ELB health checks after the grace). */
    health: 'Healthy' | 'Unhealthy';
    version: string;
    templateVersion: number;
    launchedAt: number;
    inServiceAt?: number;
  }[];
}

export interface SimAsgHandle {
  /** Every group (those being deleted included), by name. */
  groups(): SimAsgGroupView[];
  group(name: string): SimAsgGroupView;
  /** The load balancer's listener ARN (the first listener of the first load balancer). */
  listenerArn(): string;
  /** `http://127.0.0.1:<port>`: the load balancer's front, answering by the listener's weights. */
  url(): string;
  /** The listener's forward weights now, by target group name. */
  weights(): Record<string, number>;
  /** Every weight change of the listener, by target group name. */
  weightHistory(): { at: number; weights: Record<string, number> }[];
  /** The target groups' names with their targets' health now. */
  targetGroups(): { name: string; arn: string; targets: { id: string; state: TargetState }[] }[];
  /** Modelled requests a target group took (and answered 5xx) in [from, to) of real time. */
  requests(targetGroup: string, from?: number, to?: number): { requests: number; server: number };
  /** The sim's clock now (real ms, with any advance): what launch and health times are on. */
  now(): number;
  /** The version each serving instance runs, by group name. */
  versions(): Record<string, string[]>;
}

export function asgView(world: World): SimAsgHandle {
  const asg = world.asg;
  const nameOf = (arn: string): string => asg.anyTargetGroup(arn)?.name ?? arn;
  const firstListener = () => {
    const l = [...asg.listeners.values()][0];
    if (!l) throw new Error('sim: the fixture has no load balancer listener');
    return l;
  };
  const view = (name: string): SimAsgGroupView => {
    const g = asg.groups.get(name);
    if (!g) throw new Error(`sim: no Auto Scaling group ${name}`);
    return structuredClone({
      name: g.name,
      min: g.min,
      max: g.max,
      desired: g.desired,
      template: { name: g.template.name, version: g.template.version },
      deleting: g.deleting,
      targetGroupArns: g.targetGroupArns,
      instances: g.instances.map((i) => ({
        id: i.id,
        lifecycle: i.lifecycle,
        health: i.health,
        version: i.app.version ?? 'none',
        templateVersion: i.template.version,
        launchedAt: i.launchedAt,
        ...(i.inServiceAt !== undefined ? { inServiceAt: i.inServiceAt } : {}),
      })),
    });
  };
  return {
    groups() {
      world.clock.runDue();
      return [...asg.groups.keys()].map(view);
    },
    group(name) {
      world.clock.runDue();
      return view(name);
    },
    listenerArn: () => firstListener().arn,
    url() {
      const l = firstListener();
      const lb = [...asg.loadBalancers.values()].find((b) => b.arn === l.loadBalancerArn)!;
      return `http://${asg.frontUrl(lb)}`;
    },
    weights() {
      const l = firstListener();
      return Object.fromEntries(
        asg.weightsAt(l, world.clock.now()).map((w) => [nameOf(w.arn), w.weight]),
      );
    },
    weightHistory() {
      return firstListener().weights.map((w) => ({
        at: w.from,
        weights: Object.fromEntries(w.groups.map((g) => [nameOf(g.arn), g.weight])),
      }));
    },
    targetGroups() {
      world.clock.runDue();
      const now = world.clock.now();
      return [...asg.targetGroups.values()].map((tg) => ({
        name: tg.name,
        arn: tg.arn,
        targets: asg.listed(tg).map((r) => ({ id: r.instanceId, state: asg.healthAt(tg, r, now) })),
      }));
    },
    requests(targetGroup, from = world.startedAt, to = world.clock.now()) {
      world.clock.runDue();
      const tg =
        asg.targetGroups.get(targetGroup) ??
        asg.deletedTargetGroups.filter((t) => t.name === targetGroup).at(-1);
      if (!tg) return { requests: 0, server: 0 };
      const t = asg.traffic(tg, from, to);
      return { requests: t.requests, server: t.server };
    },
    now: () => world.clock.now(),
    versions() {
      world.clock.runDue();
      return Object.fromEntries(
        [...asg.groups.values()].map((g) => [
          g.name,
          g.instances
            .filter((i) => i.lifecycle === 'InService')
            .map((i) => i.app.version ?? 'none'),
        ]),
      );
    },
  };
}
