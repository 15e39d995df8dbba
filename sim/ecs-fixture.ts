/**
 * The `ecs` section of a sim fixture: Amazon ECS Express Mode services and the modelled
 * durations of their canary deployments (sim/services/ecs.ts).
 */
import { z } from 'zod';
import { fixtureDuration as duration } from './fixture-duration.js';

const expressServiceSchema = z.strictObject({
  /** ECS service names: letters, digits, hyphens, underscores, up to 255. */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/),
  cluster: z.string().default('default'),
  /** `repo:tag` or `repo@sha256:…` of a repository in this fixture. */
  image: z.string(),
  /** DRAINING: being deleted; INACTIVE: deleted (still described for a while, as ECS does). */
  status: z.enum(['ACTIVE', 'DRAINING', 'INACTIVE']).default('ACTIVE'),
  port: z.number().int().min(1).max(65535).default(8080),
  env: z.record(z.string(), z.string()).default({}),
  /** name → Secrets Manager ARN (the container's `secrets[].valueFrom`). */
  secrets: z.record(z.string(), z.string()).default({}),
  cpu: z.string().default('1024'),
  memory: z.string().default('2048'),
  executionRoleArn: z.string().optional(),
  taskRoleArn: z.string().optional(),
  infrastructureRoleArn: z.string().optional(),
  healthCheckPath: z.string().default('/'),
  /**
   * The modelled traffic through the load balancer: path → share of requests (at the
   * fixture's `cloudwatch.requestsPerMinute`). What the running version answers on these
   * paths makes the AWS/ApplicationELB metrics and trips the canary alarm.
   */
  traffic: z
    .record(z.string().startsWith('/'), z.number().positive())
    .refine((t) => Object.keys(t).length > 0, 'at least one path')
    .default({ '/': 1 }),
  createdAgo: duration.prefault('200d'),
});

export const ecsFixtureSchema = z
  .strictObject({
    /**
     * The documented Express canary: new tasks start (`scaleUp`), 5 % of traffic for
     * `canaryBake`, then 100 % for `bake`, then the old tasks are stopped (`cleanUp`).
     */
    durations: z
      .strictObject({
        pending: duration.prefault('15s'),
        scaleUp: duration.prefault('1m'),
        canaryBake: duration.prefault('3m'),
        bake: duration.prefault('3m'),
        cleanUp: duration.prefault('30s'),
        rollback: duration.prefault('1m'),
      })
      .prefault({}),
    services: z.array(expressServiceSchema).default([]),
  })
  .prefault({});

export type EcsFixture = z.output<typeof ecsFixtureSchema>;
export type EcsFixtureService = z.output<typeof expressServiceSchema>;
