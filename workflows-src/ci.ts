/** This repository's own CI: install, `npm test`, and the generated-files check. */
import { run, thirdParty, type WorkflowSource } from './dsl.js';
import { CHECKOUT, SETUP_NODE } from './pins.js';

export const ci: WorkflowSource = {
  file: 'ci.yml',
  source: 'workflows-src/ci.ts',
  workflow: {
    name: 'ci',
    on: { push: { branches: ['main'] }, pull_request: null, workflow_dispatch: null },
    // Nothing at workflow level: each job says what it needs.
    permissions: {},
    jobs: {
      test: {
        name: 'npm test and generated files',
        'runs-on': 'ubuntu-24.04',
        permissions: { contents: 'read' },
        'timeout-minutes': 30,
        env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        steps: [
          thirdParty(CHECKOUT, { with: { 'persist-credentials': false } }),
          thirdParty(SETUP_NODE, { with: { 'node-version': 24, cache: 'npm' } }),
          run(
            'Install Debian tools the tests drive',
            [
              '# buildah + docker-registry: real image builds and pushes; shellcheck: run: blocks.',
              'sudo apt-get update -qq',
              'sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq buildah docker-registry shellcheck',
              '',
            ].join('\n'),
          ),
          run('Install dependencies', 'npm ci --no-audit --no-fund'),
          run('Typecheck, lint and test', 'npm test'),
          // AWS's cfn-lint is Python; the npm package of that name predates current IAM
          // properties. The template is checked against AWS's resource specification instead.
          run(
            'CloudFormation template',
            'npx tsx scripts/lint-cloudformation.ts docs/aws/bootstrap.yml',
          ),
          run('Generated files are current', 'npm run check:generated'),
        ],
      },
    },
  },
};
