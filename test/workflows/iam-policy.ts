/** Reading an IAM policy document (shared by the docs test and the sim call-log test). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource?: string | string[];
  Principal?: unknown;
  Condition?: unknown;
}

export interface PolicyDocument {
  Version: string;
  Statement: PolicyStatement[];
}

/** A policy of docs/, by file name. */
export function docsPolicy(file: string): PolicyDocument {
  return JSON.parse(
    readFileSync(path.join(import.meta.dirname, '../../docs', file), 'utf8'),
  ) as PolicyDocument;
}

/** Every allowed action, sorted and unique. */
export function policyActions(policy: PolicyDocument): string[] {
  return [
    ...new Set(
      policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat()),
    ),
  ].sort();
}

/** IAM's action prefix of a sim service (the call log names CloudWatch by its signing name). */
const IAM_PREFIX: Record<string, string> = { monitoring: 'cloudwatch' };
const NOT_AWS = new Set(['github', 'slack', 'betterstack', 'registry', 'app']);
/** Authorised by the role's trust policy (configure-aws-credentials), not by its policy. */
const TRUST_POLICY = new Set(['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRole']);
/** AWS answers it for any credentials ("no permissions are required"), so no policy denies it. */
const NEEDS_NO_PERMISSION = new Set(['sts:GetCallerIdentity']);

/** The IAM actions of the AWS calls a sim logged (`service:Operation`), sorted and unique. */
export function iamActionsOf(calls: readonly { service: string; operation: string }[]): string[] {
  return [
    ...new Set(
      calls
        .filter((c) => !NOT_AWS.has(c.service) && !TRUST_POLICY.has(`sts:${c.operation}`))
        .map((c) => `${IAM_PREFIX[c.service] ?? c.service}:${c.operation}`),
    ),
  ].sort();
}

const matches = (pattern: string, action: string): boolean =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  ).test(action);

/** Whether some Allow statement names the action (resources and conditions are not judged). */
export function allows(policy: PolicyDocument, action: string): boolean {
  return policy.Statement.some(
    (s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => matches(a, action)),
  );
}

/**
 * Both directions for one job: the calls the policy does not allow, and the allowed actions no
 * call needed. KMS is called by AWS on the job's behalf (never by the job, so never in a call
 * log) and is left out of the second list, as are the statements named in `elsewhere` (e.g.
 * ECS reads, made only on an ECS Express environment another test covers). `elsewhere` may
 * also name single actions (`ecr:PutImage`), each needed only on a path another test takes.
 */
export function policyGaps(
  policies: readonly PolicyDocument[],
  calls: readonly { service: string; operation: string }[],
  elsewhere: readonly string[] = [],
): { denied: string[]; unneeded: string[] } {
  const made = iamActionsOf(calls);
  // Tags given when creating a resource are authorised as AddTagsToResource (both restores).
  if (
    made.includes('rds:RestoreDBInstanceFromDBSnapshot') ||
    made.includes('rds:RestoreDBInstanceToPointInTime')
  )
    made.push('rds:AddTagsToResource');
  const denied = made.filter(
    (a) => !NEEDS_NO_PERMISSION.has(a) && !policies.some((p) => allows(p, a)),
  );
  const unneeded = policies
    .flatMap((p) => p.Statement)
    .filter((s) => s.Effect === 'Allow' && !elsewhere.includes(s.Sid ?? ''))
    .flatMap((s) => [s.Action].flat())
    .filter((a) => !elsewhere.includes(a))
    .filter((a) => !a.startsWith('kms:') && !made.some((m) => matches(a, m)));
  return { denied, unneeded: [...new Set(unneeded)].sort() };
}
