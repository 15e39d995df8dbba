/**
 * docs/iam-policy-rotate-ecs-express.json, the rotation role of an ECS Express environment:
 * exactly the calls rotate-secret's built bundle makes there (a two-phase JWT rotation whose
 * first redeploy pins the running digest of a service configured by tag, then restarts; a
 * master-password rotation), each ECS and RDS call on a resource the policy names, iam:PassRole
 * only for the roles the new revision carries; Secrets Manager and RDS as for App Runner.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  policyActions,
  policyGaps,
  type PolicyDocument,
  type PolicyStatement,
} from '../workflows/iam-policy.js';
import { startRotationWorld, type RotationWorld } from '../../sim/rotation-world.js';

const ROOT = path.join(import.meta.dirname, '../..');
const read = (file: string): PolicyDocument =>
  JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as PolicyDocument;
const worlds: RotationWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

const matches = (pattern: string, arn: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(arn);

/** The ARNs an ECS or RDS call names. */
function resourcesOf(service: string, params: Record<string, unknown>): string[] {
  if (service === 'rds')
    return typeof params['DBInstanceIdentifier'] === 'string'
      ? [`arn:aws:rds:eu-west-1:123456789012:db:${params['DBInstanceIdentifier']}`]
      : [];
  return [
    params['serviceArn'],
    params['service'],
    params['serviceDeploymentArns'],
    params['serviceRevisionArns'],
  ]
    .flat()
    .filter((x): x is string => typeof x === 'string');
}

it('docs/iam-policy-rotate-ecs-express.json allows exactly what rotations on ECS Express call', async () => {
  const world = await startRotationWorld({ ecs: true, nextKey: true });
  worlds.push(world);
  for (const secret of ['JWT_SECRET', 'DATABASE_URL']) {
    const run = await world.rotate({ secret });
    expect(run.exitCode, run.stdout).toBe(0);
  }
  const calls = world.sim.calls();
  const ecsOps = new Set(calls.filter((c) => c.service === 'ecs').map((c) => c.operation));
  // The first redeploy switched the tag-configured service to its running digest; the second
  // and third restarted it (pinned by then).
  expect(ecsOps).toContain('UpdateExpressGatewayService');
  expect(ecsOps).toContain('UpdateService');

  const policy = read('docs/iam-policy-rotate-ecs-express.json');
  // The RDS-managed secret is read only by kind rds-managed, which the App Runner policy test
  // rotates; its statement is the same in both policies (below). iam:PassRole is no call: IAM
  // checks it for the roles the revision UpdateExpressGatewayService makes carries (below).
  expect(policyGaps([policy], calls, ['ReadTheRdsManagedMasterSecret', 'iam:PassRole'])).toEqual({
    denied: [],
    unneeded: [],
  });

  const byAction = (action: string): PolicyStatement[] =>
    policy.Statement.filter((s) => [s.Action].flat().includes(action));
  const checked = calls.filter((c) => c.service === 'ecs' || c.service === 'rds');
  for (const call of checked) {
    const action = `${call.service}:${call.operation}`;
    const allowed = byAction(action).flatMap((s) => [s.Resource ?? []].flat());
    for (const arn of resourcesOf(call.service, call.params as Record<string, unknown>))
      expect(
        allowed.some((p) => matches(p, arn)),
        `${action} on ${arn}`,
      ).toBe(true);
  }

  // UpdateExpressGatewayService passes the revision's execution and task roles: only those.
  const passRole = byAction('iam:PassRole');
  expect(passRole).toHaveLength(1);
  expect([passRole[0]!.Resource].flat().sort()).toEqual([
    'arn:aws:iam::123456789012:role/drop-web-ecs-execution',
    'arn:aws:iam::123456789012:role/drop-web-task',
  ]);
  expect(passRole[0]!.Condition).toEqual({
    StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
  });

  // Secrets Manager and RDS: the statements of the App Runner rotation policy, unchanged.
  const notTarget = (p: PolicyDocument): PolicyStatement[] =>
    p.Statement.filter((s) => ![s.Action].flat().some((a) => /^(ecs|apprunner|iam):/.test(a)));
  expect(notTarget(policy)).toEqual(notTarget(read('docs/iam-policy-rotate.json')));
  expect(policyActions(policy).some((a) => a.startsWith('apprunner:'))).toBe(false);
  for (const s of policy.Statement) for (const a of [s.Action].flat()) expect(a).not.toContain('*');
});
