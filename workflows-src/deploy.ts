/**
 * deploy.yml, a reusable workflow: the caller's push (or "Run workflow") builds the image once
 * and deploys it to each environment the caller lists, in order, one at a time; environments
 * with required reviewers wait for them. Everything about the caller is an input.
 */
import { environmentConcurrency } from './environments.js';
import { expr, run, stepOutput, suiteAction, type Job, type WorkflowSource } from './dsl.js';
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

const runsOn = expr('inputs.runs-on');

/**
 * The environments in the caller's order, minus those a push may not deploy yet: an
 * environment with reviewers is deployed by a push only once the caller's repository variable
 * <NAME>_REVIEWERS is `required` (required reviewers need a paid plan for private
 * repositories, so this fails safe); "Run workflow" always deploys it. The list stops at the
 * first environment left out, since the later ones come after it.
 */
const plan: Job = {
  name: 'plan the environments',
  'runs-on': runsOn,
  permissions: {},
  'timeout-minutes': 5,
  outputs: {
    environments: expr('steps.plan.outputs.environments'),
    first: expr('steps.plan.outputs.first'),
  },
  steps: [
    run(
      'Environments in order',
      [
        'read -r -a names <<<"${ENVIRONMENTS//,/ }"',
        'if [ "${#names[@]}" -eq 0 ]; then',
        '  echo "::error::input environments is empty: list the GitHub environments to deploy to, in order, separated by spaces"',
        '  exit 1',
        'fi',
        'for name in "${names[@]}"; do',
        '  if ! [[ $name =~ ^[A-Za-z0-9_.-]+$ ]]; then',
        '    echo "::error::input environments: \\"$name\\" is not an environment name (letters, digits, . _ -)"',
        '    exit 1',
        '  fi',
        'done',
        '# Default: every environment but the first has required reviewers.',
        'if [ -n "${GATED//[, ]/}" ]; then read -r -a gated <<<"${GATED//,/ }"; else gated=("${names[@]:1}"); fi',
        'for name in "${gated[@]}"; do',
        '  if ! [[ " ${names[*]} " == *" $name "* ]]; then',
        '    echo "::error::input gated-environments: \\"$name\\" is not in environments (${names[*]})"',
        '    exit 1',
        '  fi',
        'done',
        'selected=()',
        'for name in "${names[@]}"; do',
        '  if [[ " ${gated[*]} " == *" $name "* ]] && [ "$EVENT" != workflow_dispatch ]; then',
        "    variable=\"$(tr '[:lower:]' '[:upper:]' <<<\"$name\" | tr -c 'A-Z0-9\\n' '_')_REVIEWERS\"",
        '    if [ "$(jq -r --arg name "$variable" \'.[$name] // ""\' <<<"$VARS")" != required ]; then',
        '      echo "::notice::$name and what follows are not deployed by a $EVENT: $name has reviewers and the repository variable $variable is not \'required\' yet; Run workflow deploys it"',
        '      break',
        '    fi',
        '  fi',
        '  selected+=("$name")',
        'done',
        'echo "deploying to: ${selected[*]:-nothing}"',
        '{',
        '  echo "environments=$(printf \'%s\\n\' "${selected[@]}" | jq -R . | jq -cs \'map(select(. != ""))\')"',
        '  echo "first=${names[0]}"',
        '} >>"$GITHUB_OUTPUT"',
        '',
      ].join('\n'),
      {
        id: 'plan',
        env: {
          ENVIRONMENTS: expr('inputs.environments'),
          GATED: expr('inputs.gated-environments'),
          EVENT: expr('github.event_name'),
          VARS: expr('toJSON(vars)'),
        },
      },
    ),
  ],
};

const build: Job = {
  name: 'build and push the image',
  needs: ['plan'],
  'runs-on': runsOn,
  // The build pushes to the ECR repository of the first environment with that environment's
  // role (no job without an environment can assume a deploy role). It deploys nothing, so it
  // creates no deployment on the Deployments page.
  environment: { name: expr('needs.plan.outputs.first'), deployment: false },
  permissions: { contents: 'read', 'id-token': 'write' },
  'timeout-minutes': 30,
  outputs: {
    image: expr(stepOutput('build', 'build-push', 'image')),
    tag: expr(stepOutput('build', 'build-push', 'tag')),
  },
  steps: [
    callerCheckout,
    ...suiteSteps,
    awsCredentials,
    suiteAction('build-push', {
      id: 'build',
      name: 'Build and push',
      with: {
        environment: expr('needs.plan.outputs.first'),
        config: expr('inputs.config'),
        context: expr('inputs.context'),
        dockerfile: expr('inputs.dockerfile'),
        'build-args': expr('inputs.build-args'),
      },
    }),
  ],
};

