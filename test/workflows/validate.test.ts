import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHECKS,
  formatFinding,
  lintWorkflows,
  type CheckName,
  type Finding,
} from '../../workflows-src/validate/index.js';
import { itWithTools } from '../helpers/tools.js';

const ROOT = path.join(import.meta.dirname, '../..');
const FIXTURES = path.join(import.meta.dirname, 'fixtures');

const read = (dir: string, name: string, shown: string) => ({
  file: shown,
  text: readFileSync(path.join(dir, name), 'utf8'),
});
const workflowNames = readdirSync(path.join(ROOT, '.github/workflows')).filter((n) =>
  n.endsWith('.yml'),
);
const realWorkflows = workflowNames.map((n) =>
  read(path.join(ROOT, '.github/workflows'), n, `.github/workflows/${n}`),
);
const fixture = (name: string) => read(FIXTURES, name, name);

/** Compact form of a finding for exact comparisons. */
const brief = (f: Finding): string => formatFinding(f);

describe('the generated workflows', () => {
  it('are checks, ci, deploy, go-live, the ops schedules, release, restart, restore, rollback and rotate', () => {
    expect(workflowNames.sort()).toEqual([
      'checks.yml',
      'ci.yml',
      'deploy.yml',
      'go-live.yml',
      'ops-daily.yml',
      'ops-monthly.yml',
      'ops-weekly.yml',
      'release.yml',
      'restart.yml',
      'restore.yml',
      'rollback.yml',
      'rotate.yml',
    ]);
  });

  itWithTools(['shellcheck'], 'pass every check', async () => {
    const findings = await lintWorkflows(realWorkflows);
    expect(findings.map(brief)).toEqual([]);
  });
});

/**
 * Each check, proven by a fixture that breaks it. `alsoFlaggedBy` names the other checks the
 * same mistake trips (the two schema validators overlap on purpose); every other check must be
 * silent, so each fixture breaks what it claims and nothing else.
 */
const cases: {
  check: CheckName;
  fixture: string;
  expected: string[];
  alsoFlaggedBy?: CheckName[];
}[] = [
  {
    check: 'actionlint',
    fixture: 'actionlint.yml',
    expected: [
      'actionlint.yml:13: [actionlint] job "report" needs job "biuld" which does not exist in this workflow [job-needs]',
    ],
    alsoFlaggedBy: ['workflow-parser'],
  },
  {
    check: 'workflow-parser',
    fixture: 'workflow-parser.yml',
    expected: ["workflow-parser.yml:13: [workflow-parser] Unexpected value 'timeout'"],
    alsoFlaggedBy: ['actionlint'],
  },
  {
    check: 'local-action-inputs',
    fixture: 'local-action-inputs.yml',
    expected: [
      'local-action-inputs.yml:19: [local-action-inputs] job deploy, step deploy: required input "environment" of actions/deploy is missing',
      expect.stringMatching(
        /^local-action-inputs\.yml:21: \[local-action-inputs\] job deploy, step deploy: input "image-tag" is not declared by actions\/deploy\/action\.yml; declared: config, environment, image, /,
      ) as unknown as string,
      'local-action-inputs.yml:23: [local-action-inputs] job deploy, step Notify: actions/notify/action.yml does not exist',
    ],
  },
  {
    check: 'shellcheck',
    fixture: 'shellcheck.yml',
    expected: [
      'shellcheck.yml:17: [shellcheck] job report, step Greet: SC2086 (info): Double quote to prevent globbing and word splitting.',
    ],
  },
  {
    check: 'pinned-actions',
    fixture: 'pinned-actions.yml',
    expected: [
      'pinned-actions.yml:12: [pinned-actions] job build, step #1: actions/checkout@v4 is not pinned to a full commit SHA (a tag or branch can be moved)',
      'pinned-actions.yml:14: [pinned-actions] job build, step Node: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 has no version comment (write "# vX.Y.Z" after the SHA)',
    ],
  },
  {
    check: 'job-permissions',
    fixture: 'job-permissions.yml',
    expected: [
      'job-permissions.yml:5: [job-permissions] job no-permissions: no permissions: (the token would get the repository default)',
      'job-permissions.yml:12: [job-permissions] job everything: permissions: write-all is not minimal; list each scope',
      'job-permissions.yml:19: [job-permissions] job needless-write: contents: write is not needed by any step of this job',
      'job-permissions.yml:26: [job-permissions] job oidc-without-id-token: id-token: write is missing; aws-actions/configure-aws-credentials (OIDC) needs it',
    ],
  },
  {
    check: 'job-timeout',
    fixture: 'job-timeout.yml',
    expected: [
      'job-timeout.yml:6: [job-timeout] job forever: no timeout-minutes (the default is 360)',
    ],
  },
  {
    check: 'expressions-in-run',
    fixture: 'expressions-in-run.yml',
    expected: [
      'expressions-in-run.yml:21: [expressions-in-run] job report, step Reason: run: expands ${{ inputs.reason }}; pass inputs.reason through env: and quote "$VAR"',
      'expressions-in-run.yml:23: [expressions-in-run] job report, step Sender: run: expands ${{ github.event.sender.login }}; pass github.event.sender.login through env: and quote "$VAR"',
      'expressions-in-run.yml:25: [expressions-in-run] job report, step Secret: run: expands ${{ secrets.SLACK_WEBHOOK_URL }}; pass secrets.SLACK_WEBHOOK_URL through env: and quote "$VAR"',
    ],
  },
  {
    check: 'production-environment',
    fixture: 'production-environment.yml',
    expected: [
      'production-environment.yml:6: [production-environment] job rollback: runs deploy/rollback without environment: (no reviewers, no environment OIDC subject or secrets)',
    ],
  },
  {
    check: 'deploy-concurrency',
    fixture: 'deploy-concurrency.yml',
    expected: [
      'deploy-concurrency.yml:11: [deploy-concurrency] job cancelling: cancel-in-progress must be false: cancelling a deploy leaves App Runner mid-operation',
      'deploy-concurrency.yml:22: [deploy-concurrency] job unqueued: no concurrency: { group, cancel-in-progress: false }',
      'deploy-concurrency.yml:37: [deploy-concurrency] job dropping: queue: max is missing: by default a newer run cancels the pending one, so a waiting rollback could be dropped',
      'deploy-concurrency.yml:52: [deploy-concurrency] job rotating: queue: max is missing: by default a newer run cancels the pending one, so a waiting rollback could be dropped',
    ],
  },
  {
    check: 'reusable-local-actions',
    fixture: 'reusable-local-actions.yml',
    expected: [
      "reusable-local-actions.yml:15: [reusable-local-actions] job caller-relative, step smoke: ./actions/smoke-test in a reusable workflow resolves against the caller's checkout, which has no actions/; check the suite out first (suiteSteps) and use ./.apprunner-ops/actions/<name>",
      "reusable-local-actions.yml:29: [reusable-local-actions] job own-checkout, step tool: ./tools/smoke in a reusable workflow resolves against the caller's checkout, which has no tools/; check the suite out first (suiteSteps) and use ./.apprunner-ops/actions/<name>",
    ],
  },
];

