/**
 * App Runner (awsJson 1.0, `AppRunner.<Op>`): services that deploy through operations on the
 * sim clock. PENDING → IN_PROGRESS → SUCCEEDED, or, when the new image fails App Runner's own
 * health check, → ROLLBACK_IN_PROGRESS → ROLLBACK_SUCCEEDED with the previous configuration
 * and image restored and the service RUNNING again (design pitfall 1). UpdateService replaces
 * each configuration section it is given, as AWS does (pitfall 2), and StartDeployment
 * re-pulls the configured identifier (pitfall 3).
 */
import { randomUUID } from 'node:crypto';
import type { SimClock } from '../clock.js';
import type { Fixture, FixtureService } from '../fixture.js';
import { AwsError } from '../aws/protocol.js';
import { optString, paginate, reqString, type AwsService, type Input } from '../aws/service.js';
import { appAnswer, SampleApp, type RunningApp } from '../sample-app.js';
import type { EcrState } from './ecr.js';
import { byArnOrName } from './lookup.js';

/** What this service reads of the world. */
interface AppRunnerWorld {
  apprunner: AppRunnerState;
  fixture: Fixture;
}

type Json = Record<string, unknown>;

export interface OperationRecord {
  Id: string;
  Type:
    'START_DEPLOYMENT' | 'UPDATE_SERVICE' | 'PAUSE_SERVICE' | 'RESUME_SERVICE' | 'CREATE_SERVICE';
  Status:
    | 'PENDING'
    | 'IN_PROGRESS'
    | 'SUCCEEDED'
    | 'FAILED'
    | 'ROLLBACK_IN_PROGRESS'
    | 'ROLLBACK_SUCCEEDED'
    | 'ROLLBACK_FAILED';
  TargetArn: string;
  StartedAt: number;
  EndedAt?: number;
  UpdatedAt: number;
  /** Real time from which ListOperations shows it (the listing-delay fault). */
  listedFrom?: number;
  /** Why the deployment failed (sim evidence; not part of the AWS answer). */
  reason?: string;
  /** Every status with the time it was entered (sim evidence, independent of polling). */
  history: { status: OperationRecord['Status']; at: number }[];
}

export interface AppRunnerServiceState {
  arn: string;
  name: string;
  id: string;
  createdAt: number;
  updatedAt: number;
  status: 'RUNNING' | 'PAUSED' | 'OPERATION_IN_PROGRESS' | 'CREATE_FAILED';
  /** Wire-shaped configuration sections, as DescribeService returns them. */
  sourceConfiguration: Json;
  instanceConfiguration: Json;
  healthCheckConfiguration: Json;
  /** What the sample app serves: resolved when a deployment succeeds. */
  running: RunningApp & { identifier: string; digest: string };
  /** During a deployment's switch-over (`durations.switchOver`): the new instances, also answering. */
  incoming?: RunningApp & { identifier: string; digest: string };
  /** Every version that went live, oldest first (CloudWatch metrics are made from it). */
  timeline: RunningApp[];
  operations: OperationRecord[];
  maintenanceUntil?: number;
  app: SampleApp;
}

const DEFAULT_INSTANCE: Json = { Cpu: '1024', Memory: '2048' };
const DEFAULT_HEALTH: Json = {
  Protocol: 'TCP',
  Path: '/',
  Interval: 5,
  Timeout: 2,
  HealthyThreshold: 1,
  UnhealthyThreshold: 5,
};
const DEFAULT_PORT = '8080';

const hexId = (): string => randomUUID().replace(/-/g, '');

function sourceFromFixture(s: FixtureService, imageIdentifier: string): Json {
  const image: Json = {
    Port: s.port,
    ...(Object.keys(s.env).length ? { RuntimeEnvironmentVariables: { ...s.env } } : {}),
    ...(Object.keys(s.secrets).length ? { RuntimeEnvironmentSecrets: { ...s.secrets } } : {}),
  };
  return {
    ImageRepository: {
      ImageIdentifier: imageIdentifier,
      ImageRepositoryType: 'ECR',
      ImageConfiguration: image,
    },
    AutoDeploymentsEnabled: s.autoDeployments,
    AuthenticationConfiguration: {
      AccessRoleArn: s.accessRoleArn ?? `arn:aws:iam::000000000000:role/${s.name}-ecr-access`,
    },
  };
}

