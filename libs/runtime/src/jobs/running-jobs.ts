import type { Logger } from '@invitations/kernel';
import { ALWAYS_HELD, assertHeld, type Fence } from '../fence';

/** One run of a job, until it ends or is told to stop (it then carries on at its next run). */
export type RunJob = (jobId: string, control: { fence: Fence; stopping: () => boolean }) => Promise<unknown>;

export interface RunningJobsOptions {
  /** What the jobs are, in the logs' words (for the logs). */
  name: string;
  /** The jobs started and not ended, as the read models know them. */
  find(): Promise<readonly string[]>;
  run: RunJob;
  /** Whether the read models may be asked yet: once they have caught up with the log at start. */
  ready(): boolean;
  /** How often the read models are asked (default 250 ms). */
  intervalMs?: number;
  /** Jobs run at once (default 2); the others wait their turn. */
  maxConcurrent?: number;
  /** Backoff between the runs of a job that failed: doubles from the first delay up to the last. */
  retry?: { initialDelayMs: number; maxDelayMs: number };
  /** Checked before a job is run, and by the job before each of its writes (a projector's lease). */
  fence?: Fence;
  logger: Pick<Logger, 'warn' | 'error'>;
}

export interface RunningJobsHealth {
  /** Jobs this process runs now. */
  running: string[];
  /** Jobs waiting to be run again after a failure. */
  retrying: string[];
}

/**
 * Runs the background jobs that are started and not ended (an upload's confirmation), found in the read models: a
 * job records its own start, checkpoints and end in the log, so whoever runs it next (after a restart, or the
 * process that takes the lease over) carries it on from its last checkpoint. Asks the read models every interval,
 * once they have caught up with the log, and runs each job found that does not run here already, a few at a time;
 * a run that fails is run again after a backoff. A run that returns while the read models still show its job
 * (its end not projected yet) is not run again until they stop showing it.
 */
export class RunningJobs {
  private readonly running = new Map<string, Promise<void>>();
  private readonly retryAt = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private readonly settled = new Set<string>();
  private readonly fence: Fence;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = true;

  constructor(private readonly options: RunningJobsOptions) {
    this.fence = options.fence ?? ALWAYS_HELD;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Tells the running jobs to stop at their next checkpoint, and waits for them. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
    await Promise.all(this.running.values());
  }

  health(): RunningJobsHealth {
    return { running: [...this.running.keys()], retrying: [...this.retryAt.keys()] };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.polling = this.poll().finally(() => {
        this.polling = null;
        this.schedule(this.options.intervalMs ?? 250);
      });
    }, delayMs);
  }

  private async poll(): Promise<void> {
    if (!this.options.ready() || !this.fence.isHeld()) return;
    let found: readonly string[];
    try {
      found = await this.options.find();
    } catch (error) {
      this.options.logger.warn(`${this.options.name}: could not look for jobs to run (${describe(error)})`);
      return;
    }
    const shown = new Set(found);
    for (const jobId of this.settled) if (!shown.has(jobId)) this.settled.delete(jobId);
    const now = Date.now();
    for (const jobId of found) {
      if (this.stopped || this.running.size >= (this.options.maxConcurrent ?? 2)) return;
      if (this.running.has(jobId) || this.settled.has(jobId) || (this.retryAt.get(jobId) ?? 0) > now)
        continue;
      this.runOnce(jobId);
    }
  }

  private runOnce(jobId: string): void {
    const run = (async () => {
      try {
        assertHeld(this.fence, `${this.options.name}: running ${jobId}`);
        await this.options.run(jobId, {
          fence: this.fence,
          stopping: () => this.stopped || !this.fence.isHeld(),
        });
        this.failures.delete(jobId);
        this.retryAt.delete(jobId);
        this.settled.add(jobId);
      } catch (error) {
        if (this.stopped) return;
        this.retryLater(jobId, error);
      }
    })().finally(() => this.running.delete(jobId));
    this.running.set(jobId, run);
  }

  private retryLater(jobId: string, error: unknown): void {
    const failures = (this.failures.get(jobId) ?? 0) + 1;
    this.failures.set(jobId, failures);
    const { initialDelayMs, maxDelayMs } = this.options.retry ?? { initialDelayMs: 500, maxDelayMs: 30_000 };
    const delay = Math.min(maxDelayMs, initialDelayMs * 2 ** (failures - 1));
    this.retryAt.set(jobId, Date.now() + delay);
    this.options.logger.error(
      `${this.options.name}: ${jobId} failed (${describe(error)}); running it again in ${delay} ms`,
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
