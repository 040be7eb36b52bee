import { allProjections } from '@invitations/read-models';
import type { ProjectionName } from '@invitations/read-models';
import { NO_POSITION, type CheckpointStore } from './checkpoint-store';

export interface CheckpointWatcherOptions {
  /** The projections whose checkpoints must pass a position (all by default). */
  projections?: readonly ProjectionName[];
  /** How often to read the checkpoints while someone waits (default 25 ms). */
  pollIntervalMs?: number;
  logger?: { warn(message: string): void };
}

interface Waiter {
  position: bigint;
  resolve(included: boolean): void;
  timer: NodeJS.Timeout;
}

/**
 * Waits until the read models include a position, when another process (the projector) builds them: by polling
 * the checkpoint store (MongoDB's `checkpoints`). However many requests wait, one read per interval serves them
 * all, and none happens while nobody waits. Checkpoints only move forward, so a position at or below the last one
 * read is included at once without asking the store.
 */
export class CheckpointWatcher {
  private readonly names: readonly ProjectionName[];
  private readonly pollIntervalMs: number;
  private readonly waiters = new Set<Waiter>();
  /** The lowest checkpoint of the projections, as last read. */
  private known = NO_POSITION;
  private polling = false;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly checkpoints: CheckpointStore,
    private readonly options: CheckpointWatcherOptions = {},
  ) {
    this.names = options.projections ?? allProjections.map((projection) => projection.name);
    this.pollIntervalMs = options.pollIntervalMs ?? 25;
  }

  /** The lowest checkpoint last read (-1 before any read). */
  get position(): bigint {
    return this.known;
  }

  /** Resolves true once every projection's checkpoint is at or past `position`, false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    if (position <= this.known) return Promise.resolve(true);
    if (this.stopped) return Promise.resolve(false);
    const included = new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), timeoutMs),
      };
      this.waiters.add(waiter);
    });
    void this.poll();
    return included;
  }

  /** Answers every waiter false and polls no more. */
  stop(): void {
    this.stopped = true;
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size > 0 && !this.stopped) {
        await this.readCheckpoints();
        for (const waiter of this.waiters) if (waiter.position <= this.known) this.settle(waiter, true);
        if (this.waiters.size > 0) await sleep(this.pollIntervalMs);
      }
    } finally {
      this.polling = false;
    }
  }

  private async readCheckpoints(): Promise<void> {
    try {
      const checkpoints = await this.checkpoints.load(this.names);
      this.known = lowest(checkpoints.values());
      this.failing = false;
    } catch (error) {
      // The waiters time out on their own; say so once per outage, not once per poll.
      if (!this.failing)
        this.options.logger?.warn(`could not read the checkpoints: ${(error as Error).message}`);
      this.failing = true;
    }
  }

  private settle(waiter: Waiter, included: boolean): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    waiter.resolve(included);
  }
}

function lowest(positions: Iterable<bigint>): bigint {
  let found: bigint | null = null;
  for (const position of positions) if (found === null || position < found) found = position;
  return found ?? NO_POSITION;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
