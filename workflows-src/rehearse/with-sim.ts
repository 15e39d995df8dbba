/**
 * What a rehearsal of deploy.yml or rollback.yml needs around the sim: a workspace whose
 * .github/apprunner-ops.yml points every configured environment at the sim's service, the
 * environments' variables (role, region) and secrets (Slack, BetterStack) pointing at the
 * sim, and shorter waits for a sped-up sim clock.
 */
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { environmentYaml } from '../../sim/deploy-world.js';
import { scratchFolder } from '../../sim/scratch-folders.js';
import { DEFAULT_FIXTURE, type FixtureInput } from '../../sim/fixture.js';
import { readActionManifest, REPO_ROOT } from '../action-manifests.js';
import { ENVIRONMENTS, reviewersVariable } from '../environments.js';
import { opsRegionVariable, opsRoleVariable } from '../ops.js';
import { REHEARSAL_ACCOUNT } from './stand-ins.js';
import type { RehearsalOptions, RepositoryCopy } from './engine.js';
import { suiteIdentity } from '../../cli/suite.js';

/** The suite as callers name it in docs/setup.md and examples/caller/. */
/** The suite's repository as package.json names it (the one place it is written). */
export const SUITE_REPOSITORY = suiteIdentity().repository;
/**
 * The pin docs/setup.md's callers show: the package's version, and a placeholder commit no
 * release has (the user puts the release's commit there, as `init` and the release notes do);
 * the rehearsals map it to the work tree.
 */
export const SUITE_RELEASE = {
  version: `v${suiteIdentity().version}`,
  sha: '0'.repeat(40),
};
/** The caller workflow of docs/setup.md, as a file a test can rehearse. */
export const CALLER_WORKFLOW = path.join(
  REPO_ROOT,
  'examples',
  'caller',
  '.github',
  'workflows',
  'apprunner-ops.yml',
);
/** The go-live caller of docs/setup.md §7: gate, launch, watch, by hand. */
export const GO_LIVE_CALLER_WORKFLOW = path.join(
  REPO_ROOT,
  'examples',
  'caller',
  '.github',
  'workflows',
  'apprunner-ops-go-live.yml',
);
/** The second caller of docs/setup.md: secret rotation by hand and on a weekly schedule. */
export const ROTATE_CALLER_WORKFLOW = path.join(
  REPO_ROOT,
  'examples',
  'caller',
  '.github',
  'workflows',
  'apprunner-ops-rotate.yml',
);

/** The rehearsal's "GitHub": this working tree is the suite at its release tags. */
export function suiteRepositories(): Record<string, RepositoryCopy> {
  return {
    [SUITE_REPOSITORY]: {
      root: REPO_ROOT,
      refs: { [SUITE_RELEASE.version]: SUITE_RELEASE.sha, v1: SUITE_RELEASE.sha },
    },
  };
}

/** The part of the sim's handle (sim/index.ts) a rehearsal uses. */
export interface SimLike {
  url: string;
  region: string;
  env: Record<string, string>;
  services(): { arn: string; name?: string }[];
  serviceUrl(arnOrName: string): string;
  /** ECS Express services (a rehearsal whose production runs there). */
  ecs?: { service(arnOrName: string): { arn: string; url: string } };
  /** Fly.io apps (a rehearsal whose staging runs there). */
  fly?: { url(app: string): string; token: string };
  accountId?: string;
  /** EC2 Auto Scaling behind a load balancer (a rehearsal whose production runs there). */
  asg?: { listenerArn(): string; url(): string };
}

/** Where a rehearsal's staging runs: App Runner (the default) or Fly.io. */
export type StagingTarget = 'app-runner' | 'fly';

/** The Fly app a rehearsal's staging runs on (`--staging fly`), as Drop's runbook names it. */
export const FLY_STAGING_APP = 'drop-staging';

/**
 * Staging on Fly.io: app drop-staging, two machines of process group app in arn, running the
 * drop-web images (build-push pushes each to ECR and registry.fly.io).
 */
