import { z } from 'zod';
import { positiveDurationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const latencyP99Schema = defineCheckSchema({
  type: 'latency-p99',
  description:
    'p99 latency over the window stays at or below max-ms (App Runner: AWS/AppRunner RequestLatency; ECS Express: AWS/ApplicationELB TargetResponseTime of its target groups).',
  shape: {
    'max-ms': z.int().positive({ message: 'expected a number of milliseconds greater than 0' }),
    window: positiveDurationField.default('1h'),
  },
});
