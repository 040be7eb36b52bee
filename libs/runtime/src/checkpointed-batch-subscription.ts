import type { Backoff, Logger } from '@invitations/kernel';
import type { EventStore, RecordedEvent } from '@invitations/event-store';
import { BatchingSubscription, type BatchWriter } from './batching-subscription';
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
  private readonly loop: BatchingSubscription<Gathered>;
  /** The last position handled and checkpointed (undefined: nothing yet). */
  private position: bigint | undefined;

  /** The events wanted so far, and the position of the last event received (wanted or not): the checkpoint. */
  private pending: RecordedEvent[] = [];
  private pendingUpTo: bigint | null = null;

  constructor(
    private readonly name: string,
    store: EventStore,
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
    this.loop = new BatchingSubscription(store, this.writer(), {
      idleFlushMs: this.settings.idleFlushMs,
      maxFlushDelayMs: this.settings.maxFlushDelayMs,
      retry: RESUBSCRIBE_BACKOFF,
    });
  }

  async start(): Promise<void> {
    if (this.loop.running) return;
    const stored = (await this.checkpoints.load([this.name])).get(this.name) ?? NO_POSITION;
    this.position = stored === NO_POSITION ? undefined : stored;
    this.loop.start();
  }

  /** Stops delivering, and hands over what was gathered (unless a batch before it failed). */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Everything the log held when the subscription caught up has been handled. */
  get caughtUp(): boolean {
    return this.loop.caughtUp && this.loop.gathered === 0 && this.loop.inFlight === 0;
  }

  get lastPosition(): bigint {
    return this.position ?? -1n;
  }

  private writer(): BatchWriter<Gathered> {
    const { handles, batchSize, fence, logger } = this.settings;
    return {
      after: () => this.position,
      add: (event) => {
        this.pendingUpTo = event.position;
        if (handles(event)) this.pending.push(event);
        // A long run of events not wanted still moves the checkpoint now and then.
        return this.pending.length >= batchSize || this.loop.eventsReceived % (batchSize * 20) === 0;
      },
      take: () => {
        const gathered = { events: this.pending, upTo: this.pendingUpTo as bigint };
        this.pending = [];
        this.pendingUpTo = null;
        return gathered;
      },
      drop: () => {
        this.pending = [];
        this.pendingUpTo = null;
      },
      write: async ({ events, upTo }) => {
        if (events.length > 0) {
          assertHeld(fence, `handling events of ${this.name}`);
          await this.handler(events);
        }
        assertHeld(fence, `saving the checkpoint of ${this.name}`);
        await this.checkpoints.save([this.name], upTo);
        this.position = upTo;
      },
      failed: (error, delayMs) =>
        logger.error(
          `${this.name}: subscription failed (${describe(error)}); resubscribing in ${delayMs} ms`,
        ),
      failedAtStop: (error) =>
        logger.error(`${this.name}: the last batch failed at stop (${describe(error)})`),
    };
  }
}

/** The events of a batch the handler wants, and the position the checkpoint moves to once they are handled. */
interface Gathered {
  events: readonly RecordedEvent[];
  upTo: bigint;
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
