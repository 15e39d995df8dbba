import type { InputReader } from '../../../core/action/inputs.js';
import { healthChecksSchema } from '../../../core/health/check-schema.js';
import type { SmokeTestRequest } from '../../../core/plan/smoke-test-plan.js';

/** Reads and validates every input once, before anything is requested. */
export function readSmokeTestInputs(inputs: InputReader): SmokeTestRequest {
  return Object.freeze({
    config: inputs.required('config'),
    environment: inputs.optional('environment'),
    baseUrl: inputs.url('base-url'),
    checks: inputs.yaml('checks', healthChecksSchema),
    expectVersion: inputs.optional('expect-version'),
    versionPath: inputs.optional('version-path'),
    timeoutMs: inputs.duration('timeout', { min: 1_000, max: 3_600_000 }),
    intervalMs: inputs.duration('interval', { min: 100, max: 300_000 }),
  });
}
