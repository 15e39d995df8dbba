/**
 * The deploy bundle on Fly.io beyond the scenario table (test/helpers/deploy-targets.ts): Fly's
 * `bluegreen` strategy (new machines beside the old ones, all healthy, then the traffic moves
 * and the old ones are destroyed; on failure the new ones are destroyed and the old ones keep
 * serving), `strategy` validated before any call, and the rolling update stopped at the second
 * of three machines. Machine states are asserted in the sim.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startDeployWorld, testConfig, type DeployWorld } from '../helpers/deploy-world.js';
import { APP_MACHINES, FLY_APP, flyFixture, onFly, WORKER_MACHINE } from '../helpers/fly-world.js';
import type { ActionRun } from '../../sim/run-action.js';

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

async function world(strategy?: string) {
  const w = await startDeployWorld({ fixture: flyFixture(), timeScale: 0.003 }, (sim) => {
    const config = onFly(testConfig(sim), sim);
    return strategy
      ? config.replace('wait-timeout: 3s }', `wait-timeout: 3s, strategy: ${strategy} }`)
      : config;
  });
  worlds.push(w);
  const run = (inputs: Record<string, string>) =>
    w.run('deploy', { 'fly-api-token': w.sim.fly.token, ...inputs });
  /** The process group's machines, destroyed ones included. */
  const group = () => w.sim.fly.machines(FLY_APP).filter((m) => m.processGroup === 'app');
  const live = () => group().filter((m) => m.state !== 'destroyed');
  const served = async () => {
    const res = await fetch(`${w.sim.fly.url(FLY_APP)}/api/health`);
    return ((await res.json()) as { data: { version: string } }).data.version;
  };
  return { w, run, group, live, served };
}

