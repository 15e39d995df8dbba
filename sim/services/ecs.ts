/**
 * Amazon ECS (awsJson 1.1, `AmazonEC2ContainerServiceV20141113.<Op>`, signing name `ecs`):
 * Express Mode services with service revisions and service deployments, deployed the way the
 * Express documentation describes ("Updating an Amazon ECS Express Mode service"): new tasks
 * start, 5 % of traffic shifts to them, an alarm rolls the deployment back when 4xx+5xx exceed
 * 1 % for 2 datapoints within 3 minutes, then 100 % shifts, then the old tasks are stopped.
 *
 * Statuses are ServiceDeploymentStatus: PENDING, IN_PROGRESS, SUCCESSFUL, STOPPED,
 * ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL … there is no FAILED. A
 * rollback creates no new revision: the service goes back to the source revision.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SimClock } from '../clock.js';
import type { EcsFixture, EcsFixtureService } from '../ecs-fixture.js';
import type { Fixture } from '../fixture.js';
import { AwsError } from '../aws/protocol.js';
import {
  optInt,
  optList,
  optString,
  paginate,
  reqString,
  type AwsService,
  type Input,
} from '../aws/service.js';
import { answerShares, appAnswer, SampleApp, type RunningApp } from '../sample-app.js';
import type { EcrImage, EcrRepository, EcrState } from './ecr.js';
import { byArnOrName } from './lookup.js';

/** What this service reads of the world. */
export interface EcsWorld {
  ecs: EcsState;
  fixture: Fixture;
}

type Json = Record<string, unknown>;

export type DeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

const TERMINAL: ReadonlySet<DeploymentStatus> = new Set([
  'SUCCESSFUL',
  'STOPPED',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
]);

/** The Express configuration a revision records (wire-shaped, as activeConfigurations shows it). */
export interface ExpressConfig {
  executionRoleArn?: string;
  taskRoleArn?: string;
  cpu: string;
  memory: string;
  healthCheckPath: string;
  primaryContainer: Json & { image: string };
}

export interface ServiceRevision {
  arn: string;
  createdAt: number;
  config: ExpressConfig;
  taskDefinitionArn: string;
  /** Resolved when the revision is created (ECS pins the digest of a tag). */
  digest?: string;
  image?: EcrImage;
  repo?: EcrRepository;
}

export interface ServiceDeployment {
  arn: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  updatedAt: number;
  status: DeploymentStatus;
  statusReason?: string;
  lifecycleStage: string;
  source?: ServiceRevision;
  target: ServiceRevision;
  /** Share of production traffic on the target's tasks. */
  weight: number;
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
  alarmTriggered: boolean;
  circuitBreakerTriggered: boolean;
  /** Real time from which ListServiceDeployments shows it (the listing-delay fault). */
  listedFrom?: number;
  history: { status: DeploymentStatus; at: number }[];
}

export interface ExpressServiceState {
  arn: string;
  name: string;
  cluster: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  createdAt: number;
  updatedAt: number;
  infrastructureRoleArn: string;
  /** The revision serving traffic (changes when a deployment completes). */
  current: ServiceRevision;
  revisions: ServiceRevision[];
  deployments: ServiceDeployment[];
  /** What the current revision's tasks run; the candidate's while a deployment shifts traffic. */
  running: RunningApp & { image: string; digest: string };
  candidate?: RunningApp & { image: string; digest: string };
  /** The versions that served all its traffic, each from `servingFrom` (else `liveSince`). */
  timeline: (RunningApp & { servingFrom?: number })[];
  /** A candidate's share of the traffic while a deployment shifts it (`to` unset: still). */
  canaryTraffic: CanaryTraffic[];
  /**
   * Every request the service's tasks actually answered (old and new alike) while a
   * deployment's new tasks take traffic: the canary alarm counts them with the modelled traffic.
   */
  answered: { at: number; status: number }[];
  /** The modelled traffic: path → share of requests (fixture `traffic`). */
  traffic: Record<string, number>;
  app: SampleApp;
  /**
   * The Application Load Balancer Express shares between the services of an account and region,
   * and this service's two target groups (ECS Managed Resources of its revisions). CloudWatch's
   * AWS/ApplicationELB metrics of the first one are made from `timeline`; the second one carries
   * no traffic in the sim.
   */
  loadBalancerArn: string;
  targetGroupArns: [string, string];
}

export interface CanaryTraffic {
  app: RunningApp;
  from: number;
  to?: number;
  weight: number;
}

export const ALARM_THRESHOLD = 0.01;
/** "2 datapoints within 3 minutes" of one-minute periods. */
const ALARM_DATAPOINTS = 2;
const ALARM_PERIODS = 3;
const CANARY_WEIGHT = 0.05;
const CPU = new Set(['256', '512', '1024', '2048', '4096', '8192', '16384']);

const invalid = (message: string): AwsError => new AwsError('InvalidParameterException', message);
const SERVICE_ARN = /^arn:aws:ecs:[a-z0-9-]+:\d{12}:service\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]+)$/;

function checkStringList(value: unknown, path: string, fields: string[]): Json[] | undefined {
  if (value === undefined || value === null) return undefined;
  // Types and Secret's required members are checked against ECS's model before this runs;
  // an environment entry's name and value are required by ECS though its model leaves them out.
  return (value as Json[]).map((item, i) => {
    for (const f of fields)
      if (typeof (item as Json)[f] !== 'string' || (item as Json)[f] === '')
        throw invalid(`${path}[${i}].${f} is required and must be a string`);
    return item as Json;
  });
}