/**
 * The first environment's pre-deploy snapshot, started beside the build: RDS copies while the
 * image builds, and that environment's deploy only waits for it to be available. A snapshot that
 * cannot be started fails this job, and no deploy runs. Later environments take their own.
 */
const snapshotJob: Job = {
  name: 'start the pre-deploy snapshot',
  needs: ['plan'],
  if: "needs.plan.outputs.environments != '[]'",
  'runs-on': runsOn,
  // The first environment's role, as the build; it deploys nothing.
  environment: { name: expr('needs.plan.outputs.first'), deployment: false },
  permissions: { contents: 'read', 'id-token': 'write' },
  'timeout-minutes': 10,
  outputs: {
    'snapshot-id': expr(stepOutput('snapshot', 'deploy', 'snapshot-id')),
  },
  steps: [
    callerCheckout,
    ...suiteSteps,
    awsCredentials,
    suiteAction('deploy', {
      id: 'snapshot',
      name: 'Start the snapshot',
      with: {
        environment: expr('needs.plan.outputs.first'),
        config: expr('inputs.config'),
        mode: 'snapshot',
        'dry-run': expr('inputs.dry-run == true'),
      },
    }),
  ],
};

const deployJob: Job = {
  name: expr("format('deploy to {0}', matrix.environment)"),
  needs: ['plan', 'build', 'snapshot', 'runners'],
  if: "needs.plan.outputs.environments != '[]'",
  // One environment at a time, in the caller's order; the first failure stops the rest.
  strategy: {
    matrix: { environment: expr('fromJSON(needs.plan.outputs.environments)') },
    'max-parallel': 1,
    'fail-fast': true,
  },
  // The deploy reaches the environment's database (migrations, audit log): where it has
  // access: runner, on its runner-label; else on runs-on.
  'runs-on': databaseRunsOn('matrix.environment'),
  // Declared on every deploy job: it is what required reviewers gate, what puts
  // `environment:<name>` into the OIDC subject, and what gives a called workflow the
  // environment's secrets. `deployment: false`: the deploy action records the one deployment
  // (image, statuses, rollback target); reviewers and wait timers still gate the job.
  environment: { name: expr('matrix.environment'), deployment: false },
  concurrency: environmentConcurrency(expr('matrix.environment')),
  // actions: read: preflight reads when this run started, to never undo a newer rollback.
  permissions: { contents: 'read', 'id-token': 'write', deployments: 'write', actions: 'read' },
  // The deploy action's own deadline is 30m for the operation; snapshot and checks add more.
  'timeout-minutes': 60,
  steps: [
    callerCheckout,
    ...suiteSteps,
    awsCredentials,
    suiteAction('deploy', {
      id: 'deploy',
      name: expr("format('Deploy to {0}', matrix.environment)"),
      with: {
        environment: expr('matrix.environment'),
        config: expr('inputs.config'),
        image: expr('needs.build.outputs.image'),
        // The first environment waits for the snapshot started beside the build.
        'snapshot-id': expr(
          "matrix.environment == needs.plan.outputs.first && needs.snapshot.outputs.snapshot-id || ''",
        ),
        'dry-run': expr('inputs.dry-run == true'),
        'github-token': expr('github.token'),
        ...SECRETS,
      },
    }),
  ],
};

const str = (description: string, fallback: string) =>
  ({ description, type: 'string', required: false, default: fallback }) as const;

export const deploy: WorkflowSource = {
  file: 'deploy.yml',
  source: 'workflows-src/deploy.ts',
  workflow: {
    name: 'deploy',
    on: {
      workflow_call: {
        inputs: {
          environments: {
            description:
              'Environments to deploy to, in order, separated by spaces or commas (e.g. "staging production"). Each is a GitHub environment and an entry of the configuration.',
            type: 'string',
            required: true,
          },
          'gated-environments': str(
            'Environments that have required reviewers (a push deploys them only once <NAME>_REVIEWERS is "required"). Empty: every environment but the first.',
            '',
          ),
          ...COMMON_INPUTS,
          context: str('Build context directory.', '.'),
          dockerfile: str('Dockerfile path; empty: Dockerfile in the context.', ''),
          'build-args': str(
            'Build arguments, one NAME=value per line (e.g. NEXT_PUBLIC_* that Next.js inlines at build time).',
            '',
          ),
          'dry-run': {
            description: 'Print the plan of every deploy and change nothing.',
            type: 'boolean',
            required: false,
            default: false,
          },
        },
        secrets: CALLED_SECRETS,
        outputs: {
          image: {
            description: 'The image built and deployed, by digest.',
            value: expr('jobs.build.outputs.image'),
          },
        },
      },
    },
    permissions: {},
    jobs: {
      plan,
      runners: runnersJob(expr('inputs.environments')),
      build,
      snapshot: snapshotJob,
      deploy: deployJob,
    },
  },
};
