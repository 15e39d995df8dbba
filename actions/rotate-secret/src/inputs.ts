import type { InputReader } from '../../../core/action/inputs.js';
import { UNFINISHED_MODES, type RotateInputs } from '../../../core/rotation/prepare.js';

/** Reads and validates every input once, before anything is called. */
export function readRotateInputs(inputs: InputReader): RotateInputs {
  const secret = inputs.required('secret');
  return Object.freeze({
    config: inputs.required('config'),
    environment: inputs.required('environment'),
    secret,
    reason: inputs.required('reason'),
    timing: {
      operationTimeoutMs: inputs.duration('timeout', { min: 60_000, max: 6 * 3_600_000 }),
      pollIntervalMs: inputs.duration('poll-interval', { min: 50, max: 300_000 }),
      verifyTimeoutMs: inputs.duration('verify-timeout', { min: 1_000, max: 3_600_000 }),
      loginTimeoutMs: inputs.duration('login-timeout', { min: 100, max: 3_600_000 }),
      passwordTimeoutMs: inputs.duration('password-timeout', { min: 1_000, max: 6 * 3_600_000 }),
    },
    githubToken: inputs.secret('github-token'),
    flyApiToken: inputs.secret('fly-api-token'),
    slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
    auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
    dryRun: inputs.boolean('dry-run'),
    unfinished: inputs.enumOf('unfinished', UNFINISHED_MODES),
  });
}
