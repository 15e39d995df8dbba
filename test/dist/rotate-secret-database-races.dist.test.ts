/**
 * The database kinds under races, through the built bundle against the sim with a real
 * PostgreSQL: two runs of the same secret started together, and a run lost half way followed by
 * a new run (another run id). One run finishes, the other stops before any change; the app's
 * database password is never refused (database-user: the role altered is the one the service
 * does not run), or, for rds-master-password and rds-managed, only inside the window of the
 * rotation that changed it (RDS's change to the end of the redeploy that ships the new value):
 * the other run adds none; the next run is clean.
 */
import {
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DescribeDBInstancesCommand,
  ModifyDBInstanceCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { credentialsOf, tryLogin, withCredentials } from '../../core/rotation/values.js';
import {
  MANAGED_SECRETS_YAML,
  startRotationWorld,
  type RotationWorld,
} from '../../sim/rotation-world.js';
import type { ActionRun } from '../../sim/run-action.js';
import type { FaultRule } from '../../sim/faults.js';
import { probeHealth } from '../helpers/health-probe.js';

const worlds: RotationWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

const labelled = (world: RotationWorld, id: string, stage: string): string[] =>
  world.sim
    .secret(id)
    .versions.filter((v) => v.stages.includes(stage))
    .map((v) => v.id);

/** When each `step done: DATABASE_URL <step>` line of a run arrived (wall clock). */
function stepClock(): { echo: (line: string) => void; at: Map<string, number> } {
  const at = new Map<string, number>();
  return {
    at,
    echo: (line) => {
      const step = /step done: DATABASE_URL (\S+)/.exec(line)?.[1];
      if (step && !at.has(step)) at.set(step, Date.now());
    },
  };
}

/** Labels only a run's staging puts on, left behind. */
const unlabelled = (world: RotationWorld, id: string): string[] =>
  world.sim
    .secret(id)
    .versions.flatMap((v) => v.stages.filter((l) => l.startsWith('APPRUNNER_OPS_STAGING_')));

const errorOf = (run: ActionRun): string =>
  run.annotations.find((a) => a.level === 'error')?.message ?? '';

const KINDS = [
  { kind: 'database-user', appUser: true, secretId: 'drop/production/app-database-url' },
  { kind: 'rds-master-password', appUser: false, secretId: 'drop/production/database-url' },
] as const;

/**
 * How two runs meet. `together`: started at once, whatever the machine makes of it. The others
 * fix one interleaving with a latency the sim adds before the first matching call runs, whichever
 * run makes it: `late-snapshot` holds one run's read of the versions until the other has staged
 * its own (a run that read the labels before and the versions after took the next version id and
 * AWSPENDING from the other, then met its change: RDS refused, undone; or the same clone role
 * altered twice); `late-put` holds one run's PutSecretValue until the other's is in
 * (rds-managed: both stage the same value under the same id, which Secrets Manager accepts
 * twice, and both finished and redeployed).
 */
const INTERLEAVINGS = {
  together: [],
  'late-snapshot': [
    {
      service: 'secretsmanager',
      operation: 'ListSecretVersionIds',
      kind: 'latency',
      latencyMs: 1_500,
      times: 1,
    },
    // The other run, once staged, is held at its first label move, so the late read finds its
    // rotation under way rather than finished, and (rds-master-password) its ModifyDBInstance
    // arrives late, so RDS is still available when the late run checks it.
    {
      service: 'secretsmanager',
      operation: 'UpdateSecretVersionStage',
      kind: 'latency',
      latencyMs: 4_000,
      times: 1,
    },
    { service: 'rds', operation: 'ModifyDBInstance', kind: 'latency', latencyMs: 2_500, times: 1 },
  ],
  'late-put': [
    {
      service: 'secretsmanager',
      operation: 'PutSecretValue',
      kind: 'latency',
      latencyMs: 400,
      times: 1,
    },
    // The run whose put went first is held at its first label move, so the late put lands
    // while that run's version is staged and AWSCURRENT has not moved.
    {
      service: 'secretsmanager',
      operation: 'UpdateSecretVersionStage',
      kind: 'latency',
      latencyMs: 3_000,
      times: 1,
    },
  ],
} satisfies Record<string, FaultRule[]>;

/** Redeploys by either run: App Runner StartDeployment, or UpdateService pinning the digest. */
const redeploys = (world: RotationWorld): number =>
  world.sim
    .mutatingCalls({ service: 'apprunner' })
    .filter((c) => c.operation === 'StartDeployment' || c.operation === 'UpdateService').length;

describe.each(KINDS)('$kind: two runs at once, a lost run and a new one', (k) => {
  it.each(Object.keys(INTERLEAVINGS) as (keyof typeof INTERLEAVINGS)[])(
    'two runs (%s): one rotates, the other stops before any change; the next run is clean',
    async (how) => {
      const world = await startRotationWorld({ appUser: k.appUser });
      worlds.push(world);
      world.sim.clearCalls();
      world.sim.setFaults({ rules: INTERLEAVINGS[how] });
      const probes = probeHealth(world);
      const clocks = [stepClock(), stepClock()] as const;
      const [a, b] = await Promise.all([
        world.rotate({ secret: 'DATABASE_URL' }, { runId: '9101', echo: clocks[0].echo }),
        world.rotate({ secret: 'DATABASE_URL' }, { runId: '9102', echo: clocks[1].echo }),
      ]);
      world.sim.setFaults({ rules: [] });
      const statuses = await probes.stop();
      expect([a.exitCode, b.exitCode].sort(), `${a.stdout}\n----\n${b.stdout}`).toEqual([0, 1]);
      const loser = a.exitCode === 1 ? a : b;
      const winner = clocks[a.exitCode === 0 ? 0 : 1];
      expect(errorOf(loser)).toMatch(/a rotation is under way or was lost|another rotation of/);
      expect(errorOf(loser)).not.toMatch(/unexpected error|a bug|undone|another writer/);
      // The loser changed nothing: no undo step, no database change of its own.
      expect(loser.stdout).not.toMatch(
        /step \w+: DATABASE_URL (undo\S*|modify-db-instance|alter-role) /,
      );
      // Only the winner changed the database, and only the winner redeployed.
      if (k.kind === 'rds-master-password')
        expect(
          world.sim.mutatingCalls({ service: 'rds', operation: 'ModifyDBInstance' }),
        ).toHaveLength(1);
      expect(redeploys(world)).toBe(1);
      const refused = statuses.filter((p) => p.status !== 200);
      console.log(
        `${k.kind}, two runs (${how}): ${statuses.length} health probes, ${refused.length} refused`,
      );
      // database-user never refuses the app: the role altered is the one it does not run.
      if (k.kind === 'database-user') expect(refused).toEqual([]);
      else {
        // rds-master-password: one master password, which RDS changes before the redeploy can
        // ship it (App Runner and ECS read secrets only at a deployment), so the app's new
        // connections are refused from the winner's ModifyDBInstance to the end of its
        // redeploy: that window is the winner's own (README, rds-master-password). The loser
        // adds none: it changed nothing, and no refusal falls outside the winner's window.
        const [modify] = world.sim.calls({ service: 'rds', operation: 'ModifyDBInstance' });
        const verified = winner.at.get('verify-health')!;
        expect(verified).toBeGreaterThan(modify!.time);
        expect(refused.filter((p) => p.at < modify!.time || p.at > verified)).toEqual([]);
      }
      expect((await fetch(`${world.sim.serviceUrl('drop-web')}/api/health`)).status).toBe(200);
      expect(statuses.length).toBeGreaterThan(5);
      expect(labelled(world, k.secretId, 'AWSPENDING')).toEqual([]);
      expect(labelled(world, k.secretId, 'AWSCURRENT')).toHaveLength(1);
      expect(unlabelled(world, k.secretId)).toEqual([]);
      const url = world.sim.secret(k.secretId).current!;
      expect(world.sim.service('drop-web').running.env['DATABASE_URL']).toBe(url);
      expect((await tryLogin(url)).ok).toBe(true);
      const next = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '9103' });
      expect(next.exitCode, next.stdout).toBe(0);
    },
  );

  it('a run lost after AWSCURRENT moved, then a new run: the password the app runs is never refused, and the lost value is deployed', async () => {
    const world = await startRotationWorld({ appUser: k.appUser });
    worlds.push(world);
    const lost = await world.rotate(
      { secret: 'DATABASE_URL' },
      { runId: '9201', killOn: /step done: DATABASE_URL move-current/ },
    );
    expect(lost.signal).toBe('SIGKILL');
    const moved = world.sim.secret(k.secretId).current!;
    const runs = world.sim.service('drop-web').running.env['DATABASE_URL']!;
    expect(runs).not.toBe(moved);

    const probes = probeHealth(world);
    const stopped = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '9202' });
    expect(stopped.exitCode).toBe(1);
    expect(errorOf(stopped)).toMatch(/is not deployed yet.*nothing was changed/);
    const resumed = await world.rotate(
      { secret: 'DATABASE_URL', unfinished: 'resume' },
      { runId: '9203' },
    );
    const statuses = await probes.stop();
    expect(resumed.exitCode, resumed.stdout).toBe(0);
    // Resumed, not rotated again: the lost run's value is what the service runs now.
    expect(world.sim.secret(k.secretId).current).toBe(moved);
    expect(world.sim.service('drop-web').running.env['DATABASE_URL']).toBe(moved);
    if (k.kind === 'database-user') expect(statuses.filter((p) => p.status !== 200)).toEqual([]);
    // rds-master-password: RDS took the new password before the run was lost, so new
    // connections with the old one fail until the redeploy (the kind's documented window);
    // the new run ends it.
    else expect(statuses.at(-1)?.status).toBe(200);
    expect((await tryLogin(moved)).ok).toBe(true);
    expect(labelled(world, k.secretId, 'AWSPENDING')).toEqual([]);
    const next = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '9204' });
    expect(next.exitCode, next.stdout).toBe(0);
  });
});

