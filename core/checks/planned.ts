import { z } from 'zod';
import { envNameField } from '../config/fields.js';
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
    'secrets-present',
    'Infrastructure',
    { names: z.array(envNameField).optional() },
    'The configured secrets exist and are long enough; values are measured, never shown.',
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
  planned('rotation-due', 'Infrastructure', {}, 'No configured secret is past its rotation date.'),
];
