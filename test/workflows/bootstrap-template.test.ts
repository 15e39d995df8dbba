/**
 * docs/aws/bootstrap.yml: generated from the policies in docs/ (a change to one must reach
 * the template), each role's policy exactly that file once the stack's parameters are the
 * docs' example names, the trust conditions the OIDC subjects of both forms, and the whole
 * template valid against AWS's CloudFormation resource specification.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  BOOTSTRAP_FILE,
  bootstrapText,
  EXAMPLE_VALUES,
  ROLES,
} from '../../scripts/generate-bootstrap.js';
import { cfnSpecification, lintTemplate } from '../../scripts/lint-cloudformation.js';
import { oidcSubject } from '../../workflows-src/rehearse/oidc.js';

const ROOT = path.join(import.meta.dirname, '../..');
const committed = readFileSync(BOOTSTRAP_FILE, 'utf8');
const template = parse(committed) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed template, walked by key

/** Fn::Sub, Fn::If and Ref resolved with the given parameters and conditions. */
function resolve(
  value: unknown,
  params: Record<string, string>,
  conditions: Record<string, boolean>,
): unknown {
  if (Array.isArray(value)) return value.map((v) => resolve(v, params, conditions));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('Fn::Sub' in o)
      return String(o['Fn::Sub']).replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
        if (!(name in params)) throw new Error(`no value for \${${name}}`);
        return params[name]!;
      });
    if ('Fn::If' in o) {
      const [condition, yes, no] = o['Fn::If'] as [string, unknown, unknown];
      return resolve(conditions[condition] ? yes : no, params, conditions);
    }
    if ('Ref' in o) return params[String(o['Ref'])];
    return Object.fromEntries(
      Object.entries(o).map(([k, v]) => [k, resolve(v, params, conditions)]),
    );
  }
  return value;
}

const EXAMPLE = {
  ...EXAMPLE_VALUES,
  'AWS::Partition': 'aws',
  Environment: 'production',
  GitHubOwner: 'example',
  GitHubRepository: 'drop',
  GitHubOwnerId: '700000002',
  GitHubRepositoryId: '700000001',
};

describe('docs/aws/bootstrap.yml', () => {
  it('is what scripts/generate-bootstrap.ts makes of the policies in docs/ today', () => {
    expect(
      committed,
      'run npx tsx scripts/generate-bootstrap.ts and commit docs/aws/bootstrap.yml',
    ).toBe(bootstrapText());
  });

  it('gives each role exactly its policy from docs/, with the example names as parameters', () => {
    expect(Object.keys(template['Resources'])).toEqual([
      'GitHubOidcProvider',
      'DeployRole',
      'OpsRole',
      'CleanupRole',
      'GateRole',
      'RestoreRole',
    ]);
    for (const role of ROLES) {
      const policies = template['Resources'][role.id]['Properties']['Policies'] as {
        PolicyDocument: unknown;
      }[];
      expect(policies).toHaveLength(1);
      const documented = JSON.parse(
        readFileSync(path.join(ROOT, 'docs', role.policy), 'utf8'),
      ) as unknown;
      expect(resolve(policies[0]!.PolicyDocument, EXAMPLE, {}), role.policy).toEqual(documented);
    }
  });

  it('trusts the OIDC subject of the environment (deploy) or of main (checks, clean-up, gate), in either form', () => {
    for (const form of ['immutable', 'classic'] as const) {
      for (const role of ROLES) {
        const trust = resolve(
          template['Resources'][role.id]['Properties']['AssumeRolePolicyDocument'],
          EXAMPLE,
          {
            ImmutableSubject: form === 'immutable',
          },
        ) as { Statement: { Condition: { StringEquals: Record<string, string> } }[] };
        const expected = oidcSubject(
          form,
          { repository: 'example/drop', repositoryId: '700000001', ownerId: '700000002' },
          role.context === 'environment'
            ? { environment: 'production', ref: 'refs/heads/main' }
            : { ref: 'refs/heads/main' },
        );
        expect(trust.Statement[0]?.Condition.StringEquals).toEqual({
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': expected,
        });
      }
    }
    // The immutable policy of docs/ is the deploy role's trust in that form.
    const documented = JSON.parse(
      readFileSync(path.join(ROOT, 'docs/trust-policy.json'), 'utf8'),
    ) as {
      Statement: { Condition: unknown }[];
    };
    const deploy = resolve(
      template['Resources']['DeployRole']['Properties']['AssumeRolePolicyDocument'],
      EXAMPLE,
      {
        ImmutableSubject: true,
      },
    ) as { Statement: { Condition: unknown }[] };
    expect(deploy.Statement[0]?.Condition).toEqual(documented.Statement[0]?.Condition);
  });

  it('is valid against the CloudFormation resource specification, which catches a broken copy', () => {
    const spec = cfnSpecification();
    expect(lintTemplate(template, spec)).toEqual([]);
    const broken = structuredClone(template);
    broken['Resources']['GateRole']['Properties']['RoleNam'] = 'x';
    delete broken['Resources']['OpsRole']['Properties']['AssumeRolePolicyDocument'];
    broken['Resources']['DeployRole']['Properties']['RoleName'] = {
      'Fn::Sub': 'apprunner-ops-${Envronment}',
    };
    broken['Outputs']['GateRoleArn']['Value'] = { 'Fn::GetAtt': ['GateRole', 'Name'] };
    expect(lintTemplate(broken, spec)).toEqual([
      'Resources.DeployRole.Properties.RoleName: Fn::Sub variable ${Envronment} names nothing',
      'Resources.OpsRole.Properties.AssumeRolePolicyDocument: required by AWS::IAM::Role',
      'Resources.GateRole.Properties.RoleNam: not a property of AWS::IAM::Role',
      'Outputs.GateRoleArn.Value: AWS::IAM::Role has no attribute Name',
    ]);
  });
});
