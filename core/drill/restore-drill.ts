import { randomBytes } from 'node:crypto';
import type { RDSClient } from '@aws-sdk/client-rds';
import type { AwsCallDeps } from '../aws/call.js';
import { errorMessage } from '../util/errors.js';
import {
  DRILL_TAG,
  drillInstanceId,
  isDrillOf,
  RdsDrill,
  DrillFailed,
  type DrillTiming,
} from './rds-drill.js';
import type { DrillQuery } from './schema.js';
import { verifyRestore, type DrillCredentials, type QueryResult } from './verify.js';

export interface DrillPlan {
  source: string;
  /** A snapshot to restore, or a point in time `pitrAgeMs` ago (from: pitr). */
  snapshot: 'automated' | { prefix: string } | { pitrAgeMs: number };
  instanceClass: string;
  queries: readonly DrillQuery[];
  credentials: DrillCredentials;
  timing: DrillTiming;
}

export interface DrillReport {
  ok: boolean;
  /** Why it failed, in one sentence. */
  problem?: string;
  leftoversDeleted: string[];
  snapshot?: { id: string; time: Date };
  drillInstance?: string;
  restoreMs?: number;
  deleteMs?: number;
  results: QueryResult[];
  /** Set when the drill instance could not be deleted: it still costs money. */
  leftBehind?: string;
}

/**
 * The monthly restore drill (runbooks §4): delete leftovers of earlier drills, restore the
 * chosen snapshot into `<source>-drill-<YYYYMMDD>` with the source's network and parameter
 * group, wait until available, verify with real SQL, and delete it again whatever happened.
 * The source instance is only ever described.
 */
export async function runRestoreDrill(
  client: RDSClient,
  plan: DrillPlan,
  deps: AwsCallDeps,
  signal?: AbortSignal,
): Promise<DrillReport> {
  const { clock, logger } = deps;
  const drill = new RdsDrill(client, plan.source, deps, signal);
  const report: DrillReport = { ok: false, leftoversDeleted: [], results: [] };

  for (const leftover of await drill.leftovers()) {
    const id = leftover.DBInstanceIdentifier!;
    logger.warning(`Deleting ${id}, a drill instance left by an earlier run, before starting`);
    await drill.deleteDrill(id, plan.timing);
    report.leftoversDeleted.push(id);
  }

  const like = await drill.describe(plan.source);
  if (!like)
    return {
      ...report,
      problem: `RDS instance ${plan.source} does not exist; check database.instance in the configuration`,
    };
  let restoreCalled = false;
  try {
    let from: { snapshotId: string } | { time: Date };
    if (typeof plan.snapshot === 'object' && 'pitrAgeMs' in plan.snapshot) {
      const time = new Date(clock.now() - plan.snapshot.pitrAgeMs);
      const latest = like.LatestRestorableTime;
      const retentionDays = like.BackupRetentionPeriod ?? 0;
      const earliest = Math.max(
        like.InstanceCreateTime?.getTime() ?? 0,
        clock.now() - retentionDays * 86_400_000,
      );
      if (retentionDays === 0 || !latest)
        throw new DrillFailed(
          `${plan.source} keeps no automated backups (BackupRetentionPeriod 0): it has no point in time to restore`,
        );
      if (time.getTime() > latest.getTime() || time.getTime() < earliest)
        throw new DrillFailed(
          `${time.toISOString()} (pitr-age ago) is outside the restore window of ${plan.source}, ${new Date(earliest).toISOString()} to ${latest.toISOString()}; choose another pitr-age`,
        );
      from = { time };
      report.snapshot = { id: `pitr:${time.toISOString()}`, time };
    } else {
      const snapshot = await drill.newestSnapshot(plan.snapshot);
      from = { snapshotId: snapshot.DBSnapshotIdentifier! };
      report.snapshot = { id: snapshot.DBSnapshotIdentifier!, time: snapshot.SnapshotCreateTime! };
    }
    const id = drillInstanceId(plan.source, new Date(clock.now()));
    report.drillInstance = id;
    logger.info(
      `Restoring ${report.snapshot.id} (${report.snapshot.time.toISOString()}) into ${id} (${plan.instanceClass})`,
    );
    // Today's name may be held by an instance the drill did not make: it is never touched.
    const taken = await drill.describe(id);
    if (taken && !isDrillOf(plan.source, taken))
      throw new DrillFailed(
        `the drill instance name ${id} is taken by an instance that is not a drill (no ${DRILL_TAG.Key}=true tag); nothing was restored and ${id} was left alone: rename that instance if it is in the way, or run the drill again tomorrow`,
      );
    const started = clock.now();
    restoreCalled = true;
    await drill.restore({ id, from, instanceClass: plan.instanceClass, like });
    await drill.waitAvailable(id, plan.timing);
    report.restoreMs = clock.now() - started;
    // The restore has the snapshot's passwords (stale after a rotation): a fresh one of its own,
    // kept in memory only, for the verification.
    const password = randomBytes(24).toString('base64url');
    const instance = await drill.setMasterPassword(id, password, plan.timing);
    const address = instance.Endpoint?.Address;
    const port = instance.Endpoint?.Port;
    if (!address || !port) throw new DrillFailed(`${id} is available but reports no endpoint`);
    const verified = await verifyRestore({
      host: address,
      port,
      credentials: {
        ...plan.credentials,
        user: instance.MasterUsername ?? plan.credentials.user,
        password,
        database: plan.credentials.database || instance.DBName || 'postgres',
      },
      queries: plan.queries,
      snapshotTime: report.snapshot.time,
      timeoutMs: 30_000,
    });
    report.results = verified.results;
    const failed = verified.results.filter((r) => !r.ok);
    if (verified.problem) report.problem = verified.problem;
    else if (failed.length > 0)
      report.problem = failed
        .map(
          (r) =>
            `${r.name} = ${String(r.value)}, expected ${r.expected}${r.problem ? ` (${r.problem})` : ''}`,
        )
        .join('; ');
    report.ok = !report.problem;
  } catch (error) {
    report.problem = errorMessage(error);
  } finally {
    if (restoreCalled && report.drillInstance) {
      const started = clock.now();
      try {
        // Its own deadline, not the check's signal: cleaning up must happen after an abort too.
        await drill.deleteDrill(report.drillInstance, plan.timing);
        report.deleteMs = clock.now() - started;
      } catch (error) {
        report.ok = false;
        // Only an instance the drill made (tagged as a drill) is ever suggested for deletion.
        const there = await drill.describe(report.drillInstance).catch(() => undefined);
        report.leftBehind =
          there && !isDrillOf(plan.source, there)
            ? `${report.drillInstance} is not a drill instance (no ${DRILL_TAG.Key}=true tag) and was left alone`
            : `${report.drillInstance} could not be deleted (${errorMessage(error)}); it is a drill instance (tag ${DRILL_TAG.Key}=true), so the next drill deletes it, or delete it by hand: aws rds delete-db-instance --db-instance-identifier ${report.drillInstance} --skip-final-snapshot`;
      }
    }
  }
  return report;
}
