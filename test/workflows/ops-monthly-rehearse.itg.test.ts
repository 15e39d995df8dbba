/**
 * `npm run rehearse -- ops-monthly`, as a test: the generated ops-monthly.yml against the sim
 * with drop-db backed by a real PostgreSQL. Production's monthly list holds a restore drill:
 * it restores the newest snapshot into a drill instance, counts the `users` rows there, deletes
 * the instance and records the restore time in audit_log. Its `report` item reports the month
 * before (workflows-src/rehearse/monthly-report.ts) and the job uploads it.
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
import { monthlyScenario } from '../../workflows-src/rehearse/monthly-report.js';
import type { OpsReport } from '../../core/report/ops-report.js';

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

    // The ops report of the month before: what the sim and the audit log recorded, uploaded.
    const scenario = monthlyScenario();
    const item = report.checks.find((c) => c.type === 'report');
    expect(item?.status, item?.line).toBe('warn');
    const files = item?.evidence?.['files'] as { json: string; markdown: string };
    const ops = JSON.parse(readFileSync(files.json, 'utf8')) as OpsReport;
    const monitor = ops.availability.monitors.find((m) => m.id === scenario.outage.monitorId);
    const minutes = (scenario.period.end - scenario.period.start) / 60_000;
    expect(Math.abs(monitor!.availability - 100 * (1 - 43 / minutes))).toBeLessThan(0.001);
    expect(ops.delivery.current).toMatchObject({ deploys: 20, changeFailurePercent: 10 });
    expect(ops.traffic.p99Breaches).toEqual(scenario.breachDays);
    // Lead time and gate runs from the sim's GitHub, with the job's own token.
    expect(ops.delivery.github).toEqual({ read: true, source: 'GitHub example/drop' });
    expect(ops.delivery.current.leadTime?.medianMinutes).toBe(169);
    expect(ops.delivery.current.medianRestoreMinutes).toBe(18.5);
    expect(ops.gateRuns?.byGate).toEqual([{ gate: 'go-live', runs: 21, passed: 20, failed: 1 }]);
    const markdown = readFileSync(files.markdown, 'utf8');
    expect(markdown.match(/```mermaid\nxychart-beta/g)).toHaveLength(3);
    expect(result.log.join('\n')).toMatch(
      /kept apprunner-ops-report\/ as artifact "ops-report-production-/,
    );

    const [record] = await readRestoreDrills(sim.database('drop-db').adminUrl, 'drop-db', 1);
    expect(record).toMatchObject({ result: 'pass', drillInstance: observed.drillInstance });
    expect(record!.restoreMs).toBeGreaterThan(0);
    expect(record!.deleteMs).toBeGreaterThan(0);
  });
});
