/** Pieces the workflows share (deploy, rollback, restart, rotate, restore, go-live, checks, ops). */
import { environmentConcurrency } from './environments.js';
import {
  SUITE_DIR,
  expr,
  run,
  stepOutput,
  suiteAction,
  thirdParty,
  type Job,
  type Permissions,
  type Step,
  type WorkflowSecret,
} from './dsl.js';
import { CHECKOUT, CONFIGURE_AWS_CREDENTIALS } from './pins.js';

/**
 * AWS credentials by OIDC: no stored keys. AWS_ROLE_ARN and AWS_REGION are variables of the
 * job's GitHub environment, so each environment assumes its own role, whose trust policy
 * accepts only `repo:<owner>/<repo>:environment:<name>`.
 */
export const awsCredentials: Step = thirdParty(CONFIGURE_AWS_CREDENTIALS, {
  name: 'AWS credentials (OIDC)',
  with: {
    'role-to-assume': expr('vars.AWS_ROLE_ARN'),
    'aws-region': expr('vars.AWS_REGION'),
    'role-session-name': expr("format('apprunner-ops-{0}', github.run_id)"),
  },
});

/**
 * AWS credentials by OIDC for a routine job without a GitHub environment: the environment's
 * read-only role (the checks) or its clean-up role (the only one that deletes), each with its
 * own session name so CloudTrail tells them apart.
 */
export function routineCredentials(
  role: 'read-only' | 'clean-up',
  roleArn: string,
  region: string,
): Step {
  const session = role === 'read-only' ? 'checks' : 'cleanup';
  return thirdParty(CONFIGURE_AWS_CREDENTIALS, {
    name: `AWS credentials (OIDC, ${role} role)`,
    with: {
      'role-to-assume': roleArn,
      'aws-region': region,
      'role-session-name': expr(`format('apprunner-ops-${session}-{0}', github.run_id)`),
    },
  });
}

/** The calling repository: its configuration, its Dockerfile. */
export const callerCheckout: Step = thirdParty(CHECKOUT, {
  name: 'Check out the repository',
  with: { 'persist-credentials': false },
});

/**
 * A called workflow has no context naming its own repository or commit (actions/runner#2417),
 * and `uses: ./actions/…` inside it resolves against the CALLER's checkout. Its OIDC token
 * does name it: `job_workflow_ref` (owner/repo/.github/workflows/x.yml@ref) and
 * `job_workflow_sha` (the commit of that file). The job checks the suite out at exactly that
 * commit into SUITE_DIR and runs the actions from there (`suiteAction`), so the actions are
 * always the ones released with the workflow the caller pinned. Needs `id-token: write`,
 * which these jobs have for AWS anyway. Runs after the caller's checkout, which would clean
 * SUITE_DIR away.
 */
const findSuite: Step = run(
  "Find this suite's repository and commit",
  [
    'if [ -z "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ]; then',
    '  echo "::error::no OIDC token: the job calling this workflow must grant id-token: write"',
    '  exit 1',
    'fi',
    'response=$(curl -sSf --max-time 20 --retry 3 --retry-all-errors \\',
    '  -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" \\',
    '  "$ACTIONS_ID_TOKEN_REQUEST_URL&audience=apprunner-ops")',
    'token=$(jq -r .value <<<"$response")',
    'echo "::add-mask::$token"',
    '# The JWT payload is base64url without padding.',
    "payload=$(cut -d. -f2 <<<\"$token\" | tr '_-' '/+')",
    'case $((${#payload} % 4)) in 2) payload="$payload==" ;; 3) payload="$payload=" ;; esac',
    'claims=$(base64 -d <<<"$payload")',
    'workflow_ref=$(jq -r \'.job_workflow_ref // ""\' <<<"$claims")',
    'sha=$(jq -r \'.job_workflow_sha // ""\' <<<"$claims")',
    'repository=${workflow_ref%%/.github/workflows/*}',
    'if [ -z "$workflow_ref" ] || [ "$repository" = "$workflow_ref" ] || ! [[ $sha =~ ^[0-9a-f]{40}$ ]]; then',
    '  echo "::error::the OIDC token names no workflow commit (job_workflow_ref=\\"$workflow_ref\\", job_workflow_sha=\\"$sha\\")"',
    '  exit 1',
    'fi',
    'echo "apprunner-ops: $repository at $sha (${workflow_ref#*@})"',
    '{',
    '  echo "repository=$repository"',
    '  echo "sha=$sha"',
    '  echo "ref=${workflow_ref#*@}"',
    '} >>"$GITHUB_OUTPUT"',
    '',
  ].join('\n'),
  { id: 'suite' },
);

/** The suite's actions, at the commit of the called workflow, in SUITE_DIR. */
export const suiteSteps: readonly Step[] = [
  findSuite,
  thirdParty(CHECKOUT, {
    name: 'Check out the suite at that commit',
    with: {
      repository: expr('steps.suite.outputs.repository'),
      ref: expr('steps.suite.outputs.sha'),
      path: SUITE_DIR,
      'sparse-checkout': 'actions',
      'persist-credentials': false,
    },
  }),
];

