/**
 * docs/iam-policy-asg.json: exactly the Auto Scaling, ELB and EC2 launch template operations
 * the asg target calls (from the sim's call log), each change on a resource the policy names,
 * and the rest of the deploy policy as for App Runner.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  policyActions,
  type PolicyDocument,
  type PolicyStatement,
} from '../workflows/iam-policy.js';
import { asgWorld } from '../helpers/asg-world.js';

const ROOT = path.join(import.meta.dirname, '../..');
const read = (file: string): PolicyDocument =>
  JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as PolicyDocument;
const FOLLOW = { timeoutMs: 30_000, intervalMs: 40 };
const PREFIX: Record<string, string> = {
  autoscaling: 'autoscaling',
  elasticloadbalancing: 'elasticloadbalancing',
  ec2: 'ec2',
};

const matches = (pattern: string, arn: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(arn);

/** The ARN IAM authorises a call on (groups by name, target groups by name or ARN). */
function resourceOf(service: string, params: Record<string, unknown>): string | undefined {
  if (service === 'autoscaling' && typeof params['AutoScalingGroupName'] === 'string')
    return `arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:00000000-0000-0000-0000-000000000000:autoScalingGroupName/${params['AutoScalingGroupName']}`;
  if (service === 'elasticloadbalancing') {
    for (const key of ['ListenerArn', 'TargetGroupArn'])
      if (typeof params[key] === 'string') return params[key];
    if (typeof params['Name'] === 'string')
      return `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/${params['Name']}/0123456789abcdef`;
  }
  return undefined;
}

it('docs/iam-policy-asg.json allows exactly what the asg target calls', async ({
  onTestFinished,
}) => {
  const w = await asgWorld(onTestFinished, {
    config: {
      strategy: 'canary',
      canary: {
        steps: [{ weight: 10, hold: '800ms' }, { weight: 100 }],
        'poll-interval': '150ms',
        // The sample's traffic in an 800 ms step is a few requests: this test is about the
        // calls, not about how many requests a verdict needs.
        'min-requests': 1,
      },
    },
  });
  // Everything the pipeline and the runbook ask of the target: describe, preflight, wait,
  // a canary promoted and one caught, a refused image, restart, retire, the in-place
  // rollback, scaling and the bake's metrics.
  w.sim.pushImage('drop-web', { tags: ['v1.6.0-errors'], errorRate: 0.2 });
  await w.target.describe();
  await w.target.waitUntilUpdatable(FOLLOW);
  const go = async (tag: string) =>
    w.target.follow(await w.target.switchImage(w.image(tag), { wait: FOLLOW }), FOLLOW);
  expect((await go('v1.5.0')).ok).toBe(true);
  await w.target.retire();
  expect((await go('v1.6.0-errors')).ok).toBe(false);
  expect((await w.target.follow(await w.target.restart(FOLLOW), FOLLOW)).ok).toBe(true);
  expect((await w.target.rollBackInPlace(FOLLOW)).ok).toBe(true);
  await w.target.scale(3, FOLLOW);
  await w.target.traffic({ start: Date.now() - 600_000, end: Date.now(), periodSeconds: 60 });

  const policy = read('docs/iam-policy-asg.json');
  const calls = w.sim.calls().filter((c) => c.service in PREFIX && !c.error);
  const called = [...new Set(calls.map((c) => `${PREFIX[c.service]}:${c.operation}`))].sort();
  // ec2:RunInstances and ec2:CreateTags are not our calls: IAM checks them on whoever makes a
  // group from a launch template (CreateAutoScalingGroup), as the Auto Scaling guide says.
  const targetActions = policyActions(policy)
    .filter((a) => /^(autoscaling|elasticloadbalancing|ec2):/.test(a))
    .filter((a) => a !== 'ec2:RunInstances' && a !== 'ec2:CreateTags');
  expect(called).toEqual(targetActions);
  const byAction = (action: string): PolicyStatement[] =>
    policy.Statement.filter((s) => [s.Action].flat().includes(action));
  for (const call of calls) {
    const arn = resourceOf(call.service, call.params as Record<string, unknown>);
    const allowed = byAction(`${PREFIX[call.service]}:${call.operation}`).flatMap((s) =>
      [s.Resource ?? []].flat(),
    );
    expect(allowed.length, `${call.operation} allowed`).toBeGreaterThan(0);
    if (arn && call.mutating)
      expect(
        allowed.some((p) => matches(p, arn)),
        `${call.operation} on ${arn}`,
      ).toBe(true);
  }
  // Everything else (ECR, RDS snapshots, CloudWatch, STS) is what the App Runner policy grants.
  const notTarget = (p: PolicyDocument): PolicyStatement[] =>
    p.Statement.filter(
      (s) =>
        ![s.Action]
          .flat()
          .some((a) => /^(autoscaling|elasticloadbalancing|ec2|apprunner):/.test(a)),
    );
  expect(notTarget(policy)).toEqual(notTarget(read('docs/iam-policy.json')));
  for (const s of policy.Statement) for (const a of [s.Action].flat()) expect(a).not.toContain('*');
});
