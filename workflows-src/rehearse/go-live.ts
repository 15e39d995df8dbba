/**
 * What a rehearsal of go-live.yml needs: the gate world (sim/gate-world.ts: sim, a real local
 * HTTPS site, a configuration with gates.go-live and gates.post-launch, an attestations file,
 * CI green on the commit), the variables a team sets for the launch, and a stand-in for
 * actions/upload-artifact that keeps the evidence in the workspace.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { GATE_WORLD_SHA, type GateWorld } from '../../sim/gate-world.js';
import type { RehearsalOptions } from './engine.js';
import { REHEARSAL_ACCOUNT, uploadArtifactStandIn } from './stand-ins.js';
import { GO_LIVE_CALLER_WORKFLOW, suiteRepositories } from './with-sim.js';

export const GO_LIVE_ENV_SET = 'NEXT_PUBLIC_APP_URL=https://getdrop.no';
export const GO_LIVE_ENV_UNSET = 'BANKID_MOCK';

/**
 * Puts docs/setup.md's go-live caller into the gate world's repository (which, like a service's
 * repository, has no actions/ folder) and returns the path to rehearse.
 */
export async function goLiveCaller(world: GateWorld): Promise<string> {
  const file = path.join(
    world.workspace,
    '.github',
    'workflows',
    path.basename(GO_LIVE_CALLER_WORKFLOW),
  );
  await mkdir(path.dirname(file), { recursive: true });
  await copyFile(GO_LIVE_CALLER_WORKFLOW, file);
  return file;
}

export function goLiveRehearsalOptions(
  world: GateWorld,
): Omit<RehearsalOptions, 'workflow' | 'log'> {
  const role = (name: string): string => `arn:aws:iam::${REHEARSAL_ACCOUNT}:role/${name}`;
  return {
    event: 'workflow_dispatch',
    inputs: { environment: 'production' },
    workspace: world.workspace,
    repositories: suiteRepositories(),
    env: world.env,
    github: { sha: GATE_WORLD_SHA, repository: 'example/drop', repository_owner: 'example' },
    vars: {
      GATE_AWS_ROLE_ARN: role('apprunner-ops-gate'),
      AWS_REGION: world.sim.region,
      BETTERSTACK_STATUS_PAGE_ID: '3001',
      // Rounds of the post-launch watch one second apart instead of thirty minutes.
      GO_LIVE_WATCH_INTERVAL_SECONDS: '1',
    },
    environments: {
      production: {
        vars: {
          AWS_ROLE_ARN: role('apprunner-ops-production'),
          AWS_REGION: world.sim.region,
          GO_LIVE_ENV_SET,
          GO_LIVE_ENV_UNSET,
        },
      },
    },
    secrets: {
      SLACK_WEBHOOK_URL: world.sim.env['SIM_SLACK_WEBHOOK_URL'] as string,
      BETTERSTACK_TOKEN: world.sim.env['SIM_BETTERSTACK_TOKEN'] as string,
    },
    actionInputs: { deploy: { 'poll-interval': '100ms', 'verify-timeout': '5s' } },
    standIns: { 'actions/upload-artifact': uploadArtifactStandIn },
  };
}
