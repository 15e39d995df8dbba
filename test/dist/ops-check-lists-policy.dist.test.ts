/**
 * The IAM policies of the routine checks both ways, through the built ops-check bundle against
 * the sim, one run per list as the scheduled jobs run them (the example configuration's items
 * that call AWS; sql items use a database URL, not IAM): each job's calls are allowed by the
 * policies docs/ gives that job (iam-policy-ops.json, plus the weekly or the monthly one), and
 * every action those policies allow is used by some list.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../core/checks/report.js';
import { environmentYaml } from '../../sim/deploy-world.js';
import { loadFixture, startSim, type SimHandle, type CallRecord } from '../../sim/index.js';
import { withPostgres } from '../../sim/rds-postgres.js';
import { runActionBundle } from '../../sim/run-action.js';
import { SIM_GITHUB_TOKEN } from '../helpers/check-context.js';
import { docsPolicy, policyGaps } from '../workflows/iam-policy.js';

const LOG_GROUP = '/aws/apprunner/drop-web/8f2c0d1e4b5a4c3d9e8f7a6b5c4d3e2f/application';
// rotation-due reads the rotation dates of the secrets with rotate-every-days.
const SECRETS = `    secrets:
      - name: SESSION_SECRET
        secret-id: drop/production/session-secret
        kind: random
        length: 48
        rotate-every-days: 90
`;
const CHECKS = `    checks:
      daily:
        - type: monitors-green
        - type: service-running
        - type: snapshot-fresh
          max-age: 24h
        - type: health
      weekly:
        - type: free-storage
          min-gib: 2
        - type: ecr-untagged
          delete: false
        - type: lifecycle-policy
        - type: log-errors
          log-group: ${LOG_GROUP}
          pattern: '?ERROR ?FATAL'
          max-count: 10
          window: 168h
      monthly:
        - type: error-rate
          max-percent: 1
          window: 720h
        - type: latency-p99
          max-ms: 1500
          window: 720h
        - type: snapshot-restore
          poll-interval: 20ms
          ssl: false
          queries:
            - name: users
              sql: SELECT COUNT(*) FROM users
              expect: { greater-than: 0 }
        - type: rotation-due
`;

/** The policies docs/data-safety.md and docs/setup.md give each list's job. */
const POLICIES = {
  daily: ['iam-policy-ops.json'],
  weekly: ['iam-policy-ops.json', 'iam-policy-ops-weekly.json'],
  monthly: ['iam-policy-ops.json', 'iam-policy-ops-monthly.json'],
} as const;

describe('ops-check bundle: every routine list against its IAM policies', () => {
  let sim: SimHandle;
  let workspace: string;
  const calls: Record<string, CallRecord[]> = {};
  beforeAll(async () => {
    // drop-db backed by a real PostgreSQL, so the drill restores and queries real data.
    sim = await startSim({ fixture: withPostgres(loadFixture()), timeScale: 0.002 });
    // The secret rotation-due ages, as the operator created it.
    const secrets = new SecretsManagerClient(sim.clientConfig({ maxAttempts: 1 }));
    await secrets.send(
      new CreateSecretCommand({
        Name: 'drop/production/session-secret',
        SecretString: 'x'.repeat(48),
      }),
    );
    secrets.destroy();
    workspace = await mkdtemp(path.join(os.tmpdir(), 'ops-lists-policy-'));
    await writeFile(
      path.join(workspace, 'apprunner-ops.yml'),
      `version: 1\nenvironments:\n${environmentYaml(
        sim,
        'production',
        sim.service('drop-web').arn,
        {
          database: '      instance: drop-db',
        },
      )}${SECRETS}${CHECKS}`,
    );
  });
  afterAll(async () => {
    await sim?.stop();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  for (const list of ['daily', 'weekly', 'monthly'] as const)
    it(`${list}: every call is allowed by ${POLICIES[list].join(' + ')}`, async () => {
      sim.clearCalls();
      const run = await runActionBundle({
        action: 'ops-check',
        cwd: workspace,
        env: {
          ...sim.env,
          BETTERSTACK_API_URL: sim.env['SIM_BETTERSTACK_API_URL']!.replace(/\/api\/v2$/, ''),
        },
        inputs: {
          config: 'apprunner-ops.yml',
          environment: 'production',
          schedule: list,
          'github-token': SIM_GITHUB_TOKEN,
          'betterstack-token': sim.env['SIM_BETTERSTACK_TOKEN']!,
          'database-url': sim.database('drop-db').masterUrl,
          'open-issue': 'false',
          cleanup: 'skip',
        },
      });
      expect(run.outputs['report'], run.stdout + run.stderr).toBeDefined();
      const report = JSON.parse(await readFile(run.outputs['report']!, 'utf8')) as CheckReport;
      // Each check read its data (no error): a check that stopped early would hide a call.
      expect(
        report.checks.filter((c) => c.status === 'error').map((c) => `${c.id}: ${c.line}`),
      ).toEqual([]);
      calls[list] = sim.calls();
      expect(policyGaps(POLICIES[list].map(docsPolicy), calls[list]).denied).toEqual([]);
    });

  it('every action the three policies allow is used by some list', () => {
    expect(Object.keys(calls)).toEqual(['daily', 'weekly', 'monthly']);
    const all = Object.values(calls).flat();
    const policies = [...new Set(Object.values(POLICIES).flat())].map(docsPolicy);
    // The master secret is read only when snapshot-restore names master-secret, and the
    // point-in-time restore only with from: pitr (test/checks/snapshot-restore.itg.test.ts
    // takes both paths; these lists run the snapshot drill).
    expect(
      policyGaps(policies, all, [
        'DrillReadsTheMasterSecretWhenConfigured',
        'DrillPointInTimeRestoreOnlyIntoTaggedDrillInstances',
        'DrillPointInTimeRestoreReadsTheSourceAndGroups',
      ]),
    ).toEqual({
      denied: [],
      unneeded: [],
    });
  });
});
