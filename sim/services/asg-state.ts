/**
 * EC2 launch templates, Auto Scaling groups and an Application Load Balancer, as one world:
 * the three APIs (ec2.ts, autoscaling.ts, elbv2.ts) read and change this state.
 *
 * - A launch template version names what its instances run: the AMI (`ImageId`) and user data
 *   whose `IMAGE=<registry>/<repo>:<tag>` line is the sample app image the instance pulls at
 *   boot (resolved in the sim's ECR when the version is made; an image ECR lacks boots an
 *   instance whose app never answers).
 * - An instance is Pending for `durations.launch`, then InService; it is registered with the
 *   group's target groups at launch. Terminating: deregistered, it drains for the target
 *   group's deregistration delay, then is gone after `durations.terminate`.
 * - Target health is ELB's: a health check every `interval` seconds of modelled time, `initial`
 *   until `healthyThreshold` checks pass in a row, `unhealthy` after `unhealthyThreshold` fail
 *   in a row; a deregistered target is `draining` for the deregistration delay.
 * - A listener's default action forwards to target groups by weight; every change is kept
 *   (`weights`), so the traffic each group took, and so its AWS/ApplicationELB metrics, are
 *   made from the weights the listener had at each moment and the targets healthy then.
 * - An instance refresh replaces instances in batches that keep `MinHealthyPercentage` of the
 *   desired capacity in service; a batch ends when its new instances are InService, past
 *   their warm-up and healthy in every target group.
 */
import { createHash } from 'node:crypto';
import type { SimClock } from '../clock.js';
import type { AsgFixture } from '../asg-fixture.js';
import type { Fixture } from '../fixture.js';
import { AwsError } from '../aws/protocol.js';
import { answerShares, appAnswer, SampleApp, type RunningApp } from '../sample-app.js';
import type { EcrState } from './ecr.js';

export interface LaunchTemplateVersion {
  number: number;
  createdAt: number;
  description?: string;
  imageId: string;
  /** Base64, as sent. */
  userData?: string;
  /** The image its user data names, resolved when the version was made. */
  app: AppImage;
}

/** What an instance of a version runs. */
export interface AppImage {
  /** The `IMAGE=` value of the user data ('' when it names none). */
  image: string;
  /** Resolved in ECR; undefined: the instance's app never starts. */
  digest?: string;
  version?: string;
  behaviour?: RunningApp['behaviour'];
}

export interface LaunchTemplate {
  id: string;
  name: string;
  createdAt: number;
  defaultVersion: number;
  versions: LaunchTemplateVersion[];
}

export type LifecycleState = 'Pending' | 'InService' | 'Terminating' | 'Terminated';

export interface SimInstance {
  id: string;
  group: string;
  az: string;
  template: { id: string; name: string; version: number };
  imageId: string;
  app: AppImage;
  launchedAt: number;
  /** When the app answers (launch + boot); undefined: never (its image could not be pulled). */
  upAt?: number;
  lifecycle: LifecycleState;
  /** When it came into service (boot done; its app may still not answer). */
  inServiceAt?: number;
  /** Auto Scaling's view: Unhealthy once an ELB health check failed it after the grace period. */
  health: 'Healthy' | 'Unhealthy';
  terminatingAt?: number;
  goneAt?: number;
}

export type TargetState = 'initial' | 'healthy' | 'unhealthy' | 'draining' | 'unused';

export interface Registration {
  instanceId: string;
  registeredAt: number;
  deregisteredAt?: number;
  /** Health transitions, oldest first, evaluated lazily up to `evaluatedChecks`. */
  transitions: { at: number; state: TargetState }[];
  evaluatedChecks: number;
  passesInRow: number;
  failsInRow: number;
}

export interface TargetGroupState {
  arn: string;
  name: string;
  createdAt: number;
  port: number;
  protocol: string;
  healthCheckPath: string;
  interval: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  deregistrationDelay: number;
  registrations: Registration[];
}

