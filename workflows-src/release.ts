/**
 * release.yml: "Run workflow" with a version. Checks package.json's version, the CHANGELOG.md
 * section and that every generated file (bundles, command line, schema, workflows) is
 * current, then through GitHub's API creates the annotated tag vX.Y.Z, moves vX to it, and
 * publishes a GitHub release whose notes are that section plus the exact lines a caller pins.
 * With dry-run it checks and prints the notes, and changes nothing on GitHub.
 * `npm run rehearse -- release` runs it against the sim's GitHub.
 */
import { expr, run, thirdParty, type WorkflowSource } from './dsl.js';
import { CHECKOUT, SETUP_NODE } from './pins.js';

export const release: WorkflowSource = {
  file: 'release.yml',
  source: 'workflows-src/release.ts',
  workflow: {
    name: 'release',
    on: {
      workflow_dispatch: {
        inputs: {
          version: {
            description: 'Semantic version to release, X.Y.Z (CHANGELOG.md must have it).',
            type: 'string',
            required: true,
          },
          'dry-run': {
            description: 'Check and tag locally, print the notes, push nothing.',
            type: 'boolean',
            required: false,
            default: false,
          },
        },
      },
    },
    permissions: {},
    // One release at a time, none dropped.
    concurrency: { group: 'apprunner-ops-release', 'cancel-in-progress': false, queue: 'max' },
    jobs: {
      release: {
        name: expr("format('release v{0}', inputs.version)"),
        if: "github.ref == 'refs/heads/main'",
        'runs-on': 'ubuntu-24.04',
        // contents: write pushes the tags and creates the release.
        permissions: { contents: 'write' },
        'timeout-minutes': 30,
        env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        steps: [
          // Full history and tags: the tag-exists check reads them. The tags are made
          // through the API with the job token, so git keeps no credentials.
          thirdParty(CHECKOUT, { with: { 'fetch-depth': 0, 'persist-credentials': false } }),
          thirdParty(SETUP_NODE, { with: { 'node-version': 24, cache: 'npm' } }),
          run('Install dependencies', 'npm ci --no-audit --no-fund'),
          run('Version and changelog', 'npx tsx scripts/release.ts check "$VERSION"', {
            env: { VERSION: expr('inputs.version') },
          }),
          run('Generated files are current', 'npm run check:generated'),
          run(
            'Tag, move the major tag, publish',
            [
              'args=(publish "$VERSION" "$(git rev-parse HEAD)")',
              'if [ "$DRY_RUN" = "true" ]; then args+=(--dry-run); fi',
              'npx tsx scripts/release.ts "${args[@]}"',
              '',
            ].join('\n'),
            {
              env: {
                VERSION: expr('inputs.version'),
                DRY_RUN: expr('inputs.dry-run'),
                GITHUB_TOKEN: expr('github.token'),
              },
            },
          ),
        ],
      },
    },
  },
};
