import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PAUSE_RECORD_KEY, type PauseRecord } from '../../core/maintenance/suite-pauses.js';
import { DEFAULT_FIXTURE, type FixtureInput, type SimHandle } from '../../sim/index.js';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, testConfig, type DeployWorld } from '../helpers/deploy-world.js';

// Maintenance windows through the built deploy and rollback bundles against the sim's
// BetterStack: the suite ends only the pauses it made, and a pause whose runner was lost is
// ended by the next run once its window has passed.

const worlds: DeployWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

/** The drop fixture with monitor 2001002 paused by a person long before any run. */
async function fixtureWithPersonPause(): Promise<FixtureInput> {
  const fixture = parse(await readFile(DEFAULT_FIXTURE, 'utf8')) as {
    betterstack: { monitors: { id: string; paused?: boolean }[] };
  };
  const monitor = fixture.betterstack.monitors.find((m) => m.id === '2001002');
  if (!monitor) throw new Error('fixture lacks monitor 2001002');
  monitor.paused = true;
  return fixture as FixtureInput;
}

async function world(
  options: { personPause?: boolean; window?: string } = {},
): Promise<DeployWorld> {
  const fixture = options.personPause ? await fixtureWithPersonPause() : undefined;
  const w = await startDeployWorld(fixture ? { fixture } : {}, (sim: SimHandle) => {
    const text = testConfig(sim);
    return options.window
      ? text.replace(
          "monitor-ids: ['2001001', '2001002']",
          `monitor-ids: ['2001001', '2001002']\n      window: ${options.window}`,
        )
      : text;
  });
  worlds.push(w);
  return w;
}

/**
 * The lost run's window passes: its pause record on monitor `id` is moved `ms` into the past
 * through BetterStack's metadata API, as if that run had paused `ms` earlier. The next run
 * judges expiry by its own clock, so the test does not sleep on the wall clock through the
 * window (a sleep of window + margin failed on a loaded machine, where the run before it
 * could take longer than the window).
 */
async function windowPassed(w: DeployWorld, id: string, ms: number): Promise<void> {
  const entry = w.sim.betterstack
    .metadata()
    .find((m) => m.ownerType === 'Monitor' && m.ownerId === id && m.key === PAUSE_RECORD_KEY);
  if (!entry) throw new Error(`monitor ${id} has no pause record`);
  const record = JSON.parse(entry.values[0]!.value) as PauseRecord;
  const earlier = (iso: string): string => new Date(Date.parse(iso) - ms).toISOString();
  const moved = { ...record, at: earlier(record.at), until: earlier(record.until) };
  const response = await fetch(`${w.env['BETTERSTACK_API_URL']}/api/v3/metadata`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${w.sim.env['SIM_BETTERSTACK_TOKEN']}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      owner_type: 'Monitor',
      owner_id: id,
      key: PAUSE_RECORD_KEY,
      values: [{ type: 'String', value: JSON.stringify(moved) }],
    }),
  });
  if (!response.ok) throw new Error(`moving the pause record of ${id}: ${response.status}`);
}

const monitor = (w: DeployWorld, id: string) => {
  const m = w.sim.betterstack.monitors().find((x) => x.id === id);
  if (!m) throw new Error(`no monitor ${id}`);
  return m;
};