/**
 * The rules ECS documents beyond its model (image length, port range, unique names); the
 * model's own (types, required image) are checked before the handler runs. Returns it cleaned.
 */
function checkContainer(value: unknown): Json & { image: string } {
  const c = value as Json & { image: string };
  if (c['image'] === '') throw invalid('primaryContainer.image is required');
  if (c['image'].length > 255)
    throw invalid('primaryContainer.image must be at most 255 characters');
  const port = c['containerPort'] as number | undefined;
  if (port !== undefined && (port < 1 || port > 65535))
    throw invalid('primaryContainer.containerPort must be an integer between 1 and 65535');
  const env = checkStringList(c['environment'], 'primaryContainer.environment', ['name', 'value']);
  const secrets = checkStringList(c['secrets'], 'primaryContainer.secrets', ['name', 'valueFrom']);
  for (const [list, what] of [
    [env, 'environment'],
    [secrets, 'secrets'],
  ] as const) {
    const names = (list ?? []).map((e) => String(e['name']));
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw invalid(`primaryContainer.${what}: duplicate name ${dup}`);
  }
  return {
    image: c['image'],
    ...(port !== undefined ? { containerPort: port } : {}),
    ...(c['awsLogsConfiguration'] ? { awsLogsConfiguration: c['awsLogsConfiguration'] } : {}),
    ...(c['repositoryCredentials'] ? { repositoryCredentials: c['repositoryCredentials'] } : {}),
    ...(c['command'] ? { command: c['command'] } : {}),
    ...(env ? { environment: env.map((e) => ({ name: e['name'], value: e['value'] })) } : {}),
    ...(secrets
      ? { secrets: secrets.map((e) => ({ name: e['name'], valueFrom: e['valueFrom'] })) }
      : {}),
  };
}

/** The API reorders environment and secrets (terraform-provider-aws#45792): by name here. */
function reordered(container: Json): Json {
  const byName = (a: Json, b: Json): number => String(a['name']).localeCompare(String(b['name']));
  const out = structuredClone(container);
  if (Array.isArray(out['environment'])) (out['environment'] as Json[]).sort(byName);
  if (Array.isArray(out['secrets'])) (out['secrets'] as Json[]).sort(byName);
  return out;
}

export class EcsState {
  readonly services = new Map<string, ExpressServiceState>();
  /** AWSCURRENT of a Secrets Manager secret (set by the World). */
  secretValue: (ref: string) => string | undefined = () => undefined;
  private revisionCounter = 1_000_000_000_000_000_000n;

  constructor(
    private readonly fixture: Fixture,
    private readonly clock: SimClock,
    private readonly ecr: EcrState,
    private readonly listingDelayMs: () => number = () => 0,
  ) {}

  private get ecs(): EcsFixture {
    return this.fixture.ecs;
  }

  private revisionArn(s: { cluster: string; name: string }): string {
    this.revisionCounter += BigInt(1 + Math.floor(Math.random() * 1000));
    return `arn:aws:ecs:${this.fixture.region}:${this.fixture.account}:service-revision/${s.cluster}/${s.name}/${this.revisionCounter}`;
  }

  private async newRevision(
    s: { cluster: string; name: string; revisions?: ServiceRevision[] },
    config: ExpressConfig,
  ): Promise<ServiceRevision> {
    const resolved = await this.ecr.resolve(config.primaryContainer.image);
    const n = (s.revisions?.length ?? 0) + 1;
    return {
      arn: this.revisionArn(s),
      createdAt: this.clock.now(),
      config: structuredClone(config),
      taskDefinitionArn: `arn:aws:ecs:${this.fixture.region}:${this.fixture.account}:task-definition/${s.cluster}-${s.name}:${n}`,
      ...(resolved
        ? { digest: resolved.image.digest, image: resolved.image, repo: resolved.repo }
        : {}),
    };
  }

  /** Secrets reach the tasks when they start, as with any ECS task. */
  private readSecrets(config: ExpressConfig): Record<string, string> {
    const env: Record<string, string> = {};
    for (const s of (config.primaryContainer['secrets'] as Json[] | undefined) ?? []) {
      const value = this.secretValue(String(s['valueFrom']));
      if (value !== undefined) env[String(s['name'])] = value;
    }
    return env;
  }

  async seed(): Promise<void> {
    const now = this.clock.now();
    for (const f of this.ecs.services) await this.seedService(f, now);
  }

