import { z } from 'zod';
import { httpUrlField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const hstsSchema = defineCheckSchema({
  type: 'hsts',
  description:
    'Strict-Transport-Security has at least this max-age, includeSubDomains and preload.',
  shape: {
    'min-max-age': z.int().min(0).default(63072000),
    'include-subdomains': z.boolean().default(true),
    preload: z.boolean().default(true),
    url: httpUrlField.optional().describe('Page to read the header from; default health.base-url.'),
  },
});
