import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// One config: unit tests (*.test.ts), integration (*.itg.test.ts) and bundle tests
// (*.dist.test.ts) all run under `npm test`. Integration and bundle tests start servers and
// child processes, so they get a longer timeout.
export default defineConfig({
  plugins: [
    {
      // @actions/workflow-parser (inlined below) ships source-map comments without the
      // sources, and vite warns for each of its files; load them without the comment.
      name: 'workflow-parser-without-source-maps',
      enforce: 'pre',
      load(id) {
        if (!/[\\/]@actions[\\/]workflow-parser[\\/]dist[\\/].*\.js$/.test(id)) return null;
        return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The JSON results give .ci/run its "N passed, N failed" line.
    // The tools reporter is the JSON reporter, then one line naming the tests skipped for want
    // of a Debian tool (test/helpers/tools.ts).
    reporters: ['default', './test/helpers/tools-reporter.ts'],
    globalSetup: ['./test/helpers/tools-setup.ts'],
    outputFile: { json: '.tmp/vitest-results.json' },
    // @actions/workflow-parser imports JSON without import attributes, which Node 20 refuses;
    // inlined, vite transforms it (test/workflows).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
