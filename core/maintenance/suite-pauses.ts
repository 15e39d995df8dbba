/**
 * Maintenance windows that end, and that never end a person's pause.
 *
 * Where the record lives: on the monitor itself, as one BetterStack metadata value (key
 * `PAUSE_RECORD_KEY`). A later run has only the configured inputs — the BetterStack token and
 * the config — and possibly not the runner that paused: the runner's state, its disk and the
 * post step are gone when a runner is lost. The monitor is the one place every later run
 * (deploy, rollback, the scheduled checks) reads anyway. Alternatives weighed:
 * - The monitor's own fields: BetterStack has no free-text field on a monitor but its name;
 *   `maintenance_from/to/days/timezone` is a *daily recurring* window, so a one-off window
 *   left behind by a lost runner would silence alerts every week, and writing it overwrites
 *   a window a person configured. `paused_at` is kept by BetterStack and is used below.
 * - GitHub (a repository variable, a deployment payload) or the audit database: both need
 *   inputs the scheduled checks may not have, and the audit database is optional.
 *
 * Whose pause it is: the record holds the `paused_at` BetterStack reported for the suite's own
 * pause. A monitor is the suite's to resume only while it is paused with exactly that
 * `paused_at`. A person who resumes and pauses again gets a new `paused_at`, so their pause is
 * never taken for the suite's. A pause whose record was never completed (the runner was lost
 * between the PATCH and the record) cannot be proven the suite's, so it is left alone and
 * reported. Clocks: `until` is the pausing runner's clock plus the window; a later runner's
 * clock decides expiry, which matters only by the skew between runners (seconds) against a
 * window of minutes.
 */
import type { BetterStackMonitors, MonitorSnapshot } from '../notify/betterstack.js';
import type { Clock } from '../util/clock.js';
import { formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';

/** The metadata key on a monitor under which the suite records its own pause. */
export const PAUSE_RECORD_KEY = 'apprunner-ops pause';

export interface PauseRecord {
  tool: 'apprunner-ops';
  environment: string;
  /** deploy, rollback, … */
  action: string;
  /** Unique per run that paused: its end and its post step resume only their own pauses. */
  pauseId: string;
  runUrl: string;
  /** When the pause was asked for (ISO, the pausing runner's clock). */
  at: string;
  /** When the window ends (ISO): after this, any run of the suite ends the pause. */
  until: string;
  /** BetterStack's `paused_at` of the suite's pause; null while the pause is being taken. */
  pausedAt: string | null;
}

export function parsePauseRecord(text: string | undefined): PauseRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PauseRecord>;
    if (
      value.tool === 'apprunner-ops' &&
      typeof value.pauseId === 'string' &&
      typeof value.until === 'string' &&
      !Number.isNaN(Date.parse(value.until)) &&
      (value.pausedAt === null || typeof value.pausedAt === 'string')
    )
      return value as PauseRecord;
  } catch {
    // Not ours (someone else's text under our key): treated as no record.
  }
  return undefined;
}

/** Whose pause a monitor is in, from the monitor and the suite's record on it. */
export type PauseOwner =
  | { kind: 'running'; staleRecord: PauseRecord | undefined }
  | { kind: 'suite'; record: PauseRecord; expired: boolean }
  | { kind: 'person'; pausedAt: string | null; unfinishedRecord: PauseRecord | undefined };

export function pauseOwner(
  monitor: MonitorSnapshot,
  record: PauseRecord | undefined,
  now: number,
): PauseOwner {
  if (!monitor.paused) return { kind: 'running', staleRecord: record };
  if (record?.pausedAt && record.pausedAt === monitor.pausedAt)
    return { kind: 'suite', record, expired: now >= Date.parse(record.until) };
  return {
    kind: 'person',
    pausedAt: monitor.pausedAt,
    unfinishedRecord: record && record.pausedAt === null ? record : undefined,
  };
}

export interface InspectedMonitor {
  monitor: MonitorSnapshot;
  record: PauseRecord | undefined;
}

