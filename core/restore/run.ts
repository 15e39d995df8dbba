/**
 * Point-in-time restore with verification and a safe cut-over (runbooks §6: "restore to a point
 * in time, test data, rename for fail-over after validation"; the SEV-2 data-inconsistency
 * procedure).
 *
 * inspect: forensics snapshot of the current instance, restore beside it into
 * `<name>-restored-<stamp>` (private, the current instance's subnet group, security groups,
 * parameter group, class and encryption, tagged), wait, run the configured queries on both and
 * show them side by side. Nothing else changes.
 * cut-over (after a second approval): the same (adopting the restore an inspect run made), then
 * rename the current instance to `<name>-replaced-<time>`, the restored one to `<name>` (its
 * endpoint then carries the original host name), verify through the original endpoint. The
 * replaced instance is never deleted. Any failure before the second rename renames the current
 * instance back; a run killed in between is repaired by the next run, which finds the name free
 * and a `<name>-replaced-…` instance, and renames it back before anything else.
 */
import type { DBInstance, RDSClient } from '@aws-sdk/client-rds';
import type { AwsCallDeps } from '../aws/call.js';
import { awsErrorName } from '../aws/call.js';
import { RdsInstance, snapshotId } from '../aws/rds.js';
import { errorMessage, InputError } from '../util/errors.js';
import {
  RESTORE_OF_TAG,
  RESTORE_TO_TAG,
  RestoreFailed,
  RestoreInstances,
  isRestoreOf,
  settingsOf,
  type InstanceSettings,
} from './instances.js';
import type { RestoreRequest, RestoreTiming } from './request.js';
import type { RestoreConfig } from './schema.js';
import { compare, runQueries, type Comparison, type Endpoint } from './verify.js';

const DAY_MS = 86_400_000;

/** YYYYMMDDHHMMSS in UTC. */
const stamp = (at: Date): string => at.toISOString().replace(/[-:T]/g, '').slice(0, 14);

/** `<source><suffix>`, the source shortened on the left to RDS's 63 characters. */
export function instanceName(source: string, suffix: string): string {
  return `${source.slice(0, 63 - suffix.length).replace(/-+$/, '')}${suffix}`.toLowerCase();
}

const REPLACED = (source: string): RegExp =>
  new RegExp(`^${instanceName(source, '-replaced-00000000000000').slice(0, -14)}\\d{14}$`);

