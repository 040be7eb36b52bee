import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventHandler,
  type EventStore,
  type ExpectedRevision,
  type MultiStreamAppend,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendOutcome,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port';

/**
 * A tiny in-memory event store for the projections' tests: append, the global log and catch-up
 * subscriptions, with a way to drop the subscriptions as a flaky network would. Positions are the
 * events' indexes in the log.
 */
export class InMemoryEventStore implements EventStore {
  readonly multiStreamAppend: MultiStreamAppend = 'one-commit';
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  /** Wakes the subscriptions waiting for new events. */
  private wakeUps = new Set<() => void>();
  private readonly drops = new Set<(error: Error) => void>();

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? null : BigInt(stream.length - 1);
    const fits =
      expected === 'any' ||
      (expected === 'no_stream' && actual === null) ||
      (expected === 'stream_exists' && actual !== null) ||
      expected === actual;
    if (!fits) throw new WrongExpectedRevisionError(streamId, expected, actual);
    for (const event of events) {
      const { encodedData, ...rest } = event;
      const recorded = {
        ...rest,
        // Read back, data encoded ahead is what its bytes decode to, as from any store.
        data: encodedData ? (JSON.parse(Buffer.from(encodedData).toString('utf8')) as unknown) : event.data,
        streamId,
        revision: BigInt(stream.length),
        position: BigInt(this.log.length),
      };
      stream.push(recorded);
      this.log.push(recorded);
    }
    this.streams.set(streamId, stream);
    this.wakeSubscriptions();
    return { nextExpectedRevision: BigInt(stream.length - 1), position: BigInt(this.log.length - 1) };
  }

  /** The parts one after the other, in order, each with its own outcome. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> {
    const outcomes: StreamAppendOutcome[] = [];
    for (const { streamId, events, expected } of appends) {
      try {
        outcomes.push({ ok: true, result: await this.append(streamId, events, expected) });
      } catch (error) {
        outcomes.push({ ok: false, error: error instanceof Error ? error : new Error(String(error)) });
      }
    }
    return outcomes;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    let events = [...(this.streams.get(streamId) ?? [])];
    if (options.direction === 'backwards') events.reverse();
    const from = options.fromRevision;
    if (from !== undefined) {
      events = events.filter((event) =>
        options.direction === 'backwards' ? event.revision <= from : event.revision >= from,
      );
    }
    yield* events.slice(0, options.maxCount ?? events.length);
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    const length = this.streams.get(streamId)?.length ?? 0;
    return length === 0 ? null : BigInt(length - 1);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const start = Number((options.after ?? -1n) + 1n);
    const end = options.maxCount === undefined ? this.log.length : start + options.maxCount;
    yield* this.log.slice(start, end);
  }

  async headPosition(): Promise<bigint> {
    return BigInt(this.log.length - 1);
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    let stopped = false;
    let drop: Error | null = null;
    const onDrop = (error: Error) => {
      drop = error;
      this.wakeSubscriptions();
    };
    this.drops.add(onDrop);
    const deliver = async () => {
      await Promise.resolve(); // nothing is delivered before subscribeToAll has returned
      let next = Number((options.after ?? -1n) + 1n);
      let caughtUp = false;
      while (!stopped) {
        if (drop) throw drop;
        const event = this.log[next];
        if (event) {
          await handler(event);
          next += 1;
          continue;
        }
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
          continue; // onCaughtUp may have stopped the subscription, or more events arrived
        }
        await new Promise<void>((resolve) => this.wakeUps.add(resolve));
      }
    };
    const running = deliver()
      .catch((error: unknown) => {
        if (!stopped) options.onError?.(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => this.drops.delete(onDrop));
    return {
      stop: async () => {
        stopped = true;
        this.wakeSubscriptions();
        await running;
      },
    };
  }

  /** Fails every running subscription, as a dropped connection would. */
  dropSubscriptions(error = new Error('connection lost')): void {
    for (const drop of [...this.drops]) drop(error);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private wakeSubscriptions(): void {
    const wakeUps = this.wakeUps;
    this.wakeUps = new Set();
    for (const wakeUp of wakeUps) wakeUp();
  }
}
