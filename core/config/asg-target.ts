/**
 * `target: { kind: asg, … }`: a service on EC2 Auto Scaling groups behind an Application Load
 * Balancer (core/targets/asg.ts). Every rule that can be judged from the file alone is judged
 * here, before anything runs; what needs AWS's answer (the deregistration delay, the group's
 * min/max, the launch template's image) is judged by the target before its first change.
 */
import { z } from 'zod';
import { durationField } from './fields.js';

/** arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<lb>/<id>/<id> */
export const LISTENER_ARN =
  /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}\/[0-9a-f]{16}$/;

const stepSchema = z.strictObject({
  weight: z
    .int()
    .min(1)
    .max(100)
    .describe('Share of the traffic (percent) the new group gets in this step.'),
  hold: durationField
    .optional()
    .describe('How long the step is held and judged (required for every step below 100).'),
});

export const asgTargetSchema = z
  .strictObject({
    kind: z.literal('asg').describe('EC2 Auto Scaling groups behind an Application Load Balancer.'),
    'listener-arn': z
      .string()
      .regex(LISTENER_ARN, {
        message:
          'expected an Application Load Balancer listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>)',
      })
      .describe('The listener whose default action forwards to the serving group.'),
    'group-prefix': z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,20}$/, {
        message:
          'expected lowercase letters, digits and hyphens, at most 21 (groups and target groups are named <prefix>-<launch template version>, and a target group name has at most 32 characters)',
      })
      .describe('Groups and target groups are named <prefix>-<launch template version>.'),
    'launch-template': z
      .string()
      .regex(/^[a-zA-Z0-9().\-/_]{3,128}$/, { message: 'expected a launch template name' })
      .describe('The launch template whose new versions carry the image.'),
    'image-via': z
      .literal('user-data')
      .default('user-data')
      .describe(
        'How an instance learns its image: user-data (a line IMAGE=<registry>/<repo>@<digest> in the launch template version’s user data, which the instance pulls and runs at boot).',
      ),
    strategy: z
      .enum(['blue-green', 'canary'])
      .default('blue-green')
      .describe(
        'blue-green: switch the listener to the new group at once; canary: weighted steps judged by metrics.',
      ),
    'keep-old': durationField
      .default('10m')
      .describe(
        'How long the old group is kept after the switch (a rollback is then one listener switch back); at least the target group’s deregistration delay.',
      ),
    'healthy-timeout': durationField
      .default('15m')
      .describe('How long the new group may take to have every target healthy.'),
    canary: z
      .strictObject({
        steps: z
          .array(stepSchema)
          .min(1)
          .default([{ weight: 10, hold: '10m' }, { weight: 50, hold: '10m' }, { weight: 100 }])
          .describe('The weights of the new group, ending at 100.'),
        'error-rate-ratio': z.number().min(1).default(2),
        'error-rate-margin': z.number().min(0).max(1).default(0.01),
        'p99-ratio': z.number().min(1).default(1.5),
        'p99-margin': durationField.default('100ms'),
        'poll-interval': durationField.default('1m'),
        'min-requests': z
          .int()
          .min(1)
          .default(100)
          .describe(
            'Requests each group must have in a step before it is judged; a step that ends with fewer is not a pass.',
          ),
      })
      .prefault({})
      .describe('Canary steps and the relative thresholds of their analysis.'),
  })
  .superRefine((t, ctx) => {
    const steps = t.canary.steps;
    steps.forEach((s, i) => {
      if (i > 0 && s.weight <= steps[i - 1]!.weight)
        ctx.addIssue({
          code: 'custom',
          path: ['canary', 'steps', i, 'weight'],
          message: `${s.weight} is not above the step before (${steps[i - 1]!.weight}): weights must go up`,
        });
      if (s.weight < 100 && s.hold === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['canary', 'steps', i, 'hold'],
          message: `is required: the ${s.weight} % step must be held for a duration (e.g. hold: 10m) while it is judged`,
        });
    });
    if (steps.at(-1)?.weight !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['canary', 'steps', steps.length - 1, 'weight'],
        message: `the last step must be 100 (it is ${steps.at(-1)?.weight}): a canary ends with all the traffic on the new group`,
      });
  });

export type AsgTargetConfig = z.output<typeof asgTargetSchema>;
