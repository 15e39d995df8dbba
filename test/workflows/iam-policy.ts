/** Reading an IAM policy document (shared by the docs test and the sim call-log test). */
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

/** Every allowed action, sorted and unique. */
export function policyActions(policy: PolicyDocument): string[] {
  return [
    ...new Set(
      policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat()),
    ),
  ].sort();
}
