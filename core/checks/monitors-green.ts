import {
  describeSuitePause,
  inspectMonitor,
  pauseOwner,
  PAUSE_RECORD_KEY,
  personPauseLine,
} from '../maintenance/suite-pauses.js';
import { betterStackApiUrl, BetterStackMonitors } from '../notify/betterstack.js';
import { formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import { monitorsGreenSchema } from './schemas/monitors-green.js';
import type { CheckOutcome } from './types.js';
import { defineCheck } from './types.js';

type Verdict = 'pass' | 'warn' | 'fail';
interface MonitorVerdict {
  id: string;
  verdict: Verdict;
  line: string;
  status: string;
  pausedAt: string | null;
  ended?: boolean;
}

const RANK: Record<Verdict | 'error', number> = { pass: 0, warn: 1, fail: 2, error: 3 };

/**
 * The runbook's daily "BetterStack monitors green". A pause by the suite that outlived its
 * window is ended here as well — the scheduled checks are the run most likely to come after
 * a lost runner — and the check still fails, because alerts were off longer than planned.
 * That resume is the suite finishing its own maintenance window, not a change to what is
 * checked, so the type is not declared mutating (a gate may list it).
 */
export const monitorsGreen = defineCheck({
  ...monitorsGreenSchema,
  defaultTimeoutMs: 30_000,
  group: 'Monitoring',
  async run(check, { env, environment, secrets, clock, logger }) {
    const ids = check['monitor-ids'] ?? env.maintenance?.['monitor-ids'];
    if (!ids)
      return {
        status: 'skipped',
        line: `no monitors to check: set environments.${environment}.maintenance.monitor-ids or monitor-ids on this check`,
      };
    const token = secrets.betterstackToken;
    if (!token)
      return {
        status: 'error',
        line: 'no betterstack-token given: the BetterStack monitors cannot be read (pass the BETTERSTACK_TOKEN secret as betterstack-token)',
      };
    const client = new BetterStackMonitors(betterStackApiUrl(), token, { clock, logger });
    const verdicts = await Promise.all(ids.map((id) => judge(client, id, clock.now())));
    return summarise(verdicts);
  },
});

async function judge(
  client: BetterStackMonitors,
  id: string,
  now: number,
): Promise<MonitorVerdict | { id: string; verdict: 'error'; line: string }> {
  let inspected;
  try {
    inspected = await inspectMonitor(client, id);
  } catch (error) {
    return {
      id,
      verdict: 'error',
      line: `monitor ${id} could not be read: ${errorMessage(error)}`,
    };
  }
  const { monitor, record } = inspected;
  const owner = pauseOwner(monitor, record, now);
  const base = { id, status: monitor.status, pausedAt: monitor.pausedAt };
  if (owner.kind === 'suite' && !owner.expired) {
    return {
      ...base,
      verdict: 'warn',
      line: `${monitor.name} (${id}) is paused by ${describeSuitePause(owner.record)}`,
    };
  }
  if (owner.kind === 'suite') {
    const late = formatDuration(now - Date.parse(owner.record.until));
    try {
      await client.resume(id);
      await client.removeMetadata(id, PAUSE_RECORD_KEY);
    } catch (error) {
      return {
        ...base,
        verdict: 'fail',
        line: `${monitor.name} (${id}) is still paused by ${describeSuitePause(owner.record)}, ${late} past its window, and resuming it failed: ${errorMessage(error)}`,
      };
    }
    return {
      ...base,
      verdict: 'fail',
      ended: true,
      line: `${monitor.name} (${id}) was paused by ${describeSuitePause(owner.record)} and stayed paused ${late} past its window: ended the pause now`,
    };
  }
  if (owner.kind === 'person') {
    return {
      ...base,
      verdict: 'fail',
      line: `${monitor.name} (${id}): ${personPauseLine(id, owner)}`,
    };
  }
  switch (monitor.status) {
    case 'up':
      return { ...base, verdict: 'pass', line: `${monitor.name} (${id}) is up` };
    case 'down':
      return {
        ...base,
        verdict: 'fail',
        line: `${monitor.name} (${id}) is down: look at its incident in BetterStack`,
      };
    case 'pending':
    case 'validating':
      return {
        ...base,
        verdict: 'warn',
        line: `${monitor.name} (${id}) is ${monitor.status}: not checked since it was resumed or changed`,
      };
    case 'maintenance':
      return {
        ...base,
        verdict: 'warn',
        line: `${monitor.name} (${id}) is in its BetterStack maintenance window`,
      };
    default:
      return {
        ...base,
        verdict: 'fail',
        line: `${monitor.name} (${id}) reports status "${monitor.status}", expected up`,
      };
  }
}

function summarise(
  verdicts: (MonitorVerdict | { id: string; verdict: 'error'; line: string })[],
): CheckOutcome {
  const worst = verdicts.reduce<Verdict | 'error'>(
    (w, v) => (RANK[v.verdict] > RANK[w] ? v.verdict : w),
    'pass',
  );
  const notable = verdicts.filter((v) => v.verdict !== 'pass');
  const line =
    notable.length === 0
      ? `all ${verdicts.length} monitors are up`
      : notable.map((v) => v.line).join('; ');
  const observed = Object.fromEntries(
    verdicts.map((v) => [
      v.id,
      'status' in v
        ? { status: v.status, pausedAt: v.pausedAt, ...(v.ended ? { pauseEnded: true } : {}) }
        : { error: v.line },
    ]),
  );
  return {
    status: worst,
    line,
    observed,
    evidence: { monitors: verdicts.map((v) => ({ id: v.id, verdict: v.verdict, line: v.line })) },
  };
}
