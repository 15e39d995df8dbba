/**
 * checks.yml, a reusable workflow: the routine checks of the caller's environments, called from
 * the caller's daily schedule. `schedule: due` (the default) runs the daily checks every day,
 * the weekly ones too on Mondays and the monthly ones too on the 1st (UTC), so one cron line in
 * the caller covers the three lists of the configuration.
 *
 * The jobs declare no GitHub environment: production's required reviewers would otherwise hold
 * every scheduled run for approval (with `deployment: false` they still gate the job). Each
 * environment's read-only role and region are repository variables named after it
 * (`<NAME>_OPS_ROLE_ARN`, `<NAME>_AWS_REGION`, docs/iam-policy-ops.json), and its read-only
 * database URL for `sql` checks the secret `<NAME>_OPS_DATABASE_URL`.
 *
 * Only the clean-up job deletes: it runs the `ecr-untagged` items with `delete: true` and
 * nothing else, with the environment's clean-up role (`<NAME>_CLEANUP_ROLE_ARN`,
 * docs/iam-policy-ecr-cleanup.json), and only for the environments that set that variable. The
 * checks jobs keep the read-only role and list what those items would delete (dry run).
 */
import { drillJobTimeoutMinutes } from '../core/drill/schema.js';
import { expr, run, suiteAction, thirdParty, type Job, type WorkflowSource } from './dsl.js';
import { UPLOAD_ARTIFACT } from './pins.js';
import {
  CALLED_SECRETS,
  COMMON_INPUTS,
  callerCheckout,
  databaseRunsOn,
  runnersJob,
  routineCredentials,
  suiteSteps,
} from './shared.js';

const runsOn = expr('inputs.runs-on');

/**
 * One matrix leg per environment and schedule due today, with the environment's role and
 * region read from the caller's repository variables. A missing variable is an error naming it,
 * before any check runs.
 */
