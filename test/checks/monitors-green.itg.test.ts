import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAwsClients } from '../../core/aws/clients.js';
import { monitorsGreen } from '../../core/checks/monitors-green.js';
import { checkType } from '../../core/checks/registry.js';
import { runCheckList } from '../../core/checks/run-checks.js';
import { parseConfig } from '../../core/config/load.js';
import { openMaintenanceWindow, PAUSE_RECORD_KEY } from '../../core/maintenance/suite-pauses.js';
import { BetterStackMonitors } from '../../core/notify/betterstack.js';
import { systemClock, type Clock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { DEFAULT_FIXTURE, startSim, type FixtureInput, type SimHandle } from '../../sim/index.js';
import { testConfig } from '../helpers/deploy-world.js';

// monitors-green against the sim's BetterStack over HTTP: the statuses a person reads each
// morning, and the suite's own expired pause ended by the check.

let sim: SimHandle;
let apiUrl: string;
const token = 'sim-betterstack-token';

beforeAll(async () => {
  const fixture = parse(await readFile(DEFAULT_FIXTURE, 'utf8')) as {
    betterstack: { monitors: Record<string, unknown>[] };
  };
  // Monitors a person paused, one that is down, and two spare ones for the suite to pause.
  fixture.betterstack.monitors.push(
    { id: '2001003', name: 'Drop US-east', url: 'https://drop.example.com/us', paused: true },
    { id: '2001004', name: 'Drop status', url: 'https://drop.example.com/s', status: 'down' },
    { id: '2001005', name: 'Drop landing', url: 'https://drop.example.com/l' },
    { id: '2001006', name: 'Drop docs', url: 'https://drop.example.com/d' },
  );
  sim = await startSim({ fixture: fixture as FixtureInput, timeScale: 0.1 });
  apiUrl = `${sim.url}/betterstack`;
  // The check reads the API base as the actions do.
  process.env['BETTERSTACK_API_URL'] = apiUrl;
});
afterAll(async () => {
  delete process.env['BETTERSTACK_API_URL'];
  await sim.stop();
});

async function runCheck(ids: string[], options: { token?: string; clock?: Clock } = {}) {
  const env = parseConfig(testConfig(sim), 'apprunner-ops.yml').environments['production'];
  if (!env) throw new Error('no production environment');
  const [result] = await runCheckList([{ type: 'monitors-green', 'monitor-ids': ids } as never], {
    environment: 'production',
    env,
    aws: createAwsClients(sim.region),
    secrets: options.token === undefined ? { betterstackToken: token } : {},
    run: undefined,
    clock: options.clock ?? systemClock,
    logger: recordingLogger(),
  });
  if (!result) throw new Error('no result');
  return result;
}

const client = () =>
  new BetterStackMonitors(apiUrl, token, { clock: systemClock, logger: recordingLogger() });
const monitor = (id: string) => sim.betterstack.monitors().find((m) => m.id === id);

async function suitePause(id: string, windowMs: number): Promise<void> {
  await openMaintenanceWindow(
    client(),
    [id],
    {
      environment: 'production',
      action: 'deploy',
      pauseId: `test-${id}`,
      runUrl: 'https://github.com/example/drop/actions/runs/1',
      windowMs,
    },
    { clock: systemClock, logger: recordingLogger() },
  );
}

describe('monitors-green', () => {
  it('is a built type, not the planned placeholder', () => {
    expect(checkType('monitors-green')).toBe(monitorsGreen);
  });

  it('passes when every monitor is up', async () => {
    const result = await runCheck(['2001001', '2001002']);
    expect(result.status).toBe('pass');
    expect(result.line).toBe('all 2 monitors are up');
    expect(result.observed).toMatchObject({ '2001001': { status: 'up' } });
  });

  it('warns about a monitor in the suite’s own open window, and leaves it paused', async () => {
    await suitePause('2001005', 30 * 60_000);
    expect(monitor('2001005')?.status).toBe('paused');
    const result = await runCheck(['2001001', '2001005']);
    expect(result.status).toBe('warn');
    expect(result.line).toMatch(
      /^Drop landing \(2001005\) is paused by apprunner-ops deploy of production at .*, window until /,
    );
    expect(monitor('2001005')?.paused).toBe(true);
  });

  it('fails a monitor a person paused, and never resumes it', async () => {
    const result = await runCheck(['2001001', '2001003']);
    expect(result.status).toBe('fail');
    expect(result.line).toMatch(
      /Drop US-east \(2001003\): monitor 2001003 is paused since .*, not by apprunner-ops/,
    );
    expect(monitor('2001003')?.paused).toBe(true);
  });

  it('fails a monitor that is down', async () => {
    const result = await runCheck(['2001004']);
    expect(result.status).toBe('fail');
    expect(result.line).toBe('Drop status (2001004) is down: look at its incident in BetterStack');
  });

  it('ends a suite pause that outlived its window, says so, and fails', async () => {
    await suitePause('2001006', 60_000);
    const later: Clock = { ...systemClock, now: () => Date.now() + 5 * 60_000 };
    const result = await runCheck(['2001006'], { clock: later });
    expect(result.status).toBe('fail');
    expect(result.line).toMatch(
      /^Drop docs \(2001006\) was paused by apprunner-ops deploy .* and stayed paused 4m\d*s? past its window: ended the pause now$/,
    );
    expect(result.observed).toMatchObject({ '2001006': { pauseEnded: true } });
    expect(monitor('2001006')?.paused).toBe(false);
    expect(monitor('2001006')?.status).toBe('pending');
    expect(sim.betterstack.metadata().filter((m) => m.ownerId === '2001006')).toEqual([]);
    // Resumed, it becomes what its next check finds (check_frequency 30 s, scaled ×0.1).
    sim.advance(31_000);
    expect(monitor('2001006')?.status).toBe('up');
    expect((await runCheck(['2001006'])).status).toBe('pass');
  });

  it('takes a person’s pause after the suite’s for the person’s: a new paused_at is not the suite’s', async () => {
    await suitePause('2001002', 60_000);
    // A person resumes the monitor and pauses it again during the window.
    await client().resume('2001002');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client().pause('2001002');
    const later: Clock = { ...systemClock, now: () => Date.now() + 5 * 60_000 };
    const result = await runCheck(['2001002'], { clock: later });
    expect(result.status).toBe('fail');
    expect(result.line).toMatch(/not by apprunner-ops/);
    expect(monitor('2001002')?.paused).toBe(true);
    expect(sim.betterstack.metadata().some((m) => m.key === PAUSE_RECORD_KEY)).toBe(true);
  });

  it('is an error without a BetterStack token', async () => {
    const result = await runCheck(['2001001'], { token: '' });
    expect(result.status).toBe('error');
    expect(result.line).toMatch(/^no betterstack-token given/);
  });
});
