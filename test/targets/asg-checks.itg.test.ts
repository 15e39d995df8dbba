/**
 * The checks that read the service, on an asg environment: service-running asks the target
 * (the serving group's targets behind the load balancer), never App Runner.
 */
import { AutoScalingClient, StartInstanceRefreshCommand } from '@aws-sdk/client-auto-scaling';
import { describe, expect, it } from 'vitest';
import { environmentSchema } from '../../core/config/schema.js';
import { simCheckContext, simClients } from '../helpers/check-context.js';
import { ASG_GROUP } from '../helpers/asg-fixture.js';
import { asgTargetConfig, asgWorld, type AsgWorld } from '../helpers/asg-world.js';
import { runOne } from '../checks/context.js';

function contextOn(w: AsgWorld) {
  const env = environmentSchema.parse({
    region: w.sim.region,
    target: asgTargetConfig(w.sim),
    'ecr-repository': 'drop-web',
    health: { 'base-url': w.sim.asg.url(), checks: [{ name: 'api', path: '/api/health' }] },
  });
  const { autoScaling, elb, ec2 } = w.clients;
  return simCheckContext(w.sim, {
    env,
    clients: { ...simClients(w.sim), asg: { autoScaling, elb, ec2: async () => ec2 } },
  });
}

describe('service-running on asg', () => {
  it.concurrent(
    'passes when the serving group has every target healthy, and reads no App Runner service',
    async ({ onTestFinished }) => {
      const w = await asgWorld(onTestFinished);
      w.sim.clearCalls();
      const result = await runOne({ type: 'service-running' }, contextOn(w));
      expect(result.status, result.line).toBe('pass');
      expect(result.line).toBe(`${ASG_GROUP} serves with 2/2 targets healthy, 2 InService`);
      expect(result.observed).toMatchObject({ group: ASG_GROUP, desired: 2, healthy: 2 });
      expect(w.sim.calls({ service: 'apprunner' })).toEqual([]);
      expect(w.sim.calls({ service: 'elasticloadbalancing' }).length).toBeGreaterThan(0);
      expect(w.sim.mutatingCalls()).toEqual([]);
    },
  );

  it.concurrent('warns while an instance refresh is under way', async ({ onTestFinished }) => {
    const w = await asgWorld(onTestFinished);
    const asg = new AutoScalingClient(w.sim.clientConfig({ maxAttempts: 1 }));
    onTestFinished(() => asg.destroy());
    await asg.send(
      new StartInstanceRefreshCommand({
        AutoScalingGroupName: ASG_GROUP,
        Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 300 },
      }),
    );
    const result = await runOne({ type: 'service-running' }, contextOn(w));
    expect(result.status, result.line).toBe('warn');
    expect(result.line).toMatch(
      /drop-web-1 serves with .*; an instance refresh (Pending|InProgress)/,
    );
  });

  it.concurrent(
    'fails when no target of the serving group is healthy, naming them',
    async ({ onTestFinished }) => {
      // The serving version's app stops answering the load balancer's health check.
      const w = await asgWorld(onTestFinished, { fixture: { image: 'drop-web:v1.5.1-broken' } });
      // Two failed checks (10 s apart) make a target unhealthy.
      w.sim.advance(w.sim.scaled(30_000));
      const result = await runOne({ type: 'service-running' }, contextOn(w));
      expect(result.status, result.line).toBe('fail');
      expect(result.line).toMatch(
        /^drop-web-1 has no healthy target behind the load balancer \(0\/2 targets healthy, .*i-[0-9a-f]+ (unhealthy|initial|draining).*\); check the group's instances and their health check$/,
      );
    },
  );
});
