/**
 * The Drop service's staging on Fly.io in the sim: app drop-staging with three machines of
 * process group `app` (two in arn, one in ams) and one `worker` machine, running v1.4.2 from
 * the drop-web repository (the same images build-push pushes to ECR and registry.fly.io), and
 * a `fly` deploy target over the Machines API with the real client.
 */
import type { FixtureInput } from '../../sim/fixture.js';
import { startSim, type SimHandle } from '../../sim/index.js';
import { FlyMachinesApi } from '../../core/fly/machines-api.js';
import { FlyTarget } from '../../core/targets/fly.js';
import { systemClock } from '../../core/util/clock.js';
import { recordingLogger } from '../../core/util/logger.js';
import { dropFixture, TIME_SCALE } from './target-world.js';

export const FLY_APP = 'drop-staging';
/** The process group's machines, in the order a rolling update takes them. */
export const APP_MACHINES = ['1781e3d0a1b201', '1781e3d0a1b202', '1781e3d0a1b203'] as const;
export const WORKER_MACHINE = '3d8d9e1ab2c401';

export function flyFixture(
  states: Partial<Record<string, 'started' | 'stopped' | 'suspended' | 'failed'>> = {},
): FixtureInput {
  const fixture = dropFixture();
  return {
    ...fixture,
    fly: {
      apps: [
        {
          name: FLY_APP,
          repository: 'drop-web',
          image: 'v1.4.2',
          env: {
            NODE_ENV: 'production',
            APP_BASE_URL: 'https://drop-staging.fly.dev',
            LOG_LEVEL: 'info',
          },
          secrets: { SESSION_SECRET: 'staging-session-secret' },
          // Fly's own check is the proxy's: the app answers on /; /api/health is for verification.
          checks: {
            alive: { path: '/', port: 3000, interval: '15s', timeout: '5s', gracePeriod: '5s' },
          },
          machines: [
            { id: APP_MACHINES[0], region: 'arn', state: states[APP_MACHINES[0]] ?? 'started' },
            { id: APP_MACHINES[1], region: 'arn', state: states[APP_MACHINES[1]] ?? 'started' },
            { id: APP_MACHINES[2], region: 'ams', state: states[APP_MACHINES[2]] ?? 'started' },
            { id: WORKER_MACHINE, region: 'arn', processGroup: 'worker' },
          ],
        },
      ],
    },
  };
}

export interface FlyWorld {
  sim: SimHandle;
  api: FlyMachinesApi;
  target: FlyTarget;
  logger: ReturnType<typeof recordingLogger>;
  /** `registry.fly.io/drop-staging@<digest>` of a drop-web tag. */
  flyImage(tag: string): string;
  /** The ECR reference by digest of a drop-web tag (what the deploy pipeline passes). */
  ecrImage(tag: string): string;
  /** The version each machine of the process group runs, in order. */
  versions(): string[];
  /** What the app's URL answers on /api/health. */
  version(): Promise<string>;
}

export async function flyWorld(
  onFinished: (fn: () => Promise<void>) => void,
  options: {
    token?: string;
    processGroup?: string;
    app?: string;
    waitTimeoutMs?: number;
    /** Machines of the process group seeded in another state than `started`. */
    states?: Partial<Record<string, 'started' | 'stopped' | 'suspended' | 'failed'>>;
    /** Look the image up in registry.fly.io before any change (as deploy does); default true. */
    checkRegistry?: boolean;
  } = {},
): Promise<FlyWorld> {
  const sim = await startSim({ fixture: flyFixture(options.states), timeScale: TIME_SCALE });
  onFinished(() => sim.stop());
  const logger = recordingLogger();
  const deps = { clock: systemClock, logger };
  const api = new FlyMachinesApi(sim.fly.apiUrl, options.token ?? sim.fly.token, deps, {
    requestTimeoutMs: 10_000,
    ...(options.checkRegistry === false ? {} : { registryUrl: sim.env['FLY_REGISTRY_URL'] }),
  });
  const target = new FlyTarget(
    api,
    {
      app: options.app ?? FLY_APP,
      'process-group': options.processGroup ?? 'app',
      // 60 modelled seconds: a replace (20 s) and the checks' grace period (5 s) fit in it.
      'wait-timeout-ms': options.waitTimeoutMs ?? sim.scaled(60_000) + 1_000,
    },
    deps,
  );
  const digest = (tag: string): string => {
    const image = sim.images('drop-web').find((i) => i.tags.includes(tag));
    if (!image) throw new Error(`no drop-web image tagged ${tag}`);
    return image.digest;
  };
  return {
    sim,
    api,
    target,
    logger,
    flyImage: (tag) => `registry.fly.io/${FLY_APP}@${digest(tag)}`,
    ecrImage: (tag) =>
      `${sim.accountId}.dkr.ecr.${sim.region}.amazonaws.com/drop-web@${digest(tag)}`,
    versions: () =>
      sim.fly
        .machines(FLY_APP)
        .filter((m) => m.processGroup === 'app')
        .map((m) => m.running.version),
    version: async () => {
      const res = await fetch(`${sim.fly.url(FLY_APP)}/api/health`);
      const body = (await res.json()) as { data: { version: string } };
      return body.data.version;
    },
  };
}

/**
 * A deploy configuration (`testConfig`'s) turned to the staging app on Fly: the same
 * environment naming `target: { kind: fly }`, images resolved in the account's ECR, and the
 * app's URL health-checked. `wait-timeout` is real time here (the sim's replace and grace
 * period take milliseconds at the tests' time scale).
 */
export function onFly(config: string, sim: SimHandle, waitTimeout = '3s'): string {
  return config
    .replace(
      /service-arn: .*/,
      `target: { kind: fly, app: ${FLY_APP}, process-group: app, wait-timeout: ${waitTimeout} }\n    ecr-registry-id: '${sim.accountId}'`,
    )
    .replace(/base-url: .*/, `base-url: ${sim.fly.url(FLY_APP)}`);
}
