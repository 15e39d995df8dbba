/**
 * What only ECS Express does: the alarm-based rollback of the canary, the deployment found by
 * revision through an eventually consistent listing, and an update whose answer was lost.
 */
import { describe, expect, it } from 'vitest';
import { sameEntries } from '../../core/targets/ecs-express.js';
import { targetWorld } from '../helpers/target-world.js';

describe('ECS Express target', () => {
  it.concurrent(
    'a version whose error rate trips the canary alarm is red (ROLLBACK_SUCCESSFUL) as soon as ECS says so, far inside the deadline',
    async ({ onTestFinished }) => {
      const w = await targetWorld('ecs-express', onTestFinished);
      w.sim.pushImage('drop-web', { tags: ['v1.6.0-errors'], errorRate: 0.05 });
      const before = await w.target.describe();
      const deadline = { timeoutMs: 120_000, intervalMs: 40 };
      const started = await w.target.switchImage(w.image('v1.6.0-errors'), { wait: deadline });
      const t0 = Date.now();
      const result = await w.target.follow(started, deadline);
      const elapsed = Date.now() - t0;
      expect(result).toMatchObject({ ok: false, status: 'ROLLBACK_SUCCESSFUL', emergency: false });
      if (result.ok) return;
      expect(result.message).toBe(
        `ECS rolled ${w.image('v1.6.0-errors')} back: CloudWatch alarm drop-web-4xx-5xx-rate is in ALARM: 4xx+5xx 5.0%, 5.0% > 1% for 2 datapoints within 3 minutes, and kept ${before.imageByDigest}`,
      );
      // Red when ECS ended the rollback (one poll later at most), not when a cap ran out:
      // the whole ended in about 4m15s of modelled time, the deadline is 120 s real.
      const deployment = w.sim.ecs.service('drop-web').deployments[0]!;
      const rolledBackAt = deployment.history.find((h) => h.status === 'ROLLBACK_SUCCESSFUL')!.at;
      expect(Date.now()).toBeGreaterThanOrEqual(rolledBackAt);
      // At most one poll after ECS ended it: the sim's record of the calls, not a wall-clock
      // margin (a poll's lag on a loaded machine is no measure of how many polls were made).
      // The poll that saw the end may have arrived just before it was stamped (the sim moves
      // the deployment on while it answers), so none after it is as right as one.
      const polls = w.sim.calls({ service: 'ecs', operation: 'DescribeServiceDeployments' });
      expect(polls.filter((c) => c.time >= rolledBackAt).length).toBeLessThanOrEqual(1);
      expect(elapsed).toBeLessThan(w.sim.scaled(6 * 60_000) + 1_000);
      expect(elapsed).toBeLessThan(deadline.timeoutMs / 20);
      // The canary saw it at 5 % of traffic; the old version serves.
      expect(deployment.history.map((h) => h.status)).toEqual([
        'PENDING',
        'IN_PROGRESS',
        'ROLLBACK_REQUESTED',
        'ROLLBACK_IN_PROGRESS',
        'ROLLBACK_SUCCESSFUL',
      ]);
      expect(await w.version()).toBe('v1.4.2');
      expect((await w.target.describe()).image).toBe(w.image('v1.4.2'));
    },
  );

  it.concurrent(
    'finds a deployment ListServiceDeployments shows only later, retrying within the deadline',
    async ({ onTestFinished }) => {
      const w = await targetWorld('ecs-express', onTestFinished);
      w.sim.setFaults({ listingDelayMs: 400 });
      const started = await w.target.switchImage(w.image('v1.5.0'), {
        wait: { timeoutMs: 10_000, intervalMs: 50 },
      });
      expect(started.id).toBe(w.sim.ecs.service('drop-web').deployments[0]!.arn);
      expect(
        w.logger.lines.some((l) =>
          /ListServiceDeployments \(revision .*\): attempt 1\/\d+ failed \(NotListedYet: .*not listed yet\)/.test(
            l.message,
          ),
        ),
      ).toBe(true);
      expect(w.sim.mutatingCalls({ service: 'ecs' }).map((c) => c.operation)).toEqual([
        'UpdateExpressGatewayService',
      ]);
      expect((await w.target.follow(started, { timeoutMs: 30_000, intervalMs: 40 })).ok).toBe(true);
    },
  );

  it.concurrent(
    'gives up on a deployment that never gets listed at its deadline, saying what it waited for',
    async ({ onTestFinished }) => {
      const w = await targetWorld('ecs-express', onTestFinished);
      w.sim.setFaults({ listingDelayMs: 60_000 });
      const t0 = Date.now();
      await expect(
        w.target.switchImage(w.image('v1.5.0'), { wait: { timeoutMs: 600, intervalMs: 50 } }),
      ).rejects.toThrow(/ECS service deployment for revision .* is not listed yet/);
      expect(Date.now() - t0).toBeLessThan(3_000);
    },
  );

  it.concurrent.for(['reset', 'server-error'] as const)(
    'an update whose answer was lost (%s) is read back from ECS, not sent twice',
    async (lostAs, { onTestFinished }) => {
      const w = await targetWorld('ecs-express', onTestFinished);
      w.sim.setFaults({
        rules: [
          {
            service: 'ecs',
            operation: 'UpdateExpressGatewayService',
            kind: 'applied-then-lost',
            lostAs,
            times: 1,
          },
        ],
      });
      const started = await w.target.switchImage(w.image('v1.5.0'), {
        wait: { timeoutMs: 10_000, intervalMs: 50 },
      });
      expect(w.sim.mutatingCalls({ service: 'ecs' }).map((c) => c.operation)).toEqual([
        'UpdateExpressGatewayService',
      ]);
      expect(w.logger.lines.map((l) => l.message).join('\n')).toMatch(
        /the call whose answer was lost had taken effect \(revision arn:aws:ecs:/,
      );
      expect((await w.target.follow(started, { timeoutMs: 30_000, intervalMs: 40 })).ok).toBe(true);
      expect(await w.version()).toBe('v1.5.0');
    },
  );

  it('compares environments as sets: order is not a difference, a value is', () => {
    expect(sameEntries({ A: '1', B: '2' }, { B: '2', A: '1' })).toEqual({
      same: true,
      differing: [],
    });
    expect(sameEntries({ A: '1', B: '2' }, { A: '1' })).toEqual({ same: false, differing: ['B'] });
    expect(sameEntries({ A: '1' }, { A: '2' })).toEqual({ same: false, differing: ['A'] });
  });
});