describe.each(cases)('check $check', ({ check, fixture: name, expected, alsoFlaggedBy = [] }) => {
  const itCheck = (title: string, uses: CheckName[], fn: () => Promise<void>): void =>
    uses.includes('shellcheck') ? itWithTools(['shellcheck'], title, fn) : void it(title, fn);
  itCheck(`finds exactly what ${name} breaks`, [check], async () => {
    const findings = await lintWorkflows([fixture(name)], { checks: [check] });
    expect(findings.map(brief)).toEqual(expected);
  });

  const others = CHECKS.filter((c) => c !== check && !alsoFlaggedBy.includes(c));
  itCheck(`is the only check ${name} breaks`, others, async () => {
    const findings = await lintWorkflows([fixture(name)], { checks: others });
    expect(findings.map(brief)).toEqual([]);
  });
});

it('every check has a fixture', () => {
  expect(cases.map((c) => c.check).sort()).toEqual([...CHECKS].sort());
});

describe('actionlint and keys newer than it', () => {
  const withKeys = (queue: string, deployment: string) =>
    [
      'name: newer-keys',
      'on: workflow_dispatch',
      'permissions: {}',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-24.04',
      '    permissions: {}',
      '    timeout-minutes: 5',
      '    environment:',
      '      name: staging',
      `      ${deployment}`,
      '    concurrency:',
      '      group: apprunner-ops-staging',
      '      cancel-in-progress: false',
      `      ${queue}`,
      '    steps:',
      '      - run: echo deploying',
      '',
    ].join('\n');
  const lint = (text: string) =>
    lintWorkflows([{ file: 'newer.yml', text }], { checks: ['actionlint', 'workflow-parser'] });

  it('accepts queue: max and deployment: false (GitHub 2026), which actionlint 1.7 does not know', async () => {
    expect((await lint(withKeys('queue: max', 'deployment: false'))).map(brief)).toEqual([]);
  });

  it('still reports a misspelt key and a wrong value in those sections', async () => {
    expect((await lint(withKeys('queues: max', 'deployment: nope'))).map(brief)).toEqual([
      "newer.yml:11: [workflow-parser] Unexpected value 'nope'",
      'newer.yml:15: [actionlint] unexpected key "queues" for "concurrency" section. expected one of "cancel-in-progress", "group" [syntax-check]',
      "newer.yml:15: [workflow-parser] Unexpected value 'queues'",
    ]);
  });
});