export interface InstanceRefreshState {
  id: string;
  group: string;
  status: 'Pending' | 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';
  statusReason?: string;
  startedAt: number;
  endedAt?: number;
  minHealthyPercentage: number;
  warmupSeconds: number;
  /** Instances still to replace, and those replaced so far. */
  toReplace: string[];
  replaced: number;
  total: number;
  /** The current batch's new instances. */
  batch: string[];
}

export interface GroupState {
  arn: string;
  name: string;
  createdAt: number;
  template: { id: string; name: string; version: string };
  min: number;
  max: number;
  desired: number;
  targetGroupArns: string[];
  healthCheckType: string;
  healthCheckGracePeriod: number;
  defaultInstanceWarmup?: number;
  instances: SimInstance[];
  refreshes: InstanceRefreshState[];
  /** DeleteAutoScalingGroup: `Delete in progress` until its instances are gone. */
  deleting: boolean;
}

export interface ListenerState {
  arn: string;
  loadBalancerArn: string;
  port: number;
  protocol: string;
  /** Every default action the listener had: target group ARN → weight, from a time. */
  weights: { from: number; groups: { arn: string; weight: number }[] }[];
}

export interface LoadBalancerState {
  arn: string;
  name: string;
  createdAt: number;
  app: SampleApp;
  /** Requests the front answered, to spread them over groups and targets by weight. */
  served: number;
}

const hex = (seed: string, n: number): string =>
  createHash('sha256').update(seed).digest('hex').slice(0, n);

const AZS = ['a', 'b', 'c'];

/** The `IMAGE=` line of base64 user data ('' when there is none or it is not base64 text). */
export function imageOfUserData(userData: string | undefined): string {
  if (!userData) return '';
  const text = Buffer.from(userData, 'base64').toString('utf8');
  return /^(?:export\s+)?IMAGE=["']?([^"'\s]+)["']?\s*$/m.exec(text)?.[1] ?? '';
}

export const validation = (message: string): AwsError => new AwsError('ValidationError', message);

export class AsgState {
  readonly launchTemplates = new Map<string, LaunchTemplate>();
  readonly groups = new Map<string, GroupState>();
  readonly targetGroups = new Map<string, TargetGroupState>();
  /** Deleted target groups: their past traffic still counts in metrics and tests. */
  readonly deletedTargetGroups: TargetGroupState[] = [];
  readonly listeners = new Map<string, ListenerState>();
  readonly loadBalancers = new Map<string, LoadBalancerState>();
  readonly instances = new Map<string, SimInstance>();
  private seq = 0;
  readonly asg: AsgFixture;

  constructor(
    readonly fixture: Fixture,
    readonly clock: SimClock,
    private readonly ecr: EcrState,
  ) {
    this.asg = fixture.asg;
  }

  private arnPrefix(service: string): string {
    return `arn:aws:${service}:${this.fixture.region}:${this.fixture.account}`;
  }

  private nextId(kind: string): string {
    this.seq++;
    return hex(`${kind}/${this.seq}/${this.fixture.seed}`, 17);
  }

  // ------------------------------------------------------------ seed and stop