describe('rds-managed: two runs at once', () => {
  it.each(Object.keys(INTERLEAVINGS) as (keyof typeof INTERLEAVINGS)[])(
    'two runs (%s) after RDS rotated its secret: DATABASE_URL is rebuilt and redeployed once, neither crashes; the next run is clean',
    async (how) => {
      const world = await startRotationWorld({
        managedMaster: true,
        secretsYaml: MANAGED_SECRETS_YAML,
      });
      worlds.push(world);
      const id = 'drop/production/database-url';
      await world.sim.rotateManagedMasterSecret('drop-db');
      const before = world.sim.secret(id).versions.length;
      world.sim.clearCalls();
      world.sim.setFaults({ rules: INTERLEAVINGS[how] });
      const probes = probeHealth(world);
      const clocks = [stepClock(), stepClock()] as const;
      const [a, b] = await Promise.all([
        world.rotate({ secret: 'DATABASE_URL' }, { runId: '9301', echo: clocks[0].echo }),
        world.rotate({ secret: 'DATABASE_URL' }, { runId: '9302', echo: clocks[1].echo }),
      ]);
      world.sim.setFaults({ rules: [] });
      const statuses = await probes.stop();
      const outcome = `${a.stdout}\n----\n${b.stdout}`;
      console.log(`rds-managed, two runs (${how}): exit codes ${a.exitCode}, ${b.exitCode}`);
      // Exactly one run rebuilt DATABASE_URL; the other stopped clearly, naming the rotation
      // under way, or (when it started after the first had finished) found it up to date.
      const rebuilt = [a, b].filter((r) => /step done: DATABASE_URL put-pending/.test(r.stdout));
      expect(rebuilt, outcome).toHaveLength(1);
      expect(rebuilt[0]!.exitCode, outcome).toBe(0);
      const other = rebuilt[0] === a ? b : a;
      expect(errorOf(other)).not.toMatch(/unexpected error|a bug|undone|another writer/);
      if (other.exitCode === 0) expect(other.summary).toMatch(/already up to date/);
      else
        expect(errorOf(other)).toMatch(/a rotation is under way or was lost|another rotation of/);
      // RDS's rotation broke the URL the app runs before either run started (rds-managed's
      // window, README); the run that rebuilt it ends the window at its redeploy's
      // verification, and the other adds no refusal after it.
      const verified = clocks[rebuilt[0] === a ? 0 : 1].at.get('verify-health');
      expect(verified).toBeDefined();
      expect(statuses.filter((p) => p.at > verified! && p.status !== 200)).toEqual([]);
      // One new version and one redeploy; no label left behind.
      expect(world.sim.secret(id).versions.length).toBe(before + 1);
      expect(redeploys(world)).toBe(1);
      expect(labelled(world, id, 'AWSPENDING')).toEqual([]);
      expect(labelled(world, id, 'AWSCURRENT')).toHaveLength(1);
      expect(unlabelled(world, id)).toEqual([]);
      const url = world.sim.secret(id).current!;
      expect((await tryLogin(url)).ok).toBe(true);
      expect(world.sim.service('drop-web').running.env['DATABASE_URL']).toBe(url);
      expect((await fetch(`${world.sim.serviceUrl('drop-web')}/api/health`)).status).toBe(200);
      const next = await world.rotate({ secret: 'DATABASE_URL' }, { runId: '9303' });
      expect(next.exitCode, next.stdout).toBe(0);
      expect(next.summary).toMatch(/already up to date/);
    },
  );
});

