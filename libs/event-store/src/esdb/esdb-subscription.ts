import type { Readable } from 'node:stream';
import type { AllStreamResolvedEvent, Position } from '@eventstore/db-client';
import type { EventHandler, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port';
import { isServiceEvent, toReadPosition, toRecordedEvent, type EventSelection } from './recorded-event';
import { backoffDelayMs } from '@invitations/kernel';
import type { ReconnectPolicy } from './reconnect-backoff';

/** What the subscription needs of the client's `subscribeToAll` stream (an AllStreamSubscription fits). */
export interface SubscriptionStream extends Readable {
  unsubscribe(): Promise<void>;
}

/** Where subscriptions come from: the EventStoreDB client in production, a fake in unit tests. */
export interface CatchUpSource {
  /** A catch-up subscription to $all, filtered to this service's events, after `from` (undefined: from the start). */
  open(from: Position | undefined): SubscriptionStream;
  /** The position of the last of this service's events in the log, or -1n. */
  headPosition(): Promise<bigint>;
}

export interface CatchUpOptions extends SubscribeOptions {
  selection: EventSelection;
  reconnect: ReconnectPolicy;
}

/** A handler's failure, told apart from a dropped connection: it stops the subscription instead of reconnecting. */
class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/**
 * A catch-up subscription to $all that survives drops: events are handed to the handler one at a time (each
 * awaited), and when the server connection fails, it resubscribes from the last event handled, after an
 * exponential backoff. Delivery is at-least-once across drops; an event at or before the last one handled is
 * never handed over twice within one subscription.
 *
 * onCaughtUp is called once, when everything that was in the log has been handled: either the server said
 * `caughtUp` (EventStoreDB 23.10 and later) and every event received before that has been handled, or the
 * handled position reached the head position read at start (for servers that never say it).
 */
export class EsdbCatchUpSubscription implements Subscription {
  private stopped = false;
  private current: SubscriptionStream | null = null;
  private lastPosition: Position | undefined;
  private lastCommit: bigint;
  private handling = false;
  private caughtUpCalled = false;
  private headAtStart: bigint | null = null;
  private cancelSleep: (() => void) | null = null;
  private readonly done: Promise<void>;

  constructor(
    private readonly source: CatchUpSource,
    private readonly handler: EventHandler,
    private readonly options: CatchUpOptions,
  ) {
    const start = toReadPosition(options.after);
    this.lastPosition = typeof start === 'string' ? undefined : start;
    this.lastCommit = this.lastPosition?.commit ?? -1n;
    this.done = this.run();
  }

  async stop(): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.cancelSleep?.();
      this.closeCurrent();
    }
    await this.done;
  }

  private async run(): Promise<void> {
    this.readHeadAtStart();
    let failuresInARow = 0;
    while (!this.stopped) {
      const dropped = await this.followOneConnection(() => (failuresInARow = 0));
      if (dropped instanceof HandlerFailure) return this.fail(dropped.error);
      if (this.stopped) return;
      failuresInARow += 1;
      if (failuresInARow > this.options.reconnect.maxAttempts) return this.fail(dropped);
      await this.sleep(backoffDelayMs(failuresInARow, this.options.reconnect));
    }
  }

  /** Follows one server subscription until it drops (returns why), the handler fails, or stop() is called. */
  private async followOneConnection(onHealthy: () => void): Promise<unknown> {
    const stream = this.source.open(this.lastPosition);
    this.current = stream;
    let caughtUpSignalled = false;
    stream.on('caughtUp', () => {
      caughtUpSignalled = true;
      onHealthy();
      // Events received before the signal may still wait in the stream's buffer: call only once they are handled.
      if (!this.handling && stream.readableLength === 0) this.reachedCaughtUp();
    });
    stream.on('confirmation', onHealthy);
    try {
      for await (const resolved of stream as AsyncIterable<AllStreamResolvedEvent>) {
        if (this.stopped) break;
        onHealthy();
        await this.deliver(resolved);
        if (caughtUpSignalled && stream.readableLength === 0) this.reachedCaughtUp();
      }
      return new Error('The EventStoreDB subscription ended');
    } catch (error) {
      return error;
    } finally {
      if (this.current === stream) this.closeCurrent();
    }
  }

  /** Hands one event to the handler; throws a HandlerFailure when it (or decoding the event) fails. */
  private async deliver(resolved: AllStreamResolvedEvent): Promise<void> {
    const raw = resolved.event;
    if (!raw || raw.position.commit <= this.lastCommit) return;
    if (isServiceEvent(raw.streamId, raw.type, this.options.selection)) {
      this.handling = true;
      try {
        const event: RecordedEvent = toRecordedEvent(raw, resolved.commitPosition);
        await this.handler(event);
      } catch (error) {
        throw new HandlerFailure(error);
      } finally {
        this.handling = false;
      }
    }
    this.lastPosition = raw.position;
    this.lastCommit = raw.position.commit;
    if (this.headAtStart !== null && this.lastCommit >= this.headAtStart) this.reachedCaughtUp();
  }

  /** For servers that never say `caughtUp`: the head at start is the end of what there was to catch up on. */
  private readHeadAtStart(): void {
    this.source.headPosition().then(
      (head) => {
        this.headAtStart = head;
        if (!this.handling && this.lastCommit >= head) this.reachedCaughtUp();
      },
      () => undefined, // The server's caughtUp signal still works; a failed read only loses the fallback.
    );
  }

  private reachedCaughtUp(): void {
    if (this.caughtUpCalled || this.stopped) return;
    this.caughtUpCalled = true;
    try {
      this.options.onCaughtUp?.();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.stopped = true;
    this.closeCurrent();
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  private closeCurrent(): void {
    const stream = this.current;
    this.current = null;
    if (!stream) return;
    // Not awaited: on a connection that never came up, unsubscribe waits for it; destroy ends the read at once.
    stream.unsubscribe().catch(() => undefined);
    stream.destroy();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.cancelSleep = null;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.cancelSleep = wake;
    });
  }
}
