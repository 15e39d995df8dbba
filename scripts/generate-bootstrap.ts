/**
 * `npx tsx scripts/generate-bootstrap.ts`: writes docs/aws/bootstrap.yml, a CloudFormation
 * template that creates, for one environment of one service repository, GitHub's OIDC
 * provider (once per account) and the deploy, routine-check, clean-up, gate and restore roles
 * with exactly the policies in docs/ (iam-policy.json, iam-policy-ops.json,
 * iam-policy-ops-weekly.json, gate-iam-policy.json, iam-policy-restore.json). The policies are read from those files
 * and their example names (account 123456789012, eu-west-1, drop-web, drop-db) become the
 * stack's parameters, so a change to a policy reaches the template by running this again;
 * test/workflows/bootstrap-template.test.ts fails until it is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BOOTSTRAP_FILE = path.join(ROOT, 'docs', 'aws', 'bootstrap.yml');

/** The example values of docs/*.json and the template's parameter (or pseudo-parameter) for each. */
export const EXAMPLE_VALUES = {
  'AWS::AccountId': '123456789012',
  'AWS::Region': 'eu-west-1',
  ServiceName: 'drop-web',
  EcrRepository: 'drop-web',
  DbInstance: 'drop-db',
} as const;

/** Each role: its policy file in docs/, the OIDC context its jobs run in, and why. */
export const ROLES = [
  {
    id: 'DeployRole',
    suffix: '',
    policy: 'iam-policy.json',
    context: 'environment',
    what: 'deploy, rollback and restart (jobs that declare the GitHub environment)',
    variable: 'AWS_ROLE_ARN (environment variable of the GitHub environment)',
  },
  {
    id: 'OpsRole',
    suffix: '-ops',
    policy: 'iam-policy-ops.json',
    context: 'main',
    what: 'the routine checks, read-only (scheduled on main, no GitHub environment)',
    variable: '<NAME>_OPS_ROLE_ARN (repository variable)',
  },
  {
    id: 'CleanupRole',
    suffix: '-cleanup',
    policy: 'iam-policy-ops-weekly.json',
    context: 'main',
    what: 'the weekly ECR clean-up of untagged images (scheduled on main)',
    variable: '<NAME>_OPS_ROLE_ARN of the weekly checks, when they clean up ECR',
  },
  {
    id: 'GateRole',
    suffix: '-gate',
    policy: 'gate-iam-policy.json',
    context: 'main',
    what: 'the go-live gate, read-only (on main)',
    variable: 'GATE_AWS_ROLE_ARN (environment variable)',
  },
  {
    id: 'RestoreRole',
    suffix: '-restore',
    policy: 'iam-policy-restore.json',
    context: 'environment',
    what: 'the database restore and cut-over of restore.yml (jobs that declare the GitHub environment)',
    variable: 'RESTORE_AWS_ROLE_ARN (environment variable of the GitHub environment)',
  },
] as const;

type Json = unknown;

/** One policy string with the example names turned into ${Parameter}s. */
function parameterize(text: string): string {
  const ecr = text.startsWith('arn:aws:ecr:');
  return text
    .replaceAll('arn:aws:', 'arn:${AWS::Partition}:')
    .replaceAll(EXAMPLE_VALUES['AWS::AccountId'], '${AWS::AccountId}')
    .replaceAll(EXAMPLE_VALUES['AWS::Region'], '${AWS::Region}')
    .replaceAll(EXAMPLE_VALUES.ServiceName, ecr ? '${EcrRepository}' : '${ServiceName}')
    .replaceAll(EXAMPLE_VALUES.DbInstance, '${DbInstance}');
}

/** A policy document with every string that names something made a `Fn::Sub`. */
export function templatePolicy(value: Json): Json {
  if (typeof value === 'string') {
    const sub = parameterize(value);
    return sub === value ? value : { 'Fn::Sub': sub };
  }
  if (Array.isArray(value)) return value.map(templatePolicy);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'Version' ? v : templatePolicy(v)]),
    );
  return value;
}

const SUB = 'token.actions.githubusercontent.com:sub';
const trust = (context: 'environment' | 'main'): Json => {
  const tail = context === 'environment' ? 'environment:${Environment}' : 'ref:refs/heads/main';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: {
          Federated: {
            'Fn::Sub':
              'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com',
          },
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            [SUB]: {
              'Fn::If': [
                'ImmutableSubject',
                {
                  'Fn::Sub': `repo:\${GitHubOwner}@\${GitHubOwnerId}/\${GitHubRepository}@\${GitHubRepositoryId}:${tail}`,
                },
                { 'Fn::Sub': `repo:\${GitHubOwner}/\${GitHubRepository}:${tail}` },
              ],
            },
          },
        },
      },
    ],
  };
};

