import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENTS, reviewersVariable } from '../../workflows-src/environments.js';
import { PINS } from '../../workflows-src/pins.js';
import { CALLED_SECRETS } from '../../workflows-src/shared.js';
import { policyActions, type PolicyDocument } from './iam-policy.js';
import { suiteIdentity } from '../../cli/suite.js';

const ROOT = path.join(import.meta.dirname, '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const setup = read('docs/setup.md');
const policy = JSON.parse(read('docs/iam-policy.json')) as PolicyDocument;
const trust = JSON.parse(read('docs/trust-policy.json')) as PolicyDocument;
const jsonBlocks = [...setup.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);

/** The AWS operations the actions call (issue 6); the sim's call log checks the code agrees. */
const SUITE_ACTIONS = [
  'apprunner:DescribeService',
  'apprunner:ListOperations',
  'apprunner:StartDeployment',
  'apprunner:UpdateService',
  'cloudwatch:GetMetricStatistics',
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:DescribeImages',
  'ecr:GetAuthorizationToken',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
  'rds:CreateDBSnapshot',
  'rds:DeleteDBSnapshot',
  'rds:DescribeDBInstances',
  'rds:DescribeDBSnapshots',
  'secretsmanager:DescribeSecret',
  'sts:GetCallerIdentity',
];

describe('docs/iam-policy.json', () => {
  it('grants exactly the operations the suite calls, and nothing else', () => {
    expect(policy.Version).toBe('2012-10-17');
    expect(policyActions(policy)).toEqual(SUITE_ACTIONS);
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow');
      for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
    }
  });

  it('scopes every action to resources, except those AWS cannot scope', () => {
    const unscoped = policy.Statement.filter((s) => [s.Resource].flat().includes('*'));
    expect(unscoped.flatMap((s) => [s.Action].flat()).sort()).toEqual([
      'cloudwatch:GetMetricStatistics',
      'ecr:GetAuthorizationToken',
      'sts:GetCallerIdentity',
    ]);
    for (const s of policy.Statement)
      for (const r of [s.Resource].flat()) if (r !== '*') expect(r).toContain(':123456789012:');
  });

  it('is the policy docs/setup.md shows, and the doc explains every action', () => {
    expect(jsonBlocks).toContain(read('docs/iam-policy.json'));
    // The ECS Express policies are linked, not shown.
    for (const file of ['iam-policy-ecs-express.json', 'iam-policy-ops-ecs-express.json'])
      expect(setup).toContain(`](${file})`);
    for (const action of SUITE_ACTIONS) {
      const [, name] = action.split(':') as [string, string];
      expect(setup, action).toMatch(new RegExp('`(' + action + '|' + name + ')`'));
    }
  });
});

describe('docs/trust-policy.json and trust-policy-classic.json', () => {
  const classic = JSON.parse(read('docs/trust-policy-classic.json')) as PolicyDocument;

  it('trust only GitHub OIDC tokens of one repository environment, immutable form first', () => {
    expect(jsonBlocks).toContain(read('docs/trust-policy.json'));
    expect(jsonBlocks).toContain(read('docs/trust-policy-classic.json'));
    expect(jsonBlocks.indexOf(read('docs/trust-policy.json'))).toBeLessThan(
      jsonBlocks.indexOf(read('docs/trust-policy-classic.json')),
    );
    for (const [policy, sub] of [
      [trust, 'repo:example@700000002/drop@700000001:environment:production'],
      [classic, 'repo:example/drop:environment:production'],
    ] as const) {
      expect(policy.Statement).toHaveLength(1);
      const [statement] = policy.Statement;
      expect(statement?.Principal).toEqual({
        Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com',
      });
      expect(statement?.Action).toBe('sts:AssumeRoleWithWebIdentity');
      // StringEquals, no wildcards: a branch, a pull request or another environment cannot match.
      expect(statement?.Condition).toEqual({
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': sub,
        },
      });
    }
  });
});

describe('the suite repository, written once', () => {
  it("every doc and example names package.json's repository and no other owner of apprunner-ops", () => {
    const repository = suiteIdentity().repository;
    const files = [
      'README.md',
      'CHANGELOG.md',
      'docs/setup.md',
      'workflows-src/README.md',
      ...readdirSync(path.join(ROOT, 'examples/caller/.github/workflows')).map(
        (f) => `examples/caller/.github/workflows/${f}`,
      ),
    ];
    for (const file of files) {
      const named = [
        ...read(file).matchAll(/(?<![\w./-])([\w-][\w.-]*)\/apprunner-ops(?![\w-]|\.[a-z])/g),
      ].map((m) => `${m[1]}/apprunner-ops`);
      for (const name of named) expect(name, file).toBe(repository);
    }
  });
});

