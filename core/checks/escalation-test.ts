import { betterStackApiUrl } from '../notify/betterstack.js';
import { BetterStackIncidents } from '../notify/betterstack-incidents.js';
import type { Clock } from '../util/clock.js';
import { formatDuration, parseDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';
import { escalationTestSchema } from './schemas/escalation-test.js';
import { defineCheck } from './types.js';

/** The name every test incident of an environment carries: the post step finds them by it. */
export const escalationTestName = (environment: string): string =>
  `apprunner-ops escalation test (${environment})`;

/** A timeline item that says BetterStack escalated (notified someone by the policy). */
const ESCALATED = /escalat/i;

/**
 * The runbook's monthly "test BetterStack escalation": a test incident for the policy, then
 * its timeline until BetterStack reports an escalation, then resolve it. It is resolved in a
 * `finally` whatever happened (deadline, abort, error), and the ops-check post step resolves
 * any left by a cancelled run (`resolveEscalationTests`), so no test incident keeps paging.
 */
export const escalationTest = defineCheck({
  ...escalationTestSchema,
  defaultTimeoutMs: 15 * 60_000,
  group: 'Monitoring',
  mutating: () => true,
  async run(check, { environment, secrets, clock, logger, signal }) {
    const token = secrets.betterstackToken;
    if (!token)
      return {
        status: 'error',
        line: 'no betterstack-token given: the escalation test cannot create its incident (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
      };
    const deadlineMs = parseDuration(check.deadline)!;
    const pollMs = parseDuration(check['poll-interval'])!;
    const api = new BetterStackIncidents(betterStackApiUrl(), token, { clock, logger });
    const created = await api.create({
      name: escalationTestName(environment),
      summary: `Escalation test of policy ${check['policy-id']} by apprunner-ops: nothing is broken`,
      description: 'A monthly test that escalation reaches someone; apprunner-ops resolves it.',
      requesterEmail: check['requester-email'],
      policyId: check['policy-id'],
    });
    const started = clock.now();
    try {
      logger.info(
        `Created test incident ${created.id}; waiting up to ${check.deadline} for BetterStack to escalate it by policy ${check['policy-id']}`,
      );
      for (;;) {
        const timeline = await api.timeline(created.id);
        const escalated = timeline.find((t) => ESCALATED.test(t.title));
        if (escalated)
          return {
            status: 'pass',
            line: `BetterStack escalated test incident ${created.id} by policy ${check['policy-id']} after ${formatDuration(Date.parse(escalated.at) - Date.parse(created.startedAt))} ("${escalated.title}"); resolved it`,
            observed: {
              incident: created.id,
              escalatedAt: escalated.at,
              policy: check['policy-id'],
            },
          };
        if (clock.now() - started >= deadlineMs)
          return {
            status: 'fail',
            line: `BetterStack did not escalate test incident ${created.id} within ${check.deadline}: look at escalation policy ${check['policy-id']} (its steps and who is on call); resolved it`,
            observed: { incident: created.id, policy: check['policy-id'], timeline },
          };
        await clock.sleep(Math.min(pollMs, deadlineMs - (clock.now() - started)), signal);
      }
    } finally {
      await resolveQuietly(api, created.id, logger);
    }
  },
});

async function resolveQuietly(
  api: BetterStackIncidents,
  id: string,
  logger: Logger,
): Promise<void> {
  try {
    await api.resolve(id, 'apprunner-ops');
  } catch (error) {
    logger.warning(
      `Test incident ${id} could not be resolved: ${errorMessage(error)}; the post step tries again, else resolve it in BetterStack`,
    );
  }
}

/**
 * The post step's part: resolves every unresolved test incident of the environment, which a
 * cancelled or lost run may have left. Warns, never fails.
 */
export async function resolveEscalationTests(
  environment: string,
  token: string,
  deps: { clock: Clock; logger: Logger },
): Promise<string[]> {
  const api = new BetterStackIncidents(betterStackApiUrl(), token, deps);
  const open = (await api.list({ resolved: false })).filter(
    (i) => i.name === escalationTestName(environment),
  );
  for (const incident of open) await api.resolve(incident.id, 'apprunner-ops post step');
  if (open.length)
    deps.logger.info(
      `Resolved escalation test incident(s) ${open.map((i) => i.id).join(', ')} left by a stopped run`,
    );
  return open.map((i) => i.id);
}