  async seed(): Promise<void> {
    const now = this.clock.now();
    const host = this.ecr.registryHost;
    for (const lt of this.asg.launchTemplates) {
      const userData = Buffer.from(`#!/bin/bash\nIMAGE=${host}/${lt.image}\n`).toString('base64');
      const template: LaunchTemplate = {
        id: `lt-${this.nextId('lt')}`,
        name: lt.name,
        createdAt: now - 86_400_000 * 30,
        defaultVersion: 1,
        versions: [],
      };
      template.versions.push({
        number: 1,
        createdAt: template.createdAt,
        imageId: lt.imageId,
        userData,
        app: await this.resolveApp(userData),
      });
      this.launchTemplates.set(lt.name, template);
    }
    for (const tg of this.asg.targetGroups) {
      this.targetGroups.set(tg.name, {
        arn: `${this.arnPrefix('elasticloadbalancing')}:targetgroup/${tg.name}/${this.nextId('tg').slice(0, 16)}`,
        name: tg.name,
        createdAt: now - 86_400_000 * 30,
        port: 80,
        protocol: 'HTTP',
        healthCheckPath: tg.healthCheckPath,
        interval: tg.interval,
        healthyThreshold: tg.healthyThreshold,
        unhealthyThreshold: tg.unhealthyThreshold,
        deregistrationDelay: tg.deregistrationDelay,
        registrations: [],
      });
    }
    for (const lb of this.asg.loadBalancers) {
      const id = this.nextId('lb').slice(0, 16);
      const state: LoadBalancerState = {
        arn: `${this.arnPrefix('elasticloadbalancing')}:loadbalancer/app/${lb.name}/${id}`,
        name: lb.name,
        createdAt: now - 86_400_000 * 30,
        served: 0,
        app: new SampleApp(
          () => this.front(state),
          () => this.clock.now(),
        ),
      };
      await state.app.start();
      this.loadBalancers.set(lb.name, state);
      for (const l of lb.listeners) {
        const tg = this.targetGroupByName(l.targetGroup);
        const arn = `${this.arnPrefix('elasticloadbalancing')}:listener/app/${lb.name}/${id}/${this.nextId('listener').slice(0, 16)}`;
        this.listeners.set(arn, {
          arn,
          loadBalancerArn: state.arn,
          port: l.port,
          protocol: l.protocol,
          weights: [{ from: state.createdAt, groups: [{ arn: tg.arn, weight: 1 }] }],
        });
      }
    }
    for (const g of this.asg.groups) {
      const template = this.launchTemplates.get(g.launchTemplate);
      if (!template) throw new Error(`sim fixture: group ${g.name} names no launch template`);
      const group = this.newGroup({
        name: g.name,
        template: { id: template.id, name: template.name, version: String(g.version) },
        min: g.min,
        max: g.max,
        desired: g.desired,
        targetGroupArns: g.targetGroups.map((n) => this.targetGroupByName(n).arn),
        healthCheckType: 'ELB',
        healthCheckGracePeriod: g.healthCheckGracePeriod,
      });
      group.createdAt = now - 86_400_000 * 7;
      // Seeded instances have run for a week and are healthy.
      for (const instance of group.instances) {
        instance.launchedAt = group.createdAt;
        instance.upAt = instance.app.digest ? group.createdAt : undefined;
        instance.lifecycle = 'InService';
        instance.inServiceAt = group.createdAt;
        this.watchHealth(group, instance, group.createdAt);
        for (const tg of this.targetGroups.values())
          for (const reg of tg.registrations.filter((r) => r.instanceId === instance.id)) {
            reg.registeredAt = group.createdAt;
            reg.transitions = [{ at: group.createdAt, state: 'healthy' }];
            reg.evaluatedChecks = Math.floor((now - group.createdAt) / this.intervalMs(tg));
            reg.passesInRow = tg.healthyThreshold;
          }
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.loadBalancers.values()].map((lb) => lb.app.stop()));
  }

  async resolveApp(userData: string | undefined): Promise<AppImage> {
    const image = imageOfUserData(userData);
    const resolved = image ? await this.ecr.resolve(image) : undefined;
    if (!resolved) return { image };
    return {
      image,
      digest: resolved.image.digest,
      version: resolved.image.version,
      behaviour: resolved.image.behaviour,
    };
  }

  // ------------------------------------------------------------ lookups

  targetGroupByName(name: string): TargetGroupState {
    const tg = this.targetGroups.get(name);
    if (!tg) throw new Error(`sim fixture: no target group ${name}`);
    return tg;
  }

  targetGroupByArn(arn: string): TargetGroupState | undefined {
    return [...this.targetGroups.values()].find((t) => t.arn === arn);
  }

  /** A target group by ARN, deleted ones included (for metrics of the past). */
  anyTargetGroup(arn: string): TargetGroupState | undefined {
    return this.targetGroupByArn(arn) ?? this.deletedTargetGroups.find((t) => t.arn === arn);
  }

  template(spec: { id?: string; name?: string }): LaunchTemplate | undefined {
    return [...this.launchTemplates.values()].find(
      (t) =>
        (spec.id !== undefined && t.id === spec.id) ||
        (spec.name !== undefined && t.name === spec.name),
    );
  }

