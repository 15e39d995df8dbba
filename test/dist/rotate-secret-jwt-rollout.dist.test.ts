/**
 * A JWT key rotation while the rollout runs old and new instances side by side (ECS Express's
 * canary: 5 % of requests to the new tasks for three minutes; App Runner with a one-minute
 * switch-over, old and new taking turns), through the built bundle: users
 * keep signing in and calling the app the whole time, each token is sent back many times, and
 * every answer says which instance gave it. With `next-secret-id` (two phases) every token
 * minted by either version is accepted by both during each rollout; with one phase, tokens the
 * new instances sign are refused by the old ones, which is what the two phases are for. ECS's
 * canary alarm counts every answer the service's tasks give (the old tasks' 401s included): one
 * phase trips it and the redeploy is rolled back (the rotation undone); two phases do not.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ROTATION_SECRETS_YAML,
  startRotationWorld,
  withNextKey,
  type RotationWorld,
} from '../../sim/rotation-world.js';
import { ME_PATH, SESSION_PATH } from '../../sim/sample-app.js';
import type { ActionRun } from '../../sim/run-action.js';
import type { SimHandle } from '../../sim/index.js';
import { signToken } from '../../examples/app/jwt-keys.js';
import { everythingRecorded } from '../helpers/rotation-records.js';

const JWT = 'drop/production/jwt-secret';
/** The previous key the rotation world seeds: the one before the rotated key. */
const OLDER_KEY = 'sim-older-jwt-secret-value';
const worlds: RotationWorld[] = [];
afterAll(async () => {
  await Promise.all(worlds.map((w) => w.stop()));
});

interface Check {
  minter: string;
  checker: string;
  status: number;
}

interface Traffic<T = ActionRun> {
  run: T;
  checks: Check[];
  tokens: number;
  /** Instances in the order they first answered: 0 runs before the rotation, then each rollout's. */
  generations: string[];
}

/**
 * Modelled time per request of the users' traffic while a rollout has old and new instances
 * answering together (ECS from its scale-up on, so the canary starts on a held clock): at most
 * this much passes between two of their requests (sim.pace), however busy the machine is.
 * 3 s: ECS's three-minute canary holds at least 60 requests, 3 of them on the new tasks (the
 * load balancer's 1 in 20), one of each kind of a round (3 requests, prime to 20): a sign-in
 * on a new task, its token then checked by an old one, and a token an old task signed checked
 * by a new one. App Runner's one-minute switch-over holds 20, taking turns. On an idle machine
 * the requests come faster and the clock runs as usual; outside those phases it always does.
 */
const SIM_MS_PER_REQUEST = 3_000;

/**
 * Users while `work` runs: each round signs in once, calls the app with that token, and with a
 * token minted earlier (a session that spans the rollout), or (`freshTwice`) with the new one
 * again. Three requests, prime to the load balancer's 1-in-20 canary share and to App Runner's
 * turns, so sign-ins land on every instance. The sim's clock is paced by the requests
 * (SIM_MS_PER_REQUEST): a loaded machine's slow rounds stretch the rollout's phases in real
 * time rather than letting them pass between a few requests. Between rounds the users pause for
 * the pace's modelled time (three requests a pace: three times what a phase needs): without
 * the pause an idle machine sent 46,000 requests in the file's six rotations, most of them
 * outside the phases, and the file spent most of its CPU on them.
 * Stops when the work ends.
 */
