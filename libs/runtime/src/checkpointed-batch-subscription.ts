import { backoffDelayMs, type Backoff, type Logger } from '@invitations/kernel';
import type { EventStore, RecordedEvent, Subscription } from '@invitations/event-store';
import { NO_POSITION, type CheckpointStore } from './checkpoint-store';
import { ALWAYS_HELD, assertHeld, type Fence } from './fence';

/** Between resubscriptions after failures in a row: 200 ms, doubled, at most 30 s. */
const RESUBSCRIBE_BACKOFF: Backoff = { initialDelayMs: 200, maxDelayMs: 30_000 };

export interface CheckpointedBatchSubscriptionOptions {
  /** Which events the handler wants: the batch counts only these (the others only move the checkpoint). */
  handles: (event: RecordedEvent) => boolean;
  /** Hand the gathered events over once this many are wanted (default 500)... */
  batchSize?: number;
  /** ...or once no event has arrived for this long (default 2 ms), or the oldest has waited this long (50 ms). */
  idleFlushMs?: number;
  maxFlushDelayMs?: number;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Checked before each batch is handed over and before each checkpoint is saved. */
  fence?: Fence;
}

/**
 * Runs a handler over the global log from its checkpoint, then live, a batch of events at a time: the events it
 * wants are gathered (up to `batchSize`, or what came before the log paused), handed over together, and the
 * checkpoint moves past them once the handler resolved. So a handler may make many events' work durable in one
 * write (the outbox's one fsync for a batch's messages, the store's group commit for their appends).
 *
 * Delivery is at least once, as with `CheckpointedSubscription`: after a failure the batch is not checkpointed, the
 * subscription resubscribes from the last checkpoint with exponential backoff, and the handler sees those events
 * again (it must be idempotent). The checkpoint is saved only while the fence is held.
 */
export class CheckpointedBatchSubscription {
  private readonly settings: Required<Omit<CheckpointedBatchSubscriptionOptions, 'fence'>> & {
    fence: Fence;
  };
  private subscription: Subscription | null = null;
  /** The last position handled and checkpointed (undefined: nothing yet). */
  private position: bigint | undefined;
  /** Bumped at every subscription and at stop: what an older subscription still delivers is ignored. */
  private generation = 0;
  private running = false;
  private storeCaughtUp = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  private pending: RecordedEvent[] = [];
  /** The position of the last event received (wanted or not): the checkpoint after the next flush. */
  private pendingUpTo: bigint | null = null;
  private pendingSince = 0;
  /** Events received since start, to tell an idle subscription from a busy one. */
  private received = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  /** The chain of flushes: each starts when the previous one has finished, so the checkpoint only moves on. */
  private flushes: Promise<void> = Promise.resolve();
  private inFlight = 0;

  constructor(
    private readonly name: string,
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    private readonly handler: (events: readonly RecordedEvent[]) => Promise<void>,
    options: CheckpointedBatchSubscriptionOptions,
  ) {
    this.settings = {
      handles: options.handles,
      batchSize: options.batchSize ?? 500,
      idleFlushMs: options.idleFlushMs ?? 2,
      maxFlushDelayMs: options.maxFlushDelayMs ?? 50,
      logger: options.logger,
      fence: options.fence ?? ALWAYS_HELD,
    };
  }

  async start(): Promise<void> {
    if (this.running) return;
    const stored = (await this.checkpoints.load([this.name])).get(this.name) ?? NO_POSITION;
    this.position = stored === NO_POSITION ? undefined : stored;
    this.running = true;
    this.failures = 0;
    this.flushes = Promise.resolve();
    this.subscribe();
  }