export function bootstrapTemplate(): Json {
  const policy = (file: string): Json =>
    JSON.parse(readFileSync(path.join(ROOT, 'docs', file), 'utf8')) as Json;
  const resources: Record<string, Json> = {
    GitHubOidcProvider: {
      Type: 'AWS::IAM::OIDCProvider',
      Condition: 'CreateProvider',
      Properties: {
        Url: 'https://token.actions.githubusercontent.com',
        ClientIdList: ['sts.amazonaws.com'],
        // GitHub's published thumbprints. IAM trusts GitHub's certificate authority itself and
        // ignores them, but older CloudFormation tooling still requires the list.
        ThumbprintList: [
          '6938fd4d98bab03faadb97b34396831e3780aea1',
          '1c58a3a8518e8759bf075b76b750d4f2df264fcd',
        ],
      },
    },
  };
  const outputs: Record<string, Json> = {};
  for (const role of ROLES) {
    resources[role.id] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: { 'Fn::Sub': `apprunner-ops-\${Environment}${role.suffix}` },
        Description: `apprunner-ops: ${role.what}; policy docs/${role.policy}`,
        AssumeRolePolicyDocument: trust(role.context),
        Policies: [
          {
            PolicyName: `apprunner-ops${role.suffix || '-deploy'}`,
            PolicyDocument: templatePolicy(policy(role.policy)),
          },
        ],
      },
    };
    outputs[`${role.id}Arn`] = {
      Description: `Set ${role.variable}`,
      Value: { 'Fn::GetAtt': [role.id, 'Arn'] },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'apprunner-ops roles for one environment of one service repository (generated from docs/*.json by scripts/generate-bootstrap.ts)',
    Parameters: {
      Environment: {
        Type: 'String',
        AllowedPattern: '^[A-Za-z0-9_-]+$',
        Description: 'GitHub environment and configuration name, e.g. production',
      },
      GitHubOwner: { Type: 'String', Description: 'owner of the service repository' },
      GitHubRepository: { Type: 'String', Description: 'name of the service repository' },
      SubjectForm: {
        Type: 'String',
        AllowedValues: ['immutable', 'classic'],
        Default: 'immutable',
        Description:
          "the form of the OIDC sub claim the repository gets (docs/setup.md §3); immutable is GitHub's default since July 2026",
      },
      GitHubOwnerId: {
        Type: 'String',
        Default: '',
        Description:
          "the owner's numeric id, for the immutable form: gh api repos/<owner>/<repo> --jq .owner.id",
      },
      GitHubRepositoryId: {
        Type: 'String',
        Default: '',
        Description:
          "the repository's numeric id, for the immutable form: gh api repos/<owner>/<repo> --jq .id",
      },
      ServiceName: { Type: 'String', Description: 'App Runner service name, e.g. drop-web' },
      EcrRepository: { Type: 'String', Description: 'ECR repository name, e.g. drop-web' },
      DbInstance: { Type: 'String', Description: 'RDS instance identifier, e.g. drop-db' },
      CreateOidcProvider: {
        Type: 'String',
        AllowedValues: ['true', 'false'],
        Default: 'true',
        Description:
          'false for every stack after the first in the account: the provider exists once',
      },
    },
    Conditions: {
      ImmutableSubject: { 'Fn::Equals': [{ Ref: 'SubjectForm' }, 'immutable'] },
      CreateProvider: { 'Fn::Equals': [{ Ref: 'CreateOidcProvider' }, 'true'] },
    },
    Resources: resources,
    Outputs: outputs,
  };
}

export function bootstrapText(): string {
  return `# Generated from docs/*.json by \`npx tsx scripts/generate-bootstrap.ts\` — do not edit.
# One stack per environment:
#   aws cloudformation deploy --template-file docs/aws/bootstrap.yml --capabilities CAPABILITY_NAMED_IAM \\
#     --stack-name apprunner-ops-production --parameter-overrides Environment=production \\
#     GitHubOwner=<owner> GitHubRepository=<repo> GitHubOwnerId=<id> GitHubRepositoryId=<id> \\
#     ServiceName=<service> EcrRepository=<repository> DbInstance=<instance> [CreateOidcProvider=false]
${stringify(bootstrapTemplate(), { lineWidth: 0 }).replace(/: (\d{4}-\d{2}-\d{2})$/gm, ": '$1'")}`;
  // Quoted: a YAML 1.1 reader (CloudFormation's tools) would read a bare 2010-09-09 as a date.
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(BOOTSTRAP_FILE, bootstrapText());
  console.log(`wrote ${path.relative(ROOT, BOOTSTRAP_FILE)}`);
}