const invalidRequest = (message: string): AwsError =>
  new AwsError('InvalidRequestException', message);

export class AppRunnerState {
  readonly services = new Map<string, AppRunnerServiceState>();
  /** AWSCURRENT of a Secrets Manager secret (set by the World); undefined: not in the sim. */
  secretValue: (ref: string) => string | undefined = () => undefined;

  /** App Runner reads RuntimeEnvironmentSecrets at deployment, and only then. */
  private readSecrets(source: Json): Record<string, string> {
    const image = (source['ImageRepository'] as Json | undefined)?.['ImageConfiguration'] as
      Json | undefined;
    const refs = (image?.['RuntimeEnvironmentSecrets'] as Record<string, string> | undefined) ?? {};
    const env: Record<string, string> = {};
    for (const [name, ref] of Object.entries(refs)) {
      const value = this.secretValue(ref);
      if (value !== undefined) env[name] = value;
    }
    return env;
  }

  constructor(
    private readonly fixture: Fixture,
    private readonly clock: SimClock,
    private readonly ecr: EcrState,
    /** The listing-delay fault: real ms before a new operation is listed. */
    private readonly listingDelayMs: () => number = () => 0,
  ) {}

  /** Creates the fixture's services and starts their sample apps. */
  async seed(): Promise<void> {
    const now = this.clock.now();
    for (const s of this.fixture.apprunner.services) {
      const id = s.id ?? hexId();
      const arn = `arn:aws:apprunner:${this.fixture.region}:${this.fixture.account}:service/${s.name}/${id}`;
      const identifier = s.image.includes('.amazonaws.com/')
        ? s.image
        : `${this.ecr.registryHost}/${s.image}`;
      const resolved = await this.ecr.resolve(identifier);
      if (!resolved)
        throw new Error(`sim fixture: service ${s.name} image ${s.image} is not in ECR`);
      const source = sourceFromFixture(s, identifier);
      (source['AuthenticationConfiguration'] as Json)['AccessRoleArn'] =
        s.accessRoleArn ?? `arn:aws:iam::${this.fixture.account}:role/${s.name}-ecr-access`;
      const createdAt = now - s.createdAgo;
      const state: AppRunnerServiceState = {
        arn,
        name: s.name,
        id,
        createdAt,
        updatedAt: now - Math.min(s.createdAgo, 86_400_000),
        status: s.status,
        sourceConfiguration: source,
        instanceConfiguration: {
          Cpu: s.cpu,
          Memory: s.memory,
          ...(s.instanceRoleArn ? { InstanceRoleArn: s.instanceRoleArn } : {}),
        },
        healthCheckConfiguration: {
          Protocol: s.healthCheck.protocol,
          Path: s.healthCheck.path,
          Interval: s.healthCheck.interval,
          Timeout: s.healthCheck.timeout,
          HealthyThreshold: s.healthCheck.healthyThreshold,
          UnhealthyThreshold: s.healthCheck.unhealthyThreshold,
        },
        running: {
          identifier,
          digest: resolved.image.digest,
          serviceStatus: s.status,
          behaviour: resolved.image.behaviour,
          version: resolved.image.version,
          liveSince: now - Math.min(s.createdAgo, 86_400_000),
          env: this.readSecrets(source),
        },
        operations: [
          {
            Id: hexId(),
            Type: 'CREATE_SERVICE',
            Status: 'SUCCEEDED',
            TargetArn: arn,
            StartedAt: createdAt,
            EndedAt: createdAt + this.fixture.durations.deploy,
            UpdatedAt: createdAt + this.fixture.durations.deploy,
            history: [
              { status: 'PENDING', at: createdAt },
              { status: 'SUCCEEDED', at: createdAt + this.fixture.durations.deploy },
            ],
          },
          // The instances serving now started at liveSince: the deployment that started them
          // (kept oldest first, like every operation here).
          ...(s.createdAgo > 86_400_000
            ? [deployedAt(now - 86_400_000, arn, this.fixture.durations.deploy)]
            : []),
        ],
        app: undefined as unknown as SampleApp, // set just below; the app reads the state
        timeline: [],
      };
      state.timeline.push(state.running);
      let requests = 0;
      state.app = new SampleApp(
        () => {
          this.clock.runDue();
          // A switch-over: old and new instances take turns.
          if (state.incoming && requests++ % 2 === 1)
            return { ...state.incoming, serviceStatus: state.status };
          return { ...state.running, serviceStatus: state.status };
        },
        () => this.clock.now(),
      );
      await state.app.start();
      this.services.set(arn, state);
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => s.app.stop()));
  }

  get(arn: string): AppRunnerServiceState {
    const service = this.services.get(arn);
    if (!service)
      throw new AwsError('ResourceNotFoundException', `Resource not found: service ${arn}`);
    return service;
  }

  /** Finds a service by ARN or name (for the handle and the control API). */
  lookup(arnOrName: string): AppRunnerServiceState {
    return byArnOrName(this.services, arnOrName, 'App Runner service');
  }

  serviceUrl(service: AppRunnerServiceState): string {
    return `127.0.0.1:${service.app.port}`;
  }

  describe(service: AppRunnerServiceState): Json {
    return {
      ServiceName: service.name,
      ServiceId: service.id,
      ServiceArn: service.arn,
      ServiceUrl: this.serviceUrl(service),
      CreatedAt: new Date(service.createdAt),
      UpdatedAt: new Date(service.updatedAt),
      Status: service.status,
      SourceConfiguration: structuredClone(service.sourceConfiguration),
      InstanceConfiguration: structuredClone(service.instanceConfiguration),
      HealthCheckConfiguration: structuredClone(service.healthCheckConfiguration),
      AutoScalingConfigurationSummary: {
        AutoScalingConfigurationArn: `arn:aws:apprunner:${this.fixture.region}:${this.fixture.account}:autoscalingconfiguration/DefaultConfiguration/1/00000000000000000000000000000001`,
        AutoScalingConfigurationName: 'DefaultConfiguration',
        AutoScalingConfigurationRevision: 1,
        Status: 'ACTIVE',
        CreatedAt: new Date(service.createdAt),
        HasAssociatedService: true,
        IsDefault: true,
      },
      NetworkConfiguration: {
        EgressConfiguration: { EgressType: 'DEFAULT' },
        IngressConfiguration: { IsPubliclyAccessible: true },
        IpAddressType: 'IPV4',
      },
      ObservabilityConfiguration: { ObservabilityEnabled: false },
    };
  }

  private requireStatus(service: AppRunnerServiceState, allowed: string[]): void {
    if (!allowed.includes(service.status))
      throw new AwsError(
        'InvalidStateException',
        `You can't perform this operation while the service is in ${service.status} status (service ${service.arn}).`,
      );
  }

  private newOperation(
    service: AppRunnerServiceState,
    type: OperationRecord['Type'],
  ): OperationRecord {
    const now = this.clock.now();
    const op: OperationRecord = {
      Id: hexId(),
      Type: type,
      Status: 'PENDING',
      TargetArn: service.arn,
      StartedAt: now,
      UpdatedAt: now,
      history: [{ status: 'PENDING', at: now }],
      ...(this.listingDelayMs() > 0 ? { listedFrom: Date.now() + this.listingDelayMs() } : {}),
    };
    service.operations.push(op);
    service.status = 'OPERATION_IN_PROGRESS';
    service.updatedAt = now;
    return op;
  }

  private setOp(
    service: AppRunnerServiceState,
    op: OperationRecord,
    status: OperationRecord['Status'],
    at: number,
  ): void {
    op.Status = status;
    op.UpdatedAt = at;
    op.history.push({ status, at });
    service.updatedAt = at;
    if (['SUCCEEDED', 'FAILED', 'ROLLBACK_SUCCEEDED', 'ROLLBACK_FAILED'].includes(status))
      op.EndedAt = at;
  }

  /**
   * Runs a deployment of the service's configured identifier. The tag is resolved now (App
   * Runner pulls at deployment time); App Runner's own health check decides the outcome.
   */
  private async deploy(
    service: AppRunnerServiceState,
    op: OperationRecord,
    previous: Json | undefined,
  ): Promise<void> {
    const d = this.fixture.durations;
    const repository = service.sourceConfiguration['ImageRepository'] as Json | undefined;
    const identifier = String(repository?.['ImageIdentifier'] ?? '');
    const resolved = await this.ecr.resolve(identifier);
    let reason: string | undefined;
    if (!resolved) reason = `image ${identifier} not found`;
    else if (!this.ecr.pullable(resolved.repo, resolved.image))
      reason = `image ${identifier} cannot be pulled: a manifest of its index was deleted`;
    else {
      const candidate: RunningApp = {
        serviceStatus: 'RUNNING',
        behaviour: resolved.image.behaviour,
        version: resolved.image.version,
        liveSince: this.clock.now(),
      };
      const hc = service.healthCheckConfiguration;
      const probePath = hc['Protocol'] === 'HTTP' ? String(hc['Path'] ?? '/') : '/';
      const answer = appAnswer(candidate, probePath, this.clock.now());
      // TCP checks only need the port open; a crashing container fails both.
      const passes =
        resolved.image.behaviour.behaviour !== 'fails-platform-health-check' &&
        (hc['Protocol'] !== 'HTTP' || (answer.status >= 200 && answer.status < 400));
      if (!passes) reason = `health check failed on ${hc['Protocol']} ${probePath}`;
    }
    const pendingEnd = this.clock.now() + this.clock.scaled(d.deployPending);
    const deployEnd = pendingEnd + this.clock.scaled(d.deploy);
    this.clock.at(pendingEnd, (at) => this.setOp(service, op, 'IN_PROGRESS', at));
    if (reason === undefined && resolved) {
      const image = resolved.image;
      const env = this.readSecrets(service.sourceConfiguration);
      const switchFrom = Math.max(pendingEnd, deployEnd - this.clock.scaled(d.switchOver));
      const incoming = {
        identifier,
        digest: image.digest,
        serviceStatus: 'RUNNING',
        behaviour: image.behaviour,
        version: image.version,
        liveSince: switchFrom,
        env,
      };
      if (switchFrom < deployEnd)
        this.clock.at(switchFrom, () => {
          if (service.operations.at(-1) === op) service.incoming = incoming;
        });
      this.clock.at(deployEnd, (at) => {
        this.setOp(service, op, 'SUCCEEDED', at);
        service.status = 'RUNNING';
        service.incoming = undefined;
        service.running = { ...incoming, liveSince: switchFrom < deployEnd ? switchFrom : at };
        service.timeline.push(service.running);
        image.lastPulledAt = at;
      });
      return;
    }
    op.reason = reason;
    this.clock.at(deployEnd, (at) => this.setOp(service, op, 'ROLLBACK_IN_PROGRESS', at));
    this.clock.at(deployEnd + this.clock.scaled(d.rollback), (at) => {
      this.setOp(service, op, 'ROLLBACK_SUCCEEDED', at);
      if (previous) Object.assign(service, structuredClone(previous));
      service.status = 'RUNNING';
    });
  }

  async updateService(input: Input): Promise<Json> {
    const service = this.get(reqString(input, 'ServiceArn', appRunner));
    this.requireStatus(service, ['RUNNING']);
    const previous = {
      sourceConfiguration: structuredClone(service.sourceConfiguration),
      instanceConfiguration: structuredClone(service.instanceConfiguration),
      healthCheckConfiguration: structuredClone(service.healthCheckConfiguration),
    };
    const next = structuredClone(previous);
    // Each section given replaces the old one; fields left out take their defaults.
    const source = input['SourceConfiguration'] as Json | undefined;
    if (source) {
      const repo = source['ImageRepository'] as Json | undefined;
      if (source['CodeRepository']) throw invalidRequest('The sim only models image repositories');
      if (!repo) throw invalidRequest('SourceConfiguration must have ImageRepository');
      // ImageIdentifier (required, its pattern and length) and ImageRepositoryType (required,
      // ECR | ECR_PUBLIC) are checked against App Runner's model before this runs.
      const auth = source['AuthenticationConfiguration'] as Json | undefined;
      if (repo['ImageRepositoryType'] === 'ECR' && !auth?.['AccessRoleArn'])
        throw invalidRequest(
          'AuthenticationConfiguration.AccessRoleArn is required for a private ECR image repository',
        );
      next.sourceConfiguration = {
        ImageRepository: {
          ImageIdentifier: repo['ImageIdentifier'],
          ImageRepositoryType: repo['ImageRepositoryType'],
          ImageConfiguration: {
            Port: DEFAULT_PORT,
            ...((repo['ImageConfiguration'] as Json | undefined) ?? {}),
          },
        },
        AutoDeploymentsEnabled: source['AutoDeploymentsEnabled'] ?? true,
        ...(auth ? { AuthenticationConfiguration: auth } : {}),
      };
    }
    const instance = input['InstanceConfiguration'] as Json | undefined;
    if (instance) next.instanceConfiguration = { ...DEFAULT_INSTANCE, ...instance };
    const health = input['HealthCheckConfiguration'] as Json | undefined;
    if (health) next.healthCheckConfiguration = { ...DEFAULT_HEALTH, ...health };
    const op = this.newOperation(service, 'UPDATE_SERVICE');
    Object.assign(service, next);
    await this.deploy(service, op, previous);
    return { Service: this.describe(service), OperationId: op.Id };
  }

  async startDeployment(input: Input): Promise<Json> {
    const service = this.get(reqString(input, 'ServiceArn', appRunner));
    this.requireStatus(service, ['RUNNING']);
    const op = this.newOperation(service, 'START_DEPLOYMENT');
    await this.deploy(service, op, undefined);
    return { OperationId: op.Id };
  }

  pauseOrResume(input: Input, pause: boolean): Json {
    const service = this.get(reqString(input, 'ServiceArn', appRunner));
    this.requireStatus(service, [pause ? 'RUNNING' : 'PAUSED']);
    const op = this.newOperation(service, pause ? 'PAUSE_SERVICE' : 'RESUME_SERVICE');
    const d = this.fixture.durations;
    this.clock.after(d.deployPending, (at) => this.setOp(service, op, 'IN_PROGRESS', at));
    this.clock.after(d.deployPending + (pause ? d.pause : d.resume), (at) => {
      this.setOp(service, op, 'SUCCEEDED', at);
      service.status = pause ? 'PAUSED' : 'RUNNING';
      if (!pause) service.running.liveSince = at;
    });
    return { Service: this.describe(service), OperationId: op.Id };
  }

  /** Platform maintenance: OPERATION_IN_PROGRESS for a while, no operation is listed. */
  startMaintenance(service: AppRunnerServiceState, simMs: number): void {
    if (service.status !== 'RUNNING')
      throw new Error(
        `sim: maintenance needs a RUNNING service; ${service.name} is ${service.status}`,
      );
    service.status = 'OPERATION_IN_PROGRESS';
    const until = this.clock.now() + this.clock.scaled(simMs);
    service.maintenanceUntil = until;
    this.clock.at(until, () => {
      service.status = 'RUNNING';
      service.maintenanceUntil = undefined;
    });
  }
}