  /** `$Latest`, `$Default` or a number, as a group or a request names a version. */
  versionOf(
    template: LaunchTemplate,
    version: string | undefined,
  ): LaunchTemplateVersion | undefined {
    const n =
      version === undefined || version === '$Default'
        ? template.defaultVersion
        : version === '$Latest'
          ? template.versions.length
          : Number(version);
    return template.versions.find((v) => v.number === n);
  }

  registrationsOf(instanceId: string): Registration[] {
    return [...this.targetGroups.values()].flatMap((tg) =>
      tg.registrations.filter((r) => r.instanceId === instanceId),
    );
  }

  // ------------------------------------------------------------ groups and instances

  newGroup(
    spec: Omit<GroupState, 'arn' | 'createdAt' | 'instances' | 'refreshes' | 'deleting'>,
  ): GroupState {
    const group: GroupState = {
      ...spec,
      arn: `${this.arnPrefix('autoscaling')}:autoScalingGroup:${crypto.randomUUID()}:autoScalingGroupName/${spec.name}`,
      createdAt: this.clock.now(),
      instances: [],
      refreshes: [],
      deleting: false,
    };
    this.groups.set(group.name, group);
    this.reconcile(group);
    return group;
  }

  /** Instances the group counts (not terminating). */
  live(group: GroupState): SimInstance[] {
    return group.instances.filter((i) => i.lifecycle === 'Pending' || i.lifecycle === 'InService');
  }

  /** Launches or terminates instances until the live ones match the desired capacity. */
  reconcile(group: GroupState): void {
    const live = this.live(group);
    for (let n = live.length; n < group.desired; n++) this.launch(group);
    if (live.length > group.desired) {
      // Default termination policy, simplified: oldest launch template version, then oldest.
      const order = [...live].sort(
        (a, b) => a.template.version - b.template.version || a.launchedAt - b.launchedAt,
      );
      for (const i of order.slice(0, live.length - group.desired)) this.terminate(i);
    }
  }

  launch(group: GroupState): SimInstance {
    const template = this.template({ id: group.template.id, name: group.template.name });
    const version = template && this.versionOf(template, group.template.version);
    if (!template || !version)
      throw new Error(`sim: group ${group.name} names a launch template version that is gone`);
    const now = this.clock.now();
    // The instance boots and comes into service whether or not its app starts (no lifecycle
    // hook waits for the app): the load balancer's health checks are what tell.
    const upAt = now + this.clock.scaled(this.asg.durations.launch);
    const instance: SimInstance = {
      id: `i-${this.nextId('instance')}`,
      group: group.name,
      az: `${this.fixture.region}${AZS[group.instances.length % AZS.length]}`,
      template: { id: template.id, name: template.name, version: version.number },
      imageId: version.imageId,
      app: version.app,
      launchedAt: now,
      ...(version.app.digest ? { upAt } : {}),
      lifecycle: 'Pending',
      health: 'Healthy',
    };
    group.instances.push(instance);
    this.instances.set(instance.id, instance);
    for (const arn of group.targetGroupArns) this.register(arn, instance.id, now);
    this.clock.at(upAt, (at) => {
      if (instance.lifecycle !== 'Pending') return;
      instance.lifecycle = 'InService';
      instance.inServiceAt = at;
      this.watchHealth(group, instance, at);
    });
    return instance;
  }

