/**
 * ops-daily.yml, ops-weekly.yml and ops-monthly.yml: the runbook's routine checks on a
 * schedule (and by hand), one job per configured environment, each with a read-only AWS role
 * (docs/iam-policy-ops.json). A red run opens or updates one GitHub issue per environment and
 * schedule, so the jobs may write issues and nothing else.
 *
 * The jobs declare no GitHub environment: production's required reviewers would otherwise
 * hold every scheduled run for approval. The read-only role and the database URL of each
 * environment are repository variables and secrets named after it, and the role's trust
 * policy accepts the default branch (docs/setup.md).
 *
 * Only the clean-up job of an environment deletes: it assumes the clean-up role
 * (`<NAME>_CLEANUP_ROLE_ARN`, docs/iam-policy-ecr-cleanup.json), runs only the `ecr-untagged`
 * items with `delete: true`, and runs only when that variable is set. The checks jobs keep the
 * read-only role and list what those items would delete (dry run).
 */
import { cleanupRoleVariable } from '../core/checks/cleanup-role.js';
import { drillJobTimeoutMinutes } from '../core/drill/schema.js';
import { ENVIRONMENTS } from './environments.js';
import { expr, ourAction, thirdParty, type Job, type WorkflowSource } from './dsl.js';
import { CHECKOUT, UPLOAD_ARTIFACT } from './pins.js';
import { routineCredentials } from './shared.js';

type Schedule = 'daily' | 'weekly' | 'monthly';

/** 06:00 UTC every day; Mondays; the 1st of the month. */
export const OPS_CRONS: Record<Schedule, string> = {
  daily: '0 6 * * *',
  weekly: '0 6 * * 1',
  monthly: '0 6 1 * *',
};

const upper = (environment: string): string => environment.toUpperCase().replace(/[^A-Z0-9]/g, '_');
/** Repository variable holding the environment's read-only role for the checks. */
export const opsRoleVariable = (environment: string): string =>
  `${upper(environment)}_OPS_ROLE_ARN`;
export const opsRegionVariable = (environment: string): string =>
  `${upper(environment)}_AWS_REGION`;
/** Repository variable holding the environment's clean-up role (the only one that deletes). */
export { cleanupRoleVariable };
/** Repository secret with a read-only PostgreSQL URL for the environment's sql checks. */
export const opsDatabaseSecret = (environment: string): string =>
  `${upper(environment)}_OPS_DATABASE_URL`;

function checkJob(schedule: Schedule, environment: string): Job {
  return {
    name: `${schedule} checks of ${environment}`,
    'runs-on': 'ubuntu-24.04',
    permissions: { contents: 'read', 'id-token': 'write', issues: 'write', deployments: 'read' },
    // A routine check that hangs must not hold a runner: each check has its own deadline. The
    // monthly list holds the restore drill, whose deadlines the job's timeout is derived from.
    'timeout-minutes': schedule === 'monthly' ? drillJobTimeoutMinutes() : 20,
    steps: [
      thirdParty(CHECKOUT, { with: { 'persist-credentials': false } }),
      routineCredentials(
        'read-only',
        expr(`vars.${opsRoleVariable(environment)}`),
        expr(`vars.${opsRegionVariable(environment)}`),
      ),
      ourAction('ops-check', {
        id: 'checks',
        name: `Run the ${schedule} checks of ${environment}`,
        with: {
          environment,
          schedule,
          'github-token': expr('github.token'),
          'slack-webhook-url': expr('secrets.SLACK_WEBHOOK_URL'),
          'betterstack-token': expr('secrets.BETTERSTACK_TOKEN'),
          'audit-database-url': expr('secrets.AUDIT_DATABASE_URL'),
          'database-url': expr(`secrets.${opsDatabaseSecret(environment)}`),
          // The read-only role cannot delete: items with delete: true list what they would, and
          // are an error where no clean-up role is set (no job would ever delete).
          cleanup: expr(`vars.${cleanupRoleVariable(environment)} != '' && 'skip' || 'no-role'`),
        },
      }),
      // A `report` item writes the ops report (Markdown and JSON) there; kept a year and more.
      ...(schedule === 'monthly'
        ? [
            thirdParty(UPLOAD_ARTIFACT, {
              name: 'Upload the ops report',
              if: 'always()',
              with: {
                name: expr(`format('ops-report-${environment}-{0}', github.run_id)`),
                path: 'apprunner-ops-report/',
                'if-no-files-found': 'ignore',
                'retention-days': 400,
              },
            }),
          ]
        : []),
    ],
  };
}

/** The clean-up of one environment: the only job with its clean-up role; no issue, no Slack. */
function cleanupJob(schedule: Schedule, environment: string): Job {
  return {
    name: `ECR clean-up of ${environment} (${schedule} list)`,
    if: `vars.${cleanupRoleVariable(environment)} != ''`,
    'runs-on': 'ubuntu-24.04',
    // deployments: read — the clean-up keeps each environment's rollback targets.
    permissions: { contents: 'read', 'id-token': 'write', deployments: 'read' },
    'timeout-minutes': 20,
    steps: [
      thirdParty(CHECKOUT, { with: { 'persist-credentials': false } }),
      routineCredentials(
        'clean-up',
        expr(`vars.${cleanupRoleVariable(environment)}`),
        expr(`vars.${opsRegionVariable(environment)}`),
      ),
      ourAction('ops-check', {
        id: 'cleanup',
        name: `Clean up ECR for ${environment}`,
        with: {
          environment,
          schedule,
          'github-token': expr('github.token'),
          cleanup: 'only',
        },
      }),
    ],
  };
}

function opsWorkflow(schedule: Schedule): WorkflowSource {
  const jobs: Record<string, Job> = {};
  for (const { name } of ENVIRONMENTS) {
    jobs[`checks-${name}`] = checkJob(schedule, name);
    jobs[`cleanup-${name}`] = cleanupJob(schedule, name);
  }
  return {
    file: `ops-${schedule}.yml`,
    source: 'workflows-src/ops.ts',
    workflow: {
      name: `ops ${schedule}`,
      on: { schedule: [{ cron: OPS_CRONS[schedule] }], workflow_dispatch: null },
      permissions: {},
      jobs,
    },
  };
}

export const opsDaily = opsWorkflow('daily');
export const opsWeekly = opsWorkflow('weekly');
export const opsMonthly = opsWorkflow('monthly');
