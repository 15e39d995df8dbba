import { z } from 'zod';
import { positiveDurationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const errorRateSchema = defineCheckSchema({
  type: 'error-rate',
  description:
    'The share of requests answered 5xx over the window stays at or below max-percent (App Runner: AWS/AppRunner 5xxStatusResponses ÷ Requests; ECS Express: AWS/ApplicationELB HTTPCode_Target_5XX_Count ÷ RequestCount of its target groups).',
  shape: {
    'max-percent': z.number().min(0).max(100).default(1),
    window: positiveDurationField.default('1h'),
  },
});
