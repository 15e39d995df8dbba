/**
 * A rotation of each kind killed (SIGKILL: a lost runner, no post step) at seeded moments spread
 * over the whole run: one uninterrupted run is timed first (from its first output to its end),
 * then each later run is killed at a seeded fraction of that time, wherever it is by then
 * (inside a wait for RDS, a login retry, the redeploy's polling, between two calls). Then a restart of the same environment (the
 * environment's queue), then a new run (another run id) told to resume, while a probe asks the
 * app's health (a new database connection each time) and, for the JWT kind, users' tokens are
 * checked. For each moment:
 * - the restart never ships a value that cannot log in: it stops in preflight (an unfinished
 *   rotation, or for rds-managed a DATABASE_URL older than RDS's last rotation of its secret),
 *   or deploys one that works;
 * - the new run ends green with exactly one AWSCURRENT, no AWSPENDING and a healthy service;
 * - the lost run's version is resumed (it is AWSCURRENT) or undone (it holds no label);
 * - nobody is logged out (a token signed before the kill is accepted after the new run);
 * - the app's database password is never refused (database-user, JWT). rds-master-password and
 *   rds-managed have one inherent window each (RDS changes the only password the app has before
 *   the redeploy can ship it, README "Rotation"): refusals stay inside it, from RDS's change to
 *   the end of the run that ships the new value, and none before or after.
 * The seed, the offsets and where each kill landed are printed; ROTATE_KILL_SEED replays them.
 * The kinds run side by side (one world, one PostgreSQL each) on the sim's fast time scale.
 */
import { describe, it } from 'vitest';
import { UNDEPLOYED } from '../../core/rotation/token.js';
import { tryLogin } from '../../core/rotation/values.js';
import {
  MANAGED_SECRETS_YAML,
  startRotationWorld,
  type RotationWorld,
} from '../../sim/rotation-world.js';
import { RUN_TIMEOUT_MS } from '../../sim/run-action.js';
import { ME_PATH, SESSION_PATH } from '../../sim/sample-app.js';
import { probeHealth, type Probe } from '../helpers/health-probe.js';

const SEED = Number(process.env['ROTATE_KILL_SEED'] ?? Date.now() % 100_000);
const POINTS_PER_KIND = 3;

/** mulberry32: a small seeded generator, so a failing seed replays the same offsets. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Kind {
  kind: 'random' | 'rds-master-password' | 'database-user' | 'rds-managed';
  name: string;
  secretId: string;
  world: Parameters<typeof startRotationWorld>[0];
  /** RDS changes the password the app runs before the redeploy ships the new one. */
  window: boolean;
}

const KINDS: Kind[] = [
  {
    kind: 'random',
    name: 'JWT_SECRET',
    secretId: 'drop/production/jwt-secret',
    // Two phases (next-secret-id), as the README recommends; one DATABASE_URL, never rotated here.
    world: { nextKey: true },
    window: false,
  },
  {
    kind: 'rds-master-password',
    name: 'DATABASE_URL',
    secretId: 'drop/production/database-url',
    world: {},
    window: true,
  },
  {
    kind: 'database-user',
    name: 'DATABASE_URL',
    secretId: 'drop/production/app-database-url',
    world: { appUser: true },
    window: false,
  },
  {
    // RDS rotates its managed secret before each run (the run rebuilds DATABASE_URL from it).
    kind: 'rds-managed',
    name: 'DATABASE_URL',
    secretId: 'drop/production/database-url',
    world: { managedMaster: true, secretsYaml: MANAGED_SECRETS_YAML },
    window: true,
  },
];

const stagesOf = (world: RotationWorld, id: string, versionId: string): string[] =>
  world.sim.secret(id).versions.find((v) => v.id === versionId)?.stages ?? [];

/** Where a killed run was: after its last step (done or failed). */
const landedIn = (stdout: string): string => {
  const last = [...stdout.matchAll(/step (done|failed|skipped): \S+ (\S+)/g)].at(-1);
  return last ? `after ${last[2]}${last[1] === 'done' ? '' : ` (${last[1]})`}` : 'in preflight';
};

