/** Pieces deploy.yml and rollback.yml share. */
import { expr, thirdParty, type Step, type WorkflowSecret } from './dsl.js';
import { CONFIGURE_AWS_CREDENTIALS } from './pins.js';

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

/** Secrets go to the actions as inputs (which mask them); never through a run: block. */
export const SECRETS = {
  'slack-webhook-url': expr('secrets.SLACK_WEBHOOK_URL'),
  'betterstack-token': expr('secrets.BETTERSTACK_TOKEN'),
  'audit-database-url': expr('secrets.AUDIT_DATABASE_URL'),
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
};