const plan: Job = {
  name: 'plan the checks',
  'runs-on': runsOn,
  permissions: {},
  'timeout-minutes': 5,
  outputs: {
    legs: expr('steps.plan.outputs.legs'),
    monthly: expr('steps.plan.outputs.monthly'),
    cleanup: expr('steps.plan.outputs.cleanup'),
  },
  steps: [
    run(
      'Environments and schedules due',
      [
        'read -r -a names <<<"${ENVIRONMENTS//,/ }"',
        'if [ "${#names[@]}" -eq 0 ]; then',
        '  echo "::error::input environments is empty: list the environments whose checks run, separated by spaces"',
        '  exit 1',
        'fi',
        'case "$WHICH" in',
        '  due)',
        '    schedules=(daily)',
        '    [ "$(date -u +%u)" = 1 ] && schedules+=(weekly)',
        '    [ "$(date -u +%d)" = 01 ] && schedules+=(monthly)',
        '    ;;',
        '  daily | weekly | monthly) schedules=("$WHICH") ;;',
        '  *)',
        '    echo "::error::input schedule: \\"$WHICH\\" is not daily, weekly, monthly or due"',
        '    exit 1',
        '    ;;',
        'esac',
        'legs=()',
        'monthly=()',
        'cleanup=()',
        'for name in "${names[@]}"; do',
        '  if ! [[ $name =~ ^[A-Za-z0-9_.-]+$ ]]; then',
        '    echo "::error::input environments: \\"$name\\" is not an environment name (letters, digits, . _ -)"',
        '    exit 1',
        '  fi',
        "  prefix=\"$(tr '[:lower:]' '[:upper:]' <<<\"$name\" | tr -c 'A-Z0-9\\n' '_')\"",
        '  role=$(jq -r --arg v "${prefix}_OPS_ROLE_ARN" \'.[$v] // ""\' <<<"$VARS")',
        '  region=$(jq -r --arg v "${prefix}_AWS_REGION" \'.[$v] // ""\' <<<"$VARS")',
        '  for variable in "${prefix}_OPS_ROLE_ARN:$role" "${prefix}_AWS_REGION:$region"; do',
        '    if [ -z "${variable#*:}" ]; then',
        '      echo "::error::repository variable ${variable%%:*} is not set: the checks of $name need its read-only role and region (docs/setup.md)"',
        '      exit 1',
        '    fi',
        '  done',
        '  cleanup_role=$(jq -r --arg v "${prefix}_CLEANUP_ROLE_ARN" \'.[$v] // ""\' <<<"$VARS")',
        '  # Without a clean-up role no job may delete: ops-check refuses delete: true (no-role).',
        '  mode=no-role',
        '  [ -n "$cleanup_role" ] && mode=skip',
        '  for list in "${schedules[@]}"; do',
        '    if [ -n "$cleanup_role" ]; then',
        '      cleanup+=("$(jq -cn --arg environment "$name" --arg schedule "$list" --arg role "$cleanup_role" --arg region "$region" \'$ARGS.named\')")',
        '    fi',
        '    leg="$(jq -cn --arg environment "$name" --arg schedule "$list" --arg prefix "$prefix" --arg role "$role" --arg region "$region" --arg cleanup "$mode" \'$ARGS.named\')"',
        '    if [ "$list" = monthly ]; then monthly+=("$leg"); else legs+=("$leg"); fi',
        '  done',
        'done',
        'echo "checks today: ${schedules[*]} in ${names[*]}"',
        '{',
        '  echo "legs=$(printf \'%s\\n\' "${legs[@]}" | jq -cs .)"',
        '  echo "monthly=$(printf \'%s\\n\' "${monthly[@]}" | jq -cs .)"',
        '  echo "cleanup=$(printf \'%s\\n\' "${cleanup[@]}" | jq -cs .)"',
        '} >>"$GITHUB_OUTPUT"',
        '',
      ].join('\n'),
      {
        id: 'plan',
        env: {
          ENVIRONMENTS: expr('inputs.environments'),
          WHICH: expr('inputs.schedule'),
          VARS: expr('toJSON(vars)'),
        },
      },
    ),
  ],
};

/** One job per leg: the daily and weekly lists, or (own job, own timeout) the monthly one. */
function checksJob(legs: 'legs' | 'monthly', timeoutMinutes: number): Job {
  return {
    name: expr("format('{0} checks of {1}', matrix.schedule, matrix.environment)"),
    needs: ['plan', 'runners'],
    // A matrix of nothing is an error: the job runs only when a leg is due.
    if: `needs.plan.outputs.${legs} != '[]'`,
    // Every leg reports on its own: one red environment does not hide another's results.
    strategy: {
      matrix: { include: expr(`fromJSON(needs.plan.outputs.${legs})`) },
      'fail-fast': false,
    },
    // sql items and the drill's verification reach the database: on its runner where it has
    // access: runner.
    'runs-on': databaseRunsOn('matrix.environment'),
    // deployments: read — the ECR clean-up reads each environment's rollback targets.
    permissions: { contents: 'read', 'id-token': 'write', issues: 'write', deployments: 'read' },
    'timeout-minutes': timeoutMinutes,
    steps: [
      callerCheckout,
      ...suiteSteps,
      routineCredentials('read-only', expr('matrix.role'), expr('matrix.region')),
      suiteAction('ops-check', {
        id: 'checks',
        name: expr("format('Run the {0} checks of {1}', matrix.schedule, matrix.environment)"),
        with: {
          environment: expr('matrix.environment'),
          schedule: expr('matrix.schedule'),
          config: expr('inputs.config'),
          'github-token': expr('github.token'),
          'slack-webhook-url': expr('secrets.SLACK_WEBHOOK_URL'),
          'betterstack-token': expr('secrets.BETTERSTACK_TOKEN'),
          'audit-database-url': expr('secrets.AUDIT_DATABASE_URL'),
          // The checks that read a Fly environment's machines (service-running, service-env …).
          'fly-api-token': expr('secrets.FLY_API_TOKEN'),
          // Named after the environment, so only `secrets: inherit` can pass it.
          'database-url': expr("secrets[format('{0}_OPS_DATABASE_URL', matrix.prefix)]"),
          // The read-only role cannot delete: items with delete: true list what they would (skip),
          // or are an error where the environment has no clean-up role (no-role).
          cleanup: expr('matrix.cleanup'),
        },
      }),
      // A `report` item of the monthly list writes the ops report (Markdown and JSON) there.
      thirdParty(UPLOAD_ARTIFACT, {
        name: 'Upload the ops report',
        if: "always() && matrix.schedule == 'monthly'",
        with: {
          name: expr("format('ops-report-{0}-{1}', matrix.environment, github.run_id)"),
          path: 'apprunner-ops-report/',
          'if-no-files-found': 'ignore',
          'retention-days': 400,
        },
      }),
    ],
  };
}

