/**
 * incident: a version whose app answers 503 on its health path, deployed through the deploy
 * bundle at the action's default inputs (poll-interval 10s, verify-timeout 5m,
 * verify-failure-limit 3, snapshot on), on App Runner and on ECS Express, with the sim's
 * modelled durations at ×0.1 (inputs scaled alike; the runner's own milliseconds weigh ten
 * times more than they would on AWS, so the ratio is a little pessimistic).
 *
 * Ratio: (new version serving → previous version verified again) ÷ (the platform's rollback
 * operation + the verification of the previous version), target ≤ 1.10 on each target. "New
 * version serving" is the moment the platform's deployment ends (App Runner's operation
 * SUCCEEDED, ECS's deployment SUCCESSFUL): the platform says it alone serves, and the deploy
 * starts verifying. On ECS the canary already sent it all traffic for the last 3.5 min of its
 * deployment; that time is the platform's and not in the ratio. Before verify-failure-limit,
 * verification retried the failing check for its whole verify-timeout (5 min) first.
 */
import { dropFixture, onEcsExpress } from '../test/helpers/target-world.js';
import { startDeployWorld, testConfig, type DeployWorld } from '../sim/deploy-world.js';
import type { SimHandle } from '../sim/index.js';
import type { BenchResult } from './stats.js';

const SCALE = 0.1;
const TARGET = 1.1;

interface Platform {
  name: string;
  config(sim: SimHandle): string;
  /** Real ms when the deploy's deployment ended, the first one started at or after `since`. */
  servedAt(w: DeployWorld, since: number): number;
  /** Modelled ms of the rollback's deployment (an image switch). */
  switchMs(sim: SimHandle): number;
}

const PLATFORMS: Platform[] = [
  {
    name: 'App Runner',
    config: (sim) => testConfig(sim),
    servedAt: (w, since) => {
      const op = w.sim
        .service('drop-web')
        .operations.filter((o) => o.startedAt >= since)
        .at(-1);
      if (op?.status !== 'SUCCEEDED' || op.endedAt === undefined)
        throw new Error(`incident bench: the deploy's operation did not succeed (${op?.status})`);
      return op.endedAt;
    },
    switchMs: (sim) => sim.fixture.durations.deployPending + sim.fixture.durations.deploy,
  },
  {
    name: 'ECS Express',
    config: (sim) => onEcsExpress(testConfig(sim), sim),
    servedAt: (w, since) => {
      const d = w.sim.ecs
        .service('drop-web')
        .deployments.filter((x) => x.createdAt >= since)
        .at(-1);
      const at = d?.history.find((h) => h.status === 'SUCCESSFUL')?.at;
      if (at === undefined)
        throw new Error(`incident bench: the deploy's ECS deployment did not succeed`);
      return at;
    },
    switchMs: (sim) => {
      const d = sim.fixture.ecs.durations;
      return d.pending + d.scaleUp + d.canaryBake + d.bake + d.cleanUp;
    },
  },
];

async function measure(p: Platform, scale: number): Promise<BenchResult[]> {
  const w = await startDeployWorld({ fixture: dropFixture(), timeScale: scale }, p.config);
  try {
    const lines: { at: number; text: string }[] = [];
    const started = Date.now();
    const result = await w.run(
      'deploy',
      {
        image: 'v1.4.1',
        'poll-interval': `${10_000 * scale}ms`,
        'verify-timeout': `${300_000 * scale}ms`,
      },
      // ECS's two canaries take 2.5 min at ×0.1.
      { echo: (text) => lines.push({ at: Date.now(), text }), timeoutMs: 600_000 },
    );
    if (result.outputs['result'] !== 'rolled-back')
      throw new Error(`incident bench (${p.name}): not rolled back:\n${result.stdout}`);
    const at = (re: RegExp): number => {
      const line = lines.find((l) => re.test(l.text));
      if (!line) throw new Error(`incident bench (${p.name}): no log line matches ${re}`);
      return line.at;
    };
    const served = p.servedAt(w, started);
    const verified = at(/✓ Verify rollback/);
    const verification = verified - at(/✓ Roll back/);
    const operation = w.sim.scaled(p.switchMs(w.sim));
    const ratio = (verified - served) / (operation + verification);
    const modelled = (ms: number): number => ms / scale / 1000;
    return [
      {
        name: `${p.name}: new version serving → previous verified (modelled)`,
        value: modelled(verified - served),
        unit: 's',
      },
      {
        name: `${p.name}: the rollback's deployment (modelled)`,
        value: modelled(operation),
        unit: 's',
      },
      {
        name: `${p.name}: verification of the previous version (measured)`,
        value: verification,
        unit: 'ms',
      },
      {
        name: `${p.name}: that ÷ (rollback deployment + verification)`,
        value: ratio,
        unit: 'x',
        target: `≤ ${TARGET}`,
        ok: ratio <= TARGET,
      },
      {
        name: `${p.name}: deploy start → previous verified, 503 app (modelled)`,
        value: modelled(verified - started),
        unit: 's',
        note: `${(modelled(verified - started) / 60).toFixed(1)} min; before verify-failure-limit about ${(modelled(verified - started) / 60 + 5 - 10 / 60).toFixed(1)} min (the 5 min verify-timeout first)`,
      },
    ];
  } finally {
    await w.stop();
  }
}

/** `npm run bench -- --quick`: the same runs at ×0.005 (targets are not judged then). */
export const quick = true;

export async function run(options = { quick: false }): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  // One after the other: side by side they would share two cores and skew each other.
  for (const p of PLATFORMS) results.push(...(await measure(p, options.quick ? 0.005 : SCALE)));
  return results;
}