export async function inspectMonitor(
  client: BetterStackMonitors,
  id: string,
): Promise<InspectedMonitor> {
  const [monitor, text] = await Promise.all([
    client.get(id),
    client.readMetadata(id, PAUSE_RECORD_KEY),
  ]);
  return { monitor, record: parsePauseRecord(text) };
}

/** "deploy of production at 09:00:00Z until 09:30:00Z (run …)": who paused, for people. */
export function describeSuitePause(record: PauseRecord): string {
  return `apprunner-ops ${record.action} of ${record.environment} at ${record.at}, window until ${record.until} (${record.runUrl})`;
}

export function personPauseLine(
  id: string,
  owner: Extract<PauseOwner, { kind: 'person' }>,
): string {
  const since = owner.pausedAt ? ` since ${owner.pausedAt}` : '';
  return owner.unfinishedRecord
    ? `monitor ${id} is paused${since}; apprunner-ops ${owner.unfinishedRecord.action} (${owner.unfinishedRecord.runUrl}) was pausing it when its runner was lost, so the pause cannot be proven its own and is left as a person's: resume it in BetterStack if nobody needs it paused`
    : `monitor ${id} is paused${since}, not by apprunner-ops: a person's pause, left as it is (resume it in BetterStack when that work is done)`;
}

export interface PauseDeps {
  clock: Clock;
  logger: Logger;
}

/**
 * Resumes a suite pause, then removes its record. If the second call fails, the record stays
 * on a running monitor: harmless, and removed by the next run that sees it.
 */
async function endSuitePause(client: BetterStackMonitors, id: string): Promise<MonitorSnapshot> {
  const resumed = await client.resume(id);
  await client.removeMetadata(id, PAUSE_RECORD_KEY);
  return resumed;
}

export interface ExpiredPauseReport {
  /** One line per suite pause that outlived its window and was ended (or would be, dry run). */
  ended: string[];
  /** Suite pauses whose window is still open: left as they are. */
  open: string[];
  /** Monitors paused by a person (or not provably by the suite): never touched. */
  person: string[];
  /** Monitors that could not be read or resumed. */
  failed: string[];
}

/**
 * Finds the suite's own pauses among `ids` whose window has passed and ends them. Any action
 * for an environment calls this first, so a pause whose runner was lost ends with the next
 * run after its window. A person's pause is reported, never touched. Never throws: a monitor
 * that cannot be read is reported in `failed`.
 */
export async function endExpiredSuitePauses(
  client: BetterStackMonitors,
  ids: readonly string[],
  options: { dryRun?: boolean },
  deps: PauseDeps,
): Promise<ExpiredPauseReport> {
  const report: ExpiredPauseReport = { ended: [], open: [], person: [], failed: [] };
  await Promise.all(
    ids.map(async (id) => {
      try {
        const { monitor, record } = await inspectMonitor(client, id);
        const owner = pauseOwner(monitor, record, deps.clock.now());
        if (owner.kind === 'suite' && owner.expired) {
          const line = `${options.dryRun ? 'would end' : 'ended'} the pause of monitor ${id} (paused by ${describeSuitePause(owner.record)}; the window passed ${formatDuration(deps.clock.now() - Date.parse(owner.record.until))} ago)`;
          if (!options.dryRun) await endSuitePause(client, id);
          report.ended.push(line);
        } else if (owner.kind === 'suite') {
          report.open.push(
            `monitor ${id} is paused by ${describeSuitePause(owner.record)}: left open`,
          );
        } else if (owner.kind === 'person') {
          report.person.push(personPauseLine(id, owner));
        } else if (owner.staleRecord && !options.dryRun) {
          // Resumed by a person while the suite's window was open: the record is spent.
          await client.removeMetadata(id, PAUSE_RECORD_KEY);
        }
      } catch (error) {
        report.failed.push(`monitor ${id}: ${errorMessage(error)}`);
      }
    }),
  );
  for (const line of report.ended) deps.logger.warning(`Expired maintenance: ${line}`);
  return report;
}

