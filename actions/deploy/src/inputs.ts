import type { InputReader } from '../../../core/action/inputs.js';
import type { OpsInputs } from '../../../core/deploy/prepare.js';

export interface DeployInputs extends OpsInputs {
  image: string | undefined;
  snapshot: boolean;
  autoRollback: boolean;
  dryRun: boolean;
}

/** Reads and validates every input once, before anything is called. */
export function readDeployInputs(inputs: InputReader): DeployInputs {
  return Object.freeze({
    config: inputs.required('config'),
    environment: inputs.required('environment'),
    image: inputs.optional('image'),
    snapshot: inputs.boolean('snapshot'),
    autoRollback: inputs.boolean('auto-rollback'),
    timeoutMs: inputs.duration('timeout', { min: 60_000, max: 6 * 3_600_000 }),
    pollIntervalMs: inputs.duration('poll-interval', { min: 50, max: 300_000 }),
    verifyTimeoutMs: inputs.duration('verify-timeout', { min: 1_000, max: 3_600_000 }),
    githubToken: inputs.secret('github-token'),
    slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
    betterstackToken: inputs.secret('betterstack-token'),
    auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
    dryRun: inputs.boolean('dry-run'),
  });
}
