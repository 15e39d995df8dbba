import type { OpsInputs } from '../deploy/prepare.js';
import type { InputReader } from './inputs.js';

/** The inputs deploy and rollback share, read and validated the same way for both. */
export function readOpsInputs(inputs: InputReader): OpsInputs {
  return {
    config: inputs.required('config'),
    environment: inputs.required('environment'),
    timeoutMs: inputs.duration('timeout', { min: 60_000, max: 6 * 3_600_000 }),
    pollIntervalMs: inputs.duration('poll-interval', { min: 50, max: 300_000 }),
    verifyTimeoutMs: inputs.duration('verify-timeout', { min: 1_000, max: 3_600_000 }),
    verifyFailureLimit: inputs.integer('verify-failure-limit', { min: 1, max: 100 }),
    awsRequestTimeoutMs: inputs.duration('aws-request-timeout', { min: 500, max: 300_000 }),
    githubToken: inputs.secret('github-token'),
    slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
    betterstackToken: inputs.secret('betterstack-token'),
    flyApiToken: inputs.secret('fly-api-token'),
    auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
  };
}
