import { formatDuration, parseDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import { checkId, checkType, targetMismatch, type CheckItem } from './registry.js';
import type { CheckContext, CheckOutcome, CheckStatus, CheckType } from './types.js';

export interface CheckResult extends Omit<CheckOutcome, 'status'> {
  id: string;
  type: string;
  group: string;
  status: CheckStatus;
  startedAt: string;
  durationMs: number;
}

export type SharedCheckContext = Omit<CheckContext, 'signal' | 'deadline'>;

/**
 * Runs every check at once. Each has its own deadline; one that fails, throws or overruns
 * becomes that check's result (`error`), never the end of the run.
 */
export async function runCheckList(
  items: readonly CheckItem[],
  context: SharedCheckContext,
  lookup: (type: string) => CheckType | undefined = checkType,
): Promise<CheckResult[]> {
  return Promise.all(items.map((item) => runOne(item, context, lookup)));
}

async function runOne(
  item: CheckItem,
  context: SharedCheckContext,
  lookup: (type: string) => CheckType | undefined,
): Promise<CheckResult> {
  const type = lookup(item.type);
  const started = context.clock.now();
  const base = {
    id: checkId(item),
    type: item.type,
    group: item.group ?? type?.group ?? 'Other',
    startedAt: new Date(started).toISOString(),
  };
  if (!type) {
    return { ...base, status: 'error', line: `unknown check type "${item.type}"`, durationMs: 0 };
  }
  // The configuration refuses this already; a list made in code is held to it too.
  const mismatch = targetMismatch(type, context.env.target.kind);
  if (mismatch) return { ...base, status: 'error', line: mismatch, durationMs: 0 };
  const timeoutMs = (item.timeout && parseDuration(item.timeout)) || type.defaultTimeoutMs;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`deadline of ${formatDuration(timeoutMs)} passed`));
      resolve({
        status: 'error',
        line: `no answer within ${formatDuration(timeoutMs)} (raise "timeout" on this check if it needs longer)`,
      });
    }, timeoutMs);
    timer.unref?.();
  });
  let outcome: CheckOutcome;
  try {
    outcome = await Promise.race([
      type.run(item, { ...context, signal: controller.signal, deadline: started + timeoutMs }),
      overrun,
    ]);
  } catch (error) {
    outcome = { status: 'error', line: errorMessage(error) };
  } finally {
    clearTimeout(timer);
  }
  return { ...base, ...outcome, durationMs: context.clock.now() - started };
}

export function countByStatus(results: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = {
    pass: 0,
    fail: 0,
    warn: 0,
    error: 0,
    skipped: 0,
    waived: 0,
  };
  for (const r of results) counts[r.status]++;
  return counts;
}
