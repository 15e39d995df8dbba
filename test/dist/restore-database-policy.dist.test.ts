/**
 * docs/iam-policy-restore.json allows exactly the AWS calls restore-database makes (the sim's
 * call log of the built bundle): a restore to a time and one from a snapshot (inspect), a
 * cut-over and a dry run; nothing the restore does is denied, nothing it allows goes unused,
 * and every change is on a resource a statement names, with the tag its condition asks for.
 */
import { expect, it } from 'vitest';
import {
  docsPolicy,
  policyGaps,
  type PolicyDocument,
  type PolicyStatement,
} from '../workflows/iam-policy.js';
import { badDelete, restore, world } from './restore-database-world.js';

const ARN = 'arn:aws:rds:eu-west-1:123456789012';

const glob = (pattern: string, value: string): boolean =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  ).test(value);

/** The ARNs IAM authorises a change on, and the tags the request carries. */
function resourcesOf(
  operation: string,
  params: Record<string, unknown>,
): { arns: string[]; tags: Record<string, string> } {
  const db = (key: string): string => `${ARN}:db:${String(params[key])}`;
  const snapshot = (key: string): string => `${ARN}:snapshot:${String(params[key])}`;
  const tags = Object.fromEntries(
    ((params['Tags'] as { Key: string; Value: string }[] | undefined) ?? []).map((t) => [
      t.Key,
      t.Value,
    ]),
  );
  const groups = [`${ARN}:subgrp:${String(params['DBSubnetGroupName'])}`];
  if (params['DBParameterGroupName'])
    groups.push(`${ARN}:pg:${String(params['DBParameterGroupName'])}`);
  switch (operation) {
    case 'CreateDBSnapshot':
      return { arns: [db('DBInstanceIdentifier'), snapshot('DBSnapshotIdentifier')], tags };
    case 'RestoreDBInstanceToPointInTime':
      return {
        arns: [db('TargetDBInstanceIdentifier'), db('SourceDBInstanceIdentifier'), ...groups],
        tags,
      };
    case 'RestoreDBInstanceFromDBSnapshot':
      return {
        arns: [db('DBInstanceIdentifier'), snapshot('DBSnapshotIdentifier'), ...groups],
        tags,
      };
    case 'ModifyDBInstance':
      return { arns: [db('DBInstanceIdentifier')], tags };
    default:
      throw new Error(`no resource rule for ${operation}`);
  }
}

/** Whether an Allow statement of the policy names the action on the ARN, its tag condition met. */
function allowsOn(
  policy: PolicyDocument,
  action: string,
  arn: string,
  tags: Record<string, string>,
): boolean {
  return policy.Statement.some((s: PolicyStatement) => {
    if (s.Effect !== 'Allow' || ![s.Action].flat().includes(action)) return false;
    if (![s.Resource ?? []].flat().some((r) => glob(r, arn))) return false;
    const equals = (s.Condition as { StringEquals?: Record<string, string> } | undefined)
      ?.StringEquals;
    return Object.entries(equals ?? {}).every(([key, value]) => {
      const tag = /^aws:RequestTag\/(.+)$/.exec(key)?.[1];
      return tag === undefined || tags[tag] === value;
    });
  });
}

it('docs/iam-policy-restore.json allows exactly what restore-database calls', async ({
  onTestFinished,
}) => {
  const w = await world(onTestFinished);
  const to = await badDelete(w);
  w.s.clearCalls();
  const dry = await restore(w, { to: to.toISOString(), mode: 'inspect', 'dry-run': 'true' });
  expect(dry.exitCode, dry.stdout).toBe(0);
  const inspect = await restore(w, { to: to.toISOString(), mode: 'inspect' });
  expect(inspect.exitCode, inspect.stdout).toBe(0);
  const fromSnapshot = await restore(w, {
    to: inspect.outputs['forensics-snapshot']!,
    mode: 'inspect',
  });
  expect(fromSnapshot.exitCode, fromSnapshot.stdout).toBe(0);
  const cut = await restore(w, { to: inspect.outputs['restore-to']!, mode: 'cut-over' });
  expect(cut.exitCode, cut.stdout).toBe(0);

  const calls = w.s.calls();
  const policy = docsPolicy('iam-policy-restore.json');
  expect(policyGaps([policy], calls)).toEqual({ denied: [], unneeded: [] });
  const changes = calls.filter((c) => c.service === 'rds' && c.mutating && !c.error);
  expect(new Set(changes.map((c) => c.operation))).toEqual(
    new Set([
      'CreateDBSnapshot',
      'RestoreDBInstanceToPointInTime',
      'RestoreDBInstanceFromDBSnapshot',
      'ModifyDBInstance',
    ]),
  );
  const outside: string[] = [];
  for (const c of changes) {
    const { arns, tags } = resourcesOf(c.operation, c.params as Record<string, unknown>);
    for (const arn of arns)
      if (!allowsOn(policy, `rds:${c.operation}`, arn, tags)) outside.push(`${c.operation} ${arn}`);
    // Tags given at creation are authorised as AddTagsToResource on the new instance.
    if (Object.keys(tags).length > 0 && !allowsOn(policy, 'rds:AddTagsToResource', arns[0]!, tags))
      outside.push(`AddTagsToResource ${arns[0]}`);
  }
  expect(outside).toEqual([]);
}, 240_000);
