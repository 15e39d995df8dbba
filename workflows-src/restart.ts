/**
 * restart.yml, a reusable workflow: the runbook's service restart procedure. A new deployment of
 * the image and configuration that run now (the deploy action's `mode: restart`), followed to
 * the platform's result and verified, with a reason that reaches the summary, Slack, the
 * deployment status and the audit log. The environment's required reviewers approve it, and
 * it queues with deploys and rollbacks of the same environment.
 */
import { expr, stepOutput, suiteAction, type WorkflowSource } from './dsl.js';
import { CALLED_SECRETS, COMMON_INPUTS, SECRETS, environmentJob, runnersJob } from './shared.js';

export const restart: WorkflowSource = {
  file: 'restart.yml',
  source: 'workflows-src/restart.ts',
  workflow: {
    name: 'restart',
    on: {
      workflow_call: {
        inputs: {
          environment: {
            description: 'Environment to restart (a GitHub environment of the caller).',
            type: 'string',
            required: true,
          },
          reason: {
            description:
              'Why: shown in the summary, Slack, the deployment status and the audit log.',
            type: 'string',
            required: true,
          },
          'dry-run': {
            description: 'Print the plan and change nothing.',
            type: 'boolean',
            required: false,
            default: false,
          },
          ...COMMON_INPUTS,
        },
        secrets: CALLED_SECRETS,
        outputs: {
          result: {
            description: 'restarted, planned or failed.',
            value: expr('jobs.restart.outputs.result'),
          },
        },
      },
    },
    permissions: {},
    jobs: {
      runners: runnersJob(expr('inputs.environment')),
      restart: environmentJob({
        database: true,
        name: expr("format('restart {0}', inputs.environment)"),
        permissions: { contents: 'read', 'id-token': 'write', deployments: 'write' },
        outputs: { result: expr(stepOutput('restart', 'deploy', 'result')) },
        action: suiteAction('deploy', {
          id: 'restart',
          name: 'Restart',
          with: {
            environment: expr('inputs.environment'),
            config: expr('inputs.config'),
            mode: 'restart',
            reason: expr('inputs.reason'),
            'dry-run': expr('inputs.dry-run == true'),
            'github-token': expr('github.token'),
            ...SECRETS,
          },
        }),
      }),
    },
  },
};
