/**
 * The `asg` section of a sim fixture: EC2 launch templates, Auto Scaling groups and the
 * Application Load Balancer in front of them (sim/services/asg-state.ts).
 */
import { z } from 'zod';
import { fixtureDuration as duration } from './fixture-duration.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/);

const launchTemplateSchema = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9().\-/_]{3,128}$/),
  /** The AMI of version 1. */
  imageId: z
    .string()
    .regex(/^ami-[0-9a-f]{8,17}$/)
    .default('ami-0c123456789abcdef'),
  /**
   * `repo:tag` of the sample app version 1 runs: its user data says `IMAGE=<registry>/<repo:tag>`
   * (what an instance pulls and runs at boot).
   */
  image: z.string(),
});

const targetGroupSchema = z.strictObject({
  name,
  healthCheckPath: z.string().startsWith('/').default('/api/health'),
  /** Seconds between health checks, and checks in a row to turn healthy or unhealthy. */
  interval: z.number().int().min(5).max(300).default(10),
  healthyThreshold: z.number().int().min(2).max(10).default(2),
  unhealthyThreshold: z.number().int().min(2).max(10).default(2),
  /** deregistration_delay.timeout_seconds: how long a deregistered target drains. */
  deregistrationDelay: z.number().int().min(0).max(3600).default(300),
});

const groupSchema = z.strictObject({
  name: z.string().regex(/^[\w-]{1,255}$/),
  launchTemplate: z.string(),
  /** Version 1 of the template unless given. */
  version: z.number().int().positive().default(1),
  min: z.number().int().nonnegative().default(2),
  max: z.number().int().nonnegative().default(6),
  desired: z.number().int().nonnegative().default(2),
  targetGroups: z.array(name).default([]),
  healthCheckGracePeriod: z.number().int().nonnegative().default(300),
});

const loadBalancerSchema = z.strictObject({
  name,
  listeners: z
    .array(
      z.strictObject({
        port: z.number().int().min(1).max(65535).default(443),
        protocol: z.enum(['HTTP', 'HTTPS']).default('HTTPS'),
        /** The target group the listener's default action forwards to. */
        targetGroup: name,
      }),
    )
    .min(1),
});

export const asgFixtureSchema = z
  .strictObject({
    durations: z
      .strictObject({
        /** From launch to InService (boot, pull, start). */
        launch: duration.prefault('40s'),
        /** From Terminating to gone. */
        terminate: duration.prefault('20s'),
      })
      .prefault({}),
    launchTemplates: z.array(launchTemplateSchema).default([]),
    targetGroups: z.array(targetGroupSchema).default([]),
    loadBalancers: z.array(loadBalancerSchema).default([]),
    groups: z.array(groupSchema).default([]),
    /**
     * The modelled traffic through the load balancer: path → share of requests (at the
     * fixture's `cloudwatch.requestsPerMinute`), shared between the listener's target groups
     * by their weights.
     */
    traffic: z
      .record(z.string().startsWith('/'), z.number().positive())
      .refine((t) => Object.keys(t).length > 0, 'at least one path')
      .default({ '/': 1 }),
  })
  .prefault({});

export type AsgFixture = z.output<typeof asgFixtureSchema>;
