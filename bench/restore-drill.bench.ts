/**
 * restore-drill: the snapshot-restore check's wall time (leftover scan, snapshot choice,
 * restore, wait, SQL verification, delete, wait, audit row) as a ratio of the sim's modelled
 * restore + delete time. Target ≤ 1.05 at ×0.02 (a 12-minute restore takes 14.4 s): the
 * drill's own costs are fixed (API calls, the sim copying the database, poll lag of ≤ 100 ms
 * per wait, logging in), so at real durations the ratio is closer still to 1.
 */
import { checkItemSchema } from '../core/checks/registry.js';
import { runCheckList } from '../core/checks/run-checks.js';
import { loadFixture, startSim } from '../sim/index.js';
import { withPostgres } from '../sim/rds-postgres.js';
import { simCheckContext, simEnvironment } from '../test/helpers/check-context.js';
import type { BenchResult } from './stats.js';

const SCALE = 0.02;

export async function run(): Promise<BenchResult[]> {
  const sim = await startSim({ fixture: withPostgres(loadFixture()), timeScale: SCALE });
  try {
    const db = sim.database('drop-db');
    const ctx = simCheckContext(sim, {
      env: simEnvironment(sim, sim.service('drop-web').arn, { database: { instance: 'drop-db' } }),
      secrets: { databaseUrl: db.masterUrl, auditDatabaseUrl: db.masterUrl },
    });
    const item = checkItemSchema.parse({
      type: 'snapshot-restore',
      'poll-interval': '100ms',
      ssl: false,
      queries: [
        { name: 'users', sql: 'SELECT COUNT(*) FROM users', expect: { 'greater-than': 0 } },
      ],
    });
    const started = Date.now();
    const [result] = await runCheckList([item], ctx);
    const wall = Date.now() - started;
    if (result?.status !== 'pass')
      throw new Error(`restore-drill bench: the drill did not pass: ${result?.line}`);
    const restoreModel = sim.scaled(sim.fixture.durations.restore);
    const deleteModel = sim.scaled(sim.fixture.durations.deleteInstance);
    const ratio = wall / (restoreModel + deleteModel);
    const observed = result.observed ?? {};
    return [
      {
        name: `modelled restore + delete at ×${SCALE}`,
        value: restoreModel + deleteModel,
        unit: 'ms',
      },
      { name: 'drill wall time (check start → result)', value: wall, unit: 'ms' },
      {
        name: 'measured restore (RTO) / modelled restore',
        value: Number(observed['restoreMs']) / restoreModel,
        unit: 'x',
      },
      {
        name: 'measured delete / modelled delete',
        value: Number(observed['deleteMs']) / deleteModel,
        unit: 'x',
      },
      {
        name: 'drill wall time / modelled restore + delete',
        value: ratio,
        unit: 'x',
        target: '≤ 1.05',
        ok: ratio <= 1.05,
      },
    ];
  } finally {
    await sim.stop();
  }
}