export function withFlyStaging(fixture: FixtureInput): FixtureInput {
  return {
    ...fixture,
    fly: {
      apps: [
        {
          name: FLY_STAGING_APP,
          repository: 'drop-web',
          image: 'v1.4.2',
          env: { NODE_ENV: 'production', APP_BASE_URL: 'https://drop-staging.fly.dev' },
          checks: {
            alive: { path: '/', port: 3000, interval: '15s', timeout: '5s', gracePeriod: '5s' },
          },
          machines: [
            { id: '1781e3d0a1b201', region: 'arn' },
            { id: '1781e3d0a1b202', region: 'arn' },
          ],
        },
      ],
    },
  };
}

/** Where a rehearsal's production runs: App Runner (the default) or ECS Express Mode. */
export type ProductionTarget = 'app-runner' | 'ecs-express' | 'asg';

/** The ECS Express service a rehearsal's production runs on (`--production ecs-express`). */
export const ECS_PRODUCTION_ARN = 'arn:aws:ecs:eu-west-1:123456789012:service/default/drop-web';

/** Inputs that make our actions wait in sim time; only those an action declares are used. */
const FAST_WAITS: Record<string, string> = { 'poll-interval': '100ms', 'verify-timeout': '5s' };

/**
 * The sim fixture for rehearsals: the default one plus a second service, so that staging and
 * production are separate services with separate histories, as they are for a real team.
 */
export function rehearsalFixture(productionTarget: ProductionTarget = 'app-runner'): FixtureInput {
  const fixture = parse(readFileSync(DEFAULT_FIXTURE, 'utf8')) as {
    apprunner: { services: Record<string, unknown>[] };
  };
  const production = fixture.apprunner.services[0];
  if (!production) throw new Error(`${DEFAULT_FIXTURE} has no App Runner service`);
  fixture.apprunner.services.push({
    ...production,
    name: `${String(production['name'])}-staging`,
    id: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
  });
  // The staging service logs too, so the weekly log-errors check has a group to read.
  const withLogs = fixture as unknown as { cloudwatch?: { logGroups?: unknown[] } };
  withLogs.cloudwatch ??= {};
  (withLogs.cloudwatch.logGroups ??= []).push({
    name: `/aws/apprunner/${String(production['name'])}-staging/0f1e2d3c4b5a69788796a5b4c3d2e1f0/application`,
    events: [{ ago: '2h', message: 'INFO GET /api/health 200 9ms' }],
  });
  // Production on ECS Express: the same app, image, environment and secrets as the App Runner
  // service, as a team moving from App Runner would have it.
  if (productionTarget === 'ecs-express') {
    const app = production as unknown as { env?: object; secrets?: object };
    (fixture as unknown as { ecs: object }).ecs = {
      services: [
        {
          name: 'drop-web',
          cluster: 'default',
          image: 'drop-web:v1.4.2',
          port: 3000,
          env: app.env ?? {},
          secrets: app.secrets ?? {},
          executionRoleArn: 'arn:aws:iam::123456789012:role/drop-web-ecs-execution',
          taskRoleArn: 'arn:aws:iam::123456789012:role/drop-web-task',
        },
      ],
    };
  }
  // Production on Auto Scaling groups behind a load balancer: the same image, two instances.
  if (productionTarget === 'asg')
    (fixture as unknown as { asg: object }).asg = {
      launchTemplates: [{ name: 'drop-web-lt', image: 'drop-web:v1.4.2' }],
      targetGroups: [
        { name: 'drop-web-1', healthCheckPath: '/api/health', deregistrationDelay: 1 },
      ],
      loadBalancers: [{ name: 'drop-web', listeners: [{ targetGroup: 'drop-web-1' }] }],
      groups: [
        {
          name: 'drop-web-1',
          launchTemplate: 'drop-web-lt',
          min: 1,
          max: 6,
          desired: 2,
          targetGroups: ['drop-web-1'],
          healthCheckGracePeriod: 60,
        },
      ],
    };
  return fixture as FixtureInput;
}

