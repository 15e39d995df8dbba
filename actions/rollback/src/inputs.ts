import type { InputReader } from '../../../core/action/inputs.js';
import type { OpsInputs } from '../../../core/deploy/prepare.js';
import { InputError } from '../../../core/util/errors.js';

export interface RollbackInputs extends OpsInputs {
  to: string;
  reason: string;
  snapshot: boolean;
  downMigrationCommand: string | undefined;
  dryRun: boolean;
}

/** Reads and validates every input once, before anything is called. */
export function readRollbackInputs(inputs: InputReader): RollbackInputs {
  const reason = inputs.required('reason');
  if (reason.length < 5 || reason.length > 500) {
    throw new InputError(
      'reason',
      `say in 5 to 500 characters why production is rolled back (got ${reason.length})`,
    );
  }
  return Object.freeze({
    config: inputs.required('config'),
    environment: inputs.required('environment'),
    to: inputs.required('to'),
    reason,
    snapshot: inputs.boolean('snapshot'),
    downMigrationCommand: inputs.optional('down-migration-command'),
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
