import type { Clock } from '../util/clock.js';
import { formatDuration } from '../util/duration.js';
import { errorMessage } from '../util/errors.js';
import type { Logger } from '../util/logger.js';

export type StepStatus = 'ok' | 'failed' | 'skipped' | 'warning';

export interface StepRecord {
  name: string;
  status: StepStatus;
  detail: string;
  startMs: number;
  endMs: number;
}

/** Runs the named steps of a pipeline and keeps what each did and how long it took. */
export class StepLog {
  readonly steps: StepRecord[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Runs a step; a throw marks it failed and is re-thrown. `detail` describes the result. */
  async run<T>(
    name: string,
    fn: () => Promise<T>,
    detail: (value: T) => string = () => '',
  ): Promise<T> {
    const startMs = this.clock.now();
    this.logger.info(`▶ ${name}`);
    try {
      const value = await fn();
      const record = {
        name,
        status: 'ok' as const,
        detail: detail(value),
        startMs,
        endMs: this.clock.now(),
      };
      this.steps.push(record);
      this.logger.info(
        `✓ ${name}${record.detail ? `: ${record.detail}` : ''} (${formatDuration(record.endMs - startMs)})`,
      );
      return value;
    } catch (error) {
      this.steps.push({
        name,
        status: 'failed',
        detail: errorMessage(error),
        startMs,
        endMs: this.clock.now(),
      });
      this.logger.info(`✗ ${name}: ${errorMessage(error)}`);
      throw error;
    }
  }

  now(): number {
    return this.clock.now();
  }

  /** A pipeline stage begins (pipeline.ts records its row with `finish`). */
  begin(name: string): void {
    this.logger.info(`▶ ${name}`);
  }

  /** A stage's effect is under way; the stage goes on (e.g. a snapshot is being copied). */
  note(name: string, detail: string): void {
    this.logger.info(`… ${name}: ${detail}`);
  }

  /** The row of a finished stage, from when it began. */
  finish(name: string, status: StepStatus, detail: string, startMs: number): void {
    const record = { name, status, detail, startMs, endMs: this.clock.now() };
    this.steps.push(record);
    const mark =
      status === 'ok' ? '✓' : status === 'skipped' ? '–' : status === 'warning' ? '!' : '✗';
    this.logger.info(
      `${mark} ${name}${detail ? `: ${detail}` : ''} (${formatDuration(record.endMs - startMs)})`,
    );
  }

  warn(message: string): void {
    this.logger.warning(message);
  }

  /** Records an outcome decided elsewhere (a failed verification, a skipped step). */
  record(name: string, status: StepStatus, detail: string, startMs = this.clock.now()): void {
    this.steps.push({ name, status, detail, startMs, endMs: this.clock.now() });
    const mark =
      status === 'ok' ? '✓' : status === 'skipped' ? '–' : status === 'warning' ? '!' : '✗';
    this.logger.info(`${mark} ${name}${detail ? `: ${detail}` : ''}`);
  }

  /** A step whose failure must not stop the pipeline (Slack, audit): a warning instead. */
  async bestEffort(name: string, fn: () => Promise<string>): Promise<void> {
    const startMs = this.clock.now();
    try {
      const detail = await fn();
      this.steps.push({ name, status: 'ok', detail, startMs, endMs: this.clock.now() });
    } catch (error) {
      const detail = errorMessage(error);
      this.steps.push({ name, status: 'warning', detail, startMs, endMs: this.clock.now() });
      this.logger.warning(`${name} failed (the run goes on): ${detail}`);
    }
  }
}