  /**
   * Auto Scaling's health checks of an instance with HealthCheckType ELB: none during the
   * grace period after it came into service; after it, an instance any of the group's target
   * groups has unhealthy is marked Unhealthy, terminated and replaced (as AWS does).
   */
  watchHealth(group: GroupState, instance: SimInstance, inServiceAt: number): void {
    if (group.healthCheckType !== 'ELB') return;
    const graceEnd = inServiceAt + this.clock.scaled(group.healthCheckGracePeriod * 1000);
    const look = (at: number): void => {
      if (instance.lifecycle !== 'InService' || group.deleting || !this.groups.has(group.name))
        return;
      const tgs = group.targetGroupArns
        .map((arn) => this.targetGroupByArn(arn))
        .filter((t): t is TargetGroupState => t !== undefined);
      const unhealthy = tgs.some((tg) =>
        tg.registrations.some(
          (r) =>
            r.instanceId === instance.id &&
            r.deregisteredAt === undefined &&
            this.healthAt(tg, r, at) === 'unhealthy',
        ),
      );
      if (unhealthy) {
        instance.health = 'Unhealthy';
        this.terminate(instance);
        this.reconcile(group);
        return;
      }
      const every = Math.min(...tgs.map((tg) => this.intervalMs(tg)), this.clock.scaled(10_000));
      // After a long time nobody looked at the sim, one look for the stretch, not one per
      // interval (the target's transitions keep their times, so nothing is missed). The looks
      // stay on their grid (every `every` from the grace period's end): re-anchored on the
      // moment the sim was read, their times would depend on how fast the machine answered.
      const behind = this.clock.now() - every - (at + every);
      const skipped = behind > 0 ? Math.ceil(behind / every) : 0;
      this.clock.at(at + (skipped + 1) * every, look);
    };
    // At the grace period's end even when the sim is read later (the clock runs overdue
    // events in their order): the looks' grid does not depend on when the sim was read.
    this.clock.at(graceEnd, look);
  }

  terminate(instance: SimInstance): void {
    if (instance.lifecycle === 'Terminating' || instance.lifecycle === 'Terminated') return;
    const now = this.clock.now();
    instance.lifecycle = 'Terminating';
    instance.terminatingAt = now;
    let drain = 0;
    for (const tg of this.targetGroups.values())
      for (const r of tg.registrations)
        if (r.instanceId === instance.id && r.deregisteredAt === undefined) {
          this.healthAt(tg, r, now);
          r.deregisteredAt = now;
          drain = Math.max(drain, tg.deregistrationDelay * 1000);
        }
    // The group waits for the targets to drain, then the instance shuts down.
    const gone = now + this.clock.scaled(drain + this.asg.durations.terminate);
    instance.goneAt = gone;
    this.clock.at(gone, () => {
      instance.lifecycle = 'Terminated';
      const group = this.groups.get(instance.group);
      if (group) {
        group.instances = group.instances.filter((i) => i !== instance);
        if (group.deleting && group.instances.length === 0) this.groups.delete(group.name);
      }
    });
  }

  register(tgArn: string, instanceId: string, at: number): void {
    const tg = this.targetGroupByArn(tgArn);
    if (!tg) return;
    tg.registrations.push({
      instanceId,
      registeredAt: at,
      transitions: [{ at, state: 'initial' }],
      evaluatedChecks: 0,
      passesInRow: 0,
      failsInRow: 0,
    });
  }

  // ------------------------------------------------------------ target health

  private intervalMs(tg: { interval: number }): number {
    return this.clock.scaled(tg.interval * 1000);
  }

  /** Runs the health checks of a registration due by `at`; its state at `at`. */
  healthAt(tg: TargetGroupState, reg: Registration, at: number): TargetState {
    const now = this.clock.now();
    const step = this.intervalMs(tg);
    const instance = this.instances.get(reg.instanceId);
    const until = Math.min(now, reg.deregisteredAt ?? Infinity);
    for (;;) {
      const t = reg.registeredAt + (reg.evaluatedChecks + 1) * step;
      if (t > until) break;
      reg.evaluatedChecks++;
      const pass =
        instance?.upAt !== undefined &&
        t >= instance.upAt &&
        instance.app.behaviour !== undefined &&
        (() => {
          const status = appAnswer(this.runningApp(instance), tg.healthCheckPath, t).status;
          return status >= 200 && status < 400;
        })();
      if (pass) {
        reg.passesInRow++;
        reg.failsInRow = 0;
      } else {
        reg.failsInRow++;
        reg.passesInRow = 0;
      }
      const current = reg.transitions.at(-1)!.state;
      if (current !== 'healthy' && reg.passesInRow >= tg.healthyThreshold)
        reg.transitions.push({ at: t, state: 'healthy' });
      else if (current !== 'unhealthy' && reg.failsInRow >= tg.unhealthyThreshold)
        reg.transitions.push({ at: t, state: 'unhealthy' });
    }
    if (reg.deregisteredAt !== undefined && at >= reg.deregisteredAt)
      return at < reg.deregisteredAt + this.clock.scaled(tg.deregistrationDelay * 1000)
        ? 'draining'
        : 'unused';
    let state: TargetState = 'initial';
    for (const tr of reg.transitions) if (tr.at <= at) state = tr.state;
    return state;
  }

