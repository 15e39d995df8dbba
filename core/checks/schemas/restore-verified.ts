import { z } from 'zod';
import { defineCheckSchema } from './common.js';

export const restoreVerifiedSchema = defineCheckSchema({
  type: 'restore-verified',
  description: 'A successful restore drill (audit_log action restore_drill) within max-age-days.',
  shape: { 'max-age-days': z.int().min(1).max(366).default(35) },
});

export const pitrTestedSchema = defineCheckSchema({
  type: 'pitr-tested',
  description:
    'A successful point-in-time restore drill (snapshot-restore with from: pitr, audit_log action restore_drill) within max-age-days.',
  shape: { 'max-age-days': z.int().min(1).max(366).default(35) },
});