async function underTraffic<T>(
  sim: Pick<SimHandle, 'pace' | 'tick' | 'unpace' | 'scaled'>,
  url: string,
  work: () => Promise<T>,
  options: { freshTwice?: boolean; simMsPerRequest?: number } = {},
): Promise<Traffic<T>> {
  const checks: Check[] = [];
  const generations: string[] = [];
  const seen = (instance: string): string => {
    if (!generations.includes(instance)) generations.push(instance);
    return instance;
  };
  const minted: { token: string; minter: string }[] = [];
  let done = false;
  const pace = options.simMsPerRequest ?? SIM_MS_PER_REQUEST;
  sim.pace(pace);
  const running = work().finally(() => {
    done = true;
    sim.unpace();
  });
  const me = async (token: string, minter: string): Promise<void> => {
    sim.tick();
    const res = await fetch(`${url}${ME_PATH}`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    checks.push({
      minter,
      checker: seen(res.headers.get('x-sim-instance') ?? '?'),
      status: res.status,
    });
  };
  for (let round = 0; !done; round++) {
    sim.tick();
    const res = await fetch(`${url}${SESSION_PATH}`, { method: 'POST' });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { token: string } };
    const minter = seen(res.headers.get('x-sim-instance') ?? '?');
    minted.push({ token: data.token, minter });
    await me(data.token, minter);
    const earlier = options.freshTwice ? minted.at(-1)! : minted[(round * 7) % minted.length]!;
    await me(earlier.token, earlier.minter);
    // Where the clock is held, it waits for the next tick: the pause never lets it run past.
    if (!done) await sleep(sim.scaled(pace));
  }
  return { run: await running, checks, tokens: minted.length, generations };
}

const rotateUnderTraffic = (
  world: RotationWorld,
  url: string,
  options: { freshTwice?: boolean; simMsPerRequest?: number } = {},
): Promise<Traffic> =>
  underTraffic(world.sim, url, () => world.rotate({ secret: 'JWT_SECRET' }), options);

/** Checks of tokens minted by generation `minter` answered by generation `checker`. */
const between = (t: Traffic<unknown>, minter: number, checker: number): Check[] =>
  t.checks.filter(
    (c) => c.minter === t.generations[minter] && c.checker === t.generations[checker],
  );

const TARGETS = [
  {
    name: 'ECS Express (5 % canary for three minutes)',
    world: { ecs: true },
    url: (w: RotationWorld) => w.sim.ecs.service('drop-web').url,
  },
  {
    name: 'App Runner (a one-minute switch-over)',
    world: { switchOver: 60_000 },
    url: (w: RotationWorld) => w.sim.serviceUrl('drop-web'),
  },
] as const;

