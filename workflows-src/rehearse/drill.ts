/**
 * What a rehearsal of the monthly checks needs for a real restore drill: drop-db backed by a
 * real PostgreSQL (seeded with Drop's tables), a `snapshot-restore` check in every
 * environment's monthly list that counts `users`, the read-only URL the checks log in with
 * (`<NAME>_OPS_DATABASE_URL`) and the audit database the drill records its restore time in;
 * and production's `report` item with a month of history (monthly-report.ts).
 * `npm run rehearse -- ops-monthly` uses it.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FixtureInput } from '../../sim/fixture.js';
import type { SimHandle } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { ENVIRONMENTS } from '../environments.js';
import { opsDatabaseSecret } from '../ops.js';
import {
  monthlyScenario,
  recordMonthlyAudit,
  REPORT_ITEM,
  withMonthlyHistory,
} from './monthly-report.js';
import { rehearsalFixture, simConfig, simRehearsalOptions } from './with-sim.js';

const DRILL_ITEM = `        - type: snapshot-restore
          poll-interval: 100ms
          ssl: false
          queries:
            - name: users
              sql: SELECT COUNT(*) FROM users
              expect: { greater-than: 0 }
`;

export function drillRehearsalFixture(): FixtureInput {
  // The month before, as BetterStack and CloudWatch recorded it, for production's ops report.
  return withMonthlyHistory(
    withPostgres(rehearsalFixture() as FixtureInput & { rds: { instances: object[] } }),
    monthlyScenario(),
  );
}

export async function drillRehearsalOptions(
  sim: SimHandle,
  workspaceOptions: { callerWorkflow?: string } = {},
): Promise<Awaited<ReturnType<typeof simRehearsalOptions>>> {
  const options = await simRehearsalOptions(sim, workspaceOptions);
  // Only production restores: both environments share the sim's one database, and two drills
  // of the same instance on the same day would share a drill instance name.
  const config = simConfig(sim).replace(
    /(\n {2}production:\n[\s\S]*?\n {6}monthly:\n)/,
    `$1${DRILL_ITEM}${REPORT_ITEM}`,
  );
  await writeFile(path.join(options.workspace as string, '.github', 'apprunner-ops.yml'), config);
  const db = sim.database('drop-db');
  // The deploys, rollbacks, rotation and drill of that month, in the audit log.
  await recordMonthlyAudit(db.adminUrl, monthlyScenario());
  return {
    ...options,
    secrets: {
      ...options.secrets,
      ...Object.fromEntries(ENVIRONMENTS.map((e) => [opsDatabaseSecret(e.name), db.masterUrl])),
      AUDIT_DATABASE_URL: db.adminUrl,
    },
  };
}
