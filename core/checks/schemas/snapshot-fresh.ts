import { positiveDurationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const snapshotFreshSchema = defineCheckSchema({
  type: 'snapshot-fresh',
  description: 'The newest automated RDS snapshot is younger than max-age.',
  shape: { 'max-age': positiveDurationField.default('24h') },
});
