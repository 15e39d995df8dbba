import { snapshotRestoreShape } from '../../drill/schema.js';
import { defineCheckSchema } from './common.js';

export const snapshotRestoreSchema = defineCheckSchema({
  type: 'snapshot-restore',
  description:
    'Restores the newest snapshot into a temporary private drill instance, verifies it with SQL, deletes it and records the restore time.',
  shape: snapshotRestoreShape,
});
