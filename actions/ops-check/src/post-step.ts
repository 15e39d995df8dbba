import { POST_STATE } from '../../../core/action/post-state.js';
import { runPostStep } from '../../../core/action/runtime.js';
import { createAwsClients } from '../../../core/aws/clients.js';
import { resolveEscalationTests } from '../../../core/checks/escalation-test.js';
import { requestedChecks } from '../../../core/checks/ops-check.js';
import { cleanupDrillsAfterChecks } from '../../../core/drill/post-step.js';
import { systemClock } from '../../../core/util/clock.js';
import { readOpsCheckInputs } from './inputs.js';

/**
 * The body of ops-check's post step (post.ts loads it when the main step left something open):
 * a snapshot-restore drill that was stopped mid-way leaves a drill instance that costs money;
 * delete it (only instances tagged as drills of this environment's database) and wait until it
 * is gone. An escalation test stopped mid-way leaves a test incident that keeps paging: resolve
 * it. runPostStep also ends the database sessions a stopped main step left running.
 */
await runPostStep('ops-check', async ({ inputs, getState, logger }) => {
  if (getState(POST_STATE.checksToCleanUp) !== 'true') return;
  const request = readOpsCheckInputs(inputs);
  const { env, items } = await requestedChecks(request);
  if (items.some((i) => i.type === 'escalation-test') && request.betterstackToken)
    await resolveEscalationTests(request.environment, request.betterstackToken, {
      clock: systemClock,
      logger,
    });
  if (!env.database) return;
  await cleanupDrillsAfterChecks(items, env, createAwsClients(env.region).rds, {
    clock: systemClock,
    logger,
  });
});
