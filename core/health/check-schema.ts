import { z } from 'zod';
import { durationField, httpUrlField, regexField } from '../config/fields.js';

const jsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One health check. Used in `environments.<name>.health.checks` and in the smoke-test
 * action's `checks` input, so both accept exactly the same shape.
 */
export const healthCheckSchema = z
  .strictObject({
    name: z.string().min(1).describe('Shown in the summary and annotations.'),
    path: z
      .string()
      .startsWith('/', { message: 'expected a path starting with "/"' })
      .optional()
      .describe('Path appended to the base URL. Give either path or url.'),
    url: httpUrlField
      .optional()
      .describe('Absolute URL; overrides the base URL. Give either path or url.'),
    method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
    timeout: durationField.default('10s').describe('Deadline of one attempt.'),
    expect: z
      .strictObject({
        status: z.int().min(100).max(599).default(200),
        json: z
          .record(z.string(), jsonScalar)
          .optional()
          .describe('Values the JSON body must hold, by dot path: { "data.status": "ok" }.'),
        headers: z
          .record(z.string(), regexField)
          .optional()
          .describe('Response headers that must be present and match a regular expression.'),
        'max-latency-ms': z
          .int()
          .positive()
          .optional()
          .describe('Fail when the response takes longer.'),
      })
      .default({ status: 200 }),
    tls: z
      .strictObject({
        'min-days': z.int().min(0).describe('Fail when the certificate expires in fewer days.'),
      })
      .optional(),
    'https-redirect': z
      .union([z.boolean(), httpUrlField])
      .optional()
      .describe(
        'Also request the plain-HTTP address and expect a redirect to https://. true: the same URL with http:// on port 80; or the http:// URL to request.',
      ),
    'reports-version': z
      .boolean()
      .optional()
      .describe('This check’s JSON body reports the running version (see version-path).'),
  })
  .refine((check) => (check.path === undefined) !== (check.url === undefined), {
    message: 'give exactly one of "path" or "url"',
  });

export type HealthCheck = z.output<typeof healthCheckSchema>;
export const healthChecksSchema = z
  .array(healthCheckSchema)
  .min(1, { message: 'expected at least one check' });
