import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditEntries } from '../../core/audit/audit-log.js';
import { startPostgres, type LocalPostgres } from '../../sim/postgres.js';
import type { ActionRun } from '../../sim/run-action.js';
import { startDeployWorld, type DeployWorld } from '../helpers/deploy-world.js';
import { dropFixture } from '../helpers/target-world.js';
import { docsPolicy, policyGaps } from '../workflows/iam-policy.js';

// The rollback bundle, run as the runner runs it, against the sim: history from the GitHub
// deployments the deploy bundle recorded (or the audit log), then the same switch and
// verification as deploy.

const errors = (r: ActionRun): string[] =>
  r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
const worlds: DeployWorld[] = [];
let pg: LocalPostgres;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(async () => {
  // docs/iam-policy.json (the role deploy.yml and rollback.yml share) allows every AWS call the
  // rollbacks here (and the deploys that made their history) made, and grants nothing they did
  // not need but what the paths named below need.
  const gaps = policyGaps(
    [docsPolicy('iam-policy.json')],
    worlds.flatMap((w) => w.sim.calls()),
    ROLLBACK_POLICY_ELSEWHERE,
  );
  await Promise.all(worlds.map((w) => w.stop()));
  await pg.stop();
  expect(gaps).toEqual({ denied: [], unneeded: [] });
});

/** Statements and actions of the shared role needed only on a path another test takes. */
const ROLLBACK_POLICY_ELSEWHERE = [
  // build-push (test/dist/build-push.dist.test.ts) logs in to ECR and pushes the image.
  'EcrLogin',
  'ecr:BatchCheckLayerAvailability',
  'ecr:BatchGetImage',
  'ecr:CompleteLayerUpload',
  'ecr:InitiateLayerUpload',
  'ecr:PutImage',
  'ecr:UploadLayerPart',
  // A restart (deploy mode: restart, test/helpers/deploy-targets.ts).
  'apprunner:StartDeployment',
  // The bake period (test/dist/deploy-bake.dist.test.ts).
  'CloudWatchReadRequestMetricsForBake',
  // Pruning pre-deploy snapshots beyond snapshot-retention (test/dist/hardening.dist.test.ts).
  'RdsPruneOwnPreDeploySnapshots',
  // Reading when RDS last rotated its managed master secret, for a DATABASE_URL of kind
  // rds-managed (test/dist/deploy-rds-managed.dist.test.ts).
  'SecretsRdsManagedRotationDate',
];
async function world(options: Parameters<typeof startDeployWorld>[0] = {}): Promise<DeployWorld> {
  const w = await startDeployWorld(options);
  worlds.push(w);
  return w;
}
const running = (w: DeployWorld): string => w.sim.service(w.serviceArn).running.version;
const switches = (w: DeployWorld): number =>
  w.sim
    .calls({ service: 'apprunner', operation: 'UpdateService' })
    .filter((c) => !c.fault && !c.error).length;

async function deployAll(
  w: DeployWorld,
  versions: string[],
  extra: Record<string, string> = {},
): Promise<void> {
  for (const image of versions) {
    const result = await w.run('deploy', { image, snapshot: 'false', ...extra });
    expect(result.outputs['result'], `deploy ${image}: ${errors(result).join('; ')}`).toBe(
      'deployed',
    );
  }
}

