import type { DeployTarget } from '../targets/target.js';
import type { SecretsStore } from '../aws/secrets-manager.js';
import { flySecretValues } from '../targets/fly-secrets.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { smokeTest } from '../health/smoke-test.js';
import type { Clock } from '../util/clock.js';
import { DomainFailure } from '../util/errors.js';
import { RotationRefused } from './drivers.js';
import type { Logger } from '../util/logger.js';
import type { StepLog } from './steps.js';

const BY_DIGEST = /@sha256:[0-9a-f]{64}$/;

export interface RedeployDeps {
  /** The platform (core/targets/): its restart is the same one deploy's `mode: restart` uses. */
  target: DeployTarget;
  env: EnvironmentConfig;
  timing: { operationTimeoutMs: number; pollIntervalMs: number; verifyTimeoutMs: number };
  clock: Clock;
  logger: Logger;
  /**
   * The image the service ran when the run started, by digest (`runningImagePin`), for a service
   * configured by tag; undefined: configured by digest, and a restart runs that digest again.
   */
  redeployImage?: string | undefined;
  /** Where the values are (Fly: copied into the app's secrets before the restart). */
  secrets?: SecretsStore;
}

/**
 * What a rotation's redeploy must run: the digest that runs now. On a service configured by tag,
 * App Runner's StartDeployment pulls what the tag names now and ECS re-resolves it, so a tag
 * moved to an unreviewed build would ship with the new secret, and its failure would be blamed
 * on the secret and undo the rotation. Asked in preflight, before any change.
 * Returns undefined when the service is configured by digest (a restart runs that digest).
 */
export async function runningImagePin(target: DeployTarget): Promise<string | undefined> {
  const state = await target.describe();
  if (BY_DIGEST.test(state.image)) return undefined;
  if (state.digest) return state.imageByDigest;
  throw new RotationRefused(
    `the service runs by tag (${state.image}) and ${target.kind === 'app-runner' ? 'App Runner does not report' : 'the platform does not report'} which digest it pulled: a redeploy would pull whatever the tag names now, possibly a build nobody reviewed. Deploy the reviewed version once (apprunner-ops deploy --image <tag>; the service is pinned by digest from then on), then rotate again; nothing was changed`,
  );
}

/**
 * The platform reads secrets only when it starts tasks: a restart (App Runner StartDeployment,
 * a new ECS deployment), followed to the platform's own result (not the service status), then
 * the health checks, the database check included.
 * Returns why it failed, or undefined when the service is healthy on the new values.
 */
export async function redeployAndVerify(
  deps: RedeployDeps,
  steps: StepLog,
  label: string,
  prefix = '',
): Promise<string | undefined> {
  const { timing } = deps;
  const wait = { timeoutMs: timing.operationTimeoutMs, intervalMs: timing.pollIntervalMs };
  const started = await steps.run(label, `${prefix}start-deployment`, async () => {
    const state = await deps.target.waitUntilUpdatable(wait);
    // Fly machines read the app's own secrets, not Secrets Manager: AWSCURRENT goes there first.
    if (deps.target.stageSecrets && deps.secrets)
      await deps.target.stageSecrets(await flySecretValues(deps.env, deps.secrets));
    // Configured by tag: the same configuration with the running digest (which pins it from
    // then on), never what the tag names now.
    if (deps.redeployImage && !BY_DIGEST.test(state.image))
      return deps.target.switchImage(deps.redeployImage, { wait });
    return deps.target.restart(wait);
  });
  try {
    await steps.run(label, `${prefix}follow-operation`, async () => {
      const result = await deps.target.follow(started, wait);
      if (!result.ok) throw new RedeployFailed(result.message);
    });
    const health = deps.env.health;
    await steps.run(label, `${prefix}verify-health`, async () => {
      const report = await smokeTest(
        {
          checks: health.checks,
          baseUrl: new URL(health['base-url']),
          timeoutMs: timing.verifyTimeoutMs,
          intervalMs: Math.min(timing.pollIntervalMs, 5_000),
        },
        { clock: deps.clock, logger: deps.logger },
      );
      if (!report.passed)
        throw new RedeployFailed(
          `health checks failed: ${report.checks
            .filter((c) => !c.passed)
            .map((c) => `${c.name}: ${c.lastReason}`)
            .join('; ')}`,
        );
    });
    return undefined;
  } catch (error) {
    if (error instanceof RedeployFailed) return error.message;
    throw error;
  }
}

class RedeployFailed extends DomainFailure {
  override readonly name = 'RedeployFailed';
}
