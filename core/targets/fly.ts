/**
 * Fly.io as a deploy target: the Machines of one process group of an app (optionally in some
 * regions only), through the Machines API (core/fly/machines-api.ts).
 *
 * Fly runs no deployment for us: the client is the orchestrator, as flyctl is. A switch is
 * planned by `switchImage` (everything checked, nothing changed) and carried out by `follow`,
 * one machine at a time (Fly's `rolling` strategy): lease the machine, update its
 * `config.image` (by digest) with the lease's nonce, wait for its new instance to be `started`
 * and its health checks to pass, release the lease. A machine that does not come up healthy
 * within `wait-timeout` stops the update: it and every machine already updated are put back on
 * the configuration each had before (verified the same way), the machines after it are never
 * touched, and the run is red naming the machine. A restart (after a secret changed: Fly
 * machines read secrets when they start) goes the same way with Fly's restart.
 *
 * The image is the same manifest build-push pushed to ECR and to registry.fly.io/<app>, so an
 * ECR reference by digest names the Fly image by the same digest.
 */
import { randomUUID } from 'node:crypto';
import type { MinuteMetrics } from '../aws/cloudwatch.js';
import {
  FLY_REGISTRY,
  FlyApiError,
  type FlyMachine,
  type FlyMachinesApi,
} from '../fly/machines-api.js';
import type { Clock } from '../util/clock.js';
import { formatDuration } from '../util/duration.js';
import { DomainFailure, errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { waitFor } from '../util/wait.js';
import {
  TargetNotUpdatable,
  type DeployTarget,
  type DeploymentResult,
  type Preflight,
  type RunningImage,
  type StartedDeployment,
  type SwitchOptions,
  type TargetState,
  type Wait,
} from './target.js';

export interface FlyTargetConfig {
  app: string;
  'process-group': string;
  /** Only the machines in these regions; absent: every region. */
  regions?: string[] | undefined;
  /** Per machine: its new instance `started` and every health check passing. */
  'wait-timeout-ms': number;
  /**
   * Fly's deploy strategies: `rolling` (default) updates the machines in place one at a time;
   * `bluegreen` starts a new machine beside each old one, and only when every new one is
   * started and healthy moves the traffic to them and destroys the old ones.
   */
  strategy?: 'rolling' | 'bluegreen' | undefined;
}

export interface FlyTargetDeps {
  clock: Clock;
  logger: Logger;
}

/** The token was refused, or the app or process group is not there: nothing was changed. */
export class FlyTargetRefused extends DomainFailure {
  override readonly name = 'FlyTargetRefused';
}

const DIGEST = /@(sha256:[0-9a-f]{64})$/;
/** Metadata naming the deployment that created a (green) machine: how its leftovers are found. */
const DEPLOYMENT_TAG = 'apprunner_ops_deployment';
const SETTLED = new Set(['started', 'stopped', 'suspended']);

interface Plan {
  kind: 'switch' | 'restart';
  /** Fly's reference of the image asked for (switch), by digest. */
  image: string;
  environment: Record<string, string> | undefined;
  machines: FlyMachine[];
  done: boolean;
}

interface Step {
  machine: FlyMachine;
  /** The configuration it had before this run changed it. */
  before: FlyMachine['config'];
}

export class FlyTarget implements DeployTarget {
  readonly kind = 'fly' as const;
  readonly arn: string;
  readonly trafficMetrics = "Fly's Prometheus metrics (not read by apprunner-ops)";
  private readonly plans = new Map<string, Plan>();

  constructor(
    private readonly api: FlyMachinesApi,
    private readonly config: FlyTargetConfig,
    private readonly deps: FlyTargetDeps,
  ) {
    this.arn = `fly:${config.app}:${config['process-group']}`;
  }

  private get app(): string {
    return this.config.app;
  }

  /** `registry.fly.io/<app>@sha256:…` of any reference by digest (ECR's or Fly's). */
  flyImage(image: string): string {
    const digest = DIGEST.exec(image)?.[1];
    if (!digest)
      throw new TargetNotUpdatable(
        `Fly machines are updated by digest; ${image} names no digest (deploy a digest, or a tag build-push resolved)`,
      );
    return `${FLY_REGISTRY}/${this.app}@${digest}`;
  }

  /** The machines of the process group (and regions), or a refusal that changes nothing. */
  private async machines(): Promise<FlyMachine[]> {
    let all: FlyMachine[];
    try {
      all = await this.api.listMachines(this.app);
    } catch (error) {
      throw this.refusal(error);
    }
    const group = this.config['process-group'];
    const regions = this.config.regions;
    const mine = all
      .filter((m) => (m.config.metadata?.['fly_process_group'] ?? 'app') === group)
      .filter((m) => !regions || regions.includes(m.region))
      .sort((a, b) => a.id.localeCompare(b.id));
    if (mine.length === 0) {
      const groups = [
        ...new Set(all.map((m) => m.config.metadata?.['fly_process_group'] ?? 'app')),
      ];
      throw new FlyTargetRefused(
        `Fly app ${this.app} has no machines in process group "${group}"${regions ? ` in ${regions.join(', ')}` : ''} (its groups: ${groups.join(', ') || 'none'}); fix target.process-group or target.regions`,
      );
    }
    return mine;
  }

  /** A 401 or 404 from Fly, said as what to fix; anything else as it came. */
  private refusal(error: unknown): unknown {
    if (!(error instanceof FlyApiError)) return error;
    if (error.status === 401)
      return new FlyTargetRefused(
        `Fly refused the API token (401: ${error.detail}); set the FLY_API_TOKEN secret to a deploy token of app ${this.app} (fly tokens create deploy -a ${this.app})`,
      );
    if (error.status === 404)
      return new FlyTargetRefused(
        `Fly has no app ${this.app} for this token (404: ${error.detail}); fix target.app or use a token of its organization`,
      );
    return error;
  }

  private state(machines: FlyMachine[]): TargetState {
    const first = machines[0]!;
    const digest = first.image_ref?.digest || DIGEST.exec(first.config.image)?.[1];
    const counts = new Map<string, number>();
    for (const m of machines) counts.set(m.state, (counts.get(m.state) ?? 0) + 1);
    return {
      kind: this.kind,
      arn: this.arn,
      name: this.app,
      url: `https://${this.app}.fly.dev`,
      image: first.config.image,
      digest,
      imageByDigest: digest ? `${FLY_REGISTRY}/${this.app}@${digest}` : first.config.image,
      environment: { ...(first.config.env ?? {}) },
      // Fly secrets are the app's, by name, with no AWS reference to read labels of.
      secrets: {},
      status: [...counts].map(([state, n]) => `${n} ${state}`).join(', '),
    };
  }

  async describe(): Promise<TargetState> {
    return this.state(await this.machines());
  }

  /**
   * Each machine of the process group: its state and its health checks as Fly reports them
   * (service-running reads this).
   */
  async machineHealth(): Promise<
    { id: string; region: string; state: string; failing: string[] }[]
  > {
    return (await this.machines()).map((m) => ({
      id: m.id,
      region: m.region,
      state: m.state,
      failing: (m.checks ?? [])
        .filter((c) => c.status !== 'passing')
        .map((c) => `${c.name} ${c.status}`),
    }));
  }

  async runningImages(): Promise<RunningImage[]> {
    const seen = new Map<string, RunningImage>();
    for (const m of await this.machines()) {
      const digest = m.image_ref?.digest || DIGEST.exec(m.config.image)?.[1];
      seen.set(m.config.image, { image: m.config.image, ...(digest ? { digest } : {}) });
    }
    return [...seen.values()];
  }

  async lastDeployedAt(): Promise<Date | undefined> {
    const times = (await this.machines())
      .map((m) => (m.updated_at ? Date.parse(m.updated_at) : NaN))
      .filter((t) => Number.isFinite(t));
    // The oldest instance read the app's secrets earliest: what may still run stale values.
    return times.length ? new Date(Math.min(...times)) : undefined;
  }

  /**
   * Machines not settled, leases held by someone else (named), and machines in Fly's `failed`
   * state: a failed machine stays failed until someone starts, updates or destroys it, so it is
   * never waited for (a wait would only end at its deadline).
   */
  private async obstacles(
    machines: FlyMachine[],
  ): Promise<{ busy: string[]; held: string[]; failed: string[] }> {
    const failed = machines
      .filter((m) => m.state === 'failed')
      .map(
        (m) =>
          `machine ${m.id} (${m.region}) is failed and will not settle by waiting: look at it (fly machine status ${m.id} -a ${this.app}), then start, fix or destroy it and run again`,
      );
    const busy = machines
      .filter((m) => m.state !== 'failed' && !SETTLED.has(m.state))
      .map((m) => `${m.id} is ${m.state}`);
    const held: string[] = [];
    for (const m of machines) {
      const lease = await this.api.getLease(this.app, m.id);
      if (lease)
        held.push(
          `machine ${m.id} is leased by ${lease.owner}${lease.description ? ` ("${lease.description}")` : ''} until ${new Date(lease.expires_at * 1000).toISOString()}`,
        );
    }
    return { busy, held, failed };
  }

  async preflight(): Promise<Preflight> {
    const machines = await this.machines();
    const { busy, held, failed } = await this.obstacles(machines);
    if (failed.length)
      return {
        updatable: false,
        busy: false,
        paused: false,
        reason: `Fly app ${this.app}: ${failed.join('; ')}`,
      };
    const reasons = [...busy, ...held];
    return {
      updatable: reasons.length === 0,
      busy: reasons.length > 0,
      paused: false,
      reason:
        reasons.length === 0
          ? `Fly app ${this.app} (${this.config['process-group']}): ${machines.length} machines settled, none leased`
          : `Fly app ${this.app}: ${reasons.join('; ')} (IN_PROGRESS elsewhere: waiting for it to end)`,
    };
  }

  async waitUntilUpdatable(wait: Wait): Promise<TargetState> {
    return waitFor({
      what: `Fly app ${this.app} (${this.config['process-group']}) to have its machines settled and no lease held by someone else`,
      timeoutMs: wait.timeoutMs,
      intervalMs: wait.intervalMs,
      clock: this.deps.clock,
      logger: this.deps.logger,
      probe: async () => {
        const machines = await this.machines();
        const { busy, held, failed } = await this.obstacles(machines);
        if (failed.length)
          throw new TargetNotUpdatable(`Fly app ${this.app}: ${failed.join('; ')}`);
        if (busy.length === 0 && held.length === 0)
          return { done: true, value: this.state(machines) };
        return { done: false, status: `IN_PROGRESS: ${[...busy, ...held].join('; ')}` };
      },
    }).catch((error: unknown) => {
      if (error instanceof DomainFailure && error.name === 'WaitTimeout')
        throw new TargetNotUpdatable(
          `${error.message}; release the lease (fly machine leases clear) or wait for the other deploy to end, then run again`,
          { cause: error },
        );
      throw error;
    });
  }

  /** Everything checked before the first change: machines there, settled, not leased by others. */
  private async plan(kind: Plan['kind'], image: string, environment?: Record<string, string>) {
    const machines = await this.machines();
    const { busy, held, failed } = await this.obstacles(machines);
    if (failed.length || busy.length || held.length)
      throw new TargetNotUpdatable(
        `Fly app ${this.app} cannot be ${kind === 'switch' ? 'updated' : 'restarted'} now: ${[...failed, ...busy, ...held].join('; ')}`,
      );
    const id = `fly-${kind}-${randomUUID().slice(0, 8)}`;
    this.plans.set(id, { kind, image, environment, machines, done: false });
    return { id, before: this.state(machines) };
  }

  describeSwitch(from: string, to: string): string {
    if (this.config.strategy === 'bluegreen')
      return `Fly Machines API, bluegreen: beside each of the ${this.config['process-group']} machines of ${this.app} (leased), a new machine with config.image ${this.safeFlyImage(to)} (was ${from}; nothing else changes) and no traffic; when every new one is started with its health checks passing, traffic moves to them and the old ones are destroyed`;
    return `Fly Machines API: each machine of ${this.app} (${this.config['process-group']}) in turn, leased: config.image ${from} → ${this.safeFlyImage(to)} (nothing else changes), wait started and health checks passing`;
  }

  describeRestart(): string {
    return `Fly Machines API: restart each machine of ${this.app} (${this.config['process-group']}) in turn, leased, wait started and health checks passing`;
  }

  private safeFlyImage(image: string): string {
    try {
      return this.flyImage(image);
    } catch {
      return image;
    }
  }

  async switchImage(image: string, options: SwitchOptions = {}): Promise<StartedDeployment> {
    const fly = this.flyImage(image);
    const { id, before } = await this.plan('switch', fly, options.environment);
    if (options.environment) {
      try {
        await this.refuseSecretNames(before.environment, options.environment);
      } catch (error) {
        this.plans.delete(id);
        throw error;
      }
    }
    // Machines pull from registry.fly.io: a digest pushed only to ECR would fail on the first.
    const digest = fly.slice(fly.indexOf('@') + 1);
    if ((await this.api.registryHolds(this.app, digest)) === false) {
      this.plans.delete(id);
      throw new FlyTargetRefused(
        `${fly} is not in Fly's registry (${image} was pushed elsewhere only): push it there with build-push's registries input (registries: ecr, fly), then deploy again; no machine was changed`,
      );
    }
    return { id, kind: 'switch', image: fly, previous: before.imageByDigest };
  }

  /**
   * env-set on a name that is one of the app's secrets: the machines' plain `env` would carry
   * one value and the app's secrets another, and an overwritten secret could not be put back by
   * a rollback (Fly never returns a secret's value). Refused before any change.
   */
  private async refuseSecretNames(
    current: Record<string, string>,
    wanted: Record<string, string>,
  ): Promise<void> {
    const changed = Object.keys(wanted).filter((k) => wanted[k] !== current[k]);
    if (changed.length === 0) return;
    let secrets: { name: string }[];
    try {
      secrets = await this.api.listSecrets(this.app);
    } catch (error) {
      throw this.refusal(error);
    }
    const names = new Set(secrets.map((x) => x.name));
    const clash = changed.filter((k) => names.has(k));
    if (clash.length)
      throw new TargetNotUpdatable(
        `${clash.join(', ')} ${clash.length > 1 ? 'are secrets' : 'is a secret'} of Fly app ${this.app}: env-set changes the machines' plain environment, which would leave two values for ${clash.length > 1 ? 'them' : 'it'}; change ${clash.length > 1 ? 'them' : 'it'} with fly secrets set (or rotate-secret), not env-set; no machine was changed`,
      );
  }

  async restart(): Promise<StartedDeployment> {
    const { id, before } = await this.plan('restart', '');
    return { id, kind: 'restart', image: before.image, previous: before.imageByDigest };
  }

  /**
   * `fly secrets set --stage`: the app's secrets set in one request (the machines read them when
   * they next start: the restart that follows). Only names are said.
   */
  async stageSecrets(values: Record<string, string>): Promise<string> {
    const names = Object.keys(values).sort();
    if (names.length === 0) return `Fly app ${this.app}: no secrets to set`;
    try {
      await this.api.updateSecrets(this.app, values);
    } catch (error) {
      throw this.refusal(error);
    }
    const line = `Fly app ${this.app}: secrets ${names.join(', ')} set (the machines read them when they restart)`;
    this.deps.logger.info(`  ${line}`);
    return line;
  }

  async traffic(): Promise<MinuteMetrics[]> {
    throw new DomainFailure(
      `the fly target has no request metrics apprunner-ops reads (Fly publishes them to its Prometheus); deploy with bake: 0s`,
    );
  }

  async follow(deployment: StartedDeployment, wait: Wait): Promise<DeploymentResult> {
    const plan = this.plans.get(deployment.id);
    if (!plan) throw new Error(`FlyTarget.follow: no deployment ${deployment.id} was started here`);
    if (plan.done) throw new Error(`FlyTarget.follow: ${deployment.id} was already carried out`);
    plan.done = true;
    if (plan.kind === 'switch' && this.config.strategy === 'bluegreen')
      return this.blueGreen(deployment, plan, wait);
    const deadline = this.deps.clock.now() + wait.timeoutMs;
    const steps: Step[] = [];
    const name = deployment.names?.image ?? deployment.image;
    for (const [index, machine] of plan.machines.entries()) {
      const label = `machine ${machine.id} (${machine.region}, ${index + 1}/${plan.machines.length})`;
      try {
        await this.withLease(machine, `apprunner-ops ${deployment.id}`, async (nonce) => {
          const current = await this.api.getMachine(this.app, machine.id);
          if (plan.kind === 'restart') {
            this.deps.logger.info(`  Fly: restarting ${label}`);
            await this.api.restartMachine(this.app, machine.id, nonce);
            steps.push({ machine, before: current.config });
            await this.healthy(current, undefined, deadline, wait);
            return;
          }
          const config = {
            ...current.config,
            image: plan.image,
            ...(plan.environment ? { env: { ...plan.environment } } : {}),
          };
          this.deps.logger.info(`  Fly: updating ${label} → ${plan.image}`);
          const updated = await this.update(machine.id, config, nonce);
          steps.push({ machine, before: current.config });
          await this.healthy(updated, updated.instance_id, deadline, wait);
        });
        this.deps.logger.info(`  Fly: ${label} started, health checks passing`);
      } catch (error) {
        const why = errorMessage(error);
        if (plan.kind === 'switch' && steps.length > 0) {
          const back = await this.putBack(steps, deadline, wait);
          return this.failed(deployment, plan, steps, machine, why, back);
        }
        const what = plan.kind === 'restart' ? 'restart' : `update to ${name}`;
        return {
          ok: false,
          id: deployment.id,
          status: 'FAILED',
          emergency: false,
          message: `Fly ${what} stopped at ${label}: ${why}; ${
            plan.kind === 'restart'
              ? `${steps.length} machines restarted before it`
              : 'no machine was changed'
          }`,
        };
      }
    }
    return { ok: true, id: deployment.id, status: 'SUCCEEDED' };
  }

  /**
   * Fly's `bluegreen`: every old (blue) machine is leased for the whole switch; a green machine is
   * created beside each (same region and configuration, the new image, tagged with this
   * deployment, no traffic); once all are started with their checks passing they are uncordoned
   * and the blue ones destroyed. A green that does not come up healthy destroys every green (found
   * by the tag, so one whose create answer was lost goes too) and the blue ones keep serving.
   */
  private async blueGreen(
    deployment: StartedDeployment,
    plan: Plan,
    wait: Wait,
  ): Promise<DeploymentResult> {
    const { logger, clock } = this.deps;
    const deadline = clock.now() + wait.timeoutMs;
    const name = deployment.names?.image ?? deployment.image;
    const previous = deployment.names?.previous ?? deployment.previous;
    const leases = new Map<string, string>();
    const ttl = Math.min(3600, Math.ceil(this.config['wait-timeout-ms'] / 1000) * 3 + 60);
    const release = async () => {
      for (const [id, nonce] of leases)
        await this.api.releaseLease(this.app, id, nonce).catch((error: unknown) => {
          logger.warning(
            `Fly: could not release the lease of machine ${id} (${errorMessage(error)}); it lapses in ${ttl}s`,
          );
        });
    };
    try {
      for (const blue of plan.machines)
        leases.set(blue.id, await this.lease(blue.id, ttl, `apprunner-ops ${deployment.id}`));
    } catch (error) {
      await release();
      return {
        ok: false,
        id: deployment.id,
        status: 'FAILED',
        emergency: false,
        message: `Fly bluegreen to ${name} stopped before any change: ${errorMessage(error)}; no machine was changed`,
      };
    }
    const greens: FlyMachine[] = [];
    let failure: { at: string; why: string } | undefined;
    for (const blue of plan.machines) {
      const current = await this.api.getMachine(this.app, blue.id).catch(() => blue);
      const config = {
        ...current.config,
        image: plan.image,
        ...(plan.environment ? { env: { ...plan.environment } } : {}),
        metadata: { ...(current.config.metadata ?? {}), [DEPLOYMENT_TAG]: deployment.id },
      };
      try {
        const green = await this.api.createMachine(this.app, {
          config,
          region: blue.region,
          skipServiceRegistration: true,
        });
        greens.push(green);
        logger.info(
          `  Fly: green machine ${green.id} (${green.region}) created beside ${blue.id} → ${plan.image}`,
        );
      } catch (error) {
        failure = {
          at: `a green machine beside ${blue.id} (${blue.region})`,
          why: errorMessage(error),
        };
        break;
      }
    }
    if (!failure)
      for (const [index, green] of greens.entries()) {
        try {
          await this.healthy(green, green.instance_id, deadline, wait);
          logger.info(
            `  Fly: green machine ${green.id} (${green.region}, ${index + 1}/${greens.length}) started, health checks passing`,
          );
        } catch (error) {
          failure = { at: `green machine ${green.id} (${green.region})`, why: errorMessage(error) };
          break;
        }
      }
    // Before the blues are destroyed, a failure takes every green away and the blues serve on.
    const abandon = async (at: string, why: string): Promise<DeploymentResult> => {
      const { destroyed, left } = await this.destroyGreens(deployment.id, greens);
      await release();
      return {
        ok: false,
        id: deployment.id,
        status: left.length ? 'ROLLBACK_FAILED' : 'ROLLED_BACK',
        emergency: false,
        message: left.length
          ? `Fly bluegreen to ${name}: ${at} failed: ${why}; the old machines kept serving ${previous}, but ${left.join('; ')} could not be destroyed: destroy them (fly machine destroy --force <id> -a ${this.app})`
          : `Fly bluegreen to ${name}: ${at} failed: ${why}; ${destroyed.length === 1 ? 'the green machine was' : `the ${destroyed.length} green machines were`} destroyed and the old machines (${plan.machines.map((m) => m.id).join(', ')}) kept serving ${previous}, never changed`,
      };
    };
    if (failure) return abandon(failure.at, failure.why);
    // Traffic moves: the greens take it, then the blues are destroyed (their leases with them).
    try {
      for (const green of greens) await this.api.setCordoned(this.app, green.id, false);
    } catch (error) {
      return abandon('moving traffic to the green machines', errorMessage(error));
    }
    logger.info(`  Fly: traffic moved to ${greens.map((g) => g.id).join(', ')}`);
    const kept: string[] = [];
    for (const blue of plan.machines) {
      try {
        await this.api.destroyMachine(this.app, blue.id, leases.get(blue.id));
        leases.delete(blue.id);
        logger.info(`  Fly: old machine ${blue.id} (${blue.region}) destroyed`);
      } catch (error) {
        kept.push(`${blue.id}: ${errorMessage(error)}`);
      }
    }
    await release();
    if (kept.length)
      return {
        ok: false,
        id: deployment.id,
        status: 'FAILED',
        emergency: false,
        message: `Fly bluegreen to ${name}: the green machines serve, but old machines still run ${previous} beside them (${kept.join('; ')}): destroy them (fly machine destroy --force <id> -a ${this.app})`,
      };
    return { ok: true, id: deployment.id, status: 'SUCCEEDED' };
  }

  /** Every machine this deployment created (by its tag, so lost answers count), destroyed. */
  private async destroyGreens(
    deploymentId: string,
    known: FlyMachine[],
  ): Promise<{ destroyed: string[]; left: string[] }> {
    const ids = new Set(known.map((m) => m.id));
    try {
      for (const m of await this.api.listMachines(this.app))
        if (m.config.metadata?.[DEPLOYMENT_TAG] === deploymentId) ids.add(m.id);
    } catch (error) {
      this.deps.logger.warning(
        `Fly: could not list the machines to find every green one (${errorMessage(error)}); destroying the ${ids.size} known`,
      );
    }
    const left: string[] = [];
    const destroyed: string[] = [];
    for (const id of ids) {
      try {
        await this.api.destroyMachine(this.app, id);
        destroyed.push(id);
        this.deps.logger.info(`  Fly: green machine ${id} destroyed`);
      } catch (error) {
        left.push(`${id} (${errorMessage(error)})`);
      }
    }
    return { destroyed, left };
  }

  private failed(
    deployment: StartedDeployment,
    plan: Plan,
    steps: Step[],
    machine: FlyMachine,
    why: string,
    back: { ok: string[]; failed: string[] },
  ): DeploymentResult {
    const untouched = plan.machines.slice(steps.length).map((m) => m.id);
    const name = deployment.names?.image ?? deployment.image;
    const previous = deployment.names?.previous ?? deployment.previous;
    return {
      ok: false,
      id: deployment.id,
      status: back.failed.length ? 'ROLLBACK_FAILED' : 'ROLLED_BACK',
      emergency: back.failed.length > 0,
      message: back.failed.length
        ? `Fly machine ${machine.id} (${machine.region}) failed on ${name}: ${why}; putting the updated machines back failed for ${back.failed.join('; ')}: the app may be down — check it now`
        : `Fly machine ${machine.id} (${machine.region}) failed on ${name}: ${why}; the update stopped there, ${back.ok.join(', ')} put back on ${previous} and healthy${untouched.length ? `, ${untouched.join(', ')} never changed` : ''}`,
    };
  }

  /** The machines this run changed, newest first, back on the configuration each had. */
  private async putBack(
    steps: Step[],
    deadline: number,
    wait: Wait,
  ): Promise<{ ok: string[]; failed: string[] }> {
    const ok: string[] = [];
    const failed: string[] = [];
    // The rollback gets its own deadline: the update's may be spent.
    const own = Math.max(
      deadline,
      this.deps.clock.now() + this.config['wait-timeout-ms'] * steps.length,
    );
    for (const { machine, before } of [...steps].reverse()) {
      try {
        await this.withLease(machine, 'apprunner-ops rollback', async (nonce) => {
          this.deps.logger.info(`  Fly: putting machine ${machine.id} back on ${before.image}`);
          const updated = await this.update(machine.id, before, nonce);
          await this.healthy(updated, updated.instance_id, own, wait);
        });
        ok.push(machine.id);
      } catch (error) {
        failed.push(`${machine.id}: ${errorMessage(error)}`);
      }
    }
    ok.reverse();
    return { ok, failed };
  }

  /**
   * An update whose answer was lost (a 5xx, a dropped connection) may have been applied: the
   * machine is read back, and the update is sent again only if its configuration is not the
   * one asked for (at most three times).
   */
  private async update(
    id: string,
    config: FlyMachine['config'],
    nonce: string,
  ): Promise<FlyMachine> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.api.updateMachine(this.app, id, config, nonce);
      } catch (error) {
        const lost =
          (error instanceof FlyApiError && error.status >= 500) || !(error instanceof FlyApiError);
        if (!lost || attempt >= 3) throw error;
        const now = await this.api.getMachine(this.app, id);
        if (sameConfig(now.config, config)) {
          this.deps.logger.info(
            `  Fly: the answer to the update of machine ${id} was lost (${errorMessage(error)}); read back: it was applied`,
          );
          return now;
        }
        this.deps.logger.info(
          `  Fly: the update of machine ${id} failed (${errorMessage(error)}); read back: not applied, sending it again (attempt ${attempt + 1}/3)`,
        );
      }
    }
  }

  /**
   * A lease whose answer was lost is looked up: none held means none was taken, and it is
   * asked for again; one held cannot be used without its nonce, so the run stops there.
   */
  private async lease(id: string, ttl: number, description: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return (await this.api.acquireLease(this.app, id, ttl, description)).nonce;
      } catch (error) {
        if (error instanceof FlyApiError && error.status === 409)
          throw new TargetNotUpdatable(`Fly machine ${id}: ${error.detail}`);
        const lost =
          (error instanceof FlyApiError && error.status >= 500) || !(error instanceof FlyApiError);
        if (!lost || attempt >= 3) throw error;
        const held = await this.api.getLease(this.app, id);
        if (held)
          throw new TargetNotUpdatable(
            `Fly machine ${id}: the answer to the lease request was lost and a lease is held by ${held.owner} until ${new Date(held.expires_at * 1000).toISOString()}; run again after it lapses`,
          );
        this.deps.logger.info(
          `  Fly: the lease request for machine ${id} failed (${errorMessage(error)}); none is held, asking again (attempt ${attempt + 1}/3)`,
        );
      }
    }
  }

  private async withLease<T>(
    machine: FlyMachine,
    description: string,
    fn: (nonce: string) => Promise<T>,
  ): Promise<T> {
    const ttl = Math.min(3600, Math.ceil(this.config['wait-timeout-ms'] / 1000) + 60);
    const nonce = await this.lease(machine.id, ttl, description);
    try {
      return await fn(nonce);
    } finally {
      await this.api.releaseLease(this.app, machine.id, nonce).catch((error: unknown) => {
        // It lapses by itself at its TTL; say so rather than fail a finished update.
        this.deps.logger.warning(
          `Fly: could not release the lease of machine ${machine.id} (${errorMessage(error)}); it lapses in ${ttl}s`,
        );
      });
    }
  }

  /**
   * Waits (Fly's long poll, then the machine's checks) until the instance is `started` and every
   * check passes, within `wait-timeout` and the deployment's deadline.
   */
  private async healthy(
    machine: FlyMachine,
    instanceId: string | undefined,
    deadline: number,
    wait: Wait,
  ): Promise<void> {
    const { clock } = this.deps;
    const until = Math.min(deadline, clock.now() + this.config['wait-timeout-ms']);
    const limit = formatDuration(this.config['wait-timeout-ms']);
    for (;;) {
      const left = until - clock.now();
      if (left <= 0) throw new MachineUnhealthy(`its new instance was not started within ${limit}`);
      if (await this.api.wait(this.app, machine.id, 'started', instanceId, left / 1000)) break;
    }
    for (;;) {
      const now = await this.api.getMachine(this.app, machine.id);
      if (now.state === 'failed' || now.state === 'stopped')
        throw new MachineUnhealthy(`it is ${now.state} instead of started`);
      const checks = now.checks ?? [];
      const bad = checks.filter((c) => c.status !== 'passing');
      if (now.state === 'started' && bad.length === 0) return;
      const last = bad
        .map(
          (c) =>
            `${c.name} ${c.status}${c.output ? ` (${c.output.replace(/\s+/g, ' ').trim()})` : ''}`,
        )
        .join(', ');
      if (clock.now() >= until)
        throw new MachineUnhealthy(
          `its health checks did not pass within ${limit}: ${last || `state ${now.state}`}`,
        );
      await clock.sleep(Math.min(wait.intervalMs, Math.max(0, until - clock.now())));
    }
  }
}

/** The configuration read back is the one sent (image and environment decide). */
function sameConfig(a: FlyMachine['config'], b: FlyMachine['config']): boolean {
  return a.image === b.image && JSON.stringify(a.env ?? {}) === JSON.stringify(b.env ?? {});
}

/** A machine that did not come up healthy: the update stops and is put back. */
class MachineUnhealthy extends DomainFailure {
  override readonly name = 'MachineUnhealthy';
}
