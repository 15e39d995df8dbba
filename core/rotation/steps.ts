import type { Clock } from '../util/clock.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';

export interface RotationStep {
  secret: string;
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  detail: string;
  startedAt: number;
  durationMs: number;
}

/**
 * Every step of a rotation with its duration, for the summary. `step done: <secret> <step>` is
 * logged after each one: it says where a lost run stopped, and the fault tests kill on it.
 */
export class StepLog {
  readonly steps: RotationStep[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async run<T>(secret: string, name: string, fn: () => Promise<T>, detail = ''): Promise<T> {
    const startedAt = this.clock.now();
    try {
      const value = await fn();
      this.record(secret, name, 'ok', detail, startedAt);
      return value;
    } catch (error) {
      this.record(secret, name, 'failed', errorMessage(error), startedAt);
      throw error;
    }
  }

  record(
    secret: string,
    name: string,
    status: RotationStep['status'],
    detail: string,
    startedAt: number,
  ): void {
    this.steps.push({
      secret,
      name,
      status,
      detail,
      startedAt,
      durationMs: this.clock.now() - startedAt,
    });
    this.logger.info(
      `step ${status === 'ok' ? 'done' : status}: ${secret} ${name}${detail ? ` (${detail})` : ''}`,
    );
  }
}
