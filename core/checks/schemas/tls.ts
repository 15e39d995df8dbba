import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const tlsCheckSchema = defineCheckSchema({
  type: 'tls',
  description:
    'Each host serves a trusted certificate that covers it and is valid for min-days more.',
  shape: {
    hosts: z
      .array(z.string().regex(/^[A-Za-z0-9.-]+(:\d+)?$/, { message: 'expected host or host:port' }))
      .min(1),
    'min-days': z.int().min(0).default(90),
    resolve: z
      .record(
        z.string(),
        z.string().regex(/^[A-Za-z0-9.-]+:\d+$/, { message: 'expected address:port' }),
      )
      .default({})
      .describe(
        'Connect to this address:port for a host (like curl --resolve), e.g. before DNS cut-over.',
      ),
  },
});
