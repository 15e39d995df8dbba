/**
 * rotate.yml: "Run workflow" rotates one secret of one environment (or every due one) with a
 * reason; the environment's required reviewers approve it. A weekly schedule rotates what is
 * due in production. It shares deploy.yml's and rollback.yml's concurrency group: a rotation's
 * redeploy never overlaps a deploy or rollback of the same environment.
 */
import { ENVIRONMENTS, environmentConcurrency } from './environments.js';
import {
  expr,
  ourAction,
  stepOutput,
  thirdParty,
  type WorkflowInput,
  type WorkflowSource,
} from './dsl.js';
import { CHECKOUT } from './pins.js';
import { awsCredentials } from './shared.js';

const inputs = {
  environment: {
    description: 'Environment whose secret is rotated.',
    type: 'choice',
    required: true,
    options: ENVIRONMENTS.map((e) => e.name),
  },
  secret: {
    description:
      'A secret name from the configuration (e.g. JWT_SECRET), or "due" for every secret past rotate-every-days.',
    type: 'string',
    required: true,
    default: 'due',
  },
  reason: {
    description: 'Why: goes to the summary, Slack and the audit log.',
    type: 'string',
    required: true,
  },
} satisfies Record<string, WorkflowInput>;

/** Production is what the schedule rotates; a dispatch names its environment. */
const SCHEDULED_ENVIRONMENT = ENVIRONMENTS.find((e) => e.reviewers)?.name ?? ENVIRONMENTS[0]!.name;
const environment = expr(`inputs.environment || '${SCHEDULED_ENVIRONMENT}'`);

export const rotate: WorkflowSource = {
  file: 'rotate.yml',
  source: 'workflows-src/rotate.ts',
  workflow: {
    name: 'rotate',
    'run-name': expr(
      `format('rotate {0} in {1}', inputs.secret || 'due', inputs.environment || '${SCHEDULED_ENVIRONMENT}')`,
    ),
    on: {
      workflow_dispatch: { inputs },
      // Mondays 04:17 UTC: off the hour, when traffic is low.
      schedule: [{ cron: '17 4 * * 1' }],
    },
    permissions: {},
    jobs: {
      rotate: {
        name: expr(
          `format('rotate secrets of {0}', inputs.environment || '${SCHEDULED_ENVIRONMENT}')`,
        ),
        'runs-on': 'ubuntu-24.04',
        // Required reviewers approve the rotation; the OIDC subject names the environment.
        environment: { name: environment },
        concurrency: environmentConcurrency(environment),
        permissions: { contents: 'read', 'id-token': 'write', statuses: 'write' },
        'timeout-minutes': 60,
        outputs: {
          rotated: expr(stepOutput('rotate', 'rotate-secret', 'rotated')),
        },
        steps: [
          thirdParty(CHECKOUT, { with: { 'persist-credentials': false } }),
          awsCredentials,
          ourAction('rotate-secret', {
            id: 'rotate',
            name: 'Rotate',
            with: {
              environment,
              secret: expr("inputs.secret || 'due'"),
              reason: expr("inputs.reason || 'weekly schedule: rotate what is due'"),
              'github-token': expr('github.token'),
              'slack-webhook-url': expr('secrets.SLACK_WEBHOOK_URL'),
              'audit-database-url': expr('secrets.AUDIT_DATABASE_URL'),
            },
          }),
        ],
      },
    },
  },
};
