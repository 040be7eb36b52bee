import { createHmac } from 'node:crypto';
import type {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  StreamAppendOutcome,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import type { EventLogReader } from '../embedded/read-only-log';
import type { KeyStore } from './key-store.port';
import { seal, sealInto, unseal } from './sealed-data';

/** How many small events' plaintext is kept (about 4 MB of people's details), and how small. */
const RECENT_EVENTS = 10_000;
const RECENT_MAX_CHARS = 2_048;
/** How many opened events the readers share (see openedOnce). */
const SHARED_OPENED = 8192n;

/** Where an event's encrypted data sits in its stored data, beside the fields kept clear. */
export const SEALED_FIELD = '$sealed';

/** How one event type's personal data is kept (see the domain's PERSONAL_DATA_RULES). */
export interface PersonalDataRule {
  clear(data: Record<string, unknown>): Record<string, unknown>;
  erased(clear: Record<string, unknown>): Record<string, unknown>;
  /** Large, and read by few (an upload's rows): opened only when its data is read, not as it is delivered. */
  large?: boolean;
}

export interface PersonalDataOptions {
  keys: KeyStore;
  /** The event types that carry personal data, by type. */
  rules: Readonly<Record<string, PersonalDataRule>>;
  /** The event types whose stream's key is destroyed as they are written: a process reading one forgets the key. */
  keyDestroyingTypes: readonly string[];
  /** Keys the HMAC that names the streams whose ids derive from personal data (an email, a mobile). */
  streamIdSecret: Uint8Array;
  /** The prefixes of those streams' ids, e.g. `pool-seat-`: what follows is replaced by its HMAC. */
  keyedStreamPrefixes: readonly string[];
}

/** An append of personal data about a subject whose key was destroyed: nothing personal is written about it again. */
export class ErasedSubjectError extends Error {
  constructor(readonly subject: string) {
    super(`The personal data of ${subject} was erased: nothing personal can be written about it again`);
    this.name = 'ErasedSubjectError';
  }
}

/**
 * The log as the service reads it, with personal data kept out of it: each event of a type with a rule is stored
 * with only its clear fields readable and the whole of its data encrypted under its stream's key (its subject), and
 * is read back decrypted, or as its rule's erased form once the key is destroyed. Streams keyed by personal data
 * are stored under a keyed HMAC of their id. Everything else passes through unchanged.
 */
export class PersonalDataReader implements EventLogReader {
  protected readonly destroying: ReadonlySet<string>;
  /**
   * The plaintext of small events opened lately, by event id: a person's staging is read again and again (staging,
   * sending, the notifications, each projection's subscription), and setting up a cipher costs more than the rest of
   * the read. Emptied whenever a key is destroyed here or an erasure is read.
   */
  private readonly recent = new Map<string, string>();
  /** The last events opened, by position (see openedOnce); emptied as `recent` is. */
  private openedShared: ({ sealed: RecordedEvent; opened: RecordedEvent } | undefined)[] = [];
  private readonly keyedIds = new Map<string, string>();
  private readonly keyStore: KeyStore;

  constructor(
    protected readonly log: EventLogReader,
    protected readonly options: PersonalDataOptions,
  ) {
    this.destroying = new Set(options.keyDestroyingTypes);
    const keys = options.keys;
    this.keyStore = {
      keysFor: (subjects) => keys.keysFor(subjects),
      find: (subject) => keys.find(subject),
      cached: (subject) => keys.cached(subject),
      destroy: async (subjects) => {
        this.forgetOpened();
        await keys.destroy(subjects);
        this.forgetOpened();
      },
      forget: (subject) => {
        this.forgetOpened();
        keys.forget(subject);
      },
      close: () => keys.close(),
    };
  }

  /** Forgets every plaintext kept: a key is destroyed, or an erasure read. */
  private forgetOpened(): void {
    this.recent.clear();
    this.openedShared = [];
  }

  /** The log underneath, as written (its open report, for operators). */
  get underlying(): EventLogReader {
    return this.log;
  }

  /** The keys the personal data is encrypted under: destroying one erases its subject. */
  get keys(): KeyStore {
    return this.keyStore;
  }

  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.openedAll(this.log.readStream(this.storedStreamId(streamId), options));
  }

  streamRevision(streamId: string): Promise<bigint | null> {
    return this.log.streamRevision(this.storedStreamId(streamId));
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.openedAll(this.log.readAll(options));
  }

  /** Each event as it comes, opened: an iterator by hand, lighter than a generator around one. */
  private openedAll(events: AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    return {
      [Symbol.asyncIterator]: () => {
        const inner = events[Symbol.asyncIterator]();
        return {
          next: async (): Promise<IteratorResult<RecordedEvent>> => {
            const next = await inner.next();
            if (next.done) return next;
            const opened = this.openedOnce(next.value);
            return { done: false, value: opened instanceof Promise ? await opened : opened };
          },
          return: async (value?: unknown): Promise<IteratorResult<RecordedEvent>> =>
            (await inner.return?.(value)) ?? { done: true, value: undefined },
        };
      },
    };
  }

  headPosition(): Promise<bigint> {
    return this.log.headPosition();
  }

  async close(): Promise<void> {
    await this.log.close();
    await this.options.keys.close();
  }

  private plaintextOf(event: RecordedEvent, key: Buffer, sealed: string): string {
    const remembered = this.recent.get(event.id);
    if (remembered !== undefined) return remembered;
    const plaintext = unseal(key, sealed, sealingContext(event.streamId, event.id)).toString('utf8');
    if (plaintext.length <= RECENT_MAX_CHARS) {
      if (this.recent.size >= RECENT_EVENTS) this.recent.delete(this.recent.keys().next().value as string);
      this.recent.set(event.id, plaintext);
    }
    return plaintext;
  }

  /** The id a stream is stored under: a keyed HMAC in place of what derives from personal data. */
  storedStreamId(streamId: string): string {
    for (const prefix of this.options.keyedStreamPrefixes) {
      if (streamId.startsWith(prefix)) {
        // A reservation stream is read, then appended to: its HMAC is kept a while (ids of hashes: no personal data).
        let keyed = this.keyedIds.get(streamId);
        if (keyed === undefined) {
          const hmac = createHmac('sha256', this.options.streamIdSecret);
          keyed = `${prefix}${hmac.update(streamId.slice(prefix.length), 'utf8').digest('hex')}`;
          if (this.keyedIds.size >= RECENT_EVENTS) this.keyedIds.clear();
          this.keyedIds.set(streamId, keyed);
        }
        return keyed;
      }
    }
    return streamId;
  }

  /**
   * The event opened, once for every reader: the log hands its subscribers the same decoded event, and a stream
   * read just after its events were appended gets them too (see LogReader), so the last events opened are kept
   * beside the one they were opened from, by position.
   */
  protected openedOnce(event: RecordedEvent): RecordedEvent | Promise<RecordedEvent> {
    const slot = Number(event.position % SHARED_OPENED);
    const kept = this.openedShared[slot];
    if (kept !== undefined && kept.sealed === event) return kept.opened;
    const opened = this.openedNow(event);
    if (opened !== event && !(opened instanceof Promise)) this.openedShared[slot] = { sealed: event, opened };
    return opened;
  }

  /**
   * The event as the service reads it: decrypted, or erased; anything without personal data as it is. Without
   * waiting when it can (the key held in memory, or no personal data at all): a subscriber that handles events
   * synchronously stays synchronous.
   */
  protected openedNow(event: RecordedEvent): RecordedEvent | Promise<RecordedEvent> {
    if (this.destroying.has(event.type)) {
      this.keyStore.forget(event.streamId);
      return event;
    }
    const rule = this.options.rules[event.type];
    if (rule === undefined) return event;
    const key = this.keyStore.cached(event.streamId);
    if (key !== undefined) return this.openedWith(event, rule, key);
    return this.keyStore.find(event.streamId).then((found) => this.openedWith(event, rule, found));
  }

  /**
   * A small event opened now (a plain object, as fast as any); a large one when its data is first read, so that a
   * subscriber that only counts an upload's chunks never decrypts them.
   */
  private openedWith(event: RecordedEvent, rule: PersonalDataRule, key: Buffer | null): RecordedEvent {
    const open = () => this.dataOf(event, rule, key);
    if (rule.large) return openedLater(event, open);
    const { id, type, streamId, revision, position, metadata } = event;
    return { id, type, streamId, revision, position, metadata, data: open() };
  }

  private dataOf(event: RecordedEvent, rule: PersonalDataRule, key: Buffer | null): unknown {
    const stored = event.data as Record<string, unknown> | null;
    const sealed = stored?.[SEALED_FIELD];
    // Written before personal data was encrypted: as it is.
    if (typeof sealed !== 'string') return stored;
    const { [SEALED_FIELD]: _sealed, ...clear } = stored as Record<string, unknown>;
    if (key === null) return rule.erased(clear);
    return JSON.parse(this.plaintextOf(event, key, sealed)) as unknown;
  }
}

