/**
 * Every pipeline's stages, in one place: what each needs, and so what may run side by side.
 * The stages themselves are in stages/, one file each; pipeline.ts runs them.
 *
 * Data safety decides the shapes. A deploy takes its snapshot before the service changes,
 * because a new version may migrate the database on start. A rollback that runs no down
 * migration does not touch the data, so it switches the image as soon as the forensics
 * snapshot has started; one that migrates waits for the snapshot to be available first.
 */
import type { Pipeline } from './pipeline.js';
import { rollBack, verifyRollback } from './stages/auto-rollback.js';
import { bakePeriod } from './stages/bake.js';
import { deployPreflight } from './stages/deploy-preflight.js';
import { downMigration } from './stages/down-migration.js';
import { expiredMaintenance } from './stages/expired-maintenance.js';
import { githubDeployment } from './stages/github-deployment.js';
import { maintenanceWindow } from './stages/maintenance-window.js';
import { nothingToChange } from './stages/nothing-to-change.js';
import { pruneSnapshots } from './stages/prune-snapshots.js';
import { auditLog, deploymentStatus, slack } from './stages/records.js';
import { rollbackPreflight } from './stages/rollback-preflight.js';
import { snapshot, snapshotAhead } from './stages/snapshot.js';
import { snapshotPreflight } from './stages/snapshot-preflight.js';
import { restartPreflight } from './stages/restart-preflight.js';
import { retireOld } from './stages/retire-old.js';
import { restartService } from './stages/restart-service.js';
import { scalePreflight, scaleService, type ScaleRun } from './stages/scale-service.js';
import type { OpsRun } from './ops-run.js';
import type { DeployRun, RollbackRun } from './runs.js';
import { after, startedOf } from './stages/stage.js';
import { switchImage } from './stages/switch-image.js';
import { verify } from './stages/verify.js';

export const DEPLOY_PIPELINE: Pipeline<DeployRun> = [
  { ...expiredMaintenance, needs: [] },
  { ...deployPreflight, needs: after('Expired maintenance') },
  { ...nothingToChange, needs: after('Preflight') },
  { ...githubDeployment, needs: after('Nothing to change') },
  { ...snapshot, needs: after('GitHub deployment') },
  { ...pruneSnapshots, needs: after('Snapshot') },
  { ...maintenanceWindow, needs: after('Snapshot') },
  { ...switchImage, needs: after('Maintenance window') },
  { ...verify, needs: after('Update service') },
  { ...bakePeriod, needs: after('Verify') },
  { ...rollBack, needs: after('Bake') },
  { ...verifyRollback, needs: after('Roll back') },
  { ...retireOld, needs: after('Verify rollback') },
  { ...deploymentStatus, needs: after('Retire old', 'Prune snapshots') },
  { ...slack, needs: after('Deployment status') },
  { ...auditLog, needs: after('Slack') },
];

export const ROLLBACK_PIPELINE: Pipeline<RollbackRun> = [
  { ...expiredMaintenance, needs: [] },
  { ...rollbackPreflight, needs: after('Expired maintenance') },
  { ...nothingToChange, needs: after('Preflight') },
  { ...githubDeployment, needs: after('Nothing to change') },
  {
    ...snapshot,
    needs: after('GitHub deployment'),
    // Without a down migration a failed forensics snapshot never stops the rollback (red).
    failure: (run) => (run.migration.command ? 'stop' : 'red'),
  },
  { ...maintenanceWindow, needs: [startedOf('Snapshot')] },
  { ...downMigration, needs: after('Maintenance window', 'Snapshot') },
  {
    ...switchImage,
    needs: (run) =>
      run.migration.command
        ? after('Down migration')
        : [...after('Maintenance window'), startedOf('Snapshot')],
  },
  { ...verify, needs: after('Update service') },
  { ...retireOld, needs: after('Verify') },
  { ...deploymentStatus, needs: after('Retire old', 'Snapshot') },
  { ...slack, needs: after('Deployment status') },
  { ...auditLog, needs: after('Slack') },
];

/** deploy's `mode: snapshot`: the pre-deploy snapshot started beside the build (deploy.yml). */
export const SNAPSHOT_AHEAD_PIPELINE: Pipeline<OpsRun> = [
  { ...snapshotPreflight, needs: [] },
  { ...nothingToChange, needs: after('Preflight') },
  { ...snapshotAhead, needs: after('Nothing to change') },
];

/**
 * deploy's `mode: restart` (restart.yml, and the runbook's service restart procedure): a new
 * deployment of what runs, no image change, no snapshot (the data is not touched), verified.
 */
export const RESTART_PIPELINE: Pipeline<OpsRun> = [
  { ...expiredMaintenance, needs: [] },
  { ...restartPreflight, needs: after('Expired maintenance') },
  { ...nothingToChange, needs: after('Preflight') },
  { ...githubDeployment, needs: after('Nothing to change') },
  { ...maintenanceWindow, needs: after('GitHub deployment') },
  { ...restartService, needs: after('Maintenance window') },
  { ...verify, needs: after('Restart service') },
  { ...deploymentStatus, needs: after('Verify') },
  { ...slack, needs: after('Deployment status') },
  { ...auditLog, needs: after('Slack') },
];

/**
 * deploy's `mode: scale`: the serving instances' desired capacity within their min/max, every
 * target healthy, verified through the load balancer, its response time watched for `bake`.
 */
export const SCALE_PIPELINE: Pipeline<ScaleRun> = [
  { ...scalePreflight, needs: [] },
  { ...nothingToChange, needs: after('Preflight') },
  { ...scaleService, needs: after('Nothing to change') },
  { ...verify, needs: after('Scale') },
  { ...bakePeriod, needs: after('Verify') },
  { ...slack, needs: after('Bake') },
  { ...auditLog, needs: after('Slack') },
];