describe('deploy on fly, bluegreen', () => {
  it.concurrent(
    'green: new machines beside the old, all healthy, then the traffic moves and the old are destroyed',
    async () => {
      const { w, run, group, live, served } = await world('bluegreen');
      const result = await run({ image: 'v1.5.0' });
      expect(errors(result)).toEqual([]);
      expect(result.outputs['result']).toBe('deployed');
      // The three old machines destroyed, never changed in place.
      const old = group().filter((m) => (APP_MACHINES as readonly string[]).includes(m.id));
      expect(old.map((m) => [m.id, m.state, m.history.length])).toEqual(
        APP_MACHINES.map((id) => [id, 'destroyed', 1]),
      );
      // Three new ones in the same regions, started, serving, on the new image.
      const now = live();
      expect(now.map((m) => m.region).sort()).toEqual(['ams', 'arn', 'arn']);
      expect(now.every((m) => m.state === 'started' && !m.cordoned)).toBe(true);
      expect(now.map((m) => m.running.version)).toEqual(['v1.5.0', 'v1.5.0', 'v1.5.0']);
      expect(await served()).toBe('v1.5.0');
      // The worker group is another process group: untouched.
      const worker = w.sim.fly.machines(FLY_APP).find((m) => m.id === WORKER_MACHINE)!;
      expect([worker.state, worker.history.length]).toEqual(['started', 1]);
      // Every green created and healthy before traffic moved; the old destroyed only after.
      const order = w.sim
        .mutatingCalls({ service: 'fly' })
        .filter((c) => !c.fault && !c.error)
        .map((c) => c.operation);
      const last = (op: string) => order.lastIndexOf(op);
      const first = (op: string) => order.indexOf(op);
      expect(order.filter((o) => o === 'createMachine')).toHaveLength(3);
      expect(last('createMachine')).toBeLessThan(first('uncordonMachine'));
      expect(last('uncordonMachine')).toBeLessThan(first('destroyMachine'));
      expect(order.filter((o) => o === 'destroyMachine')).toHaveLength(3);
      expect(order).not.toContain('updateMachine');
      expect(w.sim.fly.machines(FLY_APP).every((m) => m.lease === undefined)).toBe(true);
      // Deployed again: unchanged, nothing created.
      const again = await run({ image: 'v1.5.0' });
      expect(again.outputs['result']).toBe('unchanged');
      expect(w.sim.calls({ service: 'fly', operation: 'createMachine' })).toHaveLength(3);
    },
  );

  it.concurrent(
    'a green machine failing its health checks: every green destroyed, the old machines keep serving, never changed',
    async () => {
      const { w, run, group, served } = await world('bluegreen');
      // v1.5.0 cannot serve in ams: the green beside the ams machine never passes its checks.
      w.sim.fly.failChecksInRegion(FLY_APP, 'ams', 'v1.5.0');
      const result = await run({ image: 'v1.5.0' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs['result']).toBe('failed');
      expect(errors(result).at(-1)).toMatch(
        new RegExp(
          `Fly bluegreen to v1\\.5\\.0: green machine [0-9a-f]{14} \\(ams\\) failed: its health checks did not pass within .*: alive critical .*; the 3 green machines were destroyed and the old machines \\(${APP_MACHINES.join(', ')}\\) kept serving v1\\.4\\.2, never changed`,
        ),
      );
      const machines = group();
      const old = machines.filter((m) => (APP_MACHINES as readonly string[]).includes(m.id));
      expect(old.map((m) => [m.state, m.running.version, m.history.length, m.cordoned])).toEqual(
        APP_MACHINES.map(() => ['started', 'v1.4.2', 1, false]),
      );
      const greens = machines.filter((m) => !(APP_MACHINES as readonly string[]).includes(m.id));
      expect(greens.map((m) => m.state)).toEqual(['destroyed', 'destroyed', 'destroyed']);
      expect(w.sim.calls({ service: 'fly', operation: 'uncordonMachine' })).toEqual([]);
      expect(machines.every((m) => m.lease === undefined)).toBe(true);
      expect(await served()).toBe('v1.4.2');
    },
  );

  it.concurrent(
    'a version failing verification is rolled back by another bluegreen: every machine on the previous image',
    async () => {
      const { run, live, served } = await world('bluegreen');
      const result = await run({ image: 'v1.4.1' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs['result']).toBe('rolled-back');
      expect(errors(result).at(-1)).toMatch(
        /v1\.4\.1 failed verification .*; rolled back to v1\.4\.2, which passes its checks/,
      );
      const now = live();
      expect(now).toHaveLength(3);
      expect(now.map((m) => [m.state, m.running.version])).toEqual(
        now.map(() => ['started', 'v1.4.2']),
      );
      expect(await served()).toBe('v1.4.2');
    },
  );

  it.concurrent('an unknown strategy is a configuration error before any call', async () => {
    const { w, run } = await world('canary');
    const result = await run({ image: 'v1.5.0' });
    expect(result.exitCode).toBe(1);
    expect(errors(result).join('\n')).toMatch(
      /config apprunner-ops\.yml: environments\.production\.target\.strategy: expected one of "rolling", "bluegreen", got "canary" \(line \d+\)/,
    );
    expect(w.sim.calls({ service: 'fly' })).toEqual([]);
  });
});

describe('deploy on fly, rolling', () => {
  it.concurrent(
    'the second of three machines fails its health check: the first put back, the third never changed, red naming the machine',
    async () => {
      const { w, run, group, served } = await world('rolling');
      const [first, second, third] = APP_MACHINES;
      w.sim.fly.failChecks(FLY_APP, second, 'v1.5.0');
      const result = await run({ image: 'v1.5.0' });
      expect(result.exitCode).toBe(1);
      expect(result.outputs['result']).toBe('failed');
      expect(errors(result).at(-1)).toMatch(
        new RegExp(
          `Fly machine ${second} \\(arn\\) failed on v1\\.5\\.0: its health checks did not pass within .*; the update stopped there, ${first}, ${second} put back on v1\\.4\\.2 and healthy, ${third} never changed`,
        ),
      );
      const byId = new Map(group().map((m) => [m.id, m]));
      const old = w.sim.fly.machines(FLY_APP)[0]!.history[0]!;
      expect(byId.get(first)!.history).toHaveLength(3);
      expect(byId.get(second)!.history).toHaveLength(3);
      expect(byId.get(third)!.history).toEqual([old]);
      expect(group().map((m) => [m.state, m.running.version])).toEqual(
        APP_MACHINES.map(() => ['started', 'v1.4.2']),
      );
      expect(await served()).toBe('v1.4.2');
    },
  );
});

describe('deploy on fly, env-set / env-unset', () => {
  it.concurrent(
    "changes every machine's env in the update: each restarts on a new instance, the app secrets untouched",
    async () => {
      const { w, run, group } = await world();
      const before = new Map(group().map((m) => [m.id, m]));
      const secrets = w.sim.fly.secrets(FLY_APP);
      // The image that runs: only the environment changes.
      const result = await run({
        image: 'v1.4.2',
        'env-set': 'FEATURE_PAYOUTS=on',
        'env-unset': 'LOG_LEVEL',
      });
      expect(errors(result)).toEqual([]);
      expect(result.outputs['result']).toBe('deployed');
      for (const m of group()) {
        expect(m.env['FEATURE_PAYOUTS']).toBe('on');
        expect(m.env).not.toHaveProperty('LOG_LEVEL');
        expect(m.env['NODE_ENV']).toBe('production');
        expect(m.state).toBe('started');
        // Restarted: a new instance, which read the environment (and the secrets) when it started.
        expect(m.instanceId).not.toBe(before.get(m.id)!.instanceId);
        expect(m.running.version).toBe('v1.4.2');
      }
      const worker = w.sim.fly.machines(FLY_APP).find((m) => m.id === WORKER_MACHINE)!;
      expect(worker.env).toHaveProperty('LOG_LEVEL');
      expect(w.sim.fly.secrets(FLY_APP)).toEqual(secrets);
    },
  );

  it.concurrent(
    'env-set of a name that is an app secret is refused before any change, naming it',
    async () => {
      const { w, run, group } = await world();
      const result = await run({ image: 'v1.5.0', 'env-set': 'SESSION_SECRET=typed-in-a-form' });
      expect(result.exitCode).toBe(1);
      expect(errors(result).join('\n')).toMatch(
        /SESSION_SECRET is a secret of Fly app drop-staging: env-set changes the machines' plain environment.*fly secrets set.*no machine was changed/,
      );
      expect(w.sim.calls({ service: 'fly', operation: 'updateMachine' })).toEqual([]);
      expect(group().map((m) => m.history.length)).toEqual([1, 1, 1]);
      expect(w.sim.fly.secrets(FLY_APP)['SESSION_SECRET']).toBe('staging-session-secret');
      expect(result.stdout + result.summary).not.toContain('typed-in-a-form');
    },
  );
});
