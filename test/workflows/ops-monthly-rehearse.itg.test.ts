/**
 * `npm run rehearse -- ops-monthly`, as a test: the generated ops-monthly.yml against the sim
 * with drop-db backed by a real PostgreSQL. Production's monthly list holds a restore drill:
 * it restores the newest snapshot into a drill instance, counts the `users` rows there, deletes
 * the instance and records the restore time in audit_log.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../core/checks/report.js';
import { readRestoreDrills } from '../../core/drill/record.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import {
  drillRehearsalFixture,
  drillRehearsalOptions,
} from '../../workflows-src/rehearse/drill.js';
import { rehearseWorkflow } from '../../workflows-src/rehearse/engine.js';

const WORKFLOW = path.join(import.meta.dirname, '../../.github/workflows/ops-monthly.yml');

let sim: SimHandle | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('ops-monthly.yml rehearsed with a real restore drill', () => {
  it('restores real data, counts users, deletes the drill instance and records the restore time', async () => {
    sim = await startSim({ timeScale: 0.002, fixture: drillRehearsalFixture() });
    const options = await drillRehearsalOptions(sim);
    const result = await rehearseWorkflow({ workflow: WORKFLOW, event: 'schedule', ...options });
    expect(result.conclusion, result.log.join('\n')).toBe('success');

    const step = result.jobs['checks-production']?.steps.find((s) => s.label === 'checks');
    const report = JSON.parse(
      readFileSync(step?.action?.outputs['report'] as string, 'utf8'),
    ) as CheckReport;
    const drill = report.checks.find((c) => c.type === 'snapshot-restore');
    expect(drill?.status, drill?.line).toBe('pass');
    const observed = drill?.observed as { values: { users: unknown }; drillInstance: string };
    expect(Number(observed.values.users)).toBeGreaterThan(0);
    expect(observed.drillInstance).toMatch(/^drop-db-drill-\d{8}$/);

    // Nothing left running, and the restore time is on record.
    const rds = new RDSClient(sim.clientConfig({ maxAttempts: 1 }));
    const instances = await rds.send(new DescribeDBInstancesCommand({}));
    rds.destroy();
    expect((instances.DBInstances ?? []).map((i) => i.DBInstanceIdentifier)).toEqual(['drop-db']);
    expect(
      sim
        .calls({ service: 'rds', operation: 'DeleteDBInstance' })
        .map((c) => (c.params as Record<string, unknown>)['DBInstanceIdentifier']),
    ).toEqual([observed.drillInstance]);
    const [record] = await readRestoreDrills(sim.database('drop-db').adminUrl, 'drop-db', 1);
    expect(record).toMatchObject({ result: 'pass', drillInstance: observed.drillInstance });
    expect(record!.restoreMs).toBeGreaterThan(0);
    expect(record!.deleteMs).toBeGreaterThan(0);
  });
});