  /**
   * CreateExpressGatewayService: a new service whose first deployment starts its tasks
   * (PENDING, IN_PROGRESS after `pending`, SUCCESSFUL after `scaleUp`). ECS's rules beyond its
   * model: an execution role and a primary container are required; the cluster must exist
   * (`default` always does); an ACTIVE or DRAINING service of that name is refused.
   */
  async createExpress(input: Input): Promise<{ service: Json; state: ExpressServiceState }> {
    for (const key of ['taskDefinitionArn', 'networkConfiguration', 'scalingTarget'])
      if (input[key] !== undefined) throw invalid(`sim: ${key} is not modelled; leave it out`);
    const executionRoleArn = optString(input, 'executionRoleArn', ecs);
    if (!executionRoleArn) throw invalid('executionRoleArn is required');
    if (input['primaryContainer'] === undefined) throw invalid('primaryContainer is required');
    const container = checkContainer(input['primaryContainer']);
    const cpu = optString(input, 'cpu', ecs) ?? '1024';
    if (!CPU.has(cpu)) throw invalid(`cpu ${cpu} is not a valid Fargate CPU value`);
    const cluster = optString(input, 'cluster', ecs) ?? 'default';
    const clusters = new Set(['default', ...[...this.services.values()].map((x) => x.cluster)]);
    if (!clusters.has(cluster))
      throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
    const repo = container.image.split('/').at(-1)!.split(/[:@]/)[0]!;
    const name =
      optString(input, 'serviceName', ecs) ?? `${repo}-${randomBytes(3).toString('hex')}`;
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/.test(name))
      throw invalid(
        'serviceName may contain up to 255 letters, numbers, hyphens and underscores, starting with a letter or number',
      );
    const taken = [...this.services.values()].some(
      (x) => x.name === name && x.cluster === cluster && x.status !== 'INACTIVE',
    );
    if (taken) throw invalid('Creation of service was not idempotent.');
    if (!(await this.ecr.resolve(container.image)))
      throw invalid(`sim: image ${container.image} is not in the sim's ECR (push it first)`);
    const env = (container['environment'] as { name: string; value: string }[] | undefined) ?? [];
    const secrets =
      (container['secrets'] as { name: string; valueFrom: string }[] | undefined) ?? [];
    const infrastructureRoleArn = reqString(input, 'infrastructureRoleArn', ecs);
    const taskRoleArn = optString(input, 'taskRoleArn', ecs);
    const now = this.clock.now();
    const state = await this.seedService(
      {
        name,
        cluster,
        image: container.image,
        status: 'ACTIVE',
        port: (container['containerPort'] as number | undefined) ?? 80,
        env: Object.fromEntries(env.map((e) => [e.name, e.value])),
        secrets: Object.fromEntries(secrets.map((e) => [e.name, e.valueFrom])),
        cpu,
        memory: optString(input, 'memory', ecs) ?? '2048',
        executionRoleArn,
        ...(taskRoleArn ? { taskRoleArn } : {}),
        infrastructureRoleArn,
        healthCheckPath: optString(input, 'healthCheckPath', ecs) ?? '/ping',
        createdAgo: 0,
        traffic: { '/': 1 },
      },
      now,
    );
    // The first deployment starts the tasks: nothing serves until it has.
    const first = state.deployments[0]!;
    Object.assign(first, {
      status: 'PENDING',
      lifecycleStage: 'RECONCILE_SERVICE',
      history: [{ status: 'PENDING', at: now }],
      weight: 0,
    });
    delete first.startedAt;
    delete first.finishedAt;
    state.timeline.length = 0;
    const start = now + this.clock.scaled(this.ecs.durations.pending);
    this.clock.at(start, (at) => {
      this.set(state, first, 'IN_PROGRESS', at, 'SCALE_UP');
      first.startedAt = at;
    });
    this.clock.at(start + this.clock.scaled(this.ecs.durations.scaleUp), (at) => {
      state.running.liveSince = at;
      state.timeline.push({ ...state.running, servingFrom: at });
      first.weight = 1;
      first.lifecycleStage = 'CLEAN_UP';
      this.set(state, first, 'SUCCESSFUL', at);
      first.statusReason = 'Service deployment completed successfully.';
    });
    return { service: this.describe(state), state };
  }

  private async seedService(f: EcsFixtureService, now: number): Promise<ExpressServiceState> {
    const arn = `arn:aws:ecs:${this.fixture.region}:${this.fixture.account}:service/${f.cluster}/${f.name}`;
    const image = f.image.includes('.amazonaws.com/')
      ? f.image
      : `${this.ecr.registryHost}/${f.image}`;
    const config: ExpressConfig = {
      executionRoleArn:
        f.executionRoleArn ?? `arn:aws:iam::${this.fixture.account}:role/ecsTaskExecutionRole`,
      ...(f.taskRoleArn ? { taskRoleArn: f.taskRoleArn } : {}),
      cpu: f.cpu,
      memory: f.memory,
      healthCheckPath: f.healthCheckPath,
      primaryContainer: {
        image,
        containerPort: f.port,
        environment: Object.entries(f.env).map(([name, value]) => ({ name, value })),
        ...(Object.keys(f.secrets).length
          ? { secrets: Object.entries(f.secrets).map(([name, valueFrom]) => ({ name, valueFrom })) }
          : {}),
      },
    };
    const revision = await this.newRevision({ cluster: f.cluster, name: f.name }, config);
    if (!revision.image)
      throw new Error(`sim fixture: ECS service ${f.name} image ${f.image} is not in ECR`);
    revision.createdAt = now - f.createdAgo;
    const liveSince = now - Math.min(f.createdAgo, 86_400_000);
    const state: ExpressServiceState = {
      arn,
      name: f.name,
      cluster: f.cluster,
      clusterArn: `arn:aws:ecs:${this.fixture.region}:${this.fixture.account}:cluster/${f.cluster}`,
      status: f.status,
      createdAt: now - f.createdAgo,
      updatedAt: liveSince,
      infrastructureRoleArn:
        f.infrastructureRoleArn ??
        `arn:aws:iam::${this.fixture.account}:role/ecsInfrastructureRoleForExpressServices`,
      current: revision,
      revisions: [revision],
      deployments: [],
      running: {
        serviceStatus: 'RUNNING',
        behaviour: revision.image.behaviour,
        version: revision.image.version,
        liveSince,
        env: this.readSecrets(config),
        image,
        digest: revision.image.digest,
      },
      timeline: [],
      canaryTraffic: [],
      answered: [],
      traffic: f.traffic,
      app: undefined as unknown as SampleApp, // set below; the app reads the state
      loadBalancerArn: this.loadBalancerArn(),
      targetGroupArns: [this.targetGroupArn(f, 1), this.targetGroupArn(f, 2)],
    };
    const created: ServiceDeployment = {
      arn: this.deploymentArn(state),
      createdAt: state.createdAt,
      startedAt: state.createdAt,
      finishedAt: state.createdAt + this.ecs.durations.scaleUp,
      updatedAt: state.createdAt + this.ecs.durations.scaleUp,
      status: 'SUCCESSFUL',
      lifecycleStage: 'CLEAN_UP',
      target: revision,
      weight: 1,
      alarmTriggered: false,
      circuitBreakerTriggered: false,
      history: [{ status: 'SUCCESSFUL', at: state.createdAt }],
    };
    state.deployments.push(created);
    state.timeline.push(state.running);
    let requests = 0;
    state.app = new SampleApp(
      () => {
        this.clock.runDue();
        if (state.status === 'INACTIVE') return { ...state.running, serviceStatus: 'PAUSED' }; // no tasks: nothing answers
        const candidate = state.candidate;
        const weight = state.deployments.at(-1)?.weight ?? 0;
        if (candidate && weight > 0) {
          // The load balancer's weighted target groups: an even share of requests.
          requests++;
          if (Math.floor(requests * weight) > Math.floor((requests - 1) * weight)) return candidate;
        }
        return state.running;
      },
      () => this.clock.now(),
      (_app, status) => {
        // Only while new tasks take traffic: the alarm reads nothing else.
        if (state.candidate && (state.deployments.at(-1)?.weight ?? 0) > 0)
          state.answered.push({ at: this.clock.now(), status });
      },
    );
    await state.app.start();
    this.services.set(arn, state);
    return state;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => s.app.stop()));
  }

  /** ELB ids are 16 hex digits; here derived from the names, so they are stable per fixture. */
  private elbId(text: string): string {
    return createHash('sha256').update(text).digest('hex').slice(0, 16);
  }

  /** Express puts the services of an account and region behind one shared ALB. */
  private loadBalancerArn(): string {
    const id = this.elbId(`${this.fixture.account}/${this.fixture.region}`);
    return `arn:aws:elasticloadbalancing:${this.fixture.region}:${this.fixture.account}:loadbalancer/app/ecs-express-gateway-alb-${id.slice(0, 8)}/${id}`;
  }

  private targetGroupArn(s: { cluster: string; name: string }, n: 1 | 2): string {
    const id = this.elbId(`${s.cluster}/${s.name}/${n}`);
    return `arn:aws:elasticloadbalancing:${this.fixture.region}:${this.fixture.account}:targetgroup/ecs-gateway-tg-${id.slice(0, 8)}/${id}`;
  }

  /** ECS Managed Resources of a revision, as DescribeServiceRevisions reports them. */
  managedResources(s: ExpressServiceState, r: ServiceRevision): Json {
    const at = new Date(r.createdAt);
    return {
      ingressPaths: [
        {
          accessType: 'PUBLIC',
          endpoint: this.endpoint(s),
          loadBalancer: {
            arn: s.loadBalancerArn,
            status: 'ACTIVE',
            updatedAt: at,
            scheme: 'internet-facing',
            subnetIds: ['subnet-0a1b2c3d4e5f60718'],
            securityGroupIds: ['sg-0a9b8c7d6e5f40312'],
          },
          targetGroups: s.targetGroupArns.map((arn) => ({
            arn,
            status: 'ACTIVE',
            updatedAt: at,
            healthCheckPath: r.config.healthCheckPath,
            healthCheckPort: Number(r.config.primaryContainer['containerPort'] ?? 80),
            port: Number(r.config.primaryContainer['containerPort'] ?? 80),
          })),
        },
      ],
    };
  }

  private deploymentArn(s: { cluster: string; name: string }): string {
    return `arn:aws:ecs:${this.fixture.region}:${this.fixture.account}:service-deployment/${s.cluster}/${s.name}/${randomBytes(16).toString('base64url').slice(0, 22)}`;
  }

  /** The `serviceArn` of a request: a well-formed ARN of a known service. */
  get(
    arn: string,
    notFound: 'ResourceNotFoundException' | 'ServiceNotFoundException',
  ): ExpressServiceState {
    if (!SERVICE_ARN.test(arn)) throw invalid(`Invalid identifier: ${arn} is not a service ARN`);
    const s = this.services.get(arn);
    if (!s)
      throw new AwsError(
        notFound,
        notFound === 'ServiceNotFoundException'
          ? 'Service not found.'
          : `The service ${arn} was not found.`,
      );
    return s;
  }

  /** By ARN or name (tests and the handle). */
  lookup(arnOrName: string): ExpressServiceState {
    return byArnOrName(this.services, arnOrName, 'ECS Express service');
  }

  /** The endpoint as the API returns it: a host name without a scheme (terraform-provider-aws#47531). */
  endpoint(s: ExpressServiceState): string {
    return `127.0.0.1:${s.app.port}`;
  }

  private configuration(s: ExpressServiceState, r: ServiceRevision): Json {
    return {
      serviceRevisionArn: r.arn,
      ...(r.config.executionRoleArn ? { executionRoleArn: r.config.executionRoleArn } : {}),
      ...(r.config.taskRoleArn ? { taskRoleArn: r.config.taskRoleArn } : {}),
      taskDefinitionArn: r.taskDefinitionArn,
      cpu: r.config.cpu,
      memory: r.config.memory,
      cpuArchitecture: 'X86_64',
      networkConfiguration: {
        securityGroups: ['sg-0e1c5a1b2c3d4e5f6'],
        subnets: ['subnet-0a1b2c3d4e5f60718'],
      },
      healthCheckPath: r.config.healthCheckPath,
      primaryContainer: reordered(r.config.primaryContainer),
      scalingTarget: {
        minTaskCount: 1,
        maxTaskCount: 20,
        autoScalingMetric: 'AVERAGE_CPU',
        autoScalingTargetValue: 60,
      },
      ingressPaths: [{ accessType: 'PUBLIC', endpoint: this.endpoint(s) }],
      createdAt: new Date(r.createdAt),
    };
  }

  describe(s: ExpressServiceState): Json {
    const active = s.deployments.at(-1);
    const configs = [s.current];
    if (active && !TERMINAL.has(active.status) && active.target !== s.current)
      configs.push(active.target);
    return {
      cluster: s.clusterArn,
      serviceName: s.name,
      serviceArn: s.arn,
      infrastructureRoleArn: s.infrastructureRoleArn,
      status: { statusCode: s.status },
      currentDeployment: active?.arn,
      activeConfigurations:
        s.status === 'INACTIVE' ? [] : configs.map((r) => this.configuration(s, r)),
      createdAt: new Date(s.createdAt),
      updatedAt: new Date(s.updatedAt),
    };
  }

  private requireActive(s: ExpressServiceState): void {
    if (s.status !== 'ACTIVE')
      throw new AwsError(
        'ServiceNotActiveException',
        `The specified service isn't active (${s.status}). You can't update a service that's inactive.`,
      );
  }

  async updateExpress(input: Input): Promise<Json> {
    const s = this.get(reqString(input, 'serviceArn', ecs), 'ServiceNotFoundException');
    this.requireActive(s);
    const base = (
      s.deployments.at(-1) && !TERMINAL.has(s.deployments.at(-1)!.status)
        ? s.deployments.at(-1)!.target
        : s.current
    ).config;
    const next: ExpressConfig = structuredClone(base);
    const container = input['primaryContainer'];
    // A container given replaces the whole container: what it leaves out is gone, as a
    // from-scratch payload would find (whether AWS merges is not documented).
    if (container !== undefined) next.primaryContainer = checkContainer(container);
    for (const key of [
      'executionRoleArn',
      'taskRoleArn',
      'healthCheckPath',
      'cpu',
      'memory',
    ] as const) {
      const value = optString(input, key, ecs);
      if (value !== undefined) (next as unknown as Json)[key] = value;
    }
    if (!CPU.has(next.cpu)) throw invalid(`cpu ${next.cpu} is not a valid Fargate CPU value`);
    for (const key of [
      'taskDefinitionArn',
      'networkConfiguration',
      'scalingTarget',
      'cpuArchitecture',
    ])
      if (input[key] !== undefined) throw invalid(`sim: ${key} is not modelled; leave it out`);
    const revision = await this.newRevision(s, next);
    s.revisions.push(revision);
    this.startDeployment(s, revision);
    return {
      service: {
        serviceArn: s.arn,
        cluster: s.clusterArn,
        serviceName: s.name,
        status: { statusCode: s.status },
        targetConfiguration: this.configuration(s, revision),
        createdAt: new Date(s.createdAt),
        updatedAt: new Date(s.updatedAt),
      },
    };
  }

  /** UpdateService forceNewDeployment: a new revision of the same configuration, tags re-resolved. */
  async forceNewDeployment(input: Input): Promise<Json> {
    const name = reqString(input, 'service', ecs);
    const cluster = optString(input, 'cluster', ecs) ?? 'default';
    const arn = SERVICE_ARN.test(name)
      ? name
      : `arn:aws:ecs:${this.fixture.region}:${this.fixture.account}:service/${cluster}/${name}`;
    const s = this.services.get(arn);
    if (!s || s.cluster !== (SERVICE_ARN.exec(arn)?.[1] ?? cluster))
      throw new AwsError('ServiceNotFoundException', 'Service not found.');
    if (
      cluster !== s.cluster &&
      optString(input, 'cluster', ecs) !== undefined &&
      !cluster.endsWith(`/${s.cluster}`)
    )
      throw new AwsError('ServiceNotFoundException', 'Service not found.');
    this.requireActive(s);
    for (const key of Object.keys(input))
      if (!['service', 'cluster', 'forceNewDeployment'].includes(key))
        throw invalid(`sim: UpdateService models only forceNewDeployment; ${key} is not modelled`);
    if (input['forceNewDeployment'] !== true)
      throw invalid('sim: UpdateService without forceNewDeployment changes nothing here');
    const revision = await this.newRevision(s, s.current.config);
    s.revisions.push(revision);
    const d = this.startDeployment(s, revision);
    return {
      service: {
        serviceArn: s.arn,
        serviceName: s.name,
        clusterArn: s.clusterArn,
        status: s.status,
        taskDefinition: revision.taskDefinitionArn,
        deployments: [
          {
            id: `ecs-svc/${d.arn.split('/').at(-1)}`,
            status: 'PRIMARY',
            taskDefinition: revision.taskDefinitionArn,
            createdAt: new Date(d.createdAt),
            rolloutState: 'IN_PROGRESS',
          },
        ],
      },
    };
  }

  private set(
    s: ExpressServiceState,
    d: ServiceDeployment,
    status: DeploymentStatus,
    at: number,
    stage?: string,
  ): void {
    d.status = status;
    d.updatedAt = at;
    if (stage) d.lifecycleStage = stage;
    d.history.push({ status, at });
    s.updatedAt = at;
    if (TERMINAL.has(status)) d.finishedAt = at;
  }

  /** Is the candidate healthy at `at`: its tasks start and answer the health check path. */
  private unhealthy(s: ExpressServiceState, d: ServiceDeployment, at: number): string | undefined {
    const image = d.target.image;
    if (!image)
      return `CannotPullContainerError: ${d.target.config.primaryContainer.image} not found`;
    if (d.target.repo && !this.ecr.pullable(d.target.repo, image))
      return `CannotPullContainerError: a manifest of ${d.target.config.primaryContainer.image} was deleted`;
    // The load balancer checks the tasks on the revision's containerPort (its target group's
    // healthCheckPort); the app listens on the port the service was created with (the
    // fixture's `port`), so a revision naming another port fails every check.
    const listening = s.revisions[0]?.config.primaryContainer['containerPort'] ?? 80;
    const checked = d.target.config.primaryContainer['containerPort'] ?? 80;
    if (checked !== listening)
      return `tasks failed ELB health checks on port ${String(checked)}: connection refused (the container listens on ${String(listening)})`;
    const candidate = s.candidate!;
    const answer = appAnswer(candidate, d.target.config.healthCheckPath, at);
    if (
      image.behaviour.behaviour === 'fails-platform-health-check' ||
      answer.status < 200 ||
      answer.status >= 400
    )
      return `tasks failed ELB health checks on ${d.target.config.healthCheckPath} (${answer.status})`;
    return undefined;
  }

  private startDeployment(s: ExpressServiceState, target: ServiceRevision): ServiceDeployment {
    const now = this.clock.now();
    const previous = s.deployments.at(-1);
    if (previous && !TERMINAL.has(previous.status)) {
      // A newer deployment stops the one in progress; its tasks are not kept.
      this.set(s, previous, 'STOPPED', now);
      previous.statusReason = 'Service deployment stopped: a newer deployment was started.';
      this.shift(s, previous, 0, now);
      s.candidate = undefined;
    }
    const d: ServiceDeployment = {
      arn: this.deploymentArn(s),
      createdAt: now,
      updatedAt: now,
      status: 'PENDING',
      lifecycleStage: 'RECONCILE_SERVICE',
      source: s.current,
      target,
      weight: 0,
      alarmTriggered: false,
      circuitBreakerTriggered: false,
      history: [{ status: 'PENDING', at: now }],
      ...(this.listingDelayMs() > 0 ? { listedFrom: Date.now() + this.listingDelayMs() } : {}),
    };
    s.deployments.push(d);
    s.updatedAt = now;
    // The alarm reads the answers from this deployment's shift on.
    s.answered.length = 0;
    const dur = this.ecs.durations;
    const live = (): boolean =>
      s.deployments.at(-1) === d && !TERMINAL.has(d.status) && d.status !== 'ROLLBACK_IN_PROGRESS';
    const start = now + this.clock.scaled(dur.pending);
    const shifted = start + this.clock.scaled(dur.scaleUp);
    const full = shifted + this.clock.scaled(dur.canaryBake);
    const cleanUp = full + this.clock.scaled(dur.bake);
    const done = cleanUp + this.clock.scaled(dur.cleanUp);
    const rollBack = (at: number, reason: string, kind: 'alarm' | 'circuit-breaker'): void => {
      if (kind === 'alarm') d.alarmTriggered = true;
      else d.circuitBreakerTriggered = true;
      this.set(s, d, 'ROLLBACK_REQUESTED', at);
      this.set(s, d, 'ROLLBACK_IN_PROGRESS', at);
      d.statusReason = reason;
      d.rollback = { reason, startedAt: at, serviceRevisionArn: s.current.arn };
      this.shift(s, d, 0, at);
      this.clock.at(at + this.clock.scaled(dur.rollback), (end) => {
        if (s.deployments.at(-1) !== d) return;
        s.candidate = undefined;
        this.set(s, d, 'ROLLBACK_SUCCESSFUL', end);
      });
    };
    this.clock.at(start, (at) => {
      if (!live()) return;
      this.set(s, d, 'IN_PROGRESS', at, 'SCALE_UP');
      d.startedAt = at;
      if (target.image)
        s.candidate = {
          serviceStatus: 'RUNNING',
          behaviour: target.image.behaviour,
          version: target.image.version,
          liveSince: at,
          env: this.readSecrets(target.config),
          image: target.config.primaryContainer.image,
          digest: target.image.digest,
        };
    });
    const healthGate = (at: number): boolean => {
      const why = this.unhealthy(s, d, at);
      if (why) rollBack(at, `ECS deployment circuit breaker: ${why}.`, 'circuit-breaker');
      return why === undefined;
    };
    this.clock.at(shifted, (at) => {
      if (!live() || !healthGate(at)) return;
      this.shift(s, d, CANARY_WEIGHT, at);
      d.lifecycleStage = 'PRODUCTION_TRAFFIC_SHIFT';
    });
    // The alarm is evaluated every modelled minute from the shift until the old tasks stop.
    const minute = this.clock.scaled(60_000);
    for (let k = ALARM_DATAPOINTS; minute > 0 && shifted + k * minute <= cleanUp; k++)
      this.clock.at(shifted + k * minute, (when) => {
        if (!live() || d.weight === 0) return;
        const breached = this.alarmBreaches(s, shifted, when, minute);
        if (breached.length >= ALARM_DATAPOINTS)
          rollBack(
            when,
            `CloudWatch alarm ${s.name}-4xx-5xx-rate is in ALARM: 4xx+5xx ${breached.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')} > 1% for ${ALARM_DATAPOINTS} datapoints within ${ALARM_PERIODS} minutes.`,
            'alarm',
          );
      });
    this.clock.at(full, (at) => {
      if (!live() || !healthGate(at)) return;
      this.shift(s, d, 1, at);
      d.lifecycleStage = 'BAKE_TIME';
    });
    this.clock.at(cleanUp, (at) => {
      if (!live() || !healthGate(at)) return;
      d.lifecycleStage = 'CLEAN_UP';
      s.current = target;
      s.running = s.candidate!;
      s.candidate = undefined;
      // From here the new version serves all traffic as the running one.
      this.shift(s, d, 1, at, false);
      s.timeline.push({ ...s.running, servingFrom: at });
      if (target.image) target.image.lastPulledAt = at;
    });
    this.clock.at(done, (at) => {
      if (!live()) return;
      this.set(s, d, 'SUCCESSFUL', at);
      d.statusReason = 'Service deployment completed successfully.';
    });
    return d;
  }

  /**
   * Moves a deployment's share of the traffic to `weight` at `at`: the candidate's share so
   * far ends, and a new one starts unless the weight is 0 or the candidate stops being one.
   */
  private shift(
    s: ExpressServiceState,
    d: ServiceDeployment,
    weight: number,
    at: number,
    candidate = true,
  ): void {
    d.weight = weight;
    const open = s.canaryTraffic.find((c) => c.to === undefined);
    if (open) open.to = at;
    if (candidate && weight > 0 && s.candidate)
      s.canaryTraffic.push({ app: s.candidate, from: at, weight });
  }

  /**
   * The alarm's datapoints: the 4xx+5xx rate in each complete one-minute period of the last
   * three since the shift, those above 1 %. Counted: the new tasks' share of the modelled
   * traffic (`answerShares`, the same AWS/ApplicationELB is made from, at the fixture's
   * requests per minute), and every request the service's tasks actually answered in the
   * period, old tasks included: a 401 an old task gives to a token a new task signed (a
   * one-phase key rotation) is an answer the load balancer counts like any other.
   */
  private alarmBreaches(
    s: ExpressServiceState,
    shifted: number,
    now: number,
    minute: number,
  ): number[] {
    const rates: number[] = [];
    for (
      let end = now;
      end - minute >= shifted - 1e-6 && rates.length < ALARM_PERIODS;
      end -= minute
    ) {
      let requests = 0;
      let failed = 0;
      const rpm = this.fixture.cloudwatch.requestsPerMinute;
      for (const c of s.canaryTraffic) {
        if (c.app !== s.candidate) continue;
        const ms = Math.min(end, c.to ?? Infinity) - Math.max(end - minute, c.from);
        if (ms <= 0) continue;
        const shares = answerShares(c.app, s.traffic, Math.max(end - minute, c.from));
        const modelled = (rpm * ms * c.weight) / minute;
        requests += modelled;
        failed += modelled * (shares.client + shares.server);
      }
      for (const a of s.answered) {
        if (a.at < end - minute || a.at >= end) continue;
        requests += 1;
        if (a.status >= 400) failed += 1;
      }
      if (requests > 0) rates.push(failed / requests);
    }
    return rates.filter((r) => r > ALARM_THRESHOLD);
  }

  revision(arn: string): { s: ExpressServiceState; r: ServiceRevision } | undefined {
    for (const s of this.services.values()) {
      const r = s.revisions.find((x) => x.arn === arn);
      if (r) return { s, r };
    }
    return undefined;
  }

  deployment(arn: string): { s: ExpressServiceState; d: ServiceDeployment } | undefined {
    for (const s of this.services.values()) {
      const d = s.deployments.find((x) => x.arn === arn);
      if (d) return { s, d };
    }
    return undefined;
  }

  /** Stops serving, as DeleteExpressGatewayService does: DRAINING, then INACTIVE. */
  setStatus(arnOrName: string, status: ExpressServiceState['status']): void {
    this.lookup(arnOrName).status = status;
  }
}

