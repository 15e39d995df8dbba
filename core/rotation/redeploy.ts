import type { DeployTarget } from '../targets/target.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { smokeTest } from '../health/smoke-test.js';
import type { Clock } from '../util/clock.js';
import { DomainFailure } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import type { StepLog } from './steps.js';

export interface RedeployDeps {
  /** The platform (core/targets/): its restart is the same one deploy's `mode: restart` uses. */
  target: DeployTarget;
  env: EnvironmentConfig;
  timing: { operationTimeoutMs: number; pollIntervalMs: number; verifyTimeoutMs: number };
  clock: Clock;
  logger: Logger;
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
    await deps.target.waitUntilUpdatable(wait);
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
