import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import HeavyFirstSequencer from './test/helpers/sequencer.js';

// One config: unit tests (*.test.ts), integration (*.itg.test.ts) and bundle tests
// (*.dist.test.ts) all run under `npm test`. Integration and bundle tests start servers and
// child processes, so they get a longer timeout.

// Test files spend much of their time waiting on child processes (action bundles, PostgreSQL)
// and on the sim's scaled clock, so three more workers than cores keep the cores busy. On 2
// cores: with one more, a CI run used 1.4 of them on average; with two more, 1.87 and the
// tests took 6.6 min (.ci/run 495 s, one run); with three more, 1.9 and 5.9–6.6 min
// (.ci/run 450–501 s, four runs of the same tests).
// vitest's default (cores - 1) ran one file at a time on 2 cores.
// APPRUNNER_OPS_TEST_WORKERS overrides.
const workers = Number(process.env['APPRUNNER_OPS_TEST_WORKERS']) || os.availableParallelism() + 3;
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
    // A safety net for a hung test, not a measure of speed: every child process and wait has
    // its own deadline. A bundle test that takes 20 s on an idle machine took over 60 s beside
    // other work on 2 cores, so the net is wide enough for a loaded machine.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Each file in a process of its own: the heavy files run side by side on separate cores.
    pool: 'forks',
    maxWorkers: workers,
    // A worker keeps its loaded modules from one file to the next (the AWS SDK, the sim):
    // test/unit + test/sim took 85 s of CPU isolated and 44 s not, and the whole suite 7.8 min
    // and 6.9 min. Files restore what they change in process.env; each starts its own sim.
    isolate: false,
    // Bundle and integration files first, so no long file starts last (test/helpers/sequencer.ts).
    sequence: { sequencer: HeavyFirstSequencer },
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      // The bundles start hundreds of times (each action run, each command line run): Node
      // keeps their compiled code on disk, which cut a bundle's start from 0.35 s to 0.23 s.
      NODE_COMPILE_CACHE:
        process.env['NODE_COMPILE_CACHE'] ??
        path.join(os.tmpdir(), 'apprunner-ops-node-compile-cache'),
    },
    // The JSON results give .ci/run its "N passed, N failed" line.
    // The tools reporter is the JSON reporter, then one line naming the tests skipped for want
    // of a Debian tool (test/helpers/tools.ts).
    reporters: ['default', './test/helpers/tools-reporter.ts'],
    globalSetup: ['./test/helpers/tools-setup.ts', './test/helpers/postgres-template-setup.ts'],
    setupFiles: ['./test/helpers/runner-temp-setup.ts'],
    outputFile: { json: '.tmp/vitest-results.json' },
    // @actions/workflow-parser imports JSON without import attributes, which Node 20 refuses;
    // inlined, vite transforms it (test/workflows).
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
