import { z } from 'zod';
import { parseDuration } from '../util/duration.js';

/** Field types shared by the config file and action inputs; each error says the accepted form. */

export const durationField = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, {
    message: 'expected a duration like 90s, 5m or 1h30m',
  })
  .describe('A duration: a number with a unit (ms, s, m, h, d), e.g. 90s, 5m, 1h30m, 7d.');

export const httpUrlField = z
  .string()
  .refine(
    (text) => {
      try {
        const url = new URL(text);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: 'expected an http(s) URL like https://example.com' },
  )
  .describe('An absolute http:// or https:// URL.');

export const regexField = z.string().refine(
  (text) => {
    try {
      new RegExp(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a valid regular expression' },
);

export const awsRegionField = z
  .string()
  .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'expected an AWS region like eu-west-1' });

export const accountIdField = z
  .string()
  .regex(/^\d{12}$/, { message: 'expected a 12-digit AWS account id' });

export const APP_RUNNER_SERVICE_ARN =
  /^arn:aws[a-z-]*:apprunner:[a-z0-9-]+:\d{12}:service\/[A-Za-z0-9][A-Za-z0-9_-]{3,39}\/[0-9a-f]{32}$/;

/** An ECS service ARN (the long format): arn:aws:ecs:<region>:<account>:service/<cluster>/<name>. */
export const ECS_SERVICE_ARN =
  /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:service\/([A-Za-z0-9_-]{1,255})\/([A-Za-z0-9_-]{1,255})$/;

const APP_RUNNER_ARN_MESSAGE =
  'expected an App Runner service ARN like arn:aws:apprunner:eu-west-1:123456789012:service/<name>/<32 hex id>';

/** An App Runner service ARN; an ECS ARN here is a mix-up of platforms, said as such. */
export const appRunnerServiceArnField = z.string().regex(APP_RUNNER_SERVICE_ARN, {
  error: (issue) =>
    typeof issue.input === 'string' && ECS_SERVICE_ARN.test(issue.input)
      ? 'this is an Amazon ECS service ARN, and service-arn alone means App Runner; for an ECS Express service write target: { kind: ecs-express, service-arn: <this ARN> }'
      : APP_RUNNER_ARN_MESSAGE,
});

export const ecsServiceArnField = z.string().regex(ECS_SERVICE_ARN, {
  error: (issue) =>
    typeof issue.input === 'string' && APP_RUNNER_SERVICE_ARN.test(issue.input)
      ? 'this is an App Runner service ARN, but the target kind is ecs-express; write kind: app-runner (or service-arn alone), or give the ECS service ARN'
      : 'expected an ECS service ARN like arn:aws:ecs:eu-west-1:123456789012:service/<cluster>/<name>',
});

/** RDS DB instance identifiers: 1–63 letters, digits, hyphens; start with a letter; no "--"; no trailing "-". */
export const RDS_INSTANCE_ID = /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{0,62}(?<!-)$/;

/**
 * RDS stores DB instance and snapshot identifiers lowercase ("stored as a lowercase string"):
 * a capital in the configuration would never equal what RDS lists, so it is refused.
 */
function lowercaseOnly(text: string, ctx: z.RefinementCtx): void {
  if (text !== text.toLowerCase())
    ctx.addIssue({
      code: 'custom',
      message: `RDS stores identifiers in lowercase, so capitals never match what RDS lists: write "${text.toLowerCase()}"`,
    });
}

export const rdsInstanceField = z
  .string()
  .regex(RDS_INSTANCE_ID, {
    message:
      'expected an RDS instance identifier (lowercase letters, digits, hyphens; starts with a letter; no "--" or trailing "-")',
  })
  .superRefine(lowercaseOnly);

/** The start of the snapshot ids the suite makes (it adds `-<UTC time>[-<sha7>]`). */
export const snapshotPrefixField = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9-]*$/, {
    message: 'expected lowercase letters, digits and hyphens, starting with a letter',
  })
  .max(200)
  .superRefine(lowercaseOnly);

export const ecrRepositoryField = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/, {
    message: 'expected an ECR repository name like drop-web (lowercase letters, digits, . _ - /)',
  })
  .max(256);

/** Environment variable style names, as App Runner and the runbooks use them. */
export const envNameField = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, { message: 'expected an UPPER_SNAKE_CASE name' });

/** A duration longer than zero (`max-age: 0s` or `-1h` would make a check meaningless). */
export const positiveDurationField = z
  .string()
  .refine((text) => (parseDuration(text) ?? 0) > 0, {
    message: 'expected a positive duration like 90s, 24h or 1h30m',
  })
  .describe('A duration greater than zero: a number with a unit (ms, s, m, h), e.g. 24h.');

/** The platforms a service can be deployed to (`target.kind`). */
export const TARGET_KINDS = ['app-runner', 'ecs-express', 'asg', 'fly'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** The name of a verification query (a drill's, a restore's): shown in reports and tables. */
export const queryNameField = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'expected a short lowercase name like users' });
