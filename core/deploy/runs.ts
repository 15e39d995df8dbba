/**
 * What each pipeline's run carries beyond an `OpsRun`. The pipelines (pipelines.ts) and their
 * stages take these types from here; deploy.ts and rollback.ts, which start the runs, import
 * the pipelines, so the types cannot live there without an import circle.
 */
import type { ImageRef } from '../aws/image-ref.js';
import type { EnvChanges } from '../targets/env-changes.js';
import type { OpsRun } from './ops-run.js';
import type { RollbackTarget } from './rollback-target.js';
import type { DownMigration } from './stages/down-migration.js';

export type DeployRun = OpsRun & {
  image: ImageRef;
  envChanges: EnvChanges | undefined;
  bakeMs: number;
  autoRollback: boolean;
};

export type RollbackRun = OpsRun & {
  to: RollbackTarget;
  /** The commit of the version rolled back to, when history knows it. */
  commit: string | undefined;
  migration: DownMigration;
};
