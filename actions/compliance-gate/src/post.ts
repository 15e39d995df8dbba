import { closeSessionsPostStep } from '../../../core/action/sessions-post-step.js';

/**
 * Runs after every compliance-gate run, also a cancelled one: runPostStep ends the SSM port-forwarding
 * sessions (database.access: ssm) a stopped main step left running. Nothing else to undo here.
 */
await closeSessionsPostStep('compliance-gate');
