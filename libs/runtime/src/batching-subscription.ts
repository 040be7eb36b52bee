import { backoffDelayMs, type Backoff } from '@invitations/kernel';
import type { EventStore, RecordedEvent, Subscription } from '@invitations/event-store';

/** What a batching subscription's owner does with the log's events: gathers them, and writes what it gathered. */
export interface BatchWriter<Batch> {
  /** Where the subscription starts: after this position (undefined: from the log's first event). */
  after(): bigint | undefined;
  /** Adds an event to the batch being gathered; true when the batch is full and should be written now. */
  add(event: RecordedEvent): boolean;
  /** Takes the batch gathered so far (at least one event), and starts gathering a new one. */
  take(): Batch;
  /** Forgets the batch being gathered: after a failure, the next subscription delivers its events again. */
  drop(): void;
  /** Writes a batch (one at a time, in the log's order), then moves its checkpoint past it. */
  write(batch: Batch): Promise<void>;
  /** A failure, before resubscribing after `delayMs` (to log it, with what the owner knows of where it stands). */
  failed(error: unknown, delayMs: number): void;
  /** The batch being gathered could not be written at stop. */
  failedAtStop(error: unknown): void;
  /** The subscription caught up with the log, and what it held is written. */
  caughtUp?(): void;
}

export interface BatchingSettings {
  /** Write once no event has arrived for this long... */
  idleFlushMs: number;
  /** ...or once the oldest event gathered has waited this long under a steady trickle. */
  maxFlushDelayMs: number;
  /** Between resubscriptions after failures in a row. */
  retry: Backoff;
}

/**
 * The global log, read from a position and then live, in batches: the events are gathered and written a batch at a
 * time, once the batch is full, once the log pauses (or a steady trickle has kept the oldest waiting), at catch-up
 * and at stop. Batches are written one after the other, and while one is written the next is gathered (the log
 * waits only when a second batch is full). After a failure, whatever was gathered and not written is dropped and
 * the subscription starts again from the owner's position after an exponential backoff, so delivery is at least
 * once. The projection runner and the process managers' checkpointed subscriptions share this; what a batch is and
 * where its checkpoint goes is theirs.
 */
export class BatchingSubscription<Batch> {
  private subscription: Subscription | null = null;
  /** Bumped at every subscription and at stop: what an older subscription still delivers is ignored. */
  private generation = 0;
  private isRunning = false;
  private isCaughtUp = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  /** Events gathered and not yet taken for writing, and since when the first of them waits. */
  private gatheredEvents = 0;
  private gatheringSince = 0;
  /** Events received since start, to tell an idle subscription from a busy one. */
  private received = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  /** The chain of writes: each starts when the previous one has finished, so checkpoints only move on. */
  private flushes: Promise<void> = Promise.resolve();
  private writing = 0;

  constructor(
    private readonly store: EventStore,
    private readonly writer: BatchWriter<Batch>,
    private readonly settings: BatchingSettings,
  ) {}

  get running(): boolean {
    return this.isRunning;
  }

  /** True once what the log held when the subscription caught up is written (until a failure or a stop). */
  get caughtUp(): boolean {
    return this.isCaughtUp;
  }

  /** Events received and not yet taken for writing. */
  get gathered(): number {
    return this.gatheredEvents;
  }

  /** Events received, by every subscription this has made. */
  get eventsReceived(): number {
    return this.received;
  }

  /** Batches taken and not yet written. */
  get inFlight(): number {
    return this.writing;
  }

  /** Subscribes after the writer's position. Returns at once: see `caughtUp`. */
  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.failures = 0;
    this.flushes = Promise.resolve();
    this.subscribe();
  }

  /** Stops delivering, and writes what was gathered (unless a write before it failed: that would leave a gap). */
  async stop(): Promise<void> {
    if (!this.isRunning) return;
    this.isRunning = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    let failed = false;
    await this.flushes.catch(() => (failed = true));
    if (!failed) await this.flush().catch((error: unknown) => this.writer.failedAtStop(error));
    this.generation += 1;
    this.isCaughtUp = false;
  }

  private subscribe(): void {
    if (!this.isRunning) return;
    const generation = ++this.generation;
    this.isCaughtUp = false;
    this.subscription = this.store.subscribeToAll((event) => this.receive(event, generation), {
      after: this.writer.after(),
      onCaughtUp: () => this.onCaughtUp(generation),
      onError: (error) => this.recover(error, generation),
    });
  }

  /** Gathers the event; returns a promise only when a batch is full, so the log waits for the batch before. */
  private receive(event: RecordedEvent, generation: number): Promise<void> | void {
    if (generation !== this.generation) return;
    this.received += 1;
    if (this.gatheredEvents === 0) this.gatheringSince = Date.now();
    this.gatheredEvents += 1;
    if (this.writer.add(event)) {
      // At most one batch written while the next is gathered: the log is read on meanwhile.
      const previous = this.flushes;
      this.flush().catch((error: unknown) => this.recover(error, generation));
      return previous.catch(() => undefined);
    }
    this.scheduleFlush();
  }

  private onCaughtUp(generation: number): void {
    if (generation !== this.generation) return;
    this.flush().then(
      () => {
        if (generation !== this.generation) return;
        this.isCaughtUp = true;
        this.writer.caughtUp?.();
      },
      (error: unknown) => this.recover(error, generation),
    );
  }

  /** Writes once events stop arriving for a moment, or once the oldest gathered has waited too long. */
  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const generation = this.generation;
    const receivedBefore = this.received;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      if (generation !== this.generation || this.gatheredEvents === 0) return;
      const idle = this.received === receivedBefore;
      const overdue = Date.now() - this.gatheringSince >= this.settings.maxFlushDelayMs;
      if (idle || overdue) this.flush().catch((error: unknown) => this.recover(error, generation));
      else this.scheduleFlush();
    }, this.settings.idleFlushMs);
  }

  /** Writes what was gathered after the writes before it. */
  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.gatheredEvents === 0) return this.flushes;
    const batch = this.writer.take();
    const generation = this.generation;
    this.gatheredEvents = 0;
    this.writing += 1;
    const written = this.flushes.then(async () => {
      if (generation !== this.generation) return; // the next subscription delivers these events again
      await this.writer.write(batch);
      this.failures = 0;
    });
    this.flushes = written.finally(() => (this.writing -= 1));
    return this.flushes;
  }

  /** After a failure: drop what was not written, and subscribe again from the writer's position after a backoff. */
  private recover(error: unknown, generation: number): void {
    if (generation !== this.generation || !this.isRunning) return;
    const current = ++this.generation;
    this.isCaughtUp = false;
    this.failures += 1;
    const delay = backoffDelayMs(this.failures, this.settings.retry);
    this.writer.failed(error, delay);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.writer.drop();
    this.gatheredEvents = 0;
    const failed = this.subscription;
    this.subscription = null;
    // Not awaited: the failure may come from inside a write, which stop() would wait for.
    void failed?.stop().catch(() => undefined);
    const settled = this.flushes.catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      void settled.then(() => {
        if (!this.isRunning || this.generation !== current) return;
        this.flushes = Promise.resolve();
        this.subscribe();
      });
    }, delay);
  }
}