export interface WindowRun {
  environment: string;
  action: string;
  pauseId: string;
  runUrl: string;
  windowMs: number;
}

export interface OpenedWindow {
  /** Monitors this run paused. */
  paused: string[];
  /** Monitors an earlier run of the suite had paused, now this run's to end. */
  takenOver: string[];
  /** Monitors left alone, each with the reason. */
  leftAlone: string[];
}

/**
 * Pauses the monitors among `ids` that run, recording each pause on the monitor before and
 * after the PATCH, with its end. A monitor a person paused is left alone; one the suite paused
 * in an earlier run is taken over (its record now names this run, and its end is the later one).
 */
export async function openMaintenanceWindow(
  client: BetterStackMonitors,
  ids: readonly string[],
  run: WindowRun,
  deps: PauseDeps,
): Promise<OpenedWindow> {
  const result: OpenedWindow = { paused: [], takenOver: [], leftAlone: [] };
  const now = deps.clock.now();
  const base = {
    tool: 'apprunner-ops' as const,
    environment: run.environment,
    action: run.action,
    pauseId: run.pauseId,
    runUrl: run.runUrl,
    at: new Date(now).toISOString(),
    until: new Date(now + run.windowMs).toISOString(),
  };
  await Promise.all(
    ids.map(async (id) => {
      const { monitor, record } = await inspectMonitor(client, id);
      const owner = pauseOwner(monitor, record, now);
      if (owner.kind === 'person') {
        result.leftAlone.push(
          `${id} was already paused${owner.pausedAt ? ` (since ${owner.pausedAt})` : ''}, not by this run: left as it is`,
        );
        return;
      }
      if (owner.kind === 'suite') {
        const until =
          Date.parse(owner.record.until) > Date.parse(base.until) ? owner.record.until : base.until;
        const taken: PauseRecord = { ...base, until, pausedAt: owner.record.pausedAt };
        await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify(taken));
        deps.logger.info(
          `  monitor ${id} was paused by ${describeSuitePause(owner.record)}; this run takes it over`,
        );
        result.takenOver.push(id);
        return;
      }
      // Recorded first, so a runner lost right after the PATCH leaves a trace of whose it was.
      await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify({ ...base, pausedAt: null }));
      let paused = await client.pause(id);
      if (!paused.pausedAt) paused = await client.get(id);
      const complete: PauseRecord = { ...base, pausedAt: paused.pausedAt };
      await client.writeMetadata(id, PAUSE_RECORD_KEY, JSON.stringify(complete));
      result.paused.push(id);
    }),
  );
  result.paused.sort();
  result.takenOver.sort();
  return result;
}

/**
 * Resumes the monitors this run paused (its `pauseId` in the record), at the end of the run or
 * in its post step. Monitors paused by anyone else stay paused.
 */
export async function closeMaintenanceWindow(
  client: BetterStackMonitors,
  ids: readonly string[],
  pauseId: string,
  deps: PauseDeps,
): Promise<{ resumed: string[]; leftAlone: string[] }> {
  const resumed: string[] = [];
  const leftAlone: string[] = [];
  await Promise.all(
    ids.map(async (id) => {
      const { monitor, record } = await inspectMonitor(client, id);
      if (record?.pauseId !== pauseId) {
        if (monitor.paused) leftAlone.push(`${id} stays paused: not paused by this run`);
        return;
      }
      const owner = pauseOwner(monitor, record, deps.clock.now());
      // This run's own unfinished record: it sent the PATCH itself, so the pause is its own.
      const ownUnfinished = owner.kind === 'person' && owner.unfinishedRecord !== undefined;
      if (owner.kind === 'suite' || ownUnfinished) {
        await endSuitePause(client, id);
        resumed.push(id);
      } else if (owner.kind === 'person') {
        leftAlone.push(`${id} was paused again by a person during the run: left as it is`);
        await client.removeMetadata(id, PAUSE_RECORD_KEY);
      } else {
        await client.removeMetadata(id, PAUSE_RECORD_KEY);
      }
    }),
  );
  resumed.sort();
  return { resumed, leftAlone };
}
