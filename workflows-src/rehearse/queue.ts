/**
 * GitHub's scheduling of jobs that declare an environment and a concurrency group, as the
 * rehearsals need it (the engine runs one workflow run at a time; this decides which may run).
 *
 * - A job takes its place in its concurrency group when it is queued. With `queue: max` every
 *   later job of the group stays pending, in order, until the ones before it finish.
 * - A job whose environment has required reviewers waits for their approval at the head of its
 *   group — and holds the group while it waits: that is how a push deploy nobody has approved
 *   yet would keep a rollback in the same group waiting.
 * - A job runs when it heads its group and is approved (or needs no approval).
 */

export interface QueuedJob {
  /** A name for the log and the assertions, e.g. "push deploy (production)". */
  id: string;
  /** The job's concurrency group, evaluated (no expressions left). */
  group: string;
  environment: string;
  /** The environment has required reviewers. */
  needsApproval: boolean;
}

export type JobState = 'pending' | 'waiting for approval' | 'running' | 'done';

interface Entry extends QueuedJob {
  queuedAt: number;
  approvedAt?: number;
  doneAt?: number;
}

export class JobQueue {
  private readonly jobs: Entry[] = [];
  readonly log: string[] = [];

  enqueue(job: QueuedJob, at: number): void {
    if (this.jobs.some((j) => j.id === job.id)) throw new Error(`job ${job.id} is already queued`);
    this.jobs.push({ ...job, queuedAt: at });
    this.log.push(`${at}: ${job.id} queued in ${job.group} → ${this.state(job.id)}`);
  }

  /** A reviewer approves the job's deployment to its environment. */
  approve(id: string, at: number): void {
    const job = this.find(id);
    if (!job.needsApproval) throw new Error(`job ${id} needs no approval`);
    job.approvedAt = at;
    this.log.push(`${at}: ${id} approved → ${this.state(id)}`);
  }

  /** The job ended; the next one of its group may start. */
  finish(id: string, at: number): void {
    const job = this.find(id);
    if (this.state(id) !== 'running')
      throw new Error(`job ${id} is ${this.state(id)}, not running`);
    job.doneAt = at;
    this.log.push(`${at}: ${id} done`);
  }

  state(id: string): JobState {
    const job = this.find(id);
    if (job.doneAt !== undefined) return 'done';
    const head = this.jobs.find((j) => j.group === job.group && j.doneAt === undefined);
    if (head !== job) return 'pending';
    return job.needsApproval && job.approvedAt === undefined ? 'waiting for approval' : 'running';
  }

  private find(id: string): Entry {
    const job = this.jobs.find((j) => j.id === id);
    if (!job) throw new Error(`no job ${id} was queued`);
    return job;
  }
}

/** A concurrency group with its `${{ … }}` expressions evaluated by `evaluate`. */
export function evaluateGroup(group: string, evaluate: (expression: string) => string): string {
  return group.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_m, expression: string) =>
    evaluate(expression),
  );
}
