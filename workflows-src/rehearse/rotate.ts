/**
 * What a rehearsal of rotate.yml (called by docs/setup.md's rotation caller) needs on top of the deploy rehearsal: drop-db backed by a real
 * PostgreSQL, the service's secrets in the sim's Secrets Manager, a configuration listing them,
 * and the audit database. `npm run rehearse -- rotate` dispatches it with `secret: due`, which
 * rotates JWT_SECRET (into its previous-secret) and the master password behind DATABASE_URL.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FixtureInput } from '../../sim/fixture.js';
import type { SimHandle } from '../../sim/index.js';
import {
  ROTATION_SECRETS_YAML,
  pinServiceByDigest,
  rotationFixture,
} from '../../sim/rotation-world.js';
import { readActionManifest } from '../action-manifests.js';
import type { RehearsalOptions } from './engine.js';
import { simConfig, simRehearsalOptions } from './with-sim.js';

export const ROTATE_DEFAULT_INPUTS = {
  environment: 'production',
  secret: 'due',
  reason: 'rehearsal: rotate what is due',
};

export function rotationRehearsalFixture(): FixtureInput {
  return rotationFixture() as unknown as FixtureInput;
}

export async function rotationRehearsalOptions(
  sim: SimHandle,
  workspaceOptions: { callerWorkflow?: string } = {},
): Promise<Awaited<ReturnType<typeof simRehearsalOptions>>> {
  const options = await simRehearsalOptions(sim, workspaceOptions);
  // As the suite's own deploys leave them: a rotation redeploys only what runs by digest.
  for (const service of sim.services()) await pinServiceByDigest(sim, service.arn);
  // Every environment lists the same secrets (the sim has one set).
  const config = simConfig(sim).replace(
    /(\n {4}maintenance:\n(?: {6}.*\n)+)/g,
    `$1    secrets:\n${ROTATION_SECRETS_YAML}`,
  );
  await writeFile(path.join(options.workspace as string, '.github', 'apprunner-ops.yml'), config);
  const declared = readActionManifest('rotate-secret').inputs;
  const fast: Record<string, string> = {
    'poll-interval': '100ms',
    'verify-timeout': '5s',
    'login-timeout': '5s',
    'password-timeout': '60s',
  };
  const actionInputs: NonNullable<RehearsalOptions['actionInputs']> = {
    ...options.actionInputs,
    'rotate-secret': Object.fromEntries(Object.entries(fast).filter(([k]) => k in declared)),
  };
  return {
    ...options,
    secrets: { ...options.secrets, AUDIT_DATABASE_URL: sim.database('drop-db').adminUrl },
    actionInputs,
  };
}
