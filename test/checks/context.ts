import { EC2Client } from '@aws-sdk/client-ec2';
import type { RunInfo } from '../../core/action/github-context.js';
import type { AwsClients } from '../../core/aws/clients.js';
import { checkItemSchema } from '../../core/checks/registry.js';
import { runCheckList, type SharedCheckContext } from '../../core/checks/run-checks.js';
import { environmentSchema } from '../../core/config/schema.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import type { SimHandle } from '../../sim/index.js';
import { simClients as baseSimClients } from '../helpers/check-context.js';

export const DROP_ARN =
  'arn:aws:apprunner:eu-west-1:123456789012:service/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f';

/** SDK clients (EC2 included) talking to the sim, one attempt each. */
export function simClients(sim: SimHandle): AwsClients {
  const config = sim.clientConfig({ maxAttempts: 1 });
  return { ...baseSimClients(sim), ec2: new EC2Client(config) };
}

export function simRun(sim: SimHandle, sha = 'a'.repeat(40), runId = '4242'): RunInfo {
  return {
    repository: 'acme/drop',
    sha,
    sha7: sha.slice(0, 7),
    ref: 'refs/heads/main',
    actor: 'release-manager',
    runId,
    runAttempt: '1',
    job: 'test',
    serverUrl: 'https://github.com',
    apiUrl: `${sim.url}/github`,
    runUrl: `https://github.com/acme/drop/actions/runs/${runId}`,
  };
}

/** The Drop environment as the sim seeds it, with overrides. */
export function dropEnv(overrides: Record<string, unknown> = {}) {
  return environmentSchema.parse({
    region: 'eu-west-1',
    'service-arn': DROP_ARN,
    'ecr-repository': 'drop-web',
    database: { instance: 'drop-db' },
    health: { 'base-url': 'https://getdrop.no', checks: [{ name: 'api', path: '/api/health' }] },
    ...overrides,
  });
}

export function sharedContext(
  sim: SimHandle,
  extra: Partial<SharedCheckContext> = {},
): SharedCheckContext {
  return {
    environment: 'production',
    env: dropEnv(),
    aws: simClients(sim),
    secrets: {},
    run: simRun(sim),
    clock: systemClock,
    logger: recordingLogger(),
    ...extra,
  };
}

/** Runs one configured item (validated by its type's schema) and returns its result. */
export async function runOne(item: Record<string, unknown>, ctx: SharedCheckContext) {
  const [result] = await runCheckList([checkItemSchema.parse(item)], ctx);
  return result!;
}
