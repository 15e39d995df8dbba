/**
 * go-live.yml, a reusable workflow: launches an environment of the caller the way the go-live
 * runbook does ("Run workflow" in the caller of docs/setup.md §7).
 * 1. gate: the compliance-gate action runs gates.go-live read-only and uploads the evidence.
 * 2. launch (needs the gate; the environment's required reviewers approve it): the deploy
 *    action takes the pre-launch snapshot (<instance>-pre-launch-YYYYMMDD-HHMM), deploys with
 *    the launch's variable changes in the same UpdateService and verifies; then a status-page
 *    report and a Slack launch message.
 * 3. watch: gates.post-launch (the daily checks, error rate, p99 latency) every 30 minutes for
 *    four hours; each failing round alerts Slack; the job ends by itself.
 */
import { environmentConcurrency } from './environments.js';
import {
  expr,
  run,
  stepOutput,
  suiteAction,
  thirdParty,
  type Job,
  type Step,
  type WorkflowInput,
  type WorkflowSource,
} from './dsl.js';
import { UPLOAD_ARTIFACT } from './pins.js';
import {
  CALLED_SECRETS,
  COMMON_INPUTS,
  SECRETS,
  awsCredentials,
  callerCheckout,
  databaseRunsOn,
  runnersJob,
  suiteSteps,
} from './shared.js';

const inputs = {
  environment: {
    description: 'Environment to launch (a GitHub environment of the caller).',
    type: 'string',
    required: true,
  },
  image: {
    description: 'Image to launch: a tag, a digest or a full ECR URI.',
    type: 'string',
    required: false,
    default: 'production',
  },
  'dry-run': {
    description: 'Run the gate and print the launch plan; change nothing.',
    type: 'boolean',
    required: false,
    default: false,
  },
  ...COMMON_INPUTS,
} satisfies Record<string, WorkflowInput>;

/** The caller's configuration, then the suite's actions at the commit of this workflow. */
const checkout: Step[] = [callerCheckout, ...suiteSteps];
/** Every job reads the environment's database (sql items, audit log): on its runner. */
const runsOn = databaseRunsOn('inputs.environment');
const environment = expr('inputs.environment');

/** The gate only reads: a read-only role of the repository (no environment, so no approval yet). */
const gateCredentials: Step = {
  ...awsCredentials,
  name: 'AWS credentials (OIDC, read-only gate role)',
  with: { ...awsCredentials.with, 'role-to-assume': expr('vars.GATE_AWS_ROLE_ARN') },
};

const gateSecrets = {
  'github-token': expr('github.token'),
  'slack-webhook-url': expr('secrets.SLACK_WEBHOOK_URL'),
  'betterstack-token': expr('secrets.BETTERSTACK_TOKEN'),
  'database-url': expr('secrets.GATE_DATABASE_URL'),
} as const;

const gate: Job = {
  name: expr("format('go-live gate ({0})', inputs.environment)"),
  needs: ['runners'],
  'runs-on': runsOn,
  permissions: { contents: 'read', 'id-token': 'write', checks: 'write', statuses: 'read' },
  'timeout-minutes': 15,
  outputs: {
    passed: expr(stepOutput('gate', 'compliance-gate', 'passed')),
    waived: expr(stepOutput('gate', 'compliance-gate', 'waived')),
  },
  steps: [
    ...checkout,
    gateCredentials,
    suiteAction('compliance-gate', {
      id: 'gate',
      name: 'Go-live gate',
      with: { environment, config: expr('inputs.config'), gate: 'go-live', ...gateSecrets },
    }),
    thirdParty(UPLOAD_ARTIFACT, {
      name: 'Upload the evidence',
      if: 'always()',
      with: {
        name: expr("format('go-live-evidence-{0}-{1}', inputs.environment, github.run_id)"),
        path: 'apprunner-ops-evidence/',
        'if-no-files-found': 'error',
        'retention-days': 400,
      },
    }),
  ],
};

const STATUS_REPORT = `set -euo pipefail
api="\${BETTERSTACK_API_URL:-https://uptime.betterstack.com}"
body=$(printf '{"title":"%s is live","message":"%s launched %s (%s).","report_type":"manual"}' \\
  "$ENVIRONMENT" "$ACTOR" "$IMAGE" "$RUN_URL")
curl --silent --show-error --fail-with-body --max-time 15 --retry 2 \\
  -H "Authorization: Bearer $BETTERSTACK_TOKEN" -H 'Content-Type: application/json' \\
  -d "$body" "$api/api/v2/status-pages/$STATUS_PAGE_ID/status-reports" > /dev/null
echo "status page $STATUS_PAGE_ID: launch report posted"`;

const SLACK_LAUNCH = `set -euo pipefail
if [ -z "$SLACK_WEBHOOK_URL" ]; then echo "no SLACK_WEBHOOK_URL secret: no launch message"; exit 0; fi
text=$(printf ':rocket: *%s is live*: %s launched by %s (%s, snapshot %s). Watching for 4 h: %s' \\
  "$ENVIRONMENT" "$IMAGE" "$ACTOR" "$COMMIT" "$SNAPSHOT" "$RUN_URL")
curl --silent --show-error --fail-with-body --max-time 15 --retry 2 \\
  -H 'Content-Type: application/json' -d "{\\"text\\":\\"$text\\"}" "$SLACK_WEBHOOK_URL" > /dev/null
echo "Slack: launch message sent"`;

