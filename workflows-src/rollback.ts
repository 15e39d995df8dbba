/**
 * rollback.yml: "Run workflow" puts an earlier version back on one environment, with a reason
 * that reaches the summary, Slack and the audit log. It shares deploy.yml's concurrency group,
 * so a rollback and a deploy of the same environment never overlap.
 */
import { ENVIRONMENTS, environmentConcurrency } from './environments.js';
import {
  expr,
  ourAction,
  run,
  stepOutput,
  thirdParty,
  type WorkflowInput,
  type WorkflowSource,
} from './dsl.js';
import { CHECKOUT } from './pins.js';
import { CALLED_SECRETS, SECRETS, awsCredentials } from './shared.js';

const inputs = {
  environment: {
    description: 'Environment to roll back.',
    type: 'choice',
    required: true,
    options: ENVIRONMENTS.map((e) => e.name),
  },
  to: {
    description:
      'previous (the last good deployment), or a tag, a digest (sha256:…) or a GitHub deployment id.',
    type: 'string',
    required: false,
    default: 'previous',
  },
  reason: {
    description: 'Why: shown in the summary, Slack, the deployment status and the audit log.',
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
} satisfies Record<string, WorkflowInput>;

// A called workflow gets a string where a dispatch offers a choice.
const { options: _options, ...environmentInput } = inputs.environment;
const calledInputs = { ...inputs, environment: { ...environmentInput, type: 'string' as const } };

export const rollback: WorkflowSource = {
  file: 'rollback.yml',
  source: 'workflows-src/rollback.ts',
  workflow: {
    name: 'rollback',
    'run-name': expr("format('rollback {0} to {1}', inputs.environment, inputs.to)"),
    on: {
      workflow_dispatch: { inputs },
      workflow_call: { inputs: calledInputs, secrets: CALLED_SECRETS },
    },
    permissions: {},
    jobs: {
      rollback: {
        name: expr("format('roll back {0}', inputs.environment)"),
        'runs-on': 'ubuntu-24.04',
        // Required reviewers of the environment approve the rollback, the OIDC subject names
        // it, and a called workflow gets its secrets only because the job declares it.
        environment: { name: expr('inputs.environment') },
        concurrency: environmentConcurrency(expr('inputs.environment')),
        permissions: { contents: 'read', 'id-token': 'write', deployments: 'write' },
        'timeout-minutes': 60,
        outputs: {
          result: expr(stepOutput('rollback', 'rollback', 'result')),
          image: expr(stepOutput('rollback', 'rollback', 'image')),
        },
        steps: [
          run(
            'Check the down-migration request',
            [
              '# The command comes from an environment variable, never from a dispatch input.',
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
          thirdParty(CHECKOUT, { with: { 'persist-credentials': false } }),
          awsCredentials,
          ourAction('rollback', {
            id: 'rollback',
            name: 'Roll back',
            with: {
              environment: expr('inputs.environment'),
              to: expr('inputs.to'),
              reason: expr('inputs.reason'),
              'down-migration-command': expr(
                "inputs.down-migration && vars.DOWN_MIGRATION_COMMAND || ''",
              ),
              'github-token': expr('github.token'),
              ...SECRETS,
            },
          }),
        ],
      },
    },
  },
};
