/**
 * The `fly` section of a sim fixture: Fly.io apps, their Machines and the modelled durations
 * of Machine lifecycles (sim/services/fly.ts).
 */
import { z } from 'zod';
import { fixtureDuration as duration } from './fixture-duration.js';

const machineSchema = z.strictObject({
  /** Fly machine ids are 14 hex digits. */
  id: z.string().regex(/^[0-9a-f]{14}$/),
  region: z.string().regex(/^[a-z]{3}$/),
  /** `fly_process_group` in the machine's metadata. */
  processGroup: z.string().default('app'),
  state: z.enum(['started', 'stopped', 'suspended', 'failed']).default('started'),
});

const checkSchema = z.strictObject({
  path: z.string().startsWith('/'),
  port: z.number().int().default(3000),
  interval: z.string().default('15s'),
  timeout: z.string().default('5s'),
  /** Fly's `grace_period`: the check stays `warning` this long after the machine starts. */
  gracePeriod: z.string().default('10s'),
});

const appSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/),
  org: z.string().default('personal'),
  /**
   * The ECR repository (of this fixture) whose images were pushed to registry.fly.io/<name>
   * too: the same manifests, so the same digests and tags.
   */
  repository: z.string(),
  /** The tag every machine runs at the start (pinned by digest in its config). */
  image: z.string(),
  env: z.record(z.string(), z.string()).default({}),
  /** Fly app secrets, name → value: machines read them when they start. */
  secrets: z.record(z.string(), z.string()).default({}),
  checks: z.record(z.string(), checkSchema).default({
    'api-health': {
      path: '/api/health',
      port: 3000,
      interval: '15s',
      timeout: '5s',
      gracePeriod: '10s',
    },
  }),
  machines: z.array(machineSchema).min(1),
});

export const flyFixtureSchema = z
  .strictObject({
    /** API tokens the Machines API accepts and the user each belongs to (a lease's owner). */
    tokens: z
      .array(z.strictObject({ token: z.string().min(8), owner: z.string() }))
      .default([{ token: 'sim-fly-token-0123456789', owner: 'deploy@example.com' }]),
    durations: z
      .strictObject({
        /** An update: `replacing` this long, then `started` on the new instance. */
        replace: duration.prefault('20s'),
        /** A restart: `stopping` this long, then `started`. */
        restart: duration.prefault('10s'),
      })
      .prefault({}),
    /** Mutating actions per machine: a burst of this many, refilled one per modelled second. */
    rateLimit: z
      .strictObject({
        burst: z.number().int().positive().default(3),
        perSecond: z.number().positive().default(1),
      })
      .prefault({}),
    apps: z.array(appSchema).default([]),
  })
  .prefault({});

export type FlyFixture = z.output<typeof flyFixtureSchema>;
export type FlyFixtureApp = z.output<typeof appSchema>;
