import { periodOf } from '../aws/cloudwatch.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { parseDuration } from '../util/duration.js';
import type { CheckOutcome } from './types.js';

/** The remaining time until a check's deadline, less a margin to answer in. */
export function remainingMs(deadline: number, now: number, marginMs = 250): number {
  return Math.max(0, deadline - now - marginMs);
}

/**
 * The metric window ending now: start, end and a CloudWatch period that keeps the datapoints
 * under the API's limit. The field is validated as a positive duration, so the fallback only
 * keeps the types honest.
 */
export function metricWindow(
  window: string,
  now: number,
): { start: number; end: number; periodSeconds: number } {
  const windowMs = parseDuration(window) ?? 3_600_000;
  return { start: now - windowMs, end: now, periodSeconds: periodOf(windowMs) };
}

/** The environment's RDS instance, or the error result a database check gives without one. */
export function databaseInstance(env: EnvironmentConfig): string | CheckOutcome {
  return (
    env.database?.instance ?? {
      status: 'error',
      line: 'no database.instance in this environment: say which RDS instance to check',
    }
  );
}