/** The service of an environment: `<name>-<environment>` when the sim has one, else the first. */
function serviceFor(sim: SimLike, environment: string): { arn: string } {
  const services = sim.services();
  const own = services.find((s) => s.name !== undefined && s.name.endsWith(`-${environment}`));
  const shared = services.find(
    (s) => s.name === undefined || !/-(staging|production)$/.test(s.name),
  );
  const service = own ?? shared ?? services[0];
  if (!service) throw new Error('the sim fixture has no App Runner service');
  return service;
}

/**
 * Every environment uses the sim's one database; a retention of 1 makes the second deploy of
 * a rehearsal prune the first one's snapshot, so pruning is rehearsed too.
 */
export function simConfig(
  sim: SimLike,
  names: readonly string[] = ENVIRONMENTS.map((e) => e.name),
  production: ProductionTarget = 'app-runner',
  staging: StagingTarget = 'app-runner',
): string {
  const environments = names.map((name) => {
    if (name === 'staging' && staging === 'fly') {
      if (!sim.fly) throw new Error('the sim has no Fly app for staging');
      // Only what reads a Fly app: the request metrics and App Runner's logs are not there.
      return environmentYaml(sim, name, serviceFor(sim, name).arn, {
        database: '      instance: drop-db\n      snapshot-retention: 1',
      })
        .replace(
          /service-arn: .*/,
          `target: { kind: fly, app: ${FLY_STAGING_APP}, wait-timeout: 30s }\n    ecr-registry-id: '${sim.accountId ?? REHEARSAL_ACCOUNT}'`,
        )
        .replace(/base-url: .*/, `base-url: ${sim.fly.url(FLY_STAGING_APP)}`)
        .concat('    checks:\n      daily:\n        - type: health\n');
    }
    const yaml =
      environmentYaml(sim, name, serviceFor(sim, name).arn, {
        database: '      instance: drop-db\n      snapshot-retention: 1',
      }) + opsChecks(serviceFor(sim, name).arn);
    if (name !== 'production' || production === 'app-runner') return yaml;
    if (production === 'asg') {
      if (!sim.asg) throw new Error('the sim has no Auto Scaling group for production');
      // The routine checks read App Runner or ECS; an asg environment runs none here.
      return yaml
        .slice(0, yaml.indexOf('\n    checks:\n') + 1)
        .replace(
          /service-arn: .*/,
          `target: { kind: asg, listener-arn: ${sim.asg.listenerArn()}, group-prefix: drop-web, launch-template: drop-web-lt, keep-old: 1s, healthy-timeout: 2m }`,
        )
        .replace(/base-url: .*/, `base-url: ${sim.asg.url()}`);
    }
    // The same environment, naming its ECS Express service as `target`.
    const ecs = sim.ecs?.service(ECS_PRODUCTION_ARN);
    if (!ecs) throw new Error('the sim has no ECS Express service for production');
    return yaml
      .replace(/service-arn: .*/, `target: { kind: ecs-express, service-arn: ${ecs.arn} }`)
      .replace(/base-url: .*/, `base-url: ${ecs.url}`);
  });
  return `# Written by the rehearsal: every environment is a sim service.\nversion: 1\nenvironments:\n${environments.join('')}`;
}

/** Routine checks the ops-*.yml rehearsals run: what the sim can answer without secrets. */
const opsChecks = (serviceArn: string): string => `    checks:
      daily:
        - type: service-running
        - type: snapshot-fresh
          max-age: 24h
        - type: health
      weekly:
        - type: free-storage
          min-gib: 2
        - type: error-rate
          max-percent: 1
        - type: latency-p99
          max-ms: 1000
        - type: log-errors
          log-group: /aws/apprunner/${serviceArn.split(':service/')[1]}/application
          pattern: '?ERROR ?FATAL'
          max-count: 5
          window: 24h
      monthly:
        - type: error-rate
          max-percent: 1
          window: 24h
        - type: latency-p99
          max-ms: 1000
          window: 24h
`;