const revisionSummary = (
  r: ServiceRevision | undefined,
  weight: number,
  count: number,
): Json | undefined =>
  r && {
    arn: r.arn,
    requestedTaskCount: count,
    runningTaskCount: count,
    pendingTaskCount: 0,
    requestedProductionTrafficWeight: Math.round(weight * 100),
  };

function describeDeployment(s: ExpressServiceState, d: ServiceDeployment): Json {
  return {
    serviceDeploymentArn: d.arn,
    serviceArn: s.arn,
    clusterArn: s.clusterArn,
    createdAt: new Date(d.createdAt),
    ...(d.startedAt !== undefined ? { startedAt: new Date(d.startedAt) } : {}),
    ...(d.finishedAt !== undefined ? { finishedAt: new Date(d.finishedAt) } : {}),
    updatedAt: new Date(d.updatedAt),
    sourceServiceRevisions: d.source ? [revisionSummary(d.source, 1 - d.weight, 1)] : [],
    targetServiceRevision: revisionSummary(d.target, d.weight, d.weight > 0 ? 1 : 0),
    status: d.status,
    ...(d.statusReason ? { statusReason: d.statusReason } : {}),
    lifecycleStage: d.lifecycleStage,
    deploymentConfiguration: {
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: CANARY_WEIGHT * 100, canaryBakeTimeInMinutes: 3 },
      bakeTimeInMinutes: 3,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      alarms: { alarmNames: [`${s.name}-4xx-5xx-rate`], enable: true, rollback: true },
    },
    ...(d.rollback
      ? {
          rollback: {
            reason: d.rollback.reason,
            startedAt: new Date(d.rollback.startedAt),
            serviceRevisionArn: d.rollback.serviceRevisionArn,
          },
        }
      : {}),
    deploymentCircuitBreaker: {
      status: d.circuitBreakerTriggered
        ? 'TRIGGERED'
        : TERMINAL.has(d.status)
          ? 'MONITORING_COMPLETE'
          : 'MONITORING',
      failureCount: d.circuitBreakerTriggered ? 3 : 0,
      threshold: 3,
    },
    alarms: {
      status: d.alarmTriggered
        ? 'TRIGGERED'
        : TERMINAL.has(d.status)
          ? 'MONITORING_COMPLETE'
          : 'MONITORING',
      alarmNames: [`${s.name}-4xx-5xx-rate`],
      triggeredAlarmNames: d.alarmTriggered ? [`${s.name}-4xx-5xx-rate`] : [],
    },
  };
}

