import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const imagePresentSchema = defineCheckSchema({
  type: 'image-present',
  description: 'ECR holds an image with this tag.',
  shape: {
    tag: z
      .string()
      .regex(/^[\w][\w.-]{0,127}$/)
      .default('production'),
  },
});
