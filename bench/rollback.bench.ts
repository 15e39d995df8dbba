/**
 * rollback: time to recovery of a rollback without a down migration, with realistic modelled
 * durations (forensics snapshot 6 min, the rollback's App Runner deployment 2 min). Recovery
 * is the moment the rolled-back version is verified; the snapshot is waited for afterwards
 * and does not count. Ratio: (spawn → verified) ÷ (modelled operation + the verification as
 * measured). Target ≤ 1.05 at ×0.1 (the operation takes 13.5 s, the snapshot 36 s). The fixed
 * ≈ 0.4 s of start-up, preflight and history weigh 1.08 at ×0.05, and 1.003 at real
 * durations. Before the switch-first change the rollback waited for the snapshot first:
 * (6 + 2) ÷ 2 ≈ 4.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DEFAULT_FIXTURE, type FixtureInput } from '../sim/index.js';
import { startDeployWorld } from '../sim/deploy-world.js';
import type { BenchResult } from './stats.js';

const SCALE = 0.1;

function fixture(): FixtureInput {
  const f = parse(readFileSync(DEFAULT_FIXTURE, 'utf8')) as { durations: Record<string, string> };
  f.durations['snapshot'] = '6m';
  f.durations['deploy'] = '2m';
  return f as FixtureInput;
}

export async function run(): Promise<BenchResult[]> {
  const world = await startDeployWorld({ timeScale: SCALE, fixture: fixture() });
  try {
    const lines: { at: number; text: string }[] = [];
    const started = Date.now();
    const result = await world.run(
      'rollback',
      { to: 'v1.4.0', reason: 'bench', 'poll-interval': '100ms' },
      { echo: (text) => lines.push({ at: Date.now(), text }) },
    );
    const ended = Date.now();
    if (result.outputs['result'] !== 'rolled-back')
      throw new Error(`rollback bench: the rollback did not succeed:\n${result.stdout}`);
    const at = (re: RegExp): number => {
      const line = lines.find((l) => re.test(l.text));
      if (!line) throw new Error(`rollback bench: no log line matches ${re}`);
      return line.at;
    };
    const verified = at(/✓ Verify/);
    const switchStarted = at(/Update service|UpdateService/);
    const verification = verified - at(/✓ Update service/);
    // App Runner's deployment: PENDING (deployPending), then IN_PROGRESS (deploy).
    const operation = world.sim.scaled(
      world.sim.fixture.durations.deployPending + world.sim.fixture.durations.deploy,
    );
    const snapshot = world.sim.scaled(world.sim.fixture.durations.snapshot);
    const ratio = (verified - started) / (operation + verification);
    return [
      {
        name: `modelled operation at ×${SCALE} (15 s pending + 2 min)`,
        value: operation,
        unit: 'ms',
      },
      { name: `modelled forensics snapshot at ×${SCALE} (6 min)`, value: snapshot, unit: 'ms' },
      { name: 'verification (measured)', value: verification, unit: 'ms' },
      {
        name: 'spawn → switch started (start-up, preflight, history)',
        value: switchStarted - started,
        unit: 'ms',
      },
      { name: 'spawn → rolled-back version verified', value: verified - started, unit: 'ms' },
      {
        name: 'spawn → exit (the snapshot awaited after recovery)',
        value: ended - started,
        unit: 'ms',
      },
      {
        name: 'time to recovery / (operation + verification)',
        value: ratio,
        unit: 'x',
        target: '≤ 1.05',
        ok: ratio <= 1.05,
      },
      {
        name: 'the same with the snapshot first (model)',
        value: (snapshot + operation + verification) / (operation + verification),
        unit: 'x',
        note: 'what the rollback took before it switched first',
      },
    ];
  } finally {
    await world.stop();
  }
}
