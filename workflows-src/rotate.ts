/**
 * rotate.yml, a reusable workflow: rotates one secret of one environment of the caller (or
 * every one that is due), with a reason. The environment's required reviewers approve it. It
 * shares deploy.yml's and rollback.yml's concurrency group (queue: max), so a rotation's
 * redeploy never overlaps a deploy or rollback of the same environment and is never dropped.
 * docs/setup.md shows the caller: "Run workflow" by hand, and a weekly schedule for what is due.
 */
import { actionDefaults } from '../cli/action-inputs.js';
import { rotationWorstCaseMs } from '../core/rotation/deadlines.js';
import { parseDuration } from '../core/util/duration.js';
import { expr, stepOutput, suiteAction, type WorkflowSource } from './dsl.js';
import { CALLED_SECRETS, COMMON_INPUTS, environmentJob, runnersJob } from './shared.js';

/** Checkout, setup and credentials before the rotation starts, with room to spare. */
const SETUP_MINUTES = 10;

/**
 * The job's timeout-minutes: one secret's worst case with rotate-secret's default deadlines
 * (read from its action.yml, where they live) plus setup. A job killed by its own timeout
 * would be a lost run, exactly what the deadlines exist to avoid.
 */
export function rotateTimeoutMinutes(): number {
  const d = actionDefaults('rotate-secret');
  const ms = (name: string): number => {
    const value = parseDuration(d[name] ?? '');
    if (value === undefined)
      throw new Error(`actions/rotate-secret/action.yml: input ${name} has no duration default`);
    return value;
  };
  const worst = rotationWorstCaseMs({
    operationTimeoutMs: ms('timeout'),
    verifyTimeoutMs: ms('verify-timeout'),
    loginTimeoutMs: ms('login-timeout'),
    passwordTimeoutMs: ms('password-timeout'),
  });
  return Math.ceil(worst / 60_000) + SETUP_MINUTES;
}

export const rotate: WorkflowSource = {
  file: 'rotate.yml',
  source: 'workflows-src/rotate.ts',
  workflow: {
    name: 'rotate',
    on: {
      workflow_call: {
        inputs: {
          environment: {
            description:
              'Environment whose secret is rotated (a GitHub environment of the caller).',
            type: 'string',
            required: true,
          },
          secret: {
            description:
              'A secret name from the configuration (e.g. JWT_SECRET), or "due" for every secret past rotate-every-days.',
            type: 'string',
            required: false,
            default: 'due',
          },
          reason: {
            description: 'Why: goes to the summary, Slack and the audit log.',
            type: 'string',
            required: true,
          },
          ...COMMON_INPUTS,
        },
        secrets: CALLED_SECRETS,
        outputs: {
          rotated: {
            description: 'Names of the secrets rotated, comma-separated.',
            value: expr('jobs.rotate.outputs.rotated'),
          },
        },
      },
    },
    permissions: {},
    jobs: {
      runners: runnersJob(expr('inputs.environment')),
      rotate: environmentJob({
        database: true,
        name: expr("format('rotate {0} in {1}', inputs.secret, inputs.environment)"),
        // The rotation records a commit status, not a deployment: the Deployments page keeps to
        // real deployments.
        permissions: { contents: 'read', 'id-token': 'write', statuses: 'write' },
        timeoutMinutes: rotateTimeoutMinutes(),
        outputs: {
          rotated: expr(stepOutput('rotate', 'rotate-secret', 'rotated')),
        },
        action: suiteAction('rotate-secret', {
          id: 'rotate',
          name: 'Rotate',
          with: {
            environment: expr('inputs.environment'),
            config: expr('inputs.config'),
            secret: expr('inputs.secret'),
            reason: expr('inputs.reason'),
            // The concurrency group rules out a second rotation of this environment, so an
            // unfinished one was left by a lost run: finish or undo it.
            unfinished: 'resume',
            'github-token': expr('github.token'),
            'slack-webhook-url': expr('secrets.SLACK_WEBHOOK_URL'),
            'audit-database-url': expr('secrets.AUDIT_DATABASE_URL'),
            // A Fly environment's redeploy restarts its machines with this token.
            'fly-api-token': expr('secrets.FLY_API_TOKEN'),
          },
        }),
      }),
    },
  },
};
