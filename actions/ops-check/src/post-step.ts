import { runPostStep } from '../../../core/action/runtime.js';
import { createAwsClients } from '../../../core/aws/clients.js';
import { resolveEscalationTests } from '../../../core/checks/escalation-test.js';
import { requestedChecks } from '../../../core/checks/ops-check.js';
import { cleanupDrillsAfterChecks } from '../../../core/drill/post-step.js';
import { systemClock } from '../../../core/util/clock.js';
import { readOpsCheckInputs } from './inputs.js';

/**
 * Runs after every ops-check run, also a cancelled one: a snapshot-restore drill that was
 * stopped mid-way leaves a drill instance that costs money; delete it (only instances tagged
 * as drills of this environment's database) and wait until it is gone. An escalation test
 * stopped mid-way leaves a test incident that keeps paging: resolve it.
 */
await runPostStep('ops-check', async ({ inputs, getState, logger }) => {
  if (getState('checks-started') !== 'true') return;
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