describe('rds-master-password: RDS refuses the new password for another change under way', () => {
  it('the run withdraws its own version and stops naming the other change; the other password is not set back', async () => {
    // RDS applies a master password in 20 modelled minutes here, so the other change is still
    // being applied when the run's ModifyDBInstance, held by the sim, arrives.
    const world = await startRotationWorld({ masterPasswordApply: 20 * 60_000 });
    worlds.push(world);
    const id = 'drop/production/database-url';
    const before = world.sim.secret(id).current!;
    world.sim.clearCalls();
    world.sim.setFaults({
      rules: [
        {
          service: 'rds',
          operation: 'ModifyDBInstance',
          kind: 'latency',
          latencyMs: 1_500,
          times: 1,
        },
      ],
    });
    const running = world.rotate({ secret: 'DATABASE_URL' }, { runId: '9501' });
    // When the run's ModifyDBInstance has arrived (held 1.5 s), someone else changes the
    // master password: RDS is resetting-master-credentials when the run's request runs.
    for (let i = 0; i < 1_000; i++) {
      if (world.sim.calls({ service: 'rds', operation: 'ModifyDBInstance' }).length > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(world.sim.calls({ service: 'rds', operation: 'ModifyDBInstance' })).toHaveLength(1);
    const theirs = 'Someone-Elses-Passw0rd-42';
    const rds = new RDSClient(world.sim.clientConfig({ maxAttempts: 1 }));
    try {
      await rds.send(
        new ModifyDBInstanceCommand({
          DBInstanceIdentifier: 'drop-db',
          MasterUserPassword: theirs,
        }),
      );
    } finally {
      rds.destroy();
    }
    const run = await running;
    world.sim.setFaults({ rules: [] });
    expect(run.exitCode, run.stdout).toBe(1);
    const calls = world.sim.calls({ service: 'rds', operation: 'ModifyDBInstance' });
    expect(calls.map((c) => c.error ?? 'ok')).toEqual(['InvalidDBInstanceState', 'ok']);
    expect(errorOf(run)).toMatch(
      /a rotation is under way or was lost: RDS refused the new master password: drop-db is resetting-master-credentials \(another change of the master password is being applied\); this run's version \S+ was withdrawn, the database was not touched and AWSCURRENT did not move/,
    );
    expect(errorOf(run)).not.toMatch(/unexpected error|a bug|undone/);
    expect(run.stdout).not.toMatch(/step \w+: DATABASE_URL undo/);
    // Nothing set back: the other change is the only ModifyDBInstance that took effect.
    expect(labelled(world, id, 'AWSPENDING')).toEqual([]);
    expect(unlabelled(world, id)).toEqual([]);
    expect(world.sim.secret(id).current === before).toBe(true);
    world.sim.advance(world.sim.scaled(20 * 60_000));
    const { user } = credentialsOf(before, 'DATABASE_URL');
    // RDS marks it applied once PostgreSQL took it (asynchronously): a bounded wait for that.
    const rdsClient = new RDSClient(world.sim.clientConfig({ maxAttempts: 1 }));
    const applied = async (): Promise<boolean> => {
      const out = await rdsClient.send(
        new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'drop-db' }),
      );
      return out.DBInstances?.[0]?.PendingModifiedValues?.MasterUserPassword === undefined;
    };
    try {
      for (let i = 0; i < 100 && !(await applied()); i++)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      rdsClient.destroy();
    }
    expect((await tryLogin(withCredentials(before, user, theirs))).ok).toBe(true);
  });
});

