import { z } from 'zod';
import { durationField } from '../../config/fields.js';
import { defineCheckSchema } from './common.js';

export const backupsSchema = defineCheckSchema({
  type: 'backups',
  description:
    'Automated backups are on (retention > 0) and LatestRestorableTime is recent, so point-in-time recovery works.',
  shape: {
    'max-restore-lag': durationField
      .default('15m')
      .describe('How far LatestRestorableTime may lag behind now.'),
    'min-retention-days': z.int().min(1).max(35).default(1),
  },
});