describe.concurrent.each(TARGETS)(
  'a JWT rotation while the rollout serves old and new instances together: $name',
  (target) => {
    it('two phases (next-secret-id): every token minted by either version is accepted by both, in each rollout', async () => {
      const world = await startRotationWorld({ ...target.world, nextKey: true, timeScale: 0.02 });
      worlds.push(world);
      const url = target.url(world);
      const oldKey = world.sim.secret(JWT).current!;

      const t = await rotateUnderTraffic(world, url);
      expect(t.run.exitCode, t.run.stdout).toBe(0);
      const refused = t.checks.filter((c) => c.status !== 200);
      console.log(
        `${target.name}, two phases: ${t.tokens} tokens, ${t.checks.length} checks, ${refused.length} refused; instances ${t.generations.length}; ` +
          `rollout 1: ${between(t, 1, 0).length} new→old, ${between(t, 0, 1).length} old→new; ` +
          `rollout 2: ${between(t, 2, 1).length} new→old, ${between(t, 1, 2).length} old→new`,
      );
      expect(refused).toEqual([]);
      // Nothing the canary alarm counts went wrong: no deployment was rolled back.
      if ('ecs' in target.world)
        expect(
          world.sim.ecs
            .service('drop-web')
            .deployments.filter((d) => /ROLLBACK/.test(d.status))
            .map((d) => d.statusReason),
        ).toEqual([]);
      // Two rollouts, each with its old and new instances answering the same users.
      expect(t.generations).toHaveLength(3);
      for (const [older, newer] of [
        [0, 1],
        [1, 2],
      ] as const) {
        expect(between(t, newer, older).length).toBeGreaterThan(0);
        expect(between(t, older, newer).length).toBeGreaterThan(0);
      }
      // First the new key is accepted everywhere, then it signs; the old one stays accepted.
      const steps = [...t.run.stdout.matchAll(/step done: JWT_SECRET (\S+)/g)].map((m) => m[1]);
      expect(steps.indexOf('write-next')).toBeLessThan(steps.indexOf('accept-follow-operation'));
      expect(steps.indexOf('accept-verify-health')).toBeLessThan(steps.indexOf('move-current'));
      const newKey = world.sim.secret(JWT).current!;
      expect(newKey).not.toBe(oldKey);
      expect(world.sim.secret('drop/production/jwt-secret-next').current).toBe(newKey);
      expect(world.sim.secret('drop/production/jwt-secret-previous').current).toBe(oldKey);
      // The service now signs with the new key and accepts the old one, not the one before it.
      const fresh = (await (await fetch(`${url}${SESSION_PATH}`, { method: 'POST' })).json()) as {
        data: { token: string };
      };
      // The sim's clock, as the app reads it: the iat of a token it just minted.
      const { iat: now } = JSON.parse(
        Buffer.from(fresh.data.token.split('.')[1]!, 'base64url').toString('utf8'),
      ) as { iat: number };
      const status = async (key: string): Promise<number> => {
        const keys = { signing: key, accepted: [key] };
        const res = await fetch(`${url}${ME_PATH}`, {
          headers: { authorization: `Bearer ${signToken(keys, 'someone', now, 600)}` },
        });
        return res.status;
      };
      expect([await status(newKey), await status(oldKey), await status(OLDER_KEY)]).toEqual([
        200, 200, 401,
      ]);
      // No key, old or new, in anything a person could read (logs, summary, records).
      const text = await everythingRecorded(world, [t.run]);
      expect([oldKey, newKey].filter((k) => text.includes(k))).toEqual([]);
    });

    it('one phase (no next-secret-id): tokens the new instances sign are refused by the old ones during the rollout', async () => {
      // ECS: a modelled minute of 2.4 s holds enough sign-ins on a busy machine for one to land
      // on a new task in each of the alarm's one-minute periods.
      const world = await startRotationWorld({
        ...target.world,
        timeScale: 'ecs' in target.world ? 0.04 : 0.02,
      });
      worlds.push(world);
      // ECS: users call the app twice with the token they just got (a session's first calls),
      // so each token a new task signs meets old tasks twice: 2 in every 60 requests are
      // refused, clear of the alarm's 1 % at any pace (one call would put it at 1 in 60, which
      // a loaded machine's few requests per modelled minute can round below 1 %). At least 60
      // requests in each modelled minute of the canary (a modelled second each) put one of
      // those sign-ins in every minute the alarm reads, however busy the machine is.
      const t = await rotateUnderTraffic(world, target.url(world), {
        freshTwice: 'ecs' in target.world,
        ...('ecs' in target.world ? { simMsPerRequest: 1_000 } : {}),
      });
      const refused = t.checks.filter((c) => c.status !== 200);
      const newToOld = between(t, 1, 0);
      console.log(
        `${target.name}, one phase: exit ${t.run.exitCode}; ${t.tokens} tokens, ${t.checks.length} checks, ${refused.length} refused (new→old ${newToOld.filter((c) => c.status === 401).length} of ${newToOld.length})`,
      );
      // The old instances refuse what the new ones sign.
      expect(newToOld.filter((c) => c.status === 401).length).toBeGreaterThan(0);
      expect(refused.every((c) => c.status === 401 && c.minter !== t.generations[0])).toBe(true);
      if (!('ecs' in target.world)) {
        // App Runner has no alarm: the rollout ends, and users signed in on a new instance
        // were logged out wherever an old one answered them.
        expect(t.run.exitCode, t.run.stdout).toBe(0);
        expect(t.generations).toHaveLength(2);
        expect(t.run.summary).toMatch(/one phase: while the redeploy rolls out/);
        return;
      }
      // ECS counts those 401s (the old tasks' answers among them) in its canary alarm and
      // rolls the redeploy back: the rotation is undone, which two phases avoid.
      expect(t.run.exitCode, t.run.stdout).toBe(1);
      const alarmed = world.sim.ecs
        .service('drop-web')
        .deployments.filter((d) =>
          /CloudWatch alarm drop-web-4xx-5xx-rate is in ALARM/.test(d.statusReason ?? ''),
        );
      expect(alarmed.length).toBeGreaterThan(0);
      expect(t.run.summary).toMatch(/undone/);
    });
  },
);

