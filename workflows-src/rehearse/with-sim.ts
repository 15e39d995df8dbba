/**
 * What a rehearsal of deploy.yml or rollback.yml needs around the sim: a workspace whose
 * .github/apprunner-ops.yml points every configured environment at the sim's service, the
 * environments' variables (role, region) and secrets (Slack, BetterStack) pointing at the
 * sim, and shorter waits for a sped-up sim clock.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readActionManifest } from '../action-manifests.js';
import { ENVIRONMENTS, reviewersVariable } from '../environments.js';
import { REHEARSAL_ACCOUNT } from './stand-ins.js';
import type { RehearsalOptions } from './engine.js';

/** The part of the sim's handle (sim/index.ts) a rehearsal uses. */
export interface SimLike {
  url: string;
  region: string;
  env: Record<string, string>;
  services(): { arn: string }[];
  serviceUrl(arnOrName: string): string;
}

/** Inputs that make our actions wait in sim time; only those an action declares are used. */
const FAST_WAITS: Record<string, string> = { 'poll-interval': '100ms', 'verify-timeout': '5s' };

export function simConfig(sim: SimLike): string {
  const service = sim.services()[0];
  if (!service) throw new Error('the sim fixture has no App Runner service');
  const environments = ENVIRONMENTS.map(
    (e) => `  ${e.name}:
    region: ${sim.region}
    service-arn: ${service.arn}
    ecr-repository: drop-web
    database:
      instance: drop-db
      snapshot-retention: 3
    health:
      base-url: ${sim.serviceUrl(service.arn)}
      version-path: data.version
      checks:
        - name: api-health
          path: /api/health
          reports-version: true
          expect:
            json: { data.status: ok }
`,
  );
  return `# Written by the rehearsal: every environment is the sim's service.\nversion: 1\nenvironments:\n${environments.join('')}`;
}

/** A temporary workspace (the "checked-out" repository) configured for the sim. */
export async function simWorkspace(sim: SimLike): Promise<string> {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'rehearse-'));
  await mkdir(path.join(workspace, '.github'), { recursive: true });
  await writeFile(path.join(workspace, '.github', 'apprunner-ops.yml'), simConfig(sim));
  // What build-push builds: the smallest image there is.
  await writeFile(
    path.join(workspace, 'Dockerfile'),
    'FROM scratch\nLABEL org.opencontainers.image.title=drop-web\n',
  );
  return workspace;
}

export async function simRehearsalOptions(
  sim: SimLike,
): Promise<
  Pick<RehearsalOptions, 'workspace' | 'env' | 'vars' | 'environments' | 'secrets' | 'actionInputs'>
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
    workspace: await simWorkspace(sim),
    env: { ...sim.env, BETTERSTACK_API_URL: `${sim.url}/betterstack` },
    // As a team with reviewers configured: a push deploys every environment.
    vars: Object.fromEntries(
      ENVIRONMENTS.filter((e) => e.reviewers).map((e) => [reviewersVariable(e.name), 'required']),
    ),
    environments,
    secrets: {
      ...(sim.env['SIM_SLACK_WEBHOOK_URL']
        ? { SLACK_WEBHOOK_URL: sim.env['SIM_SLACK_WEBHOOK_URL'] }
        : {}),
      ...(sim.env['SIM_BETTERSTACK_TOKEN']
        ? { BETTERSTACK_TOKEN: sim.env['SIM_BETTERSTACK_TOKEN'] }
        : {}),
    },
    actionInputs,
  };
}
