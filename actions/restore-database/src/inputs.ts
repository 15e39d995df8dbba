import type { InputReader } from '../../../core/action/inputs.js';
import { parseRestoreTarget, RESTORE_MODES } from '../../../core/restore/request.js';
import type { RestoreRequest } from '../../../core/restore/request.js';

/** Reads and validates every input once, before anything is called. */
export function readRestoreInputs(inputs: InputReader): RestoreRequest {
  return Object.freeze({
    config: inputs.required('config'),
    environment: inputs.required('environment'),
    to: parseRestoreTarget(inputs.required('to')),
    mode: inputs.enumOf('mode', RESTORE_MODES),
    reason: inputs.required('reason'),
    dryRun: inputs.boolean('dry-run'),
    databaseUrl: inputs.secretUrl('database-url', ['postgres', 'postgresql'])?.href,
    auditDatabaseUrl: inputs.secretUrl('audit-database-url', ['postgres', 'postgresql'])?.href,
    betterstackToken: inputs.secret('betterstack-token'),
    pollIntervalMs: inputs.duration('poll-interval', { min: 10, max: 300_000 }),
  });
}
