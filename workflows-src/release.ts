/**
 * release.yml: "Run workflow" with a version. Checks that every generated file (bundles,
 * schema, workflows) is current and that CHANGELOG.md has the version's section, then tags
 * vX.Y.Z, moves vX to it, and publishes a GitHub release whose notes are that section plus
 * the lines a caller pins. With dry-run it does all of that locally and pushes nothing.
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
          // Full history and tags: the tag-exists check and `git tag` need them; the token
          // stays in the git config for the push.
          thirdParty(CHECKOUT, { with: { 'fetch-depth': 0, 'persist-credentials': true } }),
          thirdParty(SETUP_NODE, { with: { 'node-version': 24, cache: 'npm' } }),
          run('Install dependencies', 'npm ci --no-audit --no-fund'),
          run('Version and changelog', 'npx tsx scripts/release.ts check "$VERSION"', {
            env: { VERSION: expr('inputs.version') },
          }),
          run('Generated files are current', 'npm run check:generated'),
          run(
            'Release notes',
            'npx tsx scripts/release.ts notes "$VERSION" "$REPOSITORY" "$(git rev-parse HEAD)" >"$RUNNER_TEMP/notes.md"',
            {
              env: {
                VERSION: expr('inputs.version'),
                REPOSITORY: expr('github.repository'),
              },
            },
          ),
          run(
            'Tag, move the major tag, publish',
            [
              'major="v${VERSION%%.*}"',
              'git config user.name "github-actions[bot]"',
              'git config user.email "41898282+github-actions[bot]@users.noreply.github.com"',
              'git tag -a "v$VERSION" -m "apprunner-ops v$VERSION"',
              'git tag -f -a "$major" -m "apprunner-ops $major (v$VERSION)"',
              'echo "v$VERSION and $major -> $(git rev-parse HEAD)"',
              'if [ "$DRY_RUN" = "true" ]; then',
              '  echo "dry-run: pushing nothing; the release notes would be:"',
              '  cat "$RUNNER_TEMP/notes.md"',
              '  exit 0',
              'fi',
              'git push origin "refs/tags/v$VERSION"',
              '# The major tag moves to the newest release of that major version.',
              'git push --force origin "refs/tags/$major"',
              'gh release create "v$VERSION" --verify-tag --title "v$VERSION" --notes-file "$RUNNER_TEMP/notes.md"',
              '',
            ].join('\n'),
            {
              env: {
                VERSION: expr('inputs.version'),
                DRY_RUN: expr('inputs.dry-run'),
                GH_TOKEN: expr('github.token'),
              },
            },
          ),
        ],
      },
    },
  },
};