describe('a run lost inside move-current', () => {
  it('AWSPENDING left beside AWSCURRENT is taken off by the next run, which redeploys the lost value', async () => {
    const world = await startRotationWorld({ appUser: true });
    worlds.push(world);
    const id = 'drop/production/app-database-url';
    const lost = await world.rotate(
      { secret: 'DATABASE_URL' },
      { runId: '9401', killOn: /step done: DATABASE_URL move-current/ },
    );
    expect(lost.signal).toBe('SIGKILL');
    const moved = labelled(world, id, 'AWSCURRENT')[0]!;
    // What a run lost between moving AWSCURRENT and taking AWSPENDING off leaves: both labels
    // on the new version (move-current's two calls; a time-offset kill landed there).
    const client = new SecretsManagerClient(world.sim.clientConfig({ maxAttempts: 1 }));
    try {
      await client.send(
        new UpdateSecretVersionStageCommand({
          SecretId: id,
          VersionStage: 'AWSPENDING',
          MoveToVersionId: moved,
        }),
      );
    } finally {
      client.destroy();
    }
    expect(labelled(world, id, 'AWSPENDING')).toEqual([moved]);
    const resumed = await world.rotate(
      { secret: 'DATABASE_URL', unfinished: 'resume' },
      { runId: '9402' },
    );
    expect(resumed.exitCode, resumed.stdout).toBe(0);
    expect(labelled(world, id, 'AWSPENDING')).toEqual([]);
    expect(labelled(world, id, 'AWSCURRENT')).toEqual([moved]);
    // Compared, never printed: the URLs hold passwords.
    expect(
      world.sim.service('drop-web').running.env['DATABASE_URL'] === world.sim.secret(id).current,
    ).toBe(true);
  });
});
