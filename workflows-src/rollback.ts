/**
 * rollback.yml, a reusable workflow: puts an earlier version back on one environment of the
 * caller, with a reason that reaches the summary, Slack and the audit log. Its concurrency
 * group is its own (rollbackConcurrency, queue: max): it never waits behind a deploy waiting
 * for approval, and is never dropped by a newer run.
 */
import { rollbackConcurrency } from './environments.js';
import { expr, run, stepOutput, suiteAction, type WorkflowSource } from './dsl.js';
import { CALLED_SECRETS, COMMON_INPUTS, SECRETS, environmentJob, runnersJob } from './shared.js';

export const rollback: WorkflowSource = {
  file: 'rollback.yml',
  source: 'workflows-src/rollback.ts',
  workflow: {
    name: 'rollback',
    on: {
      workflow_call: {
        inputs: {
          environment: {
            description: 'Environment to roll back (a GitHub environment of the caller).',
            type: 'string',
            required: true,
          },
          to: {
            description:
              'previous (the last good deployment), or a tag, a digest (sha256:…) or a GitHub deployment id.',
            type: 'string',
            required: false,
            default: 'previous',
          },
          reason: {
            description:
              'Why: shown in the summary, Slack, the deployment status and the audit log.',
            type: 'string',
            required: true,
          },
          'down-migration': {
            description:
              'Run the DOWN_MIGRATION_COMMAND variable of the environment before the image changes.',
            type: 'boolean',
            required: false,
            default: false,
          },
          'approval-environment': {
            description:
              "Break-glass: the GitHub environment whose rules approve this rollback instead of environment's (e.g. production-rollback, used only by rollback.yml; docs/setup.md §4). Slack and the audit log say who rolled back without a second approval, and why.",
            type: 'string',
            required: false,
            default: '',
          },
          ...COMMON_INPUTS,
        },
        secrets: CALLED_SECRETS,
        outputs: {
          result: {
            description: 'rolled-back, unchanged or failed.',
            value: expr('jobs.rollback.outputs.result'),
          },
        },
      },
    },
    permissions: {},
    jobs: {
      runners: runnersJob(expr('inputs.environment')),
      rollback: environmentJob({
        database: true,
        name: expr("format('roll back {0}', inputs.environment)"),
        // Required reviewers of the environment approve the rollback (or, break-glass, those of
        // approval-environment); its own concurrency group never waits behind a deploy waiting
        // for approval.
        environmentName: expr('inputs.approval-environment || inputs.environment'),
        concurrency: rollbackConcurrency(expr('inputs.environment')),
        permissions: { contents: 'read', 'id-token': 'write', deployments: 'write' },
        outputs: {
          result: expr(stepOutput('rollback', 'rollback', 'result')),
          image: expr(stepOutput('rollback', 'rollback', 'image')),
        },
        before: [
          run(
            'Check the down-migration request',
            [
              '# The command comes from an environment variable, never from an input.',
              'if [ "$DOWN_MIGRATION" = "true" ] && [ -z "$DOWN_MIGRATION_COMMAND" ]; then',
              '  echo "::error::down-migration was requested but the $ENVIRONMENT environment has no DOWN_MIGRATION_COMMAND variable"',
              '  exit 1',
              'fi',
              'echo "Rolling back $ENVIRONMENT to $TO"',
              '',
            ].join('\n'),
            {
              env: {
                ENVIRONMENT: expr('inputs.environment'),
                TO: expr('inputs.to'),
                DOWN_MIGRATION: expr('inputs.down-migration'),
                DOWN_MIGRATION_COMMAND: expr('vars.DOWN_MIGRATION_COMMAND'),
              },
            },
          ),
        ],
        action: suiteAction('rollback', {
          id: 'rollback',
          name: 'Roll back',
          with: {
            environment: expr('inputs.environment'),
            config: expr('inputs.config'),
            to: expr('inputs.to'),
            reason: expr('inputs.reason'),
            approval: expr(
              "inputs.approval-environment && format('break-glass GitHub environment {0}', inputs.approval-environment) || ''",
            ),
            'down-migration-command': expr(
              "inputs.down-migration && vars.DOWN_MIGRATION_COMMAND || ''",
            ),
            'github-token': expr('github.token'),
            ...SECRETS,
          },
        }),
      }),
    },
  },
};