/** Where an opened event keeps what it was read from, and how to open its data. Not enumerable: spreads skip it. */
const SOURCE = Symbol('sealed event');

interface Source {
  event: RecordedEvent;
  open: (() => unknown) | null;
  data: unknown;
}

type OpenedEvent = RecordedEvent & { [SOURCE]: Source };

/**
 * Accessors shared by every opened event (as the embedded log's lazy bodies share theirs): own and enumerable, as an
 * ordinary property is, so that spreading or serialising an opened event sees its data and metadata.
 */
const DATA: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: OpenedEvent): unknown {
    const source = this[SOURCE];
    if (source.open !== null) {
      source.data = source.open();
      source.open = null;
    }
    return source.data;
  },
  set(this: OpenedEvent, value: unknown) {
    this[SOURCE].open = null;
    this[SOURCE].data = value;
  },
};

const METADATA: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: OpenedEvent) {
    return this[SOURCE].event.metadata;
  },
};

/** The event with the same id, type, stream and place, its data opened on first read. */
function openedLater(event: RecordedEvent, open: () => unknown): RecordedEvent {
  const opened = {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: event.position,
  } as OpenedEvent;
  Object.defineProperty(opened, SOURCE, { value: { event, open, data: undefined } satisfies Source });
  Object.defineProperty(opened, 'metadata', METADATA);
  Object.defineProperty(opened, 'data', DATA);
  return opened;
}

