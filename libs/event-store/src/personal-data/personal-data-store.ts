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
import { seal, unseal } from './sealed-data';

/** Where an event's encrypted data sits in its stored data, beside the fields kept clear. */
export const SEALED_FIELD = '$sealed';

/** How one event type's personal data is kept (see the domain's PERSONAL_DATA_RULES). */
export interface PersonalDataRule {
  clear(data: Record<string, unknown>): Record<string, unknown>;
  erased(clear: Record<string, unknown>): Record<string, unknown>;
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

  constructor(
    protected readonly log: EventLogReader,
    protected readonly options: PersonalDataOptions,
  ) {
    this.destroying = new Set(options.keyDestroyingTypes);
  }

  /** The log underneath, as written (its open report, for operators). */
  get underlying(): EventLogReader {
    return this.log;
  }

  /** The keys the personal data is encrypted under: destroying one erases its subject. */
  get keys(): KeyStore {
    return this.options.keys;
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.log.readStream(this.storedStreamId(streamId), options)) {
      yield await this.opened(event);
    }
  }

  streamRevision(streamId: string): Promise<bigint | null> {
    return this.log.streamRevision(this.storedStreamId(streamId));
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.log.readAll(options)) yield await this.opened(event);
  }

  headPosition(): Promise<bigint> {
    return this.log.headPosition();
  }

  async close(): Promise<void> {
    await this.log.close();
    await this.options.keys.close();
  }

  /** The id a stream is stored under: a keyed HMAC in place of what derives from personal data. */
  storedStreamId(streamId: string): string {
    for (const prefix of this.options.keyedStreamPrefixes) {
      if (streamId.startsWith(prefix)) {
        const keyed = createHmac('sha256', this.options.streamIdSecret)
          .update(streamId.slice(prefix.length), 'utf8')
          .digest('hex');
        return `${prefix}${keyed}`;
      }
    }
    return streamId;
  }

  /** The event as the service reads it: decrypted, or erased; anything without personal data as it is. */
  protected async opened(event: RecordedEvent): Promise<RecordedEvent> {
    if (this.destroying.has(event.type)) {
      this.options.keys.forget(event.streamId);
      return event;
    }
    const rule = this.options.rules[event.type];
    if (rule === undefined) return event;
    const stored = event.data as Record<string, unknown> | null;
    const sealed = stored?.[SEALED_FIELD];
    // Written before personal data was encrypted: as it is.
    if (typeof sealed !== 'string') return event;
    const key = await this.options.keys.find(event.streamId);
    const { [SEALED_FIELD]: _sealed, ...clear } = stored as Record<string, unknown>;
    const data =
      key === null
        ? rule.erased(clear)
        : (JSON.parse(
            unseal(key, sealed, sealingContext(event.streamId, event.id)).toString('utf8'),
          ) as unknown);
    return { ...event, data };
  }
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
    return this.store.subscribeToAll(async (event) => handler(await this.opened(event)), options);
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
    const bytes = event.encodedData ?? Buffer.from(JSON.stringify(event.data), 'utf8');
    const clear = rule.clear(event.data as Record<string, unknown>);
    return {
      id: event.id,
      type: event.type,
      metadata: event.metadata,
      data: { ...clear, [SEALED_FIELD]: seal(key, bytes, sealingContext(subject, event.id)) },
    };
  }
}

/** What a sealed value is bound to: its subject and its event. */
function sealingContext(subject: string, eventId: string): string {
  return `${subject}|${eventId}`;
}