/** A routine check that hangs must not hold a runner: each check has its own deadline. */
export const ROUTINE_JOB_MINUTES = 20;

const checks = checksJob('legs', ROUTINE_JOB_MINUTES);
/**
 * The monthly list holds the restore drill (snapshot-restore): its own job, whose timeout is
 * derived from the drill's deadlines, so the job never cuts the drill short and its post step
 * (which deletes the drill instance) runs inside GitHub's cancellation budget.
 */
const monthly = checksJob('monthly', drillJobTimeoutMinutes());

/**
 * The clean-up: the only job that assumes the clean-up role, and it runs only the items that
 * delete. It keeps no issue and sends no Slack message (the checks job of the same list does);
 * a failed clean-up is a red job.
 */
const cleanup: Job = {
  name: expr("format('ECR clean-up of {0} ({1} list)', matrix.environment, matrix.schedule)"),
  needs: ['plan'],
  if: "needs.plan.outputs.cleanup != '[]'",
  strategy: {
    matrix: { include: expr('fromJSON(needs.plan.outputs.cleanup)') },
    'fail-fast': false,
  },
  'runs-on': runsOn,
  // deployments: read — the clean-up keeps each environment's rollback targets.
  permissions: { contents: 'read', 'id-token': 'write', deployments: 'read' },
  'timeout-minutes': ROUTINE_JOB_MINUTES,
  steps: [
    callerCheckout,
    ...suiteSteps,
    routineCredentials('clean-up', expr('matrix.role'), expr('matrix.region')),
    suiteAction('ops-check', {
      id: 'cleanup',
      name: expr("format('Clean up ECR for {0}', matrix.environment)"),
      with: {
        environment: expr('matrix.environment'),
        schedule: expr('matrix.schedule'),
        config: expr('inputs.config'),
        'github-token': expr('github.token'),
        // ecr-untagged reads what a Fly environment's machines run before it deletes anything.
        'fly-api-token': expr('secrets.FLY_API_TOKEN'),
        cleanup: 'only',
      },
    }),
  ],
};

export const checksWorkflow: WorkflowSource = {
  file: 'checks.yml',
  source: 'workflows-src/checks.ts',
  workflow: {
    name: 'checks',
    on: {
      workflow_call: {
        inputs: {
          environments: {
            description:
              'Environments whose checks run, separated by spaces or commas (entries of the configuration).',
            type: 'string',
            required: true,
          },
          schedule: {
            description:
              'daily, weekly or monthly; due (default): daily, plus weekly on Mondays and monthly on the 1st (UTC).',
            type: 'string',
            required: false,
            default: 'due',
          },
          ...COMMON_INPUTS,
        },
        secrets: CALLED_SECRETS,
      },
    },
    permissions: {},
    jobs: {
      plan,
      runners: runnersJob(expr('inputs.environments')),
      checks,
      monthly,
      cleanup,
    },
  },
};