/**
 * A temporary workspace (the "checked-out" repository) configured for the sim. With
 * `suiteActions` (the default) it also holds this suite's actions/ (linked), as the suite's own
 * repository does, so workflows using `./actions/<name>` resolve; a caller's repository
 * (`callerWorkflow`) has no actions/ folder, only its configuration, its workflow and its app.
 */
export async function simWorkspace(
  sim: SimLike,
  options: {
    suiteActions?: boolean;
    callerWorkflow?: string;
    production?: ProductionTarget;
    staging?: StagingTarget;
  } = {},
): Promise<string> {
  // Removed when the test file or the rehearse command ends (sim/scratch-folders.ts).
  const workspace = await scratchFolder('rehearse-');
  await mkdir(path.join(workspace, '.github', 'workflows'), { recursive: true });
  await writeFile(
    path.join(workspace, '.github', 'apprunner-ops.yml'),
    simConfig(sim, undefined, options.production, options.staging),
  );
  if (options.suiteActions ?? !options.callerWorkflow)
    await symlink(path.join(REPO_ROOT, 'actions'), path.join(workspace, 'actions'));
  if (options.callerWorkflow)
    await copyFile(
      options.callerWorkflow,
      path.join(workspace, '.github', 'workflows', path.basename(options.callerWorkflow)),
    );
  // What build-push builds: the smallest image there is.
  await writeFile(
    path.join(workspace, 'Dockerfile'),
    'FROM scratch\nLABEL org.opencontainers.image.title=drop-web\n',
  );
  return workspace;
}

export async function simRehearsalOptions(
  sim: SimLike,
  workspaceOptions: {
    callerWorkflow?: string;
    production?: ProductionTarget;
    staging?: StagingTarget;
  } = {},
): Promise<
  Pick<
    RehearsalOptions,
    'workspace' | 'env' | 'vars' | 'environments' | 'secrets' | 'actionInputs' | 'repositories'
  >
> {
  const environments: NonNullable<RehearsalOptions['environments']> = {};
  for (const { name } of ENVIRONMENTS)
    environments[name] = {
      vars: {
        AWS_ROLE_ARN: `arn:aws:iam::${REHEARSAL_ACCOUNT}:role/apprunner-ops-${name}`,
        AWS_REGION: sim.region,
      },
    };
  const actionInputs: Record<string, Record<string, string>> = {};
  for (const action of ['build-push', 'deploy', 'rollback']) {
    const declared = readActionManifest(action).inputs;
    actionInputs[action] = Object.fromEntries(
      Object.entries(FAST_WAITS).filter(([input]) => input in declared),
    );
  }
  return {
    workspace: await simWorkspace(sim, workspaceOptions),
    repositories: suiteRepositories(),
    env: { ...sim.env, BETTERSTACK_API_URL: `${sim.url}/betterstack` },
    // As a team with reviewers configured: a push deploys every environment.
    vars: {
      ...Object.fromEntries(
        ENVIRONMENTS.filter((e) => e.reviewers).map((e) => [reviewersVariable(e.name), 'required']),
      ),
      // The ops-*.yml jobs: a read-only role and region per environment, as repository variables.
      ...Object.fromEntries(
        ENVIRONMENTS.flatMap((e) => [
          [
            opsRoleVariable(e.name),
            `arn:aws:iam::${REHEARSAL_ACCOUNT}:role/apprunner-ops-checks-${e.name}`,
          ],
          [opsRegionVariable(e.name), sim.region],
        ]),
      ),
    },
    environments,
    secrets: {
      ...(sim.env['SIM_SLACK_WEBHOOK_URL']
        ? { SLACK_WEBHOOK_URL: sim.env['SIM_SLACK_WEBHOOK_URL'] }
        : {}),
      ...(sim.env['SIM_BETTERSTACK_TOKEN']
        ? { BETTERSTACK_TOKEN: sim.env['SIM_BETTERSTACK_TOKEN'] }
        : {}),
      ...(workspaceOptions.staging === 'fly' && sim.fly ? { FLY_API_TOKEN: sim.fly.token } : {}),
    },
    actionInputs,
  };
}