function arnList(input: Input, name: string): string[] {
  const list = optList(input, name, ecs);
  if (!list || list.length === 0) throw invalid(`${name} is required`);
  if (list.length > 20) throw invalid(`${name} can have at most 20 items`);
  return list as unknown as string[];
}

const epochSeconds = (value: unknown): number | undefined => {
  if (value === undefined || value === null) return undefined;
  return (value as number) * 1000; // a number: the model's timestamp was checked
};

export const ecs: AwsService<EcsWorld> = {
  signingName: 'ecs',
  protocol: 'awsJson1_1',
  targetPrefix: 'AmazonEC2ContainerServiceV20141113',
  messageKey: 'message',
  invalid,
  faults: { throttling: 'ThrottlingException', throttlingStatus: 400, internal: 'ServerException' },
  operations: {
    DescribeExpressGatewayService: {
      mutating: false,
      handle(input, { world }) {
        const s = world.ecs.get(reqString(input, 'serviceArn', ecs), 'ResourceNotFoundException');
        return { service: world.ecs.describe(s) };
      },
    },
    UpdateExpressGatewayService: {
      mutating: true,
      handle: (input, { world }) => world.ecs.updateExpress(input),
    },
    UpdateService: {
      mutating: true,
      handle: (input, { world }) => world.ecs.forceNewDeployment(input),
    },
    DescribeServiceRevisions: {
      mutating: false,
      handle(input, { world }) {
        const arns = arnList(input, 'serviceRevisionArns');
        const found = arns.map((arn) => ({ arn, hit: world.ecs.revision(arn) }));
        return {
          serviceRevisions: found
            .filter((x) => x.hit)
            .map(({ hit }) => {
              const { s, r } = hit!;
              return {
                serviceRevisionArn: r.arn,
                serviceArn: s.arn,
                clusterArn: s.clusterArn,
                taskDefinition: r.taskDefinitionArn,
                launchType: 'FARGATE',
                platformVersion: '1.4.0',
                platformFamily: 'Linux',
                containerImages: [
                  {
                    containerName: 'Main',
                    image: r.config.primaryContainer.image,
                    ...(r.digest ? { imageDigest: r.digest } : {}),
                  },
                ],
                guardDutyEnabled: false,
                createdAt: new Date(r.createdAt),
                ecsManagedResources: world.ecs.managedResources(s, r),
              };
            }),
          failures: found.filter((x) => !x.hit).map((x) => ({ arn: x.arn, reason: 'MISSING' })),
        };
      },
    },
    ListServiceDeployments: {
      mutating: false,
      handle(input, { world }) {
        const name = reqString(input, 'service', ecs);
        const cluster = optString(input, 'cluster', ecs) ?? 'default';
        const arn = SERVICE_ARN.test(name)
          ? name
          : `arn:aws:ecs:${world.fixture.region}:${world.fixture.account}:service/${cluster}/${name}`;
        const s = world.ecs.services.get(arn);
        if (!s) throw new AwsError('ServiceNotFoundException', 'Service not found.');
        const statuses = optList(input, 'status', ecs) as unknown as string[] | undefined;
        const created = (input['createdAt'] ?? {}) as Json;
        const after = epochSeconds(created['after']);
        const before = epochSeconds(created['before']);
        const max = optInt(input, 'maxResults', ecs, { min: 1, max: 100 }) ?? 20;
        const newestFirst = [...s.deployments]
          .filter((d) => d.listedFrom === undefined || d.listedFrom <= Date.now())
          .filter((d) => !statuses || statuses.includes(d.status))
          .filter(
            (d) =>
              (after === undefined || d.createdAt >= after) &&
              (before === undefined || d.createdAt <= before),
          )
          .reverse();
        const { page, next } = paginate(newestFirst, optString(input, 'nextToken', ecs), max, () =>
          invalid('Invalid nextToken'),
        );
        return {
          serviceDeployments: page.map((d) => ({
            serviceDeploymentArn: d.arn,
            serviceArn: s.arn,
            clusterArn: s.clusterArn,
            ...(d.startedAt !== undefined ? { startedAt: new Date(d.startedAt) } : {}),
            createdAt: new Date(d.createdAt),
            ...(d.finishedAt !== undefined ? { finishedAt: new Date(d.finishedAt) } : {}),
            targetServiceRevisionArn: d.target.arn,
            status: d.status,
            ...(d.statusReason ? { statusReason: d.statusReason } : {}),
          })),
          nextToken: next,
        };
      },
    },
    DescribeServiceDeployments: {
      mutating: false,
      handle(input, { world }) {
        const arns = arnList(input, 'serviceDeploymentArns');
        const found = arns.map((arn) => ({ arn, hit: world.ecs.deployment(arn) }));
        return {
          serviceDeployments: found
            .filter((x) => x.hit)
            .map((x) => describeDeployment(x.hit!.s, x.hit!.d)),
          failures: found.filter((x) => !x.hit).map((x) => ({ arn: x.arn, reason: 'MISSING' })),
        };
      },
    },
  },
};
