/**
 * The sim's EC2 launch templates, Auto Scaling groups and load balancer, driven with the real
 * SDK clients over HTTP: instances run the image their launch template version names, target
 * health follows the health checks, the listener's weights split the traffic (and so the
 * per-target-group metrics), an instance refresh keeps its minimum healthy share.
 */
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DeleteAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
  DescribeInstanceRefreshesCommand,
  SetDesiredCapacityCommand,
  StartInstanceRefreshCommand,
  UpdateAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import {
  CreateLaunchTemplateVersionCommand,
  DescribeLaunchTemplateVersionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateTargetGroupCommand,
  DeleteTargetGroupCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { describe, expect, it } from 'vitest';
import { startSim, type SimHandle } from '../../sim/index.js';
import { ASG_GROUP, asgFixture, LAUNCH_TEMPLATE, TARGET_GROUP } from '../helpers/asg-fixture.js';
import { image, sdkError, waitFor } from './helpers.js';

const userData = (tag: string): string =>
  Buffer.from(`#!/bin/bash\nIMAGE=${image(tag)}\n`).toString('base64');

/**
 * A sim of the group. `timeScale: 1` where a test steps through the modelled times itself
 * (sim.advance): nothing it asserts about then moves while a loaded machine answers slowly.
 */
async function world(
  onFinished: (fn: () => Promise<void>) => void,
  fixture: Parameters<typeof asgFixture>[0] = {},
  timeScale = 0.002,
) {
  const sim = await startSim({ fixture: asgFixture(fixture), timeScale });
  const config = sim.clientConfig({ maxAttempts: 1 });
  const clients = {
    asg: new AutoScalingClient(config),
    elb: new ElasticLoadBalancingV2Client(config),
    ec2: new EC2Client(config),
    cw: new CloudWatchClient(config),
  };
  onFinished(async () => {
    Object.values(clients).forEach((c) => c.destroy());
    await sim.stop();
  });
  return { sim, ...clients };
}

async function version(sim: SimHandle): Promise<string> {
  const res = await fetch(`${sim.asg.url()}/api/health`);
  return ((await res.json()) as { data: { version: string } }).data.version;
}

/** A new launch template version running `tag`, a target group and a group of 2 in it. */
async function greenGroup(w: Awaited<ReturnType<typeof world>>, tag: string) {
  const made = await w.ec2.send(
    new CreateLaunchTemplateVersionCommand({
      LaunchTemplateName: LAUNCH_TEMPLATE,
      SourceVersion: '$Latest',
      LaunchTemplateData: { UserData: userData(tag) },
    }),
  );
  const versionNumber = made.LaunchTemplateVersion!.VersionNumber!;
  const tg = await w.elb.send(
    new CreateTargetGroupCommand({
      Name: 'drop-web-2',
      Protocol: 'HTTP',
      Port: 80,
      VpcId: 'vpc-0123456789abcdef0',
      HealthCheckPath: '/',
      HealthCheckIntervalSeconds: 10,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 2,
    }),
  );
  const tgArn = tg.TargetGroups![0]!.TargetGroupArn!;
  await w.asg.send(
    new CreateAutoScalingGroupCommand({
      AutoScalingGroupName: 'drop-web-2',
      LaunchTemplate: { LaunchTemplateName: LAUNCH_TEMPLATE, Version: String(versionNumber) },
      MinSize: 1,
      MaxSize: 6,
      DesiredCapacity: 2,
      TargetGroupARNs: [tgArn],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 60,
    }),
  );
  return { versionNumber, tgArn };
}

describe('sim: EC2 Auto Scaling behind an Application Load Balancer', () => {
  it.concurrent(
    "Auto Scaling looks at its instances' health on a grid of its own: a late read of the sim does not put a replacement off",
    async ({ onTestFinished }) => {
      // The clock stands (time scale 1) and the test moves it. The app is up after its 40 s
      // boot and crashes 120 s later (160 s); the target's checks (every 10 s from launch)
      // fail at 170 s and 180 s: unhealthy at 180 s, past the 60 s grace period (100 s).
      const w = await world(onTestFinished, {}, 1);
      w.sim.pushImage('drop-web', {
        tags: ['v1.6.0-crash'],
        behaviour: 'crash-after-start',
        crashAfterMs: 120_000,
      });
      await greenGroup(w, 'v1.6.0-crash');
      const first = w.sim.asg.group('drop-web-2').instances.map((i) => i.id);
      const launched = w.sim.asg.group('drop-web-2').instances[0]!.launchedAt;
      const at = (ms: number) => w.sim.advance(Math.max(0, launched + ms - w.sim.now()));
      const health = async () => {
        const out = await w.asg.send(
          new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['drop-web-2'] }),
        );
        return Object.fromEntries(
          (out.AutoScalingGroups?.[0]?.Instances ?? []).map((i) => [
            i.InstanceId!,
            `${i.LifecycleState} ${i.HealthStatus}`,
          ]),
        );
      };
      // The first read after the grace period comes 8 s after a look (as on a loaded machine,
      // or after a long pause): one failed check, still healthy.
      at(178_000);
      expect(first.map((id) => [id, 'InService Healthy'])).toEqual(
        Object.entries(await health()).filter(([id]) => first.includes(id)),
      );
      // Auto Scaling's look at 180 s sees the unhealthy target. Once re-anchored on the late
      // read (looks at 178 s, 188 s), the sim put the replacement off past 185 s.
      at(185_000);
      const after = await health();
      for (const id of first) expect(after[id]).toBe('Terminating Unhealthy');
    },
  );

  it.concurrent(
    'seeds a group of two healthy instances behind a listener; the front answers their version',
    async ({ onTestFinished }) => {
      const w = await world(onTestFinished);
      const groups = await w.asg.send(
        new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [ASG_GROUP] }),
      );
      const g = groups.AutoScalingGroups![0]!;
      expect(g).toMatchObject({ MinSize: 1, MaxSize: 6, DesiredCapacity: 2 });
      expect(g.Instances!.map((i) => i.LifecycleState)).toEqual(['InService', 'InService']);
      expect(g.LaunchTemplate).toMatchObject({ LaunchTemplateName: LAUNCH_TEMPLATE, Version: '1' });
      const versions = await w.ec2.send(
        new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateName: LAUNCH_TEMPLATE }),
      );
      const data = versions.LaunchTemplateVersions![0]!.LaunchTemplateData!;
      expect(Buffer.from(data.UserData!, 'base64').toString()).toContain(
        `IMAGE=${image('v1.4.2')}`,
      );
      const health = await w.elb.send(
        new DescribeTargetHealthCommand({ TargetGroupArn: g.TargetGroupARNs![0]! }),
      );
      expect(health.TargetHealthDescriptions!.map((t) => t.TargetHealth!.State)).toEqual([
        'healthy',
        'healthy',
      ]);
      const listener = await w.elb.send(
        new DescribeListenersCommand({ ListenerArns: [w.sim.asg.listenerArn()] }),
      );
      expect(listener.Listeners![0]!.DefaultActions![0]!.ForwardConfig!.TargetGroups).toEqual([
        { TargetGroupArn: g.TargetGroupARNs![0]!, Weight: 1 },
      ]);
      const lbs = await w.elb.send(new DescribeLoadBalancersCommand({}));
      expect(lbs.LoadBalancers![0]!.DNSName).toMatch(/^127\.0\.0\.1:\d+$/);
      expect(await version(w.sim)).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'a new group turns healthy after its threshold of checks; weights split requests and metrics',
    async ({ onTestFinished }) => {
      const w = await world(onTestFinished, {}, 1);
      const { versionNumber, tgArn } = await greenGroup(w, 'v1.5.0');
      expect(versionNumber).toBe(2);
      const states = async () =>
        (
          await w.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }))
        ).TargetHealthDescriptions!.map((t) => t.TargetHealth!.State);
      // The clock stands (time scale 1) and the test moves it to each modelled instant it looks
      // at, from the launch: checks every 10 s from the registration, the app up after its
      // 40 s boot, so its first passing check is at 40 s and the second — the healthy
      // threshold of 2 — at 50 s.
      const launched = w.sim.asg.group('drop-web-2').instances[0]!.launchedAt;
      const boot = w.sim.fixture.asg.durations.launch;
      expect(boot).toBe(40_000);
      const at = (ms: number) => w.sim.advance(Math.max(0, launched + ms - w.sim.now()));
      expect(await states()).toEqual(['initial', 'initial']);
      // The unhealthy threshold: two failed checks (10 s, 20 s) while it boots.
      at(25_000);
      expect(await states()).toEqual(['unhealthy', 'unhealthy']);
      // One passing check (40 s) is below the healthy threshold.
      at(boot + 5_000);
      expect(await states()).toEqual(['unhealthy', 'unhealthy']);
      at(boot + 15_000);
      expect(await states()).toEqual(['healthy', 'healthy']);
      const blueArn = w.sim.asg.targetGroups().find((t) => t.name === TARGET_GROUP)!.arn;
      await w.elb.send(
        new ModifyListenerCommand({
          ListenerArn: w.sim.asg.listenerArn(),
          DefaultActions: [
            {
              Type: 'forward',
              ForwardConfig: {
                TargetGroups: [
                  { TargetGroupArn: blueArn, Weight: 90 },
                  { TargetGroupArn: tgArn, Weight: 10 },
                ],
              },
            },
          ],
        }),
      );
      // The split counts from the sim's time of the change, not from before the call.
      const from = w.sim.now();
      expect(w.sim.asg.weights()).toEqual({ [TARGET_GROUP]: 90, 'drop-web-2': 10 });
      // The front sends about one request in ten to the new group.
      const seen: string[] = [];
      for (let i = 0; i < 50; i++) seen.push(await version(w.sim));
      const green = seen.filter((v) => v === 'v1.5.0').length;
      expect(green).toBeGreaterThanOrEqual(3);
      expect(green).toBeLessThanOrEqual(8);
      // Ten modelled minutes of traffic: the metrics split 90/10.
      w.sim.advance(600_000);
      const until = w.sim.now();
      const blue = w.sim.asg.requests(TARGET_GROUP, from, until);
      const canary = w.sim.asg.requests('drop-web-2', from, until);
      expect(blue.requests + canary.requests).toBeGreaterThan(0);
      expect(canary.requests / (blue.requests + canary.requests)).toBeCloseTo(0.1, 2);
      const sum = async (tg: string) => {
        const out = await w.cw.send(
          new GetMetricStatisticsCommand({
            Namespace: 'AWS/ApplicationELB',
            MetricName: 'RequestCount',
            Dimensions: [
              {
                Name: 'LoadBalancer',
                Value: w.sim.asg
                  .listenerArn()
                  .split(':listener/')[1]!
                  .split('/')
                  .slice(0, 3)
                  .join('/'),
              },
              { Name: 'TargetGroup', Value: tg.split(':').at(-1)! },
            ],
            StartTime: new Date(from),
            EndTime: new Date(until),
            Period: 60,
            Statistics: ['Sum'],
          }),
        );
        return out.Datapoints!.reduce((n, d) => n + d.Sum!, 0);
      };
      const [blueSum, greenSum] = [await sum(blueArn), await sum(tgArn)];
      expect(greenSum).toBeGreaterThan(0);
      expect(greenSum / (blueSum + greenSum)).toBeGreaterThan(0.07);
      expect(greenSum / (blueSum + greenSum)).toBeLessThan(0.13);
    },
  );

  it.concurrent(
    'an instance refresh replaces every instance with the new version, keeping half in service',
    async ({ onTestFinished }) => {
      const w = await world(onTestFinished);
      await w.ec2.send(
        new CreateLaunchTemplateVersionCommand({
          LaunchTemplateName: LAUNCH_TEMPLATE,
          SourceVersion: '1',
          LaunchTemplateData: { UserData: userData('v1.5.0') },
        }),
      );
      await w.asg.send(
        new SetDesiredCapacityCommand({ AutoScalingGroupName: ASG_GROUP, DesiredCapacity: 4 }),
      );
      await waitFor(
        '4 instances in service',
        () =>
          w.sim.asg.group(ASG_GROUP).instances.filter((i) => i.lifecycle === 'InService').length ===
          4,
      );
      await w.asg.send(
        new UpdateAutoScalingGroupCommand({
          AutoScalingGroupName: ASG_GROUP,
          LaunchTemplate: { LaunchTemplateName: LAUNCH_TEMPLATE, Version: '2' },
        }),
      );
      const { InstanceRefreshId } = await w.asg.send(
        new StartInstanceRefreshCommand({
          AutoScalingGroupName: ASG_GROUP,
          Preferences: { MinHealthyPercentage: 50, InstanceWarmup: 300 },
        }),
      );
      const again = await sdkError(
        w.asg.send(new StartInstanceRefreshCommand({ AutoScalingGroupName: ASG_GROUP })),
      );
      expect(again.name).toBe('InstanceRefreshInProgressFault');
      let fewest = 4;
      const status = await waitFor(
        'the refresh to end',
        async () => {
          const inService = w.sim.asg
            .group(ASG_GROUP)
            .instances.filter((i) => i.lifecycle === 'InService').length;
          fewest = Math.min(fewest, inService);
          const out = await w.asg.send(
            new DescribeInstanceRefreshesCommand({
              AutoScalingGroupName: ASG_GROUP,
              InstanceRefreshIds: [InstanceRefreshId!],
            }),
          );
          const r = out.InstanceRefreshes![0]!;
          return r.Status === 'Successful' || r.Status === 'Failed' ? r : undefined;
        },
        { timeoutMs: 20_000 },
      );
      expect(status).toMatchObject({ Status: 'Successful', PercentageComplete: 100 });
      expect(fewest).toBeGreaterThanOrEqual(2);
      expect(w.sim.asg.versions()[ASG_GROUP]).toEqual(['v1.5.0', 'v1.5.0', 'v1.5.0', 'v1.5.0']);
    },
  );

  it.concurrent(
    'DescribeAutoScalingGroups pages with tokens it issued and refuses one it did not',
    async ({ onTestFinished }) => {
      const w = await world(onTestFinished);
      await greenGroup(w, 'v1.5.0');
      const names: string[] = [];
      let token: string | undefined;
      let pages = 0;
      do {
        const out = await w.asg.send(
          new DescribeAutoScalingGroupsCommand({ MaxRecords: 1, NextToken: token }),
        );
        names.push(...(out.AutoScalingGroups ?? []).map((g) => g.AutoScalingGroupName!));
        token = out.NextToken;
        pages++;
      } while (token && pages < 10);
      expect({ names: names.sort(), pages }).toEqual({
        names: [ASG_GROUP, 'drop-web-2'].sort(),
        pages: 2,
      });
      // A token is opaque: a client that makes one up (an offset) is refused.
      const made = await sdkError(
        w.asg.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 1, NextToken: '1' })),
      );
      expect(made).toMatchObject({ name: 'ValidationError', status: 400 });
    },
  );

  it.concurrent('refuses what AWS refuses, changing nothing', async ({ onTestFinished }) => {
    const w = await world(onTestFinished);
    const above = await sdkError(
      w.asg.send(
        new SetDesiredCapacityCommand({ AutoScalingGroupName: ASG_GROUP, DesiredCapacity: 7 }),
      ),
    );
    expect(above).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(above.message).toMatch(/New SetDesiredCapacity value 7 is above max value 6/);
    const blueArn = w.sim.asg.targetGroups()[0]!.arn;
    const inUse = await sdkError(
      w.elb.send(new DeleteTargetGroupCommand({ TargetGroupArn: blueArn })),
    );
    expect(inUse.name).toBe('ResourceInUseException');
    const attrs = await w.elb.send(
      new DescribeTargetGroupAttributesCommand({ TargetGroupArn: blueArn }),
    );
    expect(attrs.Attributes).toContainEqual({
      Key: 'deregistration_delay.timeout_seconds',
      Value: '30',
    });
    const busy = await sdkError(
      w.asg.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: ASG_GROUP })),
    );
    expect(busy.name).toBe('ResourceInUseFault');
    const weight = await sdkError(
      w.elb.send(
        new ModifyListenerCommand({
          ListenerArn: w.sim.asg.listenerArn(),
          DefaultActions: [
            {
              Type: 'forward',
              ForwardConfig: { TargetGroups: [{ TargetGroupArn: blueArn, Weight: 1000 }] },
            },
          ],
        }),
      ),
    );
    // ELB's documented range is 0–999 (the model gives none).
    expect(weight.name).toBe('ValidationError');
    expect(w.sim.mutatingCalls().filter((c) => !c.error)).toEqual([]);
    expect(w.sim.asg.group(ASG_GROUP).desired).toBe(2);
  });

  it.concurrent(
    'a force-deleted group drains its targets for the deregistration delay, then is gone',
    async ({ onTestFinished }) => {
      // The clock stands (time scale 1): the test moves it through the 300 s of draining.
      const w = await world(onTestFinished, { deregistrationDelay: 300 }, 1);
      await w.asg.send(
        new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: ASG_GROUP, ForceDelete: true }),
      );
      const deleted = w.sim.now();
      const at = (ms: number) => w.sim.advance(Math.max(0, deleted + ms - w.sim.now()));
      const draining = () => w.sim.asg.targetGroups()[0]!.targets.map((t) => t.state);
      expect(w.sim.asg.group(ASG_GROUP).deleting).toBe(true);
      expect(draining()).toEqual(['draining', 'draining']);
      // Still draining just before the delay ends; then the 20 s shutdown, and it is gone.
      at(290_000);
      expect(draining()).toEqual(['draining', 'draining']);
      expect(w.sim.asg.group(ASG_GROUP).deleting).toBe(true);
      at(310_000);
      expect(w.sim.asg.targetGroups()[0]!.targets).toEqual([]);
      expect(w.sim.asg.groups().map((g) => g.name)).toEqual([ASG_GROUP]);
      at(330_000);
      expect(w.sim.asg.groups().some((g) => g.name === ASG_GROUP)).toBe(false);
      expect(w.sim.asg.targetGroups()[0]!.targets).toEqual([]);
    },
  );
});
