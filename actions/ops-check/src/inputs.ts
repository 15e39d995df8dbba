import type { InputReader } from '../../../core/action/inputs.js';
import { flyApiTokenInput } from '../../../core/fly/token.js';
import {
  CLEANUP_MODES,
  parseInlineChecks,
  SCHEDULES,
  type OpsCheckRequest,
} from '../../../core/checks/ops-check.js';

/** Reads and validates every input once, before anything is called. */
export function readOpsCheckInputs(inputs: InputReader): OpsCheckRequest {
  const checksText = inputs.optional('checks');
  const schedule = inputs.optional('schedule');
  return Object.freeze({
    config: inputs.required('config'),
    environment: inputs.required('environment'),
    schedule: schedule === undefined ? undefined : inputs.enumOf('schedule', SCHEDULES),
    checks: checksText === undefined ? undefined : parseInlineChecks(checksText),
    githubToken: inputs.secret('github-token'),
    slackWebhookUrl: inputs.secretUrl('slack-webhook-url', ['https', 'http'])?.href,
    betterstackToken: inputs.secret('betterstack-token'),
    databaseUrl: inputs.secretUrl('database-url', ['postgres', 'postgresql'])?.href,
    auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
    flyApiToken: flyApiTokenInput(inputs),
    openIssue: inputs.boolean('open-issue'),
    // Absent where no action.yml default applies (the command line): core runs them as
    // configured.
    cleanup:
      inputs.optional('cleanup') === undefined
        ? undefined
        : inputs.enumOf('cleanup', CLEANUP_MODES),
  });
}
