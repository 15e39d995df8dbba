import { defineConfig } from 'vitest/config';

// One config: unit tests (*.test.ts), integration (*.itg.test.ts) and bundle tests
// (*.dist.test.ts) all run under `npm test`. Integration and bundle tests start servers and
// child processes, so they get a longer timeout.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // The JSON results give .ci/run its "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-results.json' },
  },
});
