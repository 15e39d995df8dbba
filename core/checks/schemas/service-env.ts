import { z } from 'zod';
import { envNameField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const serviceEnvSchema = defineCheckSchema({
  type: 'service-env',
  description:
    "The service's environment variables have these values, these are absent, and every configured secret is referenced (App Runner RuntimeEnvironmentSecrets; ECS Express the active configuration's container secrets).",
  shape: {
    equals: z.record(envNameField, z.string()).default({}),
    absent: z.array(envNameField).default([]),
    'secrets-referenced': z
      .boolean()
      .default(true)
      .describe("Every name under the environment's secrets must be in RuntimeEnvironmentSecrets."),
  },
});