const SEED = Number(process.env['ROTATE_KILL_SEED'] ?? Date.now() % 100_000);
/** Every step of a two-phase rotation after which a runner can be lost. */
const TWO_PHASE_STEPS = [
  'put-pending',
  'write-next',
  'accept-start-deployment',
  'accept-follow-operation',
  'accept-verify-health',
  'write-previous',
  'move-current',
  'start-deployment',
  'follow-operation',
  'verify-health',
] as const;

describe.concurrent(
  `a two-phase JWT rotation lost at seeded random steps (seed ${SEED}), then a new run`,
  () => {
    it('nobody is logged out, and the new run finishes the lost run’s key', async () => {
      let state = SEED >>> 0;
      const random = (): number => {
        // mulberry32, so a failing seed replays the same steps (ROTATE_KILL_SEED)
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const points = Array.from(
        { length: 3 },
        () => TWO_PHASE_STEPS[Math.floor(random() * TWO_PHASE_STEPS.length)]!,
      );
      console.log(`seed ${SEED}: two-phase JWT rotations lost after ${points.join(', ')}`);
      const world = await startRotationWorld({
        nextKey: true,
        switchOver: 60_000,
        timeScale: 0.02,
      });
      worlds.push(world);
      const url = world.sim.serviceUrl('drop-web');
      for (const [i, step] of points.entries()) {
        const label = `lost after ${step} (seed ${SEED})`;
        const t = await underTraffic(world.sim, url, async () => {
          const lost = await world.rotate(
            { secret: 'JWT_SECRET' },
            { runId: `${7100 + i}`, killOn: new RegExp(`step done: JWT_SECRET ${step}\\b`) },
          );
          // The lost run's new key, wherever it got to (AWSPENDING, or AWSCURRENT already).
          const versions = world.sim.secret(JWT).versions;
          const staged = (versions.find((v) => v.stages.includes('AWSPENDING')) ??
            versions.find((v) => v.stages.includes('AWSCURRENT')))!.value;
          const next = await world.rotate(
            { secret: 'JWT_SECRET', unfinished: 'resume' },
            { runId: `${7200 + i}` },
          );
          return { lost, next, staged };
        });
        expect(t.run.lost.signal, label).toBe('SIGKILL');
        expect(t.run.next.exitCode, `${label}: ${t.run.next.stdout}`).toBe(0);
        const refused = t.checks.filter((c) => c.status !== 200);
        console.log(
          `${label}: ${t.tokens} tokens, ${t.checks.length} checks, ${refused.length} refused, ${t.generations.length} generations`,
        );
        expect(refused, label).toEqual([]);
        // Ids and labels only: an assertion's diff must never print a key.
        const versions = world.sim
          .secret(JWT)
          .versions.map((v) => ({ id: v.id, stages: v.stages }));
        expect(
          versions.filter((v) => v.stages.includes('AWSCURRENT')),
          label,
        ).toHaveLength(1);
        expect(
          versions.filter((v) => v.stages.includes('AWSPENDING')),
          label,
        ).toEqual([]);
        // The lost run's key was finished, not replaced by another one.
        expect(world.sim.secret(JWT).current, label).toBe(t.run.staged);
        expect(world.sim.secret('drop/production/jwt-secret-next').current, label).toBe(
          t.run.staged,
        );
      }
    });
  },
);

describe.concurrent('next-secret-id on a service that does not read it', () => {
  it('stops before any change, naming what the service lacks', async () => {
    // The configuration has next-secret-id; the service has no JWT_SECRET_NEXT.
    const world = await startRotationWorld({ secretsYaml: withNextKey(ROTATION_SECRETS_YAML) });
    worlds.push(world);
    const oldKey = world.sim.secret(JWT).current;
    world.sim.clearCalls();
    const run = await world.rotate({ secret: 'JWT_SECRET' });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.join('\n')).toMatch(
      /next-secret-id drop\/production\/jwt-secret-next is not read by the service \(its secrets: .*JWT_SECRET_PREVIOUS.*\).*give the service JWT_SECRET_NEXT.*nothing was changed/,
    );
    expect(world.sim.mutatingCalls({ service: 'secretsmanager' })).toEqual([]);
    expect(world.sim.mutatingCalls({ service: 'apprunner' })).toEqual([]);
    expect(world.sim.secret(JWT).current).toBe(oldKey);
  });
});