const runUrl = expr(
  "format('{0}/{1}/actions/runs/{2}', github.server_url, github.repository, github.run_id)",
);
const launched = "!inputs.dry-run && steps.deploy.outputs.result == 'deployed'";

const launch: Job = {
  name: expr("format('launch {0}', inputs.environment)"),
  needs: ['runners', 'gate'],
  'runs-on': runsOn,
  // Reviewers approve the launch; the deploy action records the one deployment.
  environment: { name: environment, deployment: false },
  concurrency: environmentConcurrency(expr('inputs.environment')),
  permissions: { contents: 'read', 'id-token': 'write', deployments: 'write' },
  'timeout-minutes': 60,
  outputs: { result: expr(stepOutput('deploy', 'deploy', 'result')) },
  steps: [
    ...checkout,
    awsCredentials,
    suiteAction('deploy', {
      id: 'deploy',
      name: 'Pre-launch snapshot, deploy with the launch variables, verify',
      with: {
        environment,
        config: expr('inputs.config'),
        image: expr('inputs.image'),
        'snapshot-purpose': 'pre-launch',
        'env-set': expr('vars.GO_LIVE_ENV_SET'),
        'env-unset': expr('vars.GO_LIVE_ENV_UNSET'),
        'dry-run': expr('inputs.dry-run == true'),
        'github-token': expr('github.token'),
        ...SECRETS,
      },
    }),
    run('Status page: launch report', STATUS_REPORT, {
      if: `${launched} && vars.BETTERSTACK_STATUS_PAGE_ID != ''`,
      env: {
        BETTERSTACK_TOKEN: expr('secrets.BETTERSTACK_TOKEN'),
        STATUS_PAGE_ID: expr('vars.BETTERSTACK_STATUS_PAGE_ID'),
        ENVIRONMENT: environment,
        ACTOR: expr('github.actor'),
        IMAGE: expr(stepOutput('deploy', 'deploy', 'image')),
        RUN_URL: runUrl,
      },
    }),
    run('Slack: launch message', SLACK_LAUNCH, {
      if: launched,
      env: {
        SLACK_WEBHOOK_URL: expr('secrets.SLACK_WEBHOOK_URL'),
        ENVIRONMENT: environment,
        ACTOR: expr('github.actor'),
        COMMIT: expr('github.sha'),
        IMAGE: expr(stepOutput('deploy', 'deploy', 'image')),
        SNAPSHOT: expr(stepOutput('deploy', 'deploy', 'snapshot-id')),
        RUN_URL: runUrl,
      },
    }),
  ],
};

/** Eight rounds, 30 minutes apart: the first four hours after launch. */
export const WATCH_ROUNDS = 8;
const watchSteps: Step[] = [];
for (let round = 1; round <= WATCH_ROUNDS; round++) {
  watchSteps.push(
    run(`Wait for round ${round}`, 'sleep "${WATCH_INTERVAL_SECONDS:-1800}"', {
      'timeout-minutes': 31,
      env: { WATCH_INTERVAL_SECONDS: expr('vars.GO_LIVE_WATCH_INTERVAL_SECONDS') },
    }),
    suiteAction('compliance-gate', {
      id: `round-${round}`,
      name: `Post-launch checks, round ${round} of ${WATCH_ROUNDS}`,
      // A failing round alerts Slack (the gate's message) and the watch goes on.
      'continue-on-error': true,
      with: {
        environment,
        config: expr('inputs.config'),
        gate: 'post-launch',
        'evidence-dir': `apprunner-ops-watch/round-${round}`,
        ...gateSecrets,
      },
    }),
  );
}

const watch: Job = {
  name: expr("format('post-launch watch ({0})', inputs.environment)"),
  needs: ['runners', 'launch'],
  if: "!inputs.dry-run && needs.launch.outputs.result == 'deployed'",
  'runs-on': runsOn,
  permissions: { contents: 'read', 'id-token': 'write', checks: 'write', statuses: 'read' },
  // 8 × 30 minutes plus the checks themselves: it ends by itself well before this.
  'timeout-minutes': 270,
  steps: [
    ...checkout,
    gateCredentials,
    ...watchSteps,
    run(
      'Watch result',
      `failed=0
for outcome in ${Array.from({ length: WATCH_ROUNDS }, (_, i) => `"$ROUND_${i + 1}"`).join(' ')}; do
  [ "$outcome" = success ] || failed=$((failed + 1))
done
echo "post-launch watch: $failed of ${WATCH_ROUNDS} rounds failed"
[ "$failed" -eq 0 ]`,
      {
        env: Object.fromEntries(
          Array.from({ length: WATCH_ROUNDS }, (_, i) => [
            `ROUND_${i + 1}`,
            expr(`steps.round-${i + 1}.outcome`),
          ]),
        ),
      },
    ),
  ],
};

export const goLive: WorkflowSource = {
  file: 'go-live.yml',
  source: 'workflows-src/go-live.ts',
  workflow: {
    name: 'go-live',
    on: {
      workflow_call: {
        inputs,
        secrets: {
          ...CALLED_SECRETS,
          GATE_DATABASE_URL: {
            description:
              "PostgreSQL URL of a read-only role for the gate's sql checks and restore-verified.",
            required: false,
          },
        },
      },
    },
    permissions: {},
    jobs: { runners: runnersJob(environment), gate, launch, watch },
  },
};