const summary = (op: OperationRecord): Json => ({
  Id: op.Id,
  Type: op.Type,
  Status: op.Status,
  TargetArn: op.TargetArn,
  StartedAt: new Date(op.StartedAt),
  EndedAt: op.EndedAt !== undefined ? new Date(op.EndedAt) : undefined,
  UpdatedAt: new Date(op.UpdatedAt),
});

export const appRunner: AwsService<AppRunnerWorld> = {
  signingName: 'apprunner',
  protocol: 'awsJson1_0',
  targetPrefix: 'AppRunner',
  messageKey: 'Message',
  invalid: invalidRequest,
  faults: {
    throttling: 'ThrottlingException',
    throttlingStatus: 400,
    internal: 'InternalServiceErrorException',
  },
  operations: {
    DescribeService: {
      mutating: false,
      handle: (input, { world }) => ({
        Service: world.apprunner.describe(
          world.apprunner.get(reqString(input, 'ServiceArn', appRunner)),
        ),
      }),
    },
    ListServices: {
      mutating: false,
      handle(input, { world }) {
        const max = (input['MaxResults'] as number | undefined) ?? 20; // 1–20: the model
        const { page, next } = paginate(
          [...world.apprunner.services.values()],
          optString(input, 'NextToken', appRunner),
          max,
          () => invalidRequest('Invalid NextToken'),
        );
        return {
          ServiceSummaryList: page.map((s) => ({
            ServiceName: s.name,
            ServiceId: s.id,
            ServiceArn: s.arn,
            ServiceUrl: world.apprunner.serviceUrl(s),
            CreatedAt: new Date(s.createdAt),
            UpdatedAt: new Date(s.updatedAt),
            Status: s.status,
          })),
          NextToken: next,
        };
      },
    },
    UpdateService: {
      mutating: true,
      handle: (input, { world }) => world.apprunner.updateService(input),
    },
    StartDeployment: {
      mutating: true,
      handle: (input, { world }) => world.apprunner.startDeployment(input),
    },
    PauseService: {
      mutating: true,
      handle: (input, { world }) => world.apprunner.pauseOrResume(input, true),
    },
    ResumeService: {
      mutating: true,
      handle: (input, { world }) => world.apprunner.pauseOrResume(input, false),
    },
    DescribeCustomDomains: {
      mutating: false,
      handle(input, { world }) {
        const service = world.apprunner.get(reqString(input, 'ServiceArn', appRunner));
        const max = (input['MaxResults'] as number | undefined) ?? 5; // 1–5: the model
        const fixture = world.fixture.apprunner.services.find((s) => s.name === service.name);
        const domains = fixture?.customDomains ?? [];
        const { page, next } = paginate(
          domains,
          optString(input, 'NextToken', appRunner),
          max,
          () => invalidRequest('Invalid NextToken'),
        );
        return {
          DNSTarget: world.apprunner.serviceUrl(service),
          ServiceArn: service.arn,
          CustomDomains: page.map((d) => ({
            DomainName: d.domain,
            EnableWWWSubdomain: d.enableWWWSubdomain,
            CertificateValidationRecords: [],
            Status: d.status,
          })),
          VpcDNSTargets: [],
          NextToken: next,
        };
      },
    },
    ListOperations: {
      mutating: false,
      handle(input, { world }) {
        const service = world.apprunner.get(reqString(input, 'ServiceArn', appRunner));
        const max = (input['MaxResults'] as number | undefined) ?? 20; // 1–20: the model
        const newestFirst = [...service.operations]
          .filter((op) => op.listedFrom === undefined || op.listedFrom <= Date.now())
          .reverse();
        const { page, next } = paginate(
          newestFirst,
          optString(input, 'NextToken', appRunner),
          max,
          () => invalidRequest('Invalid NextToken'),
        );
        return { OperationSummaryList: page.map(summary), NextToken: next };
      },
    },
  },
};

/** A succeeded START_DEPLOYMENT that started at `at` (a fixture service's last deployment). */
function deployedAt(at: number, arn: string, deployMs: number): OperationRecord {
  return {
    Id: hexId(),
    Type: 'START_DEPLOYMENT',
    Status: 'SUCCEEDED',
    TargetArn: arn,
    StartedAt: at - deployMs,
    EndedAt: at,
    UpdatedAt: at,
    history: [
      { status: 'PENDING', at: at - deployMs },
      { status: 'SUCCEEDED', at },
    ],
  };
}