describe.concurrent('maintenance windows', () => {
  it('deploy leaves a monitor a person paused before it paused, and resumes only its own', async () => {
    const w = await world({ personPause: true });
    const pausedAt = monitor(w, '2001002').attributes['paused_at'];
    const result = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('deployed');
    expect(monitor(w, '2001001').paused).toBe(false);
    expect(monitor(w, '2001002').paused).toBe(true);
    expect(monitor(w, '2001002').attributes['paused_at']).toBe(pausedAt);
    expect(result.summary).toMatch(/2001002 was already paused .*left as it is/);
    // The suite never sent a request that would unpause the person's monitor.
    const touched = w.sim.betterstack
      .requests()
      .filter((r) => r.method === 'PATCH' && r.path.endsWith('/2001002'));
    expect(touched).toEqual([]);
  });

  it('rollback, and the post step of a cancelled deploy, leave a person’s pause alone too', async () => {
    const w = await world({ personPause: true });
    await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
    const rolled = await w.run('rollback', {
      reason: 'monitors stay as people left them',
      snapshot: 'false',
      to: 'v1.4.2',
    });
    expect(errors(rolled)).toEqual([]);
    expect(rolled.outputs['result']).toBe('rolled-back');
    expect(monitor(w, '2001002').paused).toBe(true);
    expect(monitor(w, '2001001').paused).toBe(false);

    // Not v1.5.0 again: a deploy never puts back the version a standing rollback took off.
    const cancelled = await w.run(
      'deploy',
      { image: 'v1.4.1', snapshot: 'false' },
      { cancelOn: /update started / },
    );
    expect(cancelled.post?.exitCode).toBe(0);
    expect(cancelled.post?.stdout).toContain('Maintenance window closed: resumed monitors 2001001');
    expect(monitor(w, '2001001').paused).toBe(false);
    expect(monitor(w, '2001002').paused).toBe(true);
  });

  it('a lost runner leaves a pause with an end: the next run ends it after the window and says so', async () => {
    const w = await world({ personPause: true, window: '30m' });
    const lost = await w.run(
      'deploy',
      { image: 'v1.5.0', snapshot: 'false' },
      { loseRunnerOn: /update started / },
    );
    expect(lost.signal).toBe('SIGKILL');
    expect(lost.post).toBeUndefined();
    expect(monitor(w, '2001001').paused).toBe(true);

    // Within the window the pause is the lost run's: the next run leaves it open.
    const early = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false', 'dry-run': 'true' });
    expect(early.stdout).toMatch(/2001001 .*paused by apprunner-ops .*until/);
    expect(monitor(w, '2001001').paused).toBe(true);

    await windowPassed(w, '2001001', 31 * 60_000);
    const next = await w.run('deploy', { image: 'v1.5.0', snapshot: 'false' });
    expect(errors(next)).toEqual([]);
    expect(next.outputs['result']).toBe('unchanged');
    expect(next.stdout).toMatch(
      /Expired maintenance: ended the pause of monitor 2001001 \(paused by apprunner-ops deploy of production at .*, window until /,
    );
    expect(next.summary).toContain('ended the pause of monitor 2001001');
    expect(monitor(w, '2001001').paused).toBe(false);
    expect(monitor(w, '2001001').attributes['status']).not.toBe('paused');
    // The person's pause outlives every window: it is not the suite's to end.
    expect(monitor(w, '2001002').paused).toBe(true);
  });

  it('the next run that changes something within the window takes the lost run’s pause over and ends it', async () => {
    const w = await world({ window: '30m' });
    await w.run(
      'deploy',
      { image: 'v1.5.0', snapshot: 'false' },
      { loseRunnerOn: /update started / },
    );
    expect(monitor(w, '2001001').paused).toBe(true);
    const next = await w.run('deploy', { image: 'v1.4.0', snapshot: 'false' });
    expect(errors(next)).toEqual([]);
    expect(next.outputs['result']).toBe('deployed');
    expect(next.stdout).toMatch(
      /monitor 2001001 was paused by apprunner-ops deploy .*takes it over/,
    );
    expect(next.summary).toContain('resumed monitors 2001001, 2001002');
    expect(monitor(w, '2001001').paused).toBe(false);
    expect(monitor(w, '2001002').paused).toBe(false);
    expect(w.sim.betterstack.metadata()).toEqual([]);
  });

  it('a rollback ends an expired pause too, even when its own preflight then refuses', async () => {
    const w = await world({ window: '30m' });
    await w.run(
      'rollback',
      { reason: 'the runner is lost mid-way', snapshot: 'false', to: 'v1.3.9' },
      { loseRunnerOn: /update started / },
    );
    expect(monitor(w, '2001001').paused).toBe(true);
    expect(monitor(w, '2001002').paused).toBe(true);
    await windowPassed(w, '2001001', 31 * 60_000);
    await windowPassed(w, '2001002', 31 * 60_000);
    const refused = await w.run('rollback', {
      reason: 'the next run after the loss',
      to: 'no-such-tag',
    });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toContain('ended the pause of monitor 2001001');
    expect(refused.stdout).toContain('ended the pause of monitor 2001002');
    expect(monitor(w, '2001001').paused).toBe(false);
    expect(monitor(w, '2001002').paused).toBe(false);
  });
});
