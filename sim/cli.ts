/**
 * `npm run sim [-- --fixture <file>] [--time-scale <n>] [--port <n>] [--write-config <file>]`:
 * starts the sim on loopback, prints each endpoint and the `export` lines a shell needs,
 * optionally writes a configuration of its services for the command line, and stops cleanly
 * on Ctrl-C (SIGINT) or SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_FIXTURE, startSim } from './index.js';

const USAGE = `usage: npm run sim -- [--fixture <file.yml>] [--time-scale <n>] [--port <n>]
  --fixture     state to seed (default ${DEFAULT_FIXTURE})
  --time-scale  1 = real time; 0.01 makes a 3-minute deployment take 1.8 s
  --port        port on 127.0.0.1 (default: a free one)
  --write-config <file>
                write an apprunner-ops configuration of the sim's production service, with
                its app's address, for \`apprunner-ops status --config <file>\``;

function fail(message: string): never {
  console.error(`sim: ${message}\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<
  typeof parseArgs<{ options: Record<string, { type: 'string' | 'boolean' }> }>
>['values'];
try {
  args = parseArgs({
    options: {
      fixture: { type: 'string' },
      'time-scale': { type: 'string' },
      port: { type: 'string' },
      'write-config': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail((error as Error).message);
}
if (args['help']) {
  console.log(USAGE);
  process.exit(0);
}
const number = (name: string): number | undefined => {
  const text = args[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (typeof text !== 'string' || !Number.isFinite(value) || value < 0)
    fail(`--${name} must be a number >= 0, got ${String(text)}`);
  return value;
};
const timeScale = number('time-scale');
const port = number('port');

const started = performance.now();
const sim = await startSim({
  ...(typeof args['fixture'] === 'string' ? { fixture: args['fixture'] } : {}),
  ...(timeScale !== undefined ? { timeScale } : {}),
  ...(port !== undefined ? { port } : {}),
});

const configFile = typeof args['write-config'] === 'string' ? args['write-config'] : undefined;
// Loaded only when asked for: it brings the runner harness, which `npm run sim` has no use for.
if (configFile) writeFileSync(configFile, (await import('./deploy-world.js')).testConfig(sim));

const lines = [
  `apprunner-ops sim on ${sim.url} (time scale ${sim.fixture.timeScale}, started in ${Math.round(performance.now() - started)} ms)`,
  `  App Runner   ${sim.url}  awsJson1_0, x-amz-target AppRunner.*`,
  `  ECR          ${sim.url}  awsJson1_1, x-amz-target AmazonEC2ContainerRegistry_V20150921.*`,
  `  RDS, STS     ${sim.url}  awsQuery`,
  `  GitHub REST  ${sim.env['GITHUB_API_URL']}`,
  `  Slack hook   ${sim.env['SIM_SLACK_WEBHOOK_URL']}`,
  `  BetterStack  ${sim.env['SIM_BETTERSTACK_API_URL']}  (Bearer ${sim.env['SIM_BETTERSTACK_TOKEN']})`,
  `  Control      ${sim.url}/_sim/state · /_sim/calls · PUT /_sim/faults · POST /_sim/maintenance`,
  ...sim
    .services()
    .map(
      (s) =>
        `  service      ${s.name} ${s.status} ${s.arn}\n               app ${s.url} running ${s.running.version}`,
    ),
  ...(configFile
    ? [
        `  config       ${configFile}: production on ${sim.services()[0]?.name ?? '?'}; try apprunner-ops status --config ${configFile}`,
      ]
    : []),
  '',
  ...Object.entries(sim.env).map(([name, value]) => `export ${name}=${value}`),
  '',
  'Ctrl-C stops the sim.',
];
console.log(lines.join('\n'));

let stopping = false;
const shutdown = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  // Never hang on exit: a stuck keep-alive connection must not keep the terminal.
  setTimeout(() => {
    console.error('sim: did not stop within 3 s; exiting anyway');
    process.exit(1);
  }, 3000).unref();
  sim.stop().then(
    () => {
      console.log(`sim: stopped (${signal})`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error('sim: stop failed:', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
