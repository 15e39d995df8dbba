import { loadConfig, selectEnvironment } from '../config/load.js';
import type { HealthCheck } from '../health/check-schema.js';
import type { SmokeTestParams } from '../health/smoke-test.js';
import { InputError } from '../util/errors.js';

export interface SmokeTestRequest {
  config: string;
  environment: string | undefined;
  baseUrl: URL | undefined;
  checks: HealthCheck[] | undefined;
  expectVersion: string | undefined;
  versionPath: string | undefined;
  timeoutMs: number;
  intervalMs: number;
}

/**
 * Merges action inputs with the environment's health settings (inputs win) and checks that
 * the result can run, before any request is sent.
 */
export async function planSmokeTest(request: SmokeTestRequest): Promise<SmokeTestParams> {
  let checks = request.checks;
  let baseUrl = request.baseUrl;
  let versionPath = request.versionPath;
  if (request.environment !== undefined) {
    const config = await loadConfig(request.config);
    const health = selectEnvironment(config, request.environment, request.config).health;
    checks ??= health.checks;
    baseUrl ??= new URL(health['base-url']);
    versionPath ??= health['version-path'];
  }
  if (checks === undefined) {
    throw new InputError(
      'checks',
      'is required when no environment is given (or set environment to use the configured checks)',
    );
  }
  const needsBase = checks.find((c) => c.path !== undefined);
  if (needsBase && baseUrl === undefined) {
    throw new InputError(
      'base-url',
      `is required: check "${needsBase.name}" gives a path, not a full url`,
    );
  }
  if (request.expectVersion !== undefined && versionPath === undefined) {
    throw new InputError(
      'version-path',
      'is required with expect-version: say where the JSON body reports the version (e.g. data.version), here or as health.version-path in the configuration',
    );
  }
  return {
    checks,
    ...(baseUrl ? { baseUrl } : {}),
    ...(request.expectVersion !== undefined && versionPath !== undefined
      ? { expectVersion: { values: [request.expectVersion], path: versionPath } }
      : {}),
    timeoutMs: request.timeoutMs,
    intervalMs: request.intervalMs,
  };
}