  /** Registrations a target group lists now (drained ones are gone). */
  listed(tg: TargetGroupState): Registration[] {
    const now = this.clock.now();
    return tg.registrations.filter((r) => this.healthAt(tg, r, now) !== 'unused');
  }

  /** What an instance's app is (for health checks, the front and the metrics). */
  runningApp(instance: SimInstance): RunningApp {
    return {
      serviceStatus: 'RUNNING',
      behaviour: instance.app.behaviour ?? {
        behaviour: 'fails-platform-health-check',
        latencyMs: 0,
        crashAfterMs: 0,
        warmUpMs: 0,
        errorRate: 0,
      },
      version: instance.app.version ?? 'none',
      liveSince: instance.upAt ?? instance.launchedAt,
    };
  }

  // ------------------------------------------------------------ traffic

  weightsAt(listener: ListenerState, at: number): { arn: string; weight: number }[] {
    let current = listener.weights[0]!.groups;
    for (const w of listener.weights) if (w.from <= at) current = w.groups;
    return current;
  }

  /** The apps that take a target group's requests at `at`: healthy targets (all if none is). */
  servingAt(tg: TargetGroupState, at: number): RunningApp[] {
    const states = tg.registrations
      .filter((r) => r.registeredAt <= at)
      .map((r) => ({ r, state: this.healthAt(tg, r, at) }));
    const healthy = states.filter((s) => s.state === 'healthy');
    // ELB fails open: with no healthy target, every registered target gets requests.
    const chosen =
      healthy.length > 0
        ? healthy
        : states.filter((s) => s.state !== 'draining' && s.state !== 'unused');
    return chosen.flatMap(({ r }) => {
      const instance = this.instances.get(r.instanceId);
      return instance ? [this.runningApp(instance)] : [];
    });
  }

  /** Share of the load balancer's requests a target group took at `at` (0…1). */
  shareAt(tg: TargetGroupState, at: number): number {
    let share = 0;
    for (const l of this.listeners.values()) {
      const weights = this.weightsAt(l, at);
      const total = weights.reduce((n, w) => n + w.weight, 0);
      const mine = weights.find((w) => w.arn === tg.arn)?.weight ?? 0;
      if (total > 0) share = Math.max(share, mine / total);
    }
    return share;
  }

  /**
   * The modelled requests of a target group in [from, to) (real ms), by what its targets
   * answered them: what CloudWatch's AWS/ApplicationELB metrics of the group are made from.
   */
  traffic(
    tg: TargetGroupState,
    from: number,
    to: number,
  ): {
    requests: number;
    ok: number;
    client: number;
    server: number;
    apps: { app: RunningApp; requests: number }[];
  } {
    const modelledMinute = 60_000 * this.clock.timeScale;
    const rpm = this.fixture.cloudwatch.requestsPerMinute;
    const out = {
      requests: 0,
      ok: 0,
      client: 0,
      server: 0,
      apps: [] as { app: RunningApp; requests: number }[],
    };
    const slices = Math.max(1, Math.min(600, Math.ceil((to - from) / (this.intervalMs(tg) / 2))));
    const width = (to - from) / slices;
    for (let i = 0; i < slices; i++) {
      const at = from + (i + 0.5) * width;
      const share = this.shareAt(tg, at);
      if (share === 0) continue;
      const apps = this.servingAt(tg, at);
      if (apps.length === 0) continue;
      const requests = (rpm * width * share) / modelledMinute;
      for (const app of apps) {
        const n = requests / apps.length;
        const shares = answerShares(app, this.asg.traffic, at);
        out.requests += n;
        out.ok += n * shares.ok;
        out.client += n * shares.client;
        out.server += n * shares.server;
        out.apps.push({ app, requests: n });
      }
    }
    return out;
  }

