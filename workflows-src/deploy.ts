/**
 * deploy.yml: a merge to main (or "Run workflow") builds the image once and deploys it to each
 * environment in order; production waits for its required reviewers. Also callable from
 * another repository (`workflow_call`) with its secrets.
 */
import {
  ENVIRONMENTS,
  environmentConcurrency,
  reviewersVariable,
  type DeployEnvironment,
} from './environments.js';
import {
  expr,
  ourAction,
  stepOutput,
  thirdParty,
  type Job,
  type Step,
  type WorkflowSource,
} from './dsl.js';
import { CHECKOUT } from './pins.js';
import { CALLED_SECRETS, SECRETS, awsCredentials } from './shared.js';

const first = ENVIRONMENTS[0];
if (!first) throw new Error('workflows-src/environments.ts: configure at least one environment');

const checkout: Step = thirdParty(CHECKOUT, { with: { 'persist-credentials': false } });

const build: Job = {
  name: 'build and push the image',
  'runs-on': 'ubuntu-24.04',
  // The build pushes to the ECR repository of the first environment with that environment's
  // role: no job without an environment can assume a deploy role (see docs/setup.md).
  environment: first.name,
  permissions: { contents: 'read', 'id-token': 'write' },
  'timeout-minutes': 30,
  outputs: {
    image: expr(stepOutput('build', 'build-push', 'image')),
    tag: expr(stepOutput('build', 'build-push', 'tag')),
  },
  steps: [
    checkout,
    awsCredentials,
    ourAction('build-push', {
      id: 'build',
      name: 'Build and push',
      with: { environment: first.name },
    }),
  ],
};

const jobId = (environment: string): string => `deploy-${environment}`;

function deployJob(
  { name: environment, reviewers }: DeployEnvironment,
  previous: string | undefined,
): Job {
  return {
    name: `deploy to ${environment}`,
    needs: previous ? ['build', jobId(previous)] : ['build'],
    // Fail safe: an environment meant to be gated by reviewers is deployed by a push only once
    // the team says the reviewers are configured; "Run workflow" always works.
    ...(reviewers
      ? {
          if: `github.event_name == 'workflow_dispatch' || vars.${reviewersVariable(environment)} == 'required'`,
        }
      : {}),
    'runs-on': 'ubuntu-24.04',
    // Declared on every deploy job: it is what required reviewers gate, what puts
    // `environment:<name>` into the OIDC subject, and what gives a called workflow the
    // environment's secrets.
    environment: { name: environment, url: expr(stepOutput('deploy', 'deploy', 'service-url')) },
    concurrency: environmentConcurrency(environment),
    permissions: { contents: 'read', 'id-token': 'write', deployments: 'write' },
    // The deploy action's own deadline is 30m for the operation; snapshot and checks add more.
    'timeout-minutes': 60,
    outputs: {
      result: expr(stepOutput('deploy', 'deploy', 'result')),
      image: expr(stepOutput('deploy', 'deploy', 'image')),
      'previous-image': expr(stepOutput('deploy', 'deploy', 'previous-image')),
    },
    steps: [
      checkout,
      awsCredentials,
      ourAction('deploy', {
        id: 'deploy',
        name: `Deploy to ${environment}`,
        with: {
          environment,
          image: expr('needs.build.outputs.image'),
          'dry-run': expr('inputs.dry-run == true'),
          'github-token': expr('github.token'),
          ...SECRETS,
        },
      }),
    ],
  };
}

const deployJobs: Record<string, Job> = {};
ENVIRONMENTS.forEach((env, i) => {
  deployJobs[jobId(env.name)] = deployJob(env, ENVIRONMENTS[i - 1]?.name);
});

const dryRun = {
  description: 'Print the plan of every deploy and change nothing.',
  type: 'boolean',
  required: false,
  default: false,
} as const;

export const deploy: WorkflowSource = {
  file: 'deploy.yml',
  source: 'workflows-src/deploy.ts',
  workflow: {
    name: 'deploy',
    on: {
      push: { branches: ['main'] },
      workflow_dispatch: { inputs: { 'dry-run': dryRun } },
      workflow_call: {
        inputs: { 'dry-run': dryRun },
        secrets: CALLED_SECRETS,
      },
    },
    permissions: {},
    jobs: { build, ...deployJobs },
  },
};