describe('docs/setup.md', () => {
  const workflows = readdirSync(path.join(ROOT, '.github/workflows')).map((f) =>
    read(`.github/workflows/${f}`),
  );
  const used = (context: string): string[] => [
    ...new Set(
      workflows.flatMap((w) =>
        [...w.matchAll(new RegExp(`\\b${context}\\.([A-Z][A-Z0-9_]*)`, 'g'))].map(
          (m) => m[1] as string,
        ),
      ),
    ),
  ];

  it('documents every variable and secret the workflows read', () => {
    const names = [...used('vars'), ...used('secrets'), ...Object.keys(CALLED_SECRETS)];
    expect(names).toContain('AWS_ROLE_ARN');
    for (const name of names) expect(setup, name).toContain(`\`${name}\``);
  });

  it('names the environments, the reviewers variable and the paid-plan caveat', () => {
    for (const { name } of ENVIRONMENTS) expect(setup).toContain(`**${name}**`);
    for (const e of ENVIRONMENTS.filter((x) => x.reviewers))
      expect(setup).toContain(`\`${reviewersVariable(e.name)}\``);
    expect(setup).toContain('Required reviewers in private repositories need a paid plan');
    expect(setup).toContain('`environment:<name>`');
  });
});

describe('docs/setup.md for a caller in another repository', () => {
  const yamlBlocks = [...setup.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string);

  it('shows secrets: inherit and the explicit passing of every secret the workflows take', () => {
    expect(yamlBlocks.some((b) => b.includes('    secrets: inherit\n'))).toBe(true);
    const explicit = yamlBlocks.find((b) => b.trimStart().startsWith('secrets:'));
    expect(explicit?.trim().split('\n').slice(1)).toEqual(
      Object.keys(CALLED_SECRETS).map((name) => `  ${name}: \${{ secrets.${name} }}`),
    );
  });

  it('explains the choices: OIDC for the actions, deployment: false, queue: max, pins', () => {
    for (const text of [
      'job_workflow_sha',
      'actions/runner#2417',
      '`deployment: false`',
      'required\nreviewers and wait timers still apply',
      '`queue: max`',
      'npm run pin -- actions/checkout',
    ])
      expect(setup, text).toContain(text);
    for (const pin of PINS) expect(setup).toContain(`\`${pin.repo}\` ${pin.version}`);
  });

  it("points editors at the schema by a release tag's URL, a file the release serves", () => {
    const url = new RegExp(
      `https://raw\\.githubusercontent\\.com/${suiteIdentity().repository}/v${suiteIdentity().version.replace(/\./g, '\\.')}/(\\S+)`,
    ).exec(setup);
    expect(url?.[1]).toBe('schema/apprunner-ops.schema.json');
    expect(existsSync(path.join(ROOT, url?.[1] ?? ''))).toBe(true);
  });
});

describe('the IAM policies of docs/', () => {
  const safety = read('docs/data-safety.md');
  const policies = readdirSync(path.join(ROOT, 'docs')).filter(
    (f) => f.endsWith('.json') && f !== 'trust-policy.json',
  );

  it('setup.md links every policy (data-safety.md explains the drill and clean-up ones)', () => {
    for (const file of policies) expect(setup, file).toContain(`](${file})`);
    for (const file of [
      'iam-policy-ops-weekly.json',
      'iam-policy-ops-monthly.json',
      'iam-policy-ecr-cleanup.json',
    ])
      expect(safety, file).toContain(`](${file})`);
  });

  it('every policy a doc names exists', () => {
    for (const text of [setup, safety])
      for (const [, file] of text.matchAll(/\]\((?:docs\/)?([\w-]+\.json)\)/g))
        if (!file!.includes('schema'))
          expect(existsSync(path.join(ROOT, 'docs', file!)), file).toBe(true);
  });

  it('the routine role never deletes: BatchDeleteImage is only in the clean-up role', () => {
    const holders = policies.filter((f) =>
      policyActions(JSON.parse(read(`docs/${f}`)) as PolicyDocument).includes(
        'ecr:BatchDeleteImage',
      ),
    );
    expect(holders).toEqual(['iam-policy-ecr-cleanup.json']);
  });

  it('setup.md does not ask to make the gate a required status check of main', () => {
    expect(setup).not.toMatch(/Require status checks to pass" → add/);
    expect(setup).toContain('`apprunner-ops: go-live gate (<environment>)`');
  });
});

describe('the pin lines of docs/setup.md and examples/caller', () => {
  it("show a placeholder commit, never a SHA that looks real, in the release notes' form", async () => {
    const { releaseNotes } = await import('../../scripts/release.js');
    const { version, repository } = suiteIdentity();
    const placeholder = '0'.repeat(40);
    // The lines of this version's release notes, with the placeholder for its commit.
    const notes = releaseNotes(read('CHANGELOG.md'), version, repository, placeholder);
    const released = new Set([...notes.matchAll(/^uses: .*$/gm)].map((m) => m[0]));
    const files = [
      'docs/setup.md',
      ...readdirSync(path.join(ROOT, 'examples/caller/.github/workflows')).map(
        (f) => `examples/caller/.github/workflows/${f}`,
      ),
    ];
    let pins = 0;
    for (const file of files)
      for (const m of read(file).matchAll(/^\s*(uses: \S+\/\.github\/workflows\/\S+@.*)$/gm)) {
        expect(released, `${file}: ${m[1]}`).toContain(m[1]);
        pins++;
      }
    expect(pins).toBeGreaterThanOrEqual(6);
    // And the text says what to put in its place.
    expect(setup).toContain(`placeholder commit \`${placeholder}\``);
  });
});
