/**
 * restore.yml, a reusable workflow: restores one environment's database to a point in time (or
 * a snapshot) beside the current instance and verifies it (job `restore`, mode inspect); with
 * mode cut-over, a second job `cut-over` then swaps the instances by renaming. Both jobs run in
 * the environment, so its required reviewers approve each: the restore, then, after looking at
 * the side-by-side table, the cut-over. The cut-over job is given the time the first job
 * resolved (`latest` does not move between approvals) and adopts the instance it restored. Both
 * queue with the environment's deploys and rollbacks. docs/setup.md shows the caller.
 */
import {
  expr,
  run,
  stepOutput,
  suiteAction,
  type Job,
  type Step,
  type WorkflowSource,
} from './dsl.js';
import {
  CALLED_SECRETS,
  COMMON_INPUTS,
  SECRETS,
  awsCredentials,
  environmentJob,
  runnersJob,
} from './shared.js';

/** Restore (60m default deadline), forensics snapshot, two renames, verification, setup. */
const RESTORE_TIMEOUT_MINUTES = 150;

/**
 * The environment's restore role (docs/iam-policy-restore.json, the bootstrap's RestoreRole)
 * when its GitHub environment names one in RESTORE_AWS_ROLE_ARN; else its one role.
 */
const restoreCredentials: Step = {
  ...awsCredentials,
  name: 'AWS credentials (OIDC, restore role)',
  with: {
    ...awsCredentials.with,
    'role-to-assume': expr('vars.RESTORE_AWS_ROLE_ARN || vars.AWS_ROLE_ARN'),
  },
};

const withRestoreRole = (job: Job): Job => ({
  ...job,
  steps: job.steps.map((step) => (step === awsCredentials ? restoreCredentials : step)),
});

const restoreWith = (mode: string, to: string) => ({
  environment: expr('inputs.environment'),
  config: expr('inputs.config'),
  to,
  mode,
  reason: expr('inputs.reason'),
  'database-url': expr('secrets.DATABASE_URL'),
  'betterstack-token': SECRETS['betterstack-token'],
  'audit-database-url': SECRETS['audit-database-url'],
});

export const restoreWorkflow: WorkflowSource = {
  file: 'restore.yml',
  source: 'workflows-src/restore.ts',
  workflow: {
    name: 'restore',
    on: {
      workflow_call: {
        inputs: {
          environment: {
            description:
              'Environment whose database is restored (a GitHub environment of the caller).',
            type: 'string',
            required: true,
          },
          to: {
            description:
              'An ISO 8601 time with a zone inside the restore window (2026-12-06T09:30:00Z), latest, or a snapshot id of the instance.',
            type: 'string',
            required: true,
          },
          mode: {
            description:
              'inspect: restore beside the current instance and verify. cut-over: then, after a second approval, swap the instances by renaming.',
            type: 'string',
            required: false,
            default: 'inspect',
          },
          reason: {
            description: 'Why (incident, ticket): goes to the summary and the audit log.',
            type: 'string',
            required: true,
          },
          'dry-run': {
            description:
              'Check against AWS and print the plan; change nothing (not with cut-over).',
            type: 'boolean',
            required: false,
            default: false,
          },
          ...COMMON_INPUTS,
        },
        secrets: {
          ...CALLED_SECRETS,
          DATABASE_URL: {
            description:
              'A DATABASE_URL whose user runs the restore.verify queries on both instances (host and port are replaced).',
            required: false,
          },
        },
        outputs: {
          'restored-instance': {
            description: 'The restored instance (inspect), or the original name after a cut-over.',
            value: expr(
              'jobs.cut-over.outputs.restored-instance || jobs.restore.outputs.restored-instance',
            ),
          },
          'replaced-instance': {
            description: 'The former instance after a cut-over, kept: <name>-replaced-<time>.',
            value: expr('jobs.cut-over.outputs.replaced-instance'),
          },
        },
      },
    },
    permissions: {},
    jobs: {
      runners: runnersJob(expr('inputs.environment')),
      restore: withRestoreRole(
        environmentJob({
          database: true,
          name: expr("format('restore {0} database to {1}', inputs.environment, inputs.to)"),
          permissions: { contents: 'read', 'id-token': 'write' },
          timeoutMinutes: RESTORE_TIMEOUT_MINUTES,
          outputs: {
            'restore-to': expr(stepOutput('restore', 'restore-database', 'restore-to')),
            'restored-instance': expr(
              stepOutput('restore', 'restore-database', 'restored-instance'),
            ),
          },
          before: [
            run(
              'Check the request',
              [
                '# Refused before anything is restored, not in the second job.',
                'if [ "$MODE" != "inspect" ] && [ "$MODE" != "cut-over" ]; then',
                '  echo "::error::mode must be inspect or cut-over, not $MODE"',
                '  exit 1',
                'fi',
                'if [ "$MODE" = "cut-over" ] && [ "$DRY_RUN" = "true" ]; then',
                '  echo "::error::a cut-over cannot be a dry run: run mode inspect with dry-run to see the plan"',
                '  exit 1',
                'fi',
                '',
              ].join('\n'),
              { env: { MODE: expr('inputs.mode'), DRY_RUN: expr('inputs.dry-run') } },
            ),
          ],
          action: suiteAction('restore-database', {
            id: 'restore',
            name: 'Restore beside the current instance and verify',
            with: {
              ...restoreWith('inspect', expr('inputs.to')),
              'dry-run': expr('inputs.dry-run'),
            },
          }),
        }),
      ),
      'cut-over': {
        ...withRestoreRole(
          environmentJob({
            database: true,
            name: expr("format('cut over {0} database', inputs.environment)"),
            permissions: { contents: 'read', 'id-token': 'write' },
            timeoutMinutes: RESTORE_TIMEOUT_MINUTES,
            outputs: {
              'restored-instance': expr(
                stepOutput('cut-over', 'restore-database', 'restored-instance'),
              ),
              'replaced-instance': expr(
                stepOutput('cut-over', 'restore-database', 'replaced-instance'),
              ),
            },
            action: suiteAction('restore-database', {
              id: 'cut-over',
              name: 'Cut over: rename the current instance away and the restored one to its name',
              with: restoreWith('cut-over', expr('needs.restore.outputs.restore-to')),
            }),
          }),
        ),
        needs: ['runners', 'restore'],
        if: "inputs.mode == 'cut-over' && !inputs.dry-run",
      },
    },
  },
};