export class PersonalDataStore extends PersonalDataReader implements EventStore {
  readonly multiStreamAppend: EventStore['multiStreamAppend'];

  constructor(
    private readonly store: EventStore,
    options: PersonalDataOptions,
  ) {
    super(store, options);
    this.multiStreamAppend = store.multiStreamAppend;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const [sealed] = await this.sealed([{ streamId, events, expected }]);
    return this.store.append(sealed.streamId, sealed.events, expected);
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<StreamAppendOutcome[]> {
    return this.store.appendToStreams(await this.sealed(appends));
  }

  subscribeToAll(handler: EventHandler, options?: SubscribeOptions): Subscription {
    // Synchronous where the event opens at once: the log awaits only handlers that return a promise.
    return this.store.subscribeToAll((event) => {
      const opened = this.openedOnce(event);
      return opened instanceof Promise ? opened.then(handler) : handler(opened);
    }, options);
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  /** The appends as stored: keyed stream ids, personal data sealed under keys made durable first (one call). */
  private async sealed(appends: readonly StreamAppend[]): Promise<StreamAppend[]> {
    const subjects: string[] = [];
    for (const { streamId, events } of appends) {
      if (events.some((event) => this.options.rules[event.type] !== undefined)) subjects.push(streamId);
    }
    const keys = subjects.length > 0 ? await this.options.keys.keysFor(subjects) : new Map<string, null>();
    return appends.map(({ streamId, events, expected }) => ({
      streamId: this.storedStreamId(streamId),
      expected,
      events: keys.has(streamId)
        ? events.map((event) => this.sealedEvent(streamId, event, keys.get(streamId)))
        : events,
    }));
  }

  private sealedEvent(subject: string, event: NewEvent, key: Buffer | null | undefined): NewEvent {
    const rule = this.options.rules[event.type];
    if (rule === undefined) return event;
    if (!key) throw new ErasedSubjectError(subject);
    const context = sealingContext(subject, event.id);
    const clear = rule.clear(event.data as Record<string, unknown>);
    const { id, type, metadata } = event;
    if (event.encodedData) {
      // Encoded ahead (an upload's rows): sealed into the event's bytes, which stay a byte write for the store.
      const head = JSON.stringify({ ...clear, [SEALED_FIELD]: '' }).slice(0, -2);
      return {
        id,
        type,
        metadata,
        data: clear,
        encodedData: sealInto(key, event.encodedData, context, head),
      };
    }
    const bytes = Buffer.from(JSON.stringify(event.data), 'utf8');
    return { id, type, metadata, data: { ...clear, [SEALED_FIELD]: seal(key, bytes, context) } };
  }
}

/** What a sealed value is bound to: its subject and its event. */
function sealingContext(subject: string, eventId: string): string {
  return `${subject}|${eventId}`;
}