describe.concurrent('rollback', () => {
  it('goes back to the last good version, then the one before; a version rolled back from is never chosen again', async () => {
    const w = await world();
    await deployAll(w, ['v1.4.0', 'v1.5.0', 'v1.3.9']); // A, B, C

    const first = await w.run('rollback', { reason: 'checkout errors after C' });
    expect(errors(first)).toEqual([]);
    expect(first.outputs['result']).toBe('rolled-back');
    expect(running(w)).toBe('v1.5.0');
    expect(first.stdout).toMatch(
      /v1\.3\.9 runs; rolling back to v1\.5\.0: last good version before v1\.3\.9 \(from GitHub deployments, deployment \d+\)/,
    );
    expect(first.stdout).toMatch(/✓ Verify: 1 checks passed; reports v1\.5\.0/);
    expect(first.outputs['snapshot-id']).toMatch(/^drop-db-pre-rollback-\d{8}-\d{4}-abc1234$/);
    expect(first.summary).toContain('**Reason:** checkout errors after C');
    const rollbackDeployment = w.sim.github.deployments().at(-1);
    expect(rollbackDeployment?.payload).toMatchObject({
      kind: 'rollback',
      tag: 'v1.5.0',
      reason: 'checkout errors after C',
    });
    expect(rollbackDeployment?.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(JSON.stringify(w.sim.slackMessages().at(-1)?.body)).toContain('checkout errors after C');

    const second = await w.run('rollback', { reason: 'B is also broken' });
    expect(second.outputs['result']).toBe('rolled-back');
    expect(running(w)).toBe('v1.4.0');

    // C and B were rolled back away from; nothing older is good: `previous` refuses and lists names.
    const third = await w.run('rollback', { reason: 'A is broken too' });
    expect(third.exitCode).toBe(1);
    expect(errors(third)).toEqual([
      expect.stringMatching(
        /^rollback: no earlier good version of production in GitHub deployments; name one with to: <tag> or to: <sha256:digest> — candidates in ECR, newest first: .*v1\.5\.0 \(sha256:[0-9a-f]{12}, pushed /,
      ),
    ]);
    expect(running(w)).toBe('v1.4.0');

    // By name, a version rolled back away from is still reachable.
    const byName = await w.run('rollback', {
      to: 'v1.3.9',
      reason: 'C after all: the fault was elsewhere',
    });
    expect(byName.outputs['result']).toBe('rolled-back');
    expect(byName.stdout).toContain(
      'named by to (a version rolled back away from before: chosen by name only)',
    );
    expect(running(w)).toBe('v1.3.9');
  });

  it('rolls back to a named tag and to a digest', async () => {
    const w = await world();
    const byTag = await w.run('rollback', {
      to: 'v1.4.0',
      reason: 'pin the known good build',
      'github-token': '',
    });
    expect(byTag.outputs['result']).toBe('rolled-back');
    expect(running(w)).toBe('v1.4.0');
    const digest = w.sim.images('drop-web').find((i) => i.tags.includes('v1.5.0'))
      ?.digest as string;
    const byDigest = await w.run('rollback', {
      to: digest,
      reason: 'the exact image from the incident notes',
      'github-token': '',
    });
    expect(byDigest.outputs['result']).toBe('rolled-back');
    expect(byDigest.outputs['image']).toBe(
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/drop-web@${digest}`,
    );
    expect(running(w)).toBe('v1.5.0');
  });

  it('reads history from the audit log when there is no GitHub token', async () => {
    const w = await world();
    await deployAll(w, ['v1.4.0', 'v1.5.0'], { 'github-token': '', 'audit-database-url': pg.url });
    const result = await w.run('rollback', {
      reason: 'audit-only history',
      'github-token': '',
      'audit-database-url': pg.url,
    });
    expect(result.outputs['result']).toBe('rolled-back');
    expect(result.stdout).toContain('(from the audit log, audit row');
    expect(running(w)).toBe('v1.4.0');
    const rows = await readAuditEntries(pg.url);
    expect(rows[0]).toMatchObject({
      action: 'rollback_succeeded',
      details: expect.objectContaining({ reason: 'audit-only history', tag: 'v1.4.0' }),
    });
  });

  it('refuses a target that is not in ECR, or no history, listing candidates, and changes nothing', async () => {
    const w = await world();
    w.sim.clearCalls();
    const missing = await w.run('rollback', { to: 'v0.0.1', reason: 'typo in the tag' });
    expect(errors(missing)).toEqual([
      expect.stringMatching(
        /^rollback: tag v0\.0\.1 is not in ECR repository drop-web; candidates in ECR, newest first: v1\.5\.3-crash/,
      ),
    ]);
    const none = await w.run('rollback', { reason: 'nothing was deployed by the suite yet' });
    expect(errors(none)).toEqual([
      expect.stringMatching(
        /^rollback: no earlier good version of production in GitHub deployments or the audit log/,
      ),
    ]);
    expect(w.sim.mutatingCalls()).toEqual([]);
  });

  it('prints the plan and makes no mutating call in a dry run', async () => {
    const w = await world();
    w.sim.clearCalls();
    const result = await w.run('rollback', {
      to: 'v1.4.0',
      reason: 'rehearsing the rollback',
      'dry-run': 'true',
      'down-migration-command': 'echo down',
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['result']).toBe('planned');
    expect(result.stdout).toContain('would: Run the down migration: echo down');
    expect(result.stdout).not.toMatch(/^down$/m);
    expect(w.sim.mutatingCalls()).toEqual([]);
  });

  it('stops before the image changes when the down migration fails', async () => {
    const w = await world();
    const result = await w.run('rollback', {
      to: 'v1.4.0',
      reason: 'bad migration shipped',
      'down-migration-command':
        'echo "reverting 0042_add_column"; echo "relation locked" >&2; exit 3',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('reverting 0042_add_column'); // streamed
    expect(errors(result).at(-1)).toMatch(
      /^rollback: Rollback to v1\.4\.0 stopped: the down migration failed, so the image was not changed and v1\.4\.2 still serves: down migration failed \(exit 3\)/,
    );
    expect(switches(w)).toBe(0);
    expect(running(w)).toBe('v1.4.2');
    expect(w.sim.betterstack.monitors().every((m) => !m.paused)).toBe(true);
  });

  it('says plainly that production is unhealthy when the rolled-back version fails verification', async () => {
    const w = await world();
    const result = await w.run('rollback', {
      to: 'v1.4.1',
      reason: 'operator picked the wrong build',
    });
    expect(result.exitCode).toBe(1);
    expect(result.outputs['result']).toBe('failed');
    expect(errors(result).at(-1)).toMatch(
      /^rollback: Rolled back to v1\.4\.1, but it fails verification \(api-health: .*\): production is unhealthy and nothing more was done automatically$/,
    );
    expect(switches(w)).toBe(1); // nothing more was done
    const slack = JSON.stringify(w.sim.slackMessages().at(-1)?.body);
    expect(slack).toContain('production is unhealthy and nothing more was done automatically');
  });

  it('without a down migration, switches the image while RDS is still copying the forensics snapshot', async () => {
    // An hour-long snapshot (18 s real) against a ~3-minute App Runner update: which finishes
    // first is then the pipeline's doing, not a race with a bundle slowed by a loaded machine
    // (10 minutes was not enough). Once the switch is done, the sim's clock moves to the
    // snapshot's end rather than the test waiting for it.
    const fixture = dropFixture();
    fixture.durations = { ...fixture.durations, snapshot: '1h' };
    const w = await world({ fixture });
    w.sim.clearCalls();
    let moved = false;
    const result = await w.run(
      'rollback',
      { to: 'v1.4.0', reason: 'switch first' },
      {
        echo: (line) => {
          if (moved || !/✓ Update service/.test(line)) return;
          moved = true;
          const made = w.sim.calls({ service: 'rds', operation: 'CreateDBSnapshot' })[0];
          if (made) w.sim.advance(Math.max(0, made.time + w.sim.scaled(60 * 60_000) - Date.now()));
        },
      },
    );
    expect(errors(result)).toEqual([]);
    expect(result.outputs['result']).toBe('rolled-back');
    const created = w.sim.calls({ service: 'rds', operation: 'CreateDBSnapshot' })[0]!;
    const update = w.sim.calls({ service: 'apprunner', operation: 'UpdateService' })[0]!;
    // The switch came well before the snapshot was done.
    const snapshotReady = created.time + w.sim.scaled(w.sim.fixture.durations.snapshot);
    expect(update.time).toBeLessThan(snapshotReady);
    const lines = result.stdout.split('\n');
    const at = (re: RegExp): number => lines.findIndex((l) => re.test(l));
    expect(at(/… Snapshot: drop-db-pre-rollback-.* creating/)).toBeGreaterThan(-1);
    expect(at(/✓ Update service/)).toBeLessThan(
      at(/✓ Snapshot: drop-db-pre-rollback-.* available/),
    );
    // The snapshot is still waited for and reported.
    expect(result.outputs['snapshot-id']).toMatch(/^drop-db-pre-rollback-\d{8}-\d{4}-abc1234$/);
    expect(
      w.sim.snapshots('drop-db').find((x) => x.id === result.outputs['snapshot-id'])?.status,
    ).toBe('available');
  });

  it('with a down migration, the snapshot is available before the migration starts', async () => {
    const w = await world();
    const result = await w.run('rollback', {
      to: 'v1.4.0',
      reason: 'migration shipped with the bad release',
      'down-migration-command': 'echo "reverting 0042_add_column"',
    });
    expect(errors(result)).toEqual([]);
    const lines = result.stdout.split('\n');
    const at = (re: RegExp): number => lines.findIndex((l) => re.test(l));
    expect(at(/✓ Snapshot: drop-db-pre-rollback-.* available/)).toBeGreaterThan(-1);
    expect(at(/✓ Snapshot: drop-db-pre-rollback-.* available/)).toBeLessThan(
      at(/reverting 0042_add_column/),
    );
    expect(at(/▶ Update service/)).toBeGreaterThan(at(/reverting 0042_add_column/));
  });

  it('a forensics snapshot that cannot be taken never stops a rollback without a migration, and is red', async () => {
    const w = await world();
    w.sim.setFaults({
      rules: [{ service: 'rds', operation: 'CreateDBSnapshot', kind: 'access-denied' }],
    });
    const result = await w.run('rollback', { to: 'v1.4.0', reason: 'snapshot refused' });
    w.sim.setFaults({ rules: [] });
    expect(result.outputs['result']).toBe('rolled-back');
    expect(running(w)).toBe('v1.4.0');
    expect(result.outputs['snapshot-id'] ?? '').toBe('');
    expect(result.summary).toMatch(/\| Snapshot \| (❌|✗|failed)/);
    expect(
      result.annotations.filter((a) => a.level === 'warning').map((a) => a.message),
    ).toContainEqual(
      expect.stringMatching(/Snapshot failed \(the run goes on without it\): .*not authorized/),
    );
  });
});