/** Secrets go to the actions as inputs (which mask them); never through a run: block. */
export const SECRETS = {
  'slack-webhook-url': expr('secrets.SLACK_WEBHOOK_URL'),
  'betterstack-token': expr('secrets.BETTERSTACK_TOKEN'),
  'audit-database-url': expr('secrets.AUDIT_DATABASE_URL'),
  'fly-api-token': expr('secrets.FLY_API_TOKEN'),
} as const;

/** The secrets a calling repository passes (or `secrets: inherit`). All optional. */
export const CALLED_SECRETS: Record<string, WorkflowSecret> = {
  SLACK_WEBHOOK_URL: {
    description: 'Slack incoming webhook for deploy and rollback messages.',
    required: false,
  },
  BETTERSTACK_TOKEN: {
    description: 'BetterStack Uptime API token to pause monitors during the change.',
    required: false,
  },
  AUDIT_DATABASE_URL: {
    description: 'PostgreSQL URL of the database holding audit_log.',
    required: false,
  },
  FLY_API_TOKEN: {
    description: 'Fly.io deploy token of the environments whose target kind is fly.',
    required: false,
  },
};

/** Inputs every reusable workflow of the suite takes. */
export const COMMON_INPUTS = {
  config: {
    description: 'Path of the apprunner-ops configuration in the calling repository.',
    type: 'string',
    required: false,
    default: '.github/apprunner-ops.yml',
  },
  'runs-on': {
    description:
      "Runner label of every job (e.g. ubuntu-24.04, or a self-hosted label), except those reaching a database with access: runner, which run on that database's runner-label.",
    type: 'string',
    required: false,
    default: 'ubuntu-24.04',
  },
} as const;

/**
 * The first job of a reusable workflow whose jobs touch a database: it reads from the caller's
 * configuration which runner each environment's database jobs need (`database.access: runner`
 * with `runner-label`, docs/setup.md "Private databases") and outputs them as a JSON object,
 * e.g. {"production":"vpc-runner"}. The caller writes the label once, in the configuration;
 * `runs-on` stays the runner of every other job. `environments` is an expression naming the
 * environment(s), separated by spaces or commas.
 */
export function runnersJob(environments: string): Job {
  return {
    name: 'find the runners of the database jobs',
    'runs-on': expr('inputs.runs-on'),
    // The caller's checkout (its configuration) and the suite's, by the OIDC token.
    permissions: { contents: 'read', 'id-token': 'write' },
    'timeout-minutes': 5,
    outputs: { 'runs-on': expr(stepOutput('runners', 'deploy', 'runs-on')) },
    steps: [
      callerCheckout,
      ...suiteSteps,
      suiteAction('deploy', {
        id: 'runners',
        name: 'Read the runner of each database',
        with: { environment: environments, config: expr('inputs.config'), mode: 'runners' },
      }),
    ],
  };
}

/**
 * `runs-on` of a job that touches `environment`'s database (an expression such as
 * matrix.environment): its `runner-label` where the database has `access: runner`, else the
 * workflow's `runs-on`. The job needs `runners` (runnersJob).
 */
export const databaseRunsOn = (environment: string): string =>
  expr(`fromJSON(needs.runners.outputs.runs-on)[${environment}] || inputs.runs-on`);

/**
 * The job of a workflow that changes one environment of the caller (restart, rollback,
 * rotate): the environment's required reviewers approve it, the OIDC subject names it, the job
 * gets its secrets, and it queues with the environment's other changes. The action records
 * its own deployment or status, so the job makes none (`deployment: false`). Its steps:
 * `before` (checks of the request), the caller's checkout, the suite, AWS credentials, `action`.
 */
export function environmentJob(job: {
  name: string;
  permissions: Permissions;
  outputs: Record<string, string>;
  before?: readonly Step[];
  action: Step;
  /** Longer than the action's own deadlines, or the job's timeout makes a lost run. */
  timeoutMinutes?: number;
  /** The GitHub environment whose reviewers approve the job (default: inputs.environment). */
  environmentName?: string;
  /** The job's concurrency (default: the environment's queue, shared with deploys). */
  concurrency?: Job['concurrency'];
  /** The job touches the environment's database: it runs on that database's runner. */
  database?: boolean;
}): Job {
  return {
    name: job.name,
    ...(job.database ? { needs: ['runners'] } : {}),
    'runs-on': job.database ? databaseRunsOn('inputs.environment') : expr('inputs.runs-on'),
    environment: { name: job.environmentName ?? expr('inputs.environment'), deployment: false },
    concurrency: job.concurrency ?? environmentConcurrency(expr('inputs.environment')),
    permissions: job.permissions,
    'timeout-minutes': job.timeoutMinutes ?? 60,
    outputs: job.outputs,
    steps: [...(job.before ?? []), callerCheckout, ...suiteSteps, awsCredentials, job.action],
  };
}
