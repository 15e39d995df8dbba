import { z } from 'zod';
import { positiveDurationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const freeStorageSchema = defineCheckSchema({
  type: 'free-storage',
  description: 'RDS FreeStorageSpace (its minimum over the window) stays above min-gib.',
  shape: {
    'min-gib': positiveNumber().default(2),
    window: positiveDurationField.default('1h'),
  },
});

function positiveNumber() {
  return z.number().positive({ message: 'expected a number greater than 0' });
}