  // ------------------------------------------------------------ the load balancer's front

  /** The app that answers the front's next request: by listener weight, then round robin. */
  private front(lb: LoadBalancerState): RunningApp {
    const n = lb.served++;
    const now = this.clock.now();
    const listener = [...this.listeners.values()].find((l) => l.loadBalancerArn === lb.arn);
    const weights = listener ? this.weightsAt(listener, now).filter((w) => w.weight > 0) : [];
    const total = weights.reduce((s, w) => s + w.weight, 0);
    // Spread evenly: request n goes to the group whose cumulative share covers (n·φ mod 1).
    const point = ((n * 0.6180339887) % 1) * total;
    let acc = 0;
    const chosen = weights.find((w) => (acc += w.weight) > point) ?? weights.at(-1);
    const tg = chosen ? this.targetGroupByArn(chosen.arn) : undefined;
    const apps = tg ? this.servingAt(tg, now) : [];
    const app = apps[n % Math.max(1, apps.length)];
    // No target: the load balancer's own 502.
    return (
      app ?? {
        serviceStatus: 'RUNNING',
        behaviour: {
          behaviour: 'fails-platform-health-check',
          latencyMs: 0,
          crashAfterMs: 0,
          warmUpMs: 0,
          errorRate: 0,
        },
        version: 'none',
        liveSince: now,
      }
    );
  }

  frontUrl(lb: LoadBalancerState): string {
    return `127.0.0.1:${lb.app.port}`;
  }

  // ------------------------------------------------------------ instance refresh

  startRefresh(
    group: GroupState,
    minHealthyPercentage: number,
    warmupSeconds: number,
  ): InstanceRefreshState {
    const refresh: InstanceRefreshState = {
      id: crypto.randomUUID(),
      group: group.name,
      status: 'Pending',
      startedAt: this.clock.now(),
      minHealthyPercentage,
      warmupSeconds,
      toReplace: this.live(group).map((i) => i.id),
      replaced: 0,
      total: this.live(group).length,
      batch: [],
    };
    group.refreshes.unshift(refresh);
    this.clock.after(5_000, () => this.refreshStep(group, refresh));
    return refresh;
  }

  /** One look at a refresh: start the next batch when the current one is in service and warm. */
  private refreshStep(group: GroupState, refresh: InstanceRefreshState): void {
    if (refresh.status !== 'Pending' && refresh.status !== 'InProgress') return;
    if (!this.groups.has(group.name) || group.deleting) {
      refresh.status = 'Cancelled';
      refresh.endedAt = this.clock.now();
      return;
    }
    refresh.status = 'InProgress';
    const now = this.clock.now();
    const warm = (i: SimInstance): boolean =>
      i.upAt !== undefined &&
      now >= i.upAt + this.clock.scaled(refresh.warmupSeconds * 1000) &&
      this.registrationsOf(i.id).every((r) => {
        const tg = [...this.targetGroups.values()].find((t) => t.registrations.includes(r))!;
        return this.healthAt(tg, r, now) === 'healthy';
      });
    const batch = refresh.batch.map((id) => this.instances.get(id)!).filter(Boolean);
    if (batch.every(warm)) {
      refresh.replaced += batch.length;
      refresh.batch = [];
      const pending = refresh.toReplace
        .map((id) => this.instances.get(id))
        .filter(
          (i): i is SimInstance =>
            i !== undefined && (i.lifecycle === 'InService' || i.lifecycle === 'Pending'),
        );
      if (pending.length === 0) {
        refresh.status = 'Successful';
        refresh.endedAt = now;
        refresh.replaced = refresh.total;
        return;
      }
      const keep = Math.ceil((group.desired * refresh.minHealthyPercentage) / 100);
      const size = Math.max(1, Math.min(pending.length, group.desired - keep));
      for (const old of pending.slice(0, size)) {
        refresh.toReplace = refresh.toReplace.filter((id) => id !== old.id);
        this.terminate(old);
        refresh.batch.push(this.launch(group).id);
      }
    }
    this.clock.after(5_000, () => this.refreshStep(group, refresh));
  }
}
