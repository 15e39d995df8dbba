/**
 * docs/iam-policy-ecs-express.json: exactly the ECS operations the ECS Express target calls
 * (from the sim's call log), each on a resource the policy names, iam:PassRole only for the
 * roles a new revision carries, and the rest of the deploy policy as for App Runner.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeExpressGatewayServiceCommand } from '@aws-sdk/client-ecs';
import { expect, it } from 'vitest';
import {
  policyActions,
  type PolicyDocument,
  type PolicyStatement,
} from '../workflows/iam-policy.js';
import { ECS_ARN, targetWorld } from '../helpers/target-world.js';

const ROOT = path.join(import.meta.dirname, '../..');
const read = (file: string): PolicyDocument =>
  JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as PolicyDocument;
const FOLLOW = { timeoutMs: 30_000, intervalMs: 40 };

const matches = (pattern: string, arn: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(arn);

/** The ARNs a call names (service, deployments, revisions). */
function resourcesOf(params: Record<string, unknown>): string[] {
  return [
    params['serviceArn'],
    params['service'],
    params['serviceDeploymentArns'],
    params['serviceRevisionArns'],
  ]
    .flat()
    .filter((x): x is string => typeof x === 'string');
}

it('docs/iam-policy-ecs-express.json allows exactly what the ECS Express target calls', async ({
  onTestFinished,
}) => {
  const w = await targetWorld('ecs-express', onTestFinished);
  // Everything the pipeline asks of a target: describe, preflight, wait, switch green, switch
  // rolled back, restart, each followed to its end.
  await w.target.describe();
  await w.target.waitUntilUpdatable(FOLLOW);
  expect(
    (await w.target.follow(await w.target.switchImage(w.image('v1.5.0'), { wait: FOLLOW }), FOLLOW))
      .ok,
  ).toBe(true);
  expect(
    (
      await w.target.follow(
        await w.target.switchImage(w.image('v1.5.1-broken'), { wait: FOLLOW }),
        FOLLOW,
      )
    ).ok,
  ).toBe(false);
  expect((await w.target.follow(await w.target.restart(FOLLOW), FOLLOW)).ok).toBe(true);
  // A bake reads the load balancer target groups of the revisions that serve.
  await w.target.traffic({ start: Date.now() - 600_000, end: Date.now(), periodSeconds: 60 });
  expect(w.sim.calls({ service: 'monitoring' }).length).toBeGreaterThan(0);

  const policy = read('docs/iam-policy-ecs-express.json');
  const calls = w.sim.calls({ service: 'ecs' });
  const called = [...new Set(calls.map((c) => `ecs:${c.operation}`))].sort();
  // iam:PassRole is not an ECS call: the new revision UpdateExpressGatewayService makes
  // carries the execution and task roles, and passing them is what IAM checks.
  const ecsActions = policyActions(policy).filter((a) => a.startsWith('ecs:'));
  expect(called).toEqual(ecsActions);
  const byAction = (action: string): PolicyStatement[] =>
    policy.Statement.filter((s) => [s.Action].flat().includes(action));
  for (const call of calls) {
    const allowed = byAction(`ecs:${call.operation}`).flatMap((s) => [s.Resource ?? []].flat());
    for (const arn of resourcesOf(call.params as Record<string, unknown>))
      expect(
        allowed.some((p) => matches(p, arn)),
        `${call.operation} on ${arn}`,
      ).toBe(true);
  }

  const passRole = byAction('iam:PassRole');
  expect(passRole).toHaveLength(1);
  const { service } = await w.clients.ecs.send(
    new DescribeExpressGatewayServiceCommand({ serviceArn: ECS_ARN }),
  );
  const config = service!.activeConfigurations![0]!;
  expect([passRole[0]!.Resource].flat().sort()).toEqual(
    [config.executionRoleArn, config.taskRoleArn].sort(),
  );
  expect(passRole[0]!.Condition).toEqual({
    StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
  });
  expect(calls.some((c) => c.operation === 'UpdateExpressGatewayService')).toBe(true);

  // Everything else (ECR, RDS snapshots, STS) is what the App Runner policy grants.
  const notTarget = (p: PolicyDocument): PolicyStatement[] =>
    p.Statement.filter((s) => ![s.Action].flat().some((a) => /^(ecs|apprunner|iam):/.test(a)));
  expect(notTarget(policy)).toEqual(notTarget(read('docs/iam-policy.json')));
  for (const s of policy.Statement) for (const a of [s.Action].flat()) expect(a).not.toContain('*');
});
