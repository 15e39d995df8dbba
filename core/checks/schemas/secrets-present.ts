import { z } from 'zod';
import { envNameField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const secretsPresentSchema = defineCheckSchema({
  type: 'secrets-present',
  description:
    'The configured secrets exist and are long enough; values are measured, never shown.',
  shape: { names: z.array(envNameField).optional() },
});
