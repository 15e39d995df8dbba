/**
 * The sim's target health and Auto Scaling health checks, as AWS has them: a target turns
 * healthy after `healthyThreshold` passing checks in a row and unhealthy after
 * `unhealthyThreshold` failing ones; Auto Scaling (HealthCheckType ELB) ignores an unhealthy
 * target during the group's health-check grace period after the instance came into service,
 * and after it marks the instance Unhealthy, terminates it and launches a replacement.
 *
 * The sim clock is moved with `advance` (no wall-clock waits); at ×0.1 a 10 s health check
 * interval is 1 s of real time, so the real time a test step takes cannot cross a check.
 */
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { describe, expect, it } from 'vitest';
import { asgWorld, type AsgWorld } from '../helpers/asg-world.js';

const FOLLOW = { timeoutMs: 30_000, intervalMs: 40 };
const SCALE = 0.1;

/** Moves the sim clock to `at` (sim time, real ms). */
function advanceTo(w: AsgWorld, at: number): void {
  const now = w.sim.asg.now();
  if (at > now) w.sim.advance(at - now);
}

const stateOf = (w: AsgWorld, group: string): string[] =>
  w.sim.asg
    .targetGroups()
    .find((t) => t.name === group)!
    .targets.map((t) => t.state);

async function healthStatus(w: AsgWorld, group: string): Promise<Record<string, string>> {
  const out = await w.clients.autoScaling.send(
    new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [group] }),
  );
  return Object.fromEntries(
    (out.AutoScalingGroups?.[0]?.Instances ?? []).map((i) => [
      i.InstanceId!,
      `${i.LifecycleState} ${i.HealthStatus}`,
    ]),
  );
}

describe('sim: target health and Auto Scaling health checks', () => {
  it.concurrent(
    'an instance whose app never answers is left alone during the grace period, then marked Unhealthy and replaced',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished, { timeScale: SCALE });
      // The new group copies the serving one's grace period (60 s) and checks (10 s, 2 in a row).
      await w.target.switchImage(w.image('v1.5.1-broken'), { wait: FOLLOW });
      const first = w.sim.asg.group('drop-web-2').instances;
      expect(first).toHaveLength(2);
      const launched = Math.max(...first.map((i) => i.launchedAt));
      const inService = launched + w.sim.scaled(40_000);
      const graceEnd = inService + w.sim.scaled(60_000);
      // In service (the instance booted; its app does not answer), its target unhealthy after
      // two failed checks, and within the grace period: kept.
      advanceTo(w, inService + w.sim.scaled(30_000));
      expect(w.sim.asg.group('drop-web-2').instances.map((i) => i.id)).toEqual(
        first.map((i) => i.id),
      );
      expect(stateOf(w, 'drop-web-2')).toEqual(['unhealthy', 'unhealthy']);
      expect(Object.values(await healthStatus(w, 'drop-web-2'))).toEqual([
        'InService Healthy',
        'InService Healthy',
      ]);
      // The grace period over: Unhealthy, terminated, and two new instances launched.
      advanceTo(w, graceEnd + w.sim.scaled(5_000));
      const after = await healthStatus(w, 'drop-web-2');
      for (const i of first) expect(after[i.id]).toBe('Terminating Unhealthy');
      const fresh = Object.entries(after).filter(([id]) => !first.some((i) => i.id === id));
      expect(fresh.map(([, s]) => s)).toEqual(['Pending Healthy', 'Pending Healthy']);
      // The group holds its desired capacity with the replacements.
      expect(w.sim.asg.group('drop-web-2').desired).toBe(2);
    },
  );

  it.concurrent(
    'thresholds: healthy after two passing checks in a row, unhealthy after two failing ones; a crashed instance is replaced',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished, { timeScale: SCALE });
      // Serves for 2 modelled minutes after it starts, then its app crashes.
      w.sim.pushImage('drop-web', {
        tags: ['v1.6.0-crash'],
        behaviour: 'crash-after-start',
        crashAfterMs: w.sim.scaled(120_000),
      });
      await w.target.switchImage(w.image('v1.6.0-crash'), { wait: FOLLOW });
      const first = w.sim.asg.group('drop-web-2').instances;
      const launched = Math.min(...first.map((i) => i.launchedAt));
      const check = (n: number): number => launched + w.sim.scaled(n * 10_000);
      const half = w.sim.scaled(5_000);
      // Checks every 10 s from registration; up at 40 s (the 4th check passes).
      advanceTo(w, check(4) + half);
      expect(stateOf(w, 'drop-web-2')).toEqual(['unhealthy', 'unhealthy']);
      advanceTo(w, check(5) + half);
      expect(stateOf(w, 'drop-web-2')).toEqual(['healthy', 'healthy']);
      // The app crashes 120 s after it started (at 160 s): one failed check is not enough …
      advanceTo(w, check(17) + half);
      expect(stateOf(w, 'drop-web-2')).toEqual(['healthy', 'healthy']);
      expect(Object.values(await healthStatus(w, 'drop-web-2'))).toEqual([
        'InService Healthy',
        'InService Healthy',
      ]);
      // … two are: unhealthy, and (past the grace period) replaced at once.
      advanceTo(w, check(18) + half);
      const after = await healthStatus(w, 'drop-web-2');
      for (const i of first) expect(after[i.id]).toBe('Terminating Unhealthy');
      expect(Object.keys(after)).toHaveLength(4);
    },
  );
});