  /** Stops delivering, and hands over what was gathered (unless a batch before it failed). */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.stop();
    let failed = false;
    await this.flushes.catch(() => (failed = true));
    if (!failed)
      await this.flush().catch((error: unknown) =>
        this.settings.logger.error(`${this.name}: the last batch failed at stop (${describe(error)})`),
      );
    this.generation += 1;
    this.storeCaughtUp = false;
  }

  /** Everything the log held when the subscription caught up has been handled. */
  get caughtUp(): boolean {
    return this.storeCaughtUp && this.pendingUpTo === null && this.inFlight === 0;
  }

  get lastPosition(): bigint {
    return this.position ?? -1n;
  }

  private subscribe(): void {
    if (!this.running) return;
    const generation = ++this.generation;
    this.storeCaughtUp = false;
    this.subscription = this.store.subscribeToAll((event) => this.receive(event, generation), {
      after: this.position,
      onCaughtUp: () => {
        if (generation !== this.generation) return;
        this.storeCaughtUp = true;
        this.flush().catch((error: unknown) => this.retry(error, generation));
      },
      onError: (error) => this.retry(error, generation),
    });
  }

  /** Gathers the event; returns a promise only when a batch is full, so the log waits for the batch before. */
  private receive(event: RecordedEvent, generation: number): Promise<void> | void {
    if (generation !== this.generation) return;
    this.received += 1;
    if (this.pendingUpTo === null) this.pendingSince = Date.now();
    this.pendingUpTo = event.position;
    if (this.settings.handles(event)) this.pending.push(event);
    // A long run of events the handler does not want still moves the checkpoint now and then.
    const full =
      this.pending.length >= this.settings.batchSize || this.received % (this.settings.batchSize * 20) === 0;
    if (full) {
      // At most one batch handled while the next is gathered: the log is read on meanwhile.
      const previous = this.flushes;
      this.flush().catch((error: unknown) => this.retry(error, generation));
      return previous.catch(() => undefined);
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const generation = this.generation;
    const receivedBefore = this.received;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      if (generation !== this.generation || this.pendingUpTo === null) return;
      const idle = this.received === receivedBefore;
      const overdue = Date.now() - this.pendingSince >= this.settings.maxFlushDelayMs;
      if (idle || overdue) this.flush().catch((error: unknown) => this.retry(error, generation));
      else this.scheduleFlush();
    }, this.settings.idleFlushMs);
  }

  /** Hands the gathered events over after the batches before them, then moves the checkpoint past them. */
  private flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pendingUpTo === null) return this.flushes;
    const events = this.pending;
    const upTo = this.pendingUpTo;
    const generation = this.generation;
    this.pending = [];
    this.pendingUpTo = null;
    this.inFlight += 1;
    const run = this.flushes.then(() => this.handle(events, upTo, generation));
    this.flushes = run.finally(() => (this.inFlight -= 1));
    return this.flushes;
  }

  private async handle(events: readonly RecordedEvent[], upTo: bigint, generation: number): Promise<void> {
    if (generation !== this.generation) return; // the next subscription delivers these events again
    if (events.length > 0) {
      assertHeld(this.settings.fence, `handling events of ${this.name}`);
      await this.handler(events);
    }
    assertHeld(this.settings.fence, `saving the checkpoint of ${this.name}`);
    await this.checkpoints.save([this.name], upTo);
    this.position = upTo;
    this.failures = 0;
  }

  /** After a failure: drop what was gathered, and resubscribe from the checkpoint after a backoff. */
  private retry(error: unknown, generation: number): void {
    if (generation !== this.generation || !this.running) return;
    const current = ++this.generation;
    this.storeCaughtUp = false;
    this.failures += 1;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending = [];
    this.pendingUpTo = null;
    const delay = backoffDelayMs(this.failures, RESUBSCRIBE_BACKOFF);
    this.settings.logger.error(
      `${this.name}: subscription failed (${describe(error)}); resubscribing in ${delay} ms`,
    );
    const failed = this.subscription;
    this.subscription = null;
    // Not awaited: the failure may come from inside a handler, which stop() would wait for.
    void failed?.stop().catch(() => undefined);
    const settled = this.flushes.catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      void settled.then(() => {
        if (!this.running || this.generation !== current) return;
        this.flushes = Promise.resolve();
        this.subscribe();
      });
    }, delay);
  }
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
