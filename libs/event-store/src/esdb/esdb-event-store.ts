import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  type AllStreamRecordedEvent,
  type AppendExpectedRevision,
  type AppendResult as ClientAppendResult,
  type ReadPosition,
  type ReadRevision,
} from '@eventstore/db-client';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type Direction,
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
import { DEFAULT_MAX_APPEND_BYTES, chunkEventsForAppend } from './append-chunks';
import { toEsdbConnectionString } from './connection-string';
import { EsdbCatchUpSubscription, type CatchUpSource, type SubscriptionStream } from './esdb-subscription';
import { satisfiesExpectedRevision, toClientExpectedRevision, toPortError } from './expected-revision';
import { DEFAULT_RECONNECT_POLICY, type ReconnectPolicy } from './reconnect-backoff';
import {
  fromClientPosition,
  isServiceEvent,
  subscriptionFilter,
  toEventData,
  toReadPosition,
  toRecordedEvent,
  type EventSelection,
} from './recorded-event';

export interface EsdbEventStoreOptions extends EventSelection {
  /** Events per read request, for streams and for $all. */
  pageSize?: number;
  /** The server's MaxAppendSize (1 MiB unless the server was configured otherwise). */
  maxAppendBytes?: number;
  reconnect?: Partial<ReconnectPolicy>;
  /** How long ping() waits for the server. */
  pingTimeoutMs?: number;
}

export const DEFAULT_PAGE_SIZE = 500;
/** Appends of one appendToStreams in flight at once: enough to fill the connection, few enough not to swamp it. */
export const MULTI_STREAM_APPEND_CONCURRENCY = 64;

/**
 * The event-store port on EventStoreDB (or KurrentDB), through @eventstore/db-client 6.x.
 *
 * - Appends carry the caller's event ids, so re-appending the same events (a retried command) is idempotent on
 *   the server, given an exact or no-stream expected revision.
 * - An append over the server's 1 MiB limit is split into chunks appended one after the other, each with the
 *   exact revision the previous one left. Such an append is NOT atomic: the first chunk carries the caller's
 *   concurrency check, so a conflict found at the start writes nothing, but a failure (or a concurrent writer)
 *   between chunks leaves the stream with the first chunks only. Re-appending the same events then completes it
 *   idempotently. Appends within the limit (every single command's events in practice) stay atomic; bulk work
 *   should be split by the caller into commands of bounded size. An event alone over the limit is refused.
 * - Positions are commit positions (see recorded-event.ts). $all is read and subscribed to with the system
 *   events filtered out (and, optionally, only streams with the given prefixes).
 */
export class EsdbEventStore implements EventStore {
  /** EventStoreDB appends to one stream per operation: the parts go as concurrent appends. */
  readonly multiStreamAppend: MultiStreamAppend = 'concurrent';
  private readonly pageSize: number;
  private readonly maxAppendBytes: number;
  private readonly reconnect: ReconnectPolicy;
  private readonly pingTimeoutMs: number;
  private readonly selection: EventSelection;
  private readonly subscriptions = new Set<Subscription>();

  /** Accepts esdb://, esdb+discover://, kurrentdb:// and kurrentdb+discover:// (translated for the 6.x client). */
  static fromConnectionString(connectionString: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    return new EsdbEventStore(
      EventStoreDBClient.connectionString(toEsdbConnectionString(connectionString)),
      options,
    );
  }

  constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions = {},
  ) {
    // Two at least, so a page that starts with the event it resumes from always brings a new one.
    this.pageSize = Math.max(2, options.pageSize ?? DEFAULT_PAGE_SIZE);
    this.maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
    this.reconnect = { ...DEFAULT_RECONNECT_POLICY, ...options.reconnect };
    this.pingTimeoutMs = options.pingTimeoutMs ?? 5_000;
    this.selection = { streamPrefixes: options.streamPrefixes };
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) return this.appendNothing(streamId, expected);
    const chunks = chunkEventsForAppend(streamId, events, this.maxAppendBytes);
    let chunkExpected: AppendExpectedRevision = toClientExpectedRevision(expected);
    let result: ClientAppendResult | undefined;
    try {
      for (const chunk of chunks) {
        result = await this.client.appendToStream(streamId, chunk.map(toEventData), {
          expectedRevision: chunkExpected,
        });
        // With `throwOnAppendFailure=false` in the connection string the client reports instead of throwing.
        if (!result.success) {
          throw new WrongExpectedRevisionError(streamId, expected, await this.streamRevision(streamId));
        }
        chunkExpected = result.nextExpectedRevision;
      }
    } catch (error) {
      throw toPortError(error, streamId, expected);
    }
    const last = result as ClientAppendResult;
    const position = last.position
      ? fromClientPosition(last.position)
      : await this.positionOf(streamId, last.nextExpectedRevision);
    return { nextExpectedRevision: last.nextExpectedRevision, position };
  }

  /**
   * Each part is an append of its own, MULTI_STREAM_APPEND_CONCURRENCY at a time; parts naming the same stream go
   * one after the other, in order, so that each is decided on what the one before it left.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> {
    const outcomes: StreamAppendOutcome[] = new Array(appends.length);
    const byStream = new Map<string, number[]>();
    appends.forEach(({ streamId }, index) => {
      const indexes = byStream.get(streamId);
      if (indexes) indexes.push(index);
      else byStream.set(streamId, [index]);
    });
    const queues = [...byStream.values()];
    let next = 0;
    const worker = async () => {
      while (next < queues.length) {
        for (const index of queues[next++]) {
          const { streamId, events, expected } = appends[index];
          try {
            outcomes[index] = { ok: true, result: await this.append(streamId, events, expected) };
          } catch (error) {
            outcomes[index] = { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
          }
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(MULTI_STREAM_APPEND_CONCURRENCY, queues.length) }, worker),
    );
    return outcomes;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const direction = options.direction ?? 'forwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from: ReadRevision = options.fromRevision ?? (direction === 'forwards' ? START : END);
    while (remaining > 0) {
      const wanted = Math.min(this.pageSize, remaining);
      const page = await this.readStreamPage(streamId, direction, from, wanted);
      yield* page;
      remaining -= page.length;
      if (page.length < wanted) return;
      const last = page[page.length - 1].revision;
      if (direction === 'backwards' && last === 0n) return;
      from = direction === 'forwards' ? last + 1n : last - 1n;
    }
  }

  async streamRevision(streamId: string): Promise<bigint | null> {
    const [last] = await this.readStreamPage(streamId, 'backwards', END, 1);
    return last ? last.revision : null;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let after = options.after ?? -1n;
    let from: ReadPosition = toReadPosition(options.after);
    while (remaining > 0) {
      // Reads from a position include the event there: the one we resume after is skipped below.
      const page = await this.readAllPage(from, FORWARDS, this.pageSize);
      for (const raw of page) {
        if (raw.position.commit <= after) continue;
        if (!isServiceEvent(raw.streamId, raw.type, this.selection)) continue;
        yield toRecordedEvent(raw);
        if (--remaining === 0) return;
      }
      if (page.length < this.pageSize) return;
      const last = page[page.length - 1];
      after = last.position.commit;
      from = last.position;
    }
  }

  async headPosition(): Promise<bigint> {
    let from: ReadPosition = END;
    let before: bigint | null = null;
    for (;;) {
      const page = await this.readAllPage(from, BACKWARDS, this.pageSize);
      for (const raw of page) {
        if (before !== null && raw.position.commit >= before) continue;
        if (isServiceEvent(raw.streamId, raw.type, this.selection)) return raw.position.commit;
      }
      if (page.length < this.pageSize) return -1n;
      const last = page[page.length - 1];
      before = last.position.commit;
      from = last.position;
    }
  }

  subscribeToAll(handler: EventHandler, options: SubscribeOptions = {}): Subscription {
    const source: CatchUpSource = {
      open: (from) =>
        this.client.subscribeToAll({
          fromPosition: from ?? START,
          filter: subscriptionFilter(this.selection),
        }) as SubscriptionStream,
      headPosition: () => this.headPosition(),
    };
    const subscription = new EsdbCatchUpSubscription(source, handler, {
      ...options,
      selection: this.selection,
      reconnect: this.reconnect,
    });
    this.subscriptions.add(subscription);
    return {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await subscription.stop();
      },
    };
  }

  /** Reads the last event of $all (any event: a fresh server has its own), bounded by pingTimeoutMs. */
  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`EventStoreDB did not answer within ${this.pingTimeoutMs} ms`)),
        this.pingTimeoutMs,
      );
    });
    try {
      await Promise.race([drain(read), timeout]);
    } finally {
      clearTimeout(timer);
      read.destroy();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.subscriptions.clear();
    await this.client.dispose();
  }

  /** An append of no events writes nothing: only the expectation is checked, and the stream's state returned. */
  private async appendNothing(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const actual = await this.streamRevision(streamId);
    if (!satisfiesExpectedRevision(expected, actual))
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    if (actual === null) return { nextExpectedRevision: -1n, position: -1n };
    return { nextExpectedRevision: actual, position: await this.positionOf(streamId, actual) };
  }

  /** The position of one event of a stream, for servers that answer an append without a position. */
  private async positionOf(streamId: string, revision: bigint): Promise<bigint> {
    const [event] = await this.readStreamPage(streamId, 'forwards', revision, 1);
    if (!event) throw new Error(`Stream ${streamId} has no event at revision ${revision}`);
    return event.position;
  }

  /** One page of a stream, read whole (a page is small) so no server stream stays open while the caller works. */
  private async readStreamPage(
    streamId: string,
    direction: Direction,
    fromRevision: ReadRevision,
    maxCount: number,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: direction === 'backwards' ? BACKWARDS : FORWARDS,
        fromRevision,
        maxCount,
      });
      for await (const resolved of read) {
        if (resolved.event) events.push(toRecordedEvent(resolved.event, resolved.commitPosition));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  private async readAllPage(
    fromPosition: ReadPosition,
    direction: typeof FORWARDS | typeof BACKWARDS,
    maxCount: number,
  ): Promise<AllStreamRecordedEvent[]> {
    const events: AllStreamRecordedEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition, direction, maxCount })) {
      if (resolved.event) events.push(resolved.event);
    }
    return events;
  }
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const item of stream) void item;
}
