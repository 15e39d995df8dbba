import { closeSessionsPostStep } from '../../../core/action/sessions-post-step.js';

/**
 * Runs after every restore-database run, also a cancelled one: runPostStep ends the SSM
 * port-forwarding sessions (database.access: ssm) a stopped main step left running. The
 * instances themselves are never deleted here: a re-run adopts or repairs them (core/restore).
 */
await closeSessionsPostStep('restore-database');