/** A short, stable text of a snapshot id for an instance name. */
function shortHash(text: string): string {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export interface RestorePlan {
  source: string;
  /** The resolved target: an ISO time or a snapshot id (the output `restore-to`). */
  to: string;
  from: { time: Date } | { snapshot: string };
  restored: string;
  /** The restored instance exists already (an earlier run made it): adopted, not restored again. */
  adopt: boolean;
  settings: InstanceSettings;
  endpoint: Endpoint;
  window?: { earliest: Date; latest: Date };
  lines: string[];
}

export interface RestoreReport {
  ok: boolean;
  headline: string;
  plan?: RestorePlan;
  forensicsSnapshot?: string;
  restoreMs?: number;
  comparisons: Comparison[];
  /** After the cut-over: the original endpoint's answers compared with the restored ones. */
  afterCutOver: Comparison[];
  replaced?: string;
  /** What exists now, in words: always said when something failed. */
  state: string[];
  /** Steps taken, in order. */
  steps: string[];
}

export interface RestoreContext {
  rdsClient: RDSClient;
  deps: AwsCallDeps;
  config: RestoreConfig;
  source: string;
  timing: RestoreTiming;
  /** Opens the environment's maintenance window; returns its closer (none configured: no-op). */
  maintenance: () => Promise<{ line: string; close: () => Promise<string> }>;
}

/** Reads what exists and checks `to`; no change. Throws InputError for bad input. */
export async function planRestore(
  request: RestoreRequest,
  ctx: RestoreContext,
  current: DBInstance,
): Promise<RestorePlan> {
  const { deps, source } = ctx;
  const now = deps.clock.now();
  const lines: string[] = [];
  let from: RestorePlan['from'];
  let to: string;
  let window: RestorePlan['window'];
  if (request.to.kind === 'snapshot') {
    const snap = await new RdsInstance(ctx.rdsClient, source, deps).describeSnapshot(request.to.id);
    if (!snap) throw new InputError('to', `snapshot ${request.to.id} does not exist`);
    if ((snap.DBInstanceIdentifier ?? '').toLowerCase() !== source)
      throw new InputError(
        'to',
        `snapshot ${request.to.id} is of instance ${snap.DBInstanceIdentifier}, not of ${source}; restore only snapshots of this environment's database`,
      );
    if (snap.Status !== 'available')
      throw new InputError('to', `snapshot ${request.to.id} is ${snap.Status}, not available`);
    from = { snapshot: request.to.id };
    to = request.to.id;
    lines.push(`restore snapshot ${to} (${snap.SnapshotCreateTime?.toISOString() ?? 'no time'})`);
  } else {
    const retention = current.BackupRetentionPeriod ?? 0;
    if (retention === 0)
      throw new InputError(
        'to',
        `${source} keeps no automated backups (BackupRetentionPeriod 0), so it has no point in time to restore to; give a snapshot id`,
      );
    const latest = current.LatestRestorableTime;
    if (!latest) throw new RestoreFailed(`${source} reports no LatestRestorableTime`);
    const created = current.InstanceCreateTime?.getTime() ?? 0;
    window = { earliest: new Date(Math.max(created, now - retention * DAY_MS)), latest };
    const at = request.to.kind === 'latest' ? latest : request.to.at;
    // RDS's window decides; "future" is only the clearer word for a time past it and now.
    const inside = at.getTime() >= window.earliest.getTime() && at.getTime() <= latest.getTime();
    if (!inside && at.getTime() > now)
      throw new InputError(
        'to',
        `${at.toISOString()} is in the future; the latest restorable time of ${source} is ${latest.toISOString()}`,
      );
    if (!inside)
      throw new InputError(
        'to',
        `${at.toISOString()} is outside the restore window of ${source}: ${window.earliest.toISOString()} to ${latest.toISOString()} (LatestRestorableTime)`,
      );
    from = { time: at };
    to = at.toISOString();
    lines.push(`restore ${source} as it was at ${to}`);
  }
  const suffix =
    'time' in from ? `-restored-${stamp(from.time)}` : `-restored-s${shortHash(from.snapshot)}`;
  const restored = instanceName(source, suffix);
  const there = await new RestoreInstances(ctx.rdsClient, deps).describe(restored);
  if (there && !isRestoreOf(there, source, to))
    throw new InputError(
      'to',
      `the restored instance's name ${restored} is taken by an instance that is not this restore (tags ${RESTORE_OF_TAG}=${source}, ${RESTORE_TO_TAG}=${to}); rename or delete it, or choose another time`,
    );
  const address = current.Endpoint?.Address;
  const port = current.Endpoint?.Port;
  if (!address || !port) throw new RestoreFailed(`${source} reports no endpoint`);
  const settings = settingsOf(current, ctx.config['instance-class']);
  lines.push(
    there
      ? `adopt ${restored}, restored by an earlier run (${there.DBInstanceStatus})`
      : `into ${restored}: private, subnet group ${settings.subnetGroup}, security groups ${settings.securityGroups.join(', ')}, parameter group ${settings.parameterGroup}, class ${settings.instanceClass}, encrypted ${settings.encrypted}`,
  );
  return {
    source,
    to,
    from,
    restored,
    adopt: Boolean(there),
    settings,
    endpoint: { host: address, port },
    ...(window ? { window } : {}),
    lines,
  };
}

/**
 * A cut-over killed between its renames leaves the name free and `<name>-replaced-…` holding the
 * current data: rename the newest such instance back before anything else. Returns what it did.
 */
async function repairInterruptedCutOver(
  request: RestoreRequest,
  ctx: RestoreContext,
  instances: RestoreInstances,
): Promise<string | undefined> {
  const { source, timing } = ctx;
  let all = await instances.all();
  const underName = all.find((i) => i.DBInstanceIdentifier === source);
  if (underName?.DBInstanceStatus === 'renaming') {
    // Killed right after its first rename: that rename still runs. Let it end, then undo it.
    const pending = underName.PendingModifiedValues?.DBInstanceIdentifier ?? '';
    if (!REPLACED(source).test(pending))
      throw new RestoreFailed(
        `${source} is being renamed to ${pending || 'another name'}, not by a cut-over of this suite; run again once that is done`,
      );
    if (request.dryRun)
      return `would wait for ${source}'s rename to ${pending}, then rename it back`;
    await instances.waitGone(source, timing.renameTimeoutMs, timing);
    all = await instances.all();
  }
  if (all.some((i) => i.DBInstanceIdentifier === source)) return undefined;
  // A rename to the name still under way: wait for it instead.
  const incoming = all.find(
    (i) => i.PendingModifiedValues?.DBInstanceIdentifier?.toLowerCase() === source,
  );
  if (incoming) {
    await instances.waitAvailable(
      source,
      'the rename to the original name',
      timing.renameTimeoutMs,
      timing,
    );
    return `waited for ${incoming.DBInstanceIdentifier}'s rename to ${source}, begun by an earlier run`;
  }
  const replaced = all
    .map((i) => i.DBInstanceIdentifier ?? '')
    .filter((id) => REPLACED(source).test(id))
    .sort()
    .at(-1);
  if (!replaced)
    throw new InputError(
      'environment',
      `RDS instance ${source} (database.instance) does not exist, and no ${source}-replaced-… instance is there to bring back`,
    );
  if (request.dryRun)
    return `would rename ${replaced} back to ${source} (a cut-over was interrupted between its renames)`;
  ctx.deps.logger.warning(
    `${source} does not exist and ${replaced} does: an earlier cut-over stopped between its renames. Renaming ${replaced} back to ${source} first.`,
  );
  await instances.waitAvailable(replaced, 'the replaced instance', timing.renameTimeoutMs, timing);
  await instances.rename(replaced, source);
  await instances.waitAvailable(source, `${replaced} renamed back`, timing.renameTimeoutMs, timing);
  return `renamed ${replaced} back to ${source} (an earlier cut-over stopped between its renames)`;
}

/**
 * Runs the restore. Bad input throws (InputError, before any change); any later failure
 * returns the report with ok false, its headline saying what failed and what exists now.
 */
export async function runRestore(
  request: RestoreRequest,
  ctx: RestoreContext,
): Promise<RestoreReport> {
  const report: RestoreReport = {
    ok: false,
    headline: '',
    comparisons: [],
    afterCutOver: [],
    state: [],
    steps: [],
  };
  try {
    return await restoreSteps(request, ctx, report);
  } catch (error) {
    if (error instanceof InputError) throw error;
    report.ok = false;
    report.headline = `${errorMessage(error)}${report.state.length > 0 ? `. What exists now: ${report.state.join('; ')}` : ''}`;
    return report;
  }
}

async function restoreSteps(
  request: RestoreRequest,
  ctx: RestoreContext,
  report: RestoreReport,
): Promise<RestoreReport> {
  const { deps, source, timing, config } = ctx;
  const { logger, clock } = deps;
  const instances = new RestoreInstances(ctx.rdsClient, deps);
  const step = (line: string): void => {
    report.steps.push(line);
    logger.info(line);
  };

  const repaired = await repairInterruptedCutOver(request, ctx, instances);
  if (repaired) step(repaired);
  const current = await instances.describe(source);
  if (!current && request.dryRun) {
    report.ok = true;
    report.headline = `dry run: ${repaired ?? ''}; the rest is planned after that rename`;
    return report;
  }
  if (!current) throw new RestoreFailed(`RDS instance ${source} does not exist`);
  // The name already holds this very restore: a cut-over that finished (or whose second rename
  // an earlier run started). Nothing to change; verify only.
  const doneTo = current.TagList?.find((t) => t.Key === RESTORE_TO_TAG)?.Value;
  if (
    doneTo !== undefined &&
    current.TagList?.some((t) => t.Key === RESTORE_OF_TAG && t.Value === source) &&
    request.to.kind !== 'latest' &&
    doneTo === (request.to.kind === 'snapshot' ? request.to.id : request.to.at.toISOString())
  ) {
    report.ok = true;
    report.headline = `${source} already serves the restore to ${doneTo}: nothing to change`;
    report.state.push(report.headline);
    return report;
  }

  const plan = await planRestore(request, ctx, current);
  report.plan = plan;
  for (const line of plan.lines) logger.info(`plan: ${line}`);
  if (request.dryRun) {
    report.ok = true;
    report.headline = `dry run: would ${plan.lines.join('; ')}${request.mode === 'cut-over' ? '; then cut over' : ''}`;
    return report;
  }
  const queries = config.verify;

  // 1. Forensics snapshot of the current instance, before anything else changes.
  const rdsSource = new RdsInstance(ctx.rdsClient, source, deps);
  await instances.waitAvailable(source, 'the current instance', timing.renameTimeoutMs, timing);
  const forensics = await rdsSource.createSnapshot(
    snapshotId(`${source}-forensics`, new Date(clock.now())),
  );
  report.forensicsSnapshot = forensics;
  step(`forensics snapshot ${forensics} of ${source} started`);
  await rdsSource.waitForSnapshot(forensics, timing.snapshotTimeoutMs, timing.pollIntervalMs);
  step(`forensics snapshot ${forensics} is available`);

  // 2. The restore beside it.
  const started = clock.now();
  if (!plan.adopt) {
    try {
      await instances.restore({
        id: plan.restored,
        source,
        from: plan.from,
        settings: plan.settings,
        tags: [
          { Key: RESTORE_OF_TAG, Value: source },
          { Key: RESTORE_TO_TAG, Value: plan.to },
          { Key: 'apprunner-ops:managed', Value: 'true' },
        ],
      });
    } catch (error) {
      // An answer lost on the way may still have created it: only our own tagged restore counts.
      const there = await instances.describe(plan.restored).catch(() => undefined);
      if (!there || !isRestoreOf(there, source, plan.to)) {
        report.state.push(`${source} serves unchanged; no restored instance was created`);
        throw new RestoreFailed(
          `restoring ${source} into ${plan.restored} failed: ${awsErrorName(error) ?? ''} ${errorMessage(error)}`,
        );
      }
    }
    step(`restoring ${plan.to} into ${plan.restored}`);
  } else step(`adopted ${plan.restored}, restored by an earlier run`);
  const restored = await instances.waitAvailable(
    plan.restored,
    'the restored instance',
    timing.restoreTimeoutMs,
    timing,
  );
  report.restoreMs = clock.now() - started;
  if ((restored.StorageEncrypted === true) !== plan.settings.encrypted)
    throw new RestoreFailed(
      `${plan.restored} has StorageEncrypted=${String(restored.StorageEncrypted)}, ${source} has ${String(plan.settings.encrypted)}; not cut over`,
    );
  step(`${plan.restored} is available`);

  // 3. Side by side.
  const restoredEndpoint: Endpoint = {
    host: restored.Endpoint?.Address ?? '',
    port: restored.Endpoint?.Port ?? 0,
  };
  if (queries.length > 0) {
    if (!request.databaseUrl)
      throw new RestoreFailed(
        'restore.verify has queries but no database-url was given to run them with',
      );
    const timeout = 30_000;
    report.comparisons = compare(
      queries,
      await runQueries(plan.endpoint, request.databaseUrl, queries, timeout),
      await runQueries(restoredEndpoint, request.databaseUrl, queries, timeout),
    );
    const failed = report.comparisons.filter((c) => 'error' in c.restored);
    if (failed.length > 0) {
      report.state.push(`${source} serves unchanged; ${plan.restored} exists beside it`);
      throw new RestoreFailed(
        `the restored instance did not answer ${failed.map((f) => f.name).join(', ')}; not cut over`,
      );
    }
  }
  if (request.mode === 'inspect') {
    report.ok = true;
    report.headline = `restored ${plan.to} into ${plan.restored} beside ${source}; ${source} is unchanged`;
    report.state.push(
      `${source} serves unchanged`,
      `${plan.restored} holds the data as of ${plan.to} (deletion protection on)`,
    );
    return report;
  }

  // 4. Cut-over.
  let window: Awaited<ReturnType<RestoreContext['maintenance']>>;
  try {
    window = await ctx.maintenance();
  } catch (error) {
    report.state.push(`${source} serves unchanged`, `${plan.restored} exists beside it`);
    throw new RestoreFailed(
      `opening the maintenance window failed, so nothing was renamed: ${errorMessage(error)}`,
    );
  }
  step(window.line);
  const replaced = instanceName(source, `-replaced-${stamp(new Date(clock.now()))}`);
  let firstRenameSent = false;
  let secondRenameSent = false;
  try {
    await instances.waitAvailable(source, 'the current instance', timing.renameTimeoutMs, timing);
    firstRenameSent = true;
    await instances.rename(source, replaced);
    step(`renaming ${source} to ${replaced}`);
    await instances.waitAvailable(
      replaced,
      'the current instance renamed',
      timing.renameTimeoutMs,
      timing,
    );
    await instances.waitGone(source, timing.renameTimeoutMs, timing);
    step(`renamed ${source} to ${replaced}`);
    try {
      await instances.rename(plan.restored, source);
    } catch (error) {
      // Refused, or an answer lost on the way: only a rename RDS took counts as sent.
      const restored = await instances.describe(plan.restored).catch(() => undefined);
      const pending = restored?.PendingModifiedValues?.DBInstanceIdentifier?.toLowerCase();
      secondRenameSent =
        pending === source ||
        (await instances.describe(source).catch(() => undefined)) !== undefined;
      throw error;
    }
    secondRenameSent = true;
    step(`renaming ${plan.restored} to ${source}`);
    await instances.waitAvailable(
      source,
      'the restored instance renamed',
      timing.renameTimeoutMs,
      timing,
    );
    step(`renamed ${plan.restored} to ${source}: it now answers on ${source}'s endpoint`);
  } catch (error) {
    report.replaced = firstRenameSent ? replaced : undefined;
    if (firstRenameSent && !secondRenameSent) {
      // The current instance goes back to its name, so the service keeps reading it.
      const back = await renameBack(instances, replaced, source, timing).catch(
        (e: unknown) => `renaming ${replaced} back to ${source} failed too: ${errorMessage(e)}`,
      );
      report.state.push(back, `${plan.restored} exists beside it, unchanged`);
    } else if (!firstRenameSent)
      report.state.push(`${source} serves unchanged`, `${plan.restored} exists beside it`);
    else
      report.state.push(
        `${replaced} holds the data ${source} had before the cut-over`,
        `${plan.restored} was being renamed to ${source}; run again to finish or check its state`,
      );
    report.state.push(await window.close());
    throw new RestoreFailed(`cut-over failed: ${errorMessage(error)}`);
  }
  report.replaced = replaced;

  // 5. Verify through the original endpoint: it must now answer what the restore answered.
  if (queries.length > 0 && request.databaseUrl) {
    const before = new Map(report.comparisons.map((c) => [c.name, c.restored]));
    report.afterCutOver = compare(
      queries,
      await runQueries(plan.endpoint, request.databaseUrl, queries, 30_000),
      before,
    );
  }
  step(await window.close());
  const differs = report.afterCutOver.filter((c) => !c.same);
  report.state.push(
    `${source} is the restored instance (data as of ${plan.to}), on the original endpoint`,
    `${replaced} holds the data ${source} had before; it is never deleted by apprunner-ops`,
  );
  if (differs.length > 0) {
    report.headline = `cut over, but ${differs.map((d) => d.name).join(', ')} through ${source}'s endpoint differ from the restore`;
    return report;
  }
  report.ok = true;
  report.headline = `cut over: ${source} now serves the restore to ${plan.to}; the former instance is ${replaced}`;
  return report;
}

async function renameBack(
  instances: RestoreInstances,
  replaced: string,
  source: string,
  timing: RestoreTiming,
): Promise<string> {
  const still = await instances.describe(source);
  // Still `renaming` under the old name: the rename goes through; wait for it, then undo it.
  if (still && still.DBInstanceStatus !== 'renaming')
    return `${source} was not renamed (it is ${still.DBInstanceStatus}); it keeps serving under its name`;
  if (!still && !(await instances.describe(replaced)))
    return `neither ${source} nor ${replaced} is listed: check the RDS console`;
  await instances.waitAvailable(replaced, 'the replaced instance', timing.renameTimeoutMs, timing);
  await instances.rename(replaced, source);
  await instances.waitAvailable(source, `${replaced} renamed back`, timing.renameTimeoutMs, timing);
  return `${replaced} was renamed back to ${source}: it serves under its own name again`;
}

/** The command a person runs to delete the replaced instance once sure (never the suite). */
export function deleteCommand(replaced: string): string {
  return `aws rds modify-db-instance --db-instance-identifier ${replaced} --no-deletion-protection --apply-immediately && aws rds delete-db-instance --db-instance-identifier ${replaced} --final-db-snapshot-identifier ${replaced}-final`;
}
