import { z } from 'zod';
import { durationField, envNameField } from '../config/fields.js';
import { defineCheck, type CheckType } from './types.js';

/*
 * Check types the configuration already accepts but that are not implemented yet. Each one
 * moves to a file of its own (see README.md) when it is built; until then it reports `error`,
 * never `pass`, so a gate or schedule that lists it cannot be green by accident.
 */
function planned(
  type: string,
  group: string,
  shape: z.ZodRawShape,
  description: string,
): CheckType {
  return defineCheck({
    type,
    description,
    shape,
    defaultTimeoutMs: 30_000,
    group,
    run: async () => ({
      status: 'error',
      line: `check type "${type}" is not implemented in this version of apprunner-ops`,
    }),
  });
}

export const PLANNED_CHECKS: readonly CheckType[] = [
  planned('database-available', 'Infrastructure', {}, 'The RDS instance is available.'),
  planned(
    'database-private',
    'Infrastructure',
    {},
    'The RDS instance is not publicly accessible and no security group admits its port from anywhere.',
  ),
  planned(
    'image-present',
    'Infrastructure',
    { tag: z.string().default('production') },
    'ECR holds an image with this tag.',
  ),
  planned(
    'service-env',
    'Application',
    {
      equals: z.record(envNameField, z.string()).default({}),
      absent: z.array(envNameField).default([]),
    },
    'Runtime environment variables of the service have these values, and these are absent.',
  ),
  planned(
    'snapshot-fresh',
    'Infrastructure',
    { 'max-age': durationField.default('24h') },
    'The newest automated RDS snapshot is younger than max-age.',
  ),
  planned('health', 'Application', {}, 'The environment’s health checks pass.'),
  planned(
    'tls',
    'Domain & TLS',
    { hosts: z.array(z.string()).min(1), 'min-days': z.int().min(0).default(90) },
    'Each host serves a certificate that covers it and is valid for min-days more.',
  ),
  planned(
    'hsts',
    'Domain & TLS',
    { 'min-max-age': z.int().min(0).default(63072000), preload: z.boolean().default(true) },
    'Strict-Transport-Security has at least this max-age, includeSubDomains and preload.',
  ),
  planned('https-redirect', 'Domain & TLS', {}, 'http:// redirects to https://.'),
  planned(
    'pages-reachable',
    'Compliance',
    { paths: z.array(z.string().startsWith('/')).min(1) },
    'Each page answers 200.',
  ),
  planned(
    'attestation',
    'External services',
    { id: z.string().regex(/^[a-z0-9-]+$/), text: z.string().min(1) },
    'A person vouches for this item in the attestations file.',
  ),
  planned('monitors-green', 'Monitoring', {}, 'Every configured BetterStack monitor is up.'),
  planned(
    'free-storage',
    'Infrastructure',
    { 'min-gib': z.number().positive().default(2) },
    'RDS FreeStorageSpace over the last hour stays above min-gib.',
  ),
  planned(
    'sql',
    'Application',
    {
      name: z.string().min(1),
      query: z.string().min(1),
      'max-rows': z.int().min(0).default(0).describe('Fail when the query returns more rows.'),
    },
    'A read-only query; more rows than max-rows is a failure.',
  ),
  planned(
    'ecr-untagged',
    'Infrastructure',
    { delete: z.boolean().default(false) },
    'Untagged ECR images that nothing references, listed (or deleted with delete: true).',
  ),
  planned(
    'snapshot-restore',
    'Infrastructure',
    { 'verify-query': z.string().default('SELECT 1') },
    'Restores the newest automated snapshot to a temporary instance, verifies it and deletes it.',
  ),
  planned(
    'log-errors',
    'Monitoring',
    {
      'log-group': z.string(),
      pattern: z.string(),
      'max-count': z.int().min(0).default(0),
    },
    'CloudWatch Logs events matching a pattern stay under max-count.',
  ),
];