/** A user's token, minted by the app as it runs now. */
async function signIn(world: RotationWorld): Promise<string> {
  const res = await fetch(`${world.sim.serviceUrl('drop-web')}${SESSION_PATH}`, {
    method: 'POST',
  });
  const { data } = (await res.json()) as { data: { token: string } };
  return data.token;
}

async function accepted(world: RotationWorld, token: string): Promise<boolean> {
  const res = await fetch(`${world.sim.serviceUrl('drop-web')}${ME_PATH}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  return res.status === 200;
}

/**
 * The test's safety net is the sum of its runs' own deadlines (each run of a bundle is stopped
 * at RUN_TIMEOUT_MS): the timed run, then the kill, the restart and the new run at each moment.
 */
const RUNS_PER_KIND = 1 + POINTS_PER_KIND * 3;

describe.concurrent(`rotations killed at seeded moments (seed ${SEED})`, () => {
  it.for(KINDS)(
    'of kind $kind: a restart never ships a dead value, a new run ends clean, nobody is logged out',
    { timeout: RUNS_PER_KIND * RUN_TIMEOUT_MS },
    async (k, { expect }) => {
      const random = seeded(SEED + KINDS.indexOf(k));
      const world = await startRotationWorld({ ...k.world, timeScale: 0.002 });
      const inputs = { secret: k.name, 'login-timeout': '1s' };
      const managed = k.kind === 'rds-managed';
      let stopProbes: (() => Promise<Probe[]>) | undefined;
      try {
        // One uninterrupted run, timed: the moments are fractions of it.
        if (managed) await world.sim.rotateManagedMasterSecret('drop-db');
        const timed = await world.rotate(inputs, { runId: '9400' });
        expect(timed.exitCode, timed.stdout).toBe(0);
        // From its first output (its code running) to its end, as killAfterMs counts.
        const whole = timed.durationMs - (timed.firstOutputMs ?? 0);
        const fractions = Array.from({ length: POINTS_PER_KIND }, () => random());
        const offsets = fractions.map((f) => Math.round(f * whole));
        console.log(
          `seed ${SEED}, ${k.kind}: a whole run took ${Math.round(whole)} ms; killed at ${offsets.map((o) => `${o} ms`).join(', ')}`,
        );
        for (const [i, offset] of offsets.entries()) {
          let label = `${k.kind} killed at ${offset} ms of ${Math.round(whole)} (seed ${SEED})`;
          const id = k.secretId;
          const token = k.kind === 'random' ? await signIn(world) : undefined;
          const before = world.sim.service('drop-web').running.env['DATABASE_URL']!;
          const versionsBefore = world.sim.secret(k.secretId).versions.length;
          const probes = probeHealth(world, 50);
          stopProbes = probes.stop;
          const pointStart = Date.now();
          if (managed) await world.sim.rotateManagedMasterSecret('drop-db');
          const killed = await world.rotate(inputs, {
            runId: `${9500 + i}`,
            killAfterMs: offset,
          });
          label += `, ${killed.signal === 'SIGKILL' ? landedIn(killed.stdout) : 'after the run had ended'}`;
          console.log(label);
          // What the lost run left: an AWSPENDING, or an AWSCURRENT not deployed yet.
          const left = world.sim
            .secret(id)
            .versions.find(
              (v) =>
                v.stages.includes('AWSPENDING') ||
                (v.stages.includes('AWSCURRENT') && v.stages.includes(UNDEPLOYED)),
            )?.id;

          const restart = await world.run('deploy', { mode: 'restart', reason: 'queued restart' });
          const shipped = world.sim.service('drop-web').running.env['DATABASE_URL']!;
          if (managed && !left && world.sim.secret(id).versions.length === versionsBefore) {
            // rds-managed killed before it staged anything: DATABASE_URL is older than the
            // password RDS just rotated, so the restart stops in preflight rather than ship
            // it again, and changes nothing (compared, never printed: the URLs hold passwords).
            expect(restart.exitCode, label).not.toBe(0);
            expect(restart.annotations.find((a) => a.level === 'error')?.message, label).toMatch(
              /before RDS rotated its managed master secret .*nothing was changed/,
            );
            expect(shipped === before, `${label}: the restart shipped another URL`).toBe(true);
            console.log(`${label}: nothing staged; the restart stopped in preflight`);
          } else if (restart.exitCode === 0)
            expect((await tryLogin(shipped)).ok, `${label}: the restart shipped a dead URL`).toBe(
              true,
            );
          else
            expect(restart.annotations.find((a) => a.level === 'error')?.message, label).toMatch(
              /has an unfinished rotation/,
            );
          // Nobody is logged out by a lost run: the token signed before it still works.
          if (token)
            expect(await accepted(world, token), `${label}: logged out by the lost run`).toBe(true);
          const tokenBeforeRerun = k.kind === 'random' ? await signIn(world) : undefined;

          const rerun = await world.rotate(
            { ...inputs, unfinished: 'resume' },
            { runId: `${9600 + i}` },
          );
          const rerunEnd = Date.now();
          const statuses = await probes.stop();
          stopProbes = undefined;
          expect(rerun.exitCode, `${label}: ${rerun.stdout}`).toBe(0);
          // Ids and labels only: an assertion's diff must never print a value.
          const versions = world.sim
            .secret(id)
            .versions.map((v) => ({ id: v.id, stages: v.stages }));
          expect(
            versions.filter((v) => v.stages.includes('AWSCURRENT')),
            label,
          ).toHaveLength(1);
          expect(
            versions.filter((v) => v.stages.includes('AWSPENDING')),
            label,
          ).toEqual([]);
          // The lost run's version was finished (AWSCURRENT) or undone (no label left).
          if (left) {
            const stages = stagesOf(world, id, left);
            expect(
              stages.includes('AWSCURRENT') || stages.length === 0,
              `${label}: the lost version ${left} is ${stages.join(', ')}`,
            ).toBe(true);
          }
          if (k.kind !== 'random')
            expect((await tryLogin(world.sim.secret(id).current!)).ok, label).toBe(true);
          expect((await fetch(`${world.sim.serviceUrl('drop-web')}/api/health`)).status).toBe(200);
          // Nor by the new run: the token signed just before it still works (two rotations in
          // a row, when the lost run had finished, leave the key before them behind by design).
          if (tokenBeforeRerun)
            expect(await accepted(world, tokenBeforeRerun), `${label}: logged out`).toBe(true);

          // The app's database password: never refused, or (RDS's window) only from RDS's
          // change to the end of the run that shipped the new value.
          const refused = statuses.filter((p) => p.status !== 200);
          console.log(
            `${label}: ${statuses.length} health probes, ${refused.length} refused; the new run ${/was finished/.test(rerun.summary) ? 'finished the lost rotation' : /undone/.test(rerun.summary) ? 'undid the lost rotation' : /resumed at the redeploy/.test(rerun.summary) ? 'resumed at the redeploy' : 'rotated'}`,
          );
          expect(statuses.length, label).toBeGreaterThan(3);
          if (!k.window) expect(refused, label).toEqual([]);
          else {
            const changes = world.sim
              .calls({ service: 'rds', operation: 'ModifyDBInstance' })
              .filter((c) => c.time >= pointStart)
              .map((c) => c.time);
            // rds-managed: RDS's rotation of its secret at the start of the point.
            const windowFrom = managed ? pointStart : Math.min(...changes);
            expect(
              refused.filter((p) => p.at < windowFrom || p.at > rerunEnd),
              label,
            ).toEqual([]);
          }
          // The kill's own signal last: a run that ended before its moment is no failure of
          // the suite, but says the timed run was not representative.
          expect(killed.signal ?? 'ended', label).toMatch(/SIGKILL|ended/);
        }
      } finally {
        await stopProbes?.();
        await world.stop();
      }
    },
  );
});
