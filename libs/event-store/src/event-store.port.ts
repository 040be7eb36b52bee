/**
 * The event-store port: everything the service needs from an event store, and no more.
 * Implemented by the embedded durable log (default) and by EventStoreDB.
 *
 * Revisions and positions are bigints, as in @eventstore/db-client:
 * - a stream's revision counts its events from 0;
 * - a position is the event's place in the global log, strictly increasing in commit order.
 */

/** Metadata every event carries. No personal data here, ever. */
export interface EventMetadata {
  /** The organisation (tenant) the change belongs to; null for events of no organisation (e.g. passports). */
  organisationId: string | null;
  /** Who caused it: the admin token's `sub`; null for the system or the invitee. */
  actor: string | null;
  /** The actor's display name (the admin token's `name` claim), when known: absent otherwise. */
  actorName?: string | null;
  /** The id of the request/command that led to this event. */
  correlationId: string;
  /** The id of the message (command or event) that directly caused this event. */
  causationId: string | null;
  /** ISO-8601 instant, UTC, when the event was decided. */
  timestamp: string;
  /** The version of the event's data schema. */
  schemaVersion: number;
}

/** An event to append. `id` is a UUID; re-appending the same ids is idempotent. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  /**
   * The event's data already encoded as JSON (UTF-8), when whoever appends built it ahead (a large upload's rows,
   * encoded while the file was still being read): stores write these bytes as the data, and `data` then only
   * describes them. Read back, the event's `data` is what the bytes decode to.
   */
  encodedData?: Uint8Array;
}

/** An event as read back from the store. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  revision: bigint;
  position: bigint;
}

/** Expected revision of the stream at append time. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export const ANY = 'any' as const;
export const NO_STREAM = 'no_stream' as const;
export const STREAM_EXISTS = 'stream_exists' as const;

export interface AppendResult {
  /** The revision of the last event now in the stream (pass it as the next expected revision). */
  nextExpectedRevision: bigint;
  /** The global position of the last event written (or, for an idempotent re-append, already there). */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Revision to start from (inclusive). Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: bigint;
  /** At most this many events. Defaults to all (read in pages internally). */
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Read events with position strictly greater than this. Omit to read from the start. */
  after?: bigint;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events with position strictly greater than this; omit for the start of the log. */
  after?: bigint;
  /** Called once the subscription has delivered everything that was in the log when it caught up. */
  onCaughtUp?: () => void;
  /** Called if the subscription fails for good (after its own retries). */
  onError?: (error: Error) => void;
}

/**
 * A catch-up subscription: delivers every event after the given position, in order,
 * then keeps delivering new ones as they are appended. The handler is awaited: the next
 * event is not delivered before the previous handler settles. A handler that throws stops the
 * subscription and reports through onError (delivery is at-least-once: resubscribe from the
 * last position you processed).
 */
export interface Subscription {
  /** Stop delivering; resolves once no handler is running. */
  stop(): Promise<void>;
}

export type EventHandler = (event: RecordedEvent) => Promise<void> | void;

/** One stream's part of an append to several streams: its events and its own expected revision. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
}

/** What became of one stream's part: appended (or found appended already), or refused with its own error. */
export type StreamAppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/**
 * How a store writes an append to several streams (`appendToStreams`), so that bulk work can size itself:
 * - `one-commit`: every part the store grants is written and made durable together (the embedded log: one write
 *   and one sync for all of them, as its group commit does for concurrent appends);
 * - `concurrent`: each part is its own append, sent concurrently (EventStoreDB cannot append to several streams
 *   in one operation).
 * Either way each part is decided on its own, with its own expected revision: the parts are NOT atomic together.
 */
export type MultiStreamAppend = 'one-commit' | 'concurrent';

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /**
   * Appends to several streams at once, each part exactly as `append` would (its expected revision, its own
   * conflict, idempotent re-appends of the same event ids), and answers each part's outcome in order. A part that
   * is refused does not stop the others, and nothing is undone: the caller compensates (e.g. releases what it
   * reserved) where its rules need it. Parts naming the same stream are decided one after the other, in order.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]>;
  /** How `appendToStreams` writes its parts (see MultiStreamAppend). */
  readonly multiStreamAppend: MultiStreamAppend;
  /** Reads a stream. A missing stream yields nothing (no error). */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** The stream's last revision, or null when it does not exist. */
  streamRevision(streamId: string): Promise<bigint | null>;
  /** Reads the global log, forwards, in pages. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /** The position of the last event in the log (0n-based; -1n when the log is empty). */
  headPosition(): Promise<bigint>;
  subscribeToAll(handler: EventHandler, options?: SubscribeOptions): Subscription;
  /** Reachability, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The stream was not at the expected revision. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | null,
  ) {
    super(
      `Stream ${streamId}: expected revision ${String(expected)}, actual ${actual === null ? 'no stream' : String(actual)}`,
    );
  }
}

/** Another process holds the store (e.g. a second process opened the same DATA_DIR). */
export class EventStoreLockedError extends Error {
  override readonly name = 'EventStoreLockedError';
}

/** The store's files are damaged beyond what a torn tail repair fixes. */
export class EventStoreCorruptionError extends Error {
  override readonly name = 'EventStoreCorruptionError';
}

export const EVENT_STORE = Symbol('EVENT_STORE');
