import type { EventHandler, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';

/** What a subscription needs from the store. */
export interface SubscriptionSource {
  /** Number of committed events (the position the next one will get). */
  committedCount(): number;
  /** Committed events from `from` on, before `to`: one chunk, at least one event. */
  readChunk(from: number, to: number): Promise<RecordedEvent[]>;
}

/**
 * Delivers the committed events after a position, in order, one at a time, then waits for more. The store
 * calls {@link wake} after each commit. Catch-up and live delivery are the same loop: read what has been
 * committed since the last delivered event, deliver it, and sleep when there is nothing left.
 */
export class CatchUpSubscription implements Subscription {
  private next: number;
  private stopped = false;
  private caughtUp = false;
  private sleeper: (() => void) | null = null;
  private readonly finished: Promise<void>;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly handler: EventHandler,
    private readonly options: SubscribeOptions,
    onFinished: (subscription: CatchUpSubscription) => void,
  ) {
    this.next = options.after === undefined || options.after < 0n ? 0 : Number(options.after) + 1;
    this.finished = this.run().finally(() => onFinished(this));
  }

  /** New events were committed. */
  wake(): void {
    const sleeper = this.sleeper;
    this.sleeper = null;
    sleeper?.();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.finished;
  }

  private async run(): Promise<void> {
    // Start on a later tick: subscribeToAll returns before any event is delivered.
    await Promise.resolve();
    try {
      while (!this.stopped) {
        if (this.next < this.source.committedCount()) await this.deliverChunk();
        else await this.idle();
      }
    } catch (error) {
      this.stopped = true;
      this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private async deliverChunk(): Promise<void> {
    const events = await this.source.readChunk(this.next, this.source.committedCount());
    for (const event of events) {
      if (this.stopped) return;
      const handled = this.handler(event);
      // Awaiting only real promises keeps synchronous handlers (most projections) fast.
      if (handled !== undefined) await handled;
      this.next += 1;
    }
  }

  private async idle(): Promise<void> {
    if (!this.caughtUp) {
      this.caughtUp = true;
      this.options.onCaughtUp?.();
    }
    if (this.stopped || this.next < this.source.committedCount()) return;
    await new Promise<void>((resolve) => (this.sleeper = resolve));
  }
}
