import { EventStoreCorruptionError, type EventMetadata, type RecordedEvent } from '../event-store.port';

/**
 * Where a decoded event keeps its unparsed body. A symbol, and not enumerable, so that spreading,
 * `JSON.stringify`, `Object.keys`, `structuredClone` and deep equality do not see it.
 */
const BODY = Symbol('event body');

type EventWithBody = RecordedEvent & { [BODY]: LazyBody };

/**
 * The JSON body `[metadata, data]` of one record, parsed on first use. Until then it holds the read buffer and
 * the body's offsets (so the event keeps that buffer alive); once parsed, only the values.
 */
class LazyBody {
  metadata: EventMetadata | undefined = undefined;
  data: unknown = undefined;

  constructor(
    private bytes: Buffer | null,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** Parses the body on the first call (one `JSON.parse` for both fields); later calls return at once. */
  parsed(event: RecordedEvent): this {
    if (this.bytes !== null) {
      [this.metadata, this.data] = parseBody(this.bytes, this.from, this.to, event);
      this.bytes = null;
    }
    return this;
  }
}

/**
 * The accessors, one pair of functions shared by every event: per-event closures would give each event its own
 * hidden class (V8 then keeps it in slow dictionary mode), which measured twice as slow and twice as big as the
 * plain objects decoded before. Enumerable and configurable, as an ordinary property is; the setters replace
 * the value (after parsing, so that the other field still comes from the body).
 */
const DATA_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: EventWithBody): unknown {
    return this[BODY].parsed(this).data;
  },
  set(this: EventWithBody, value: unknown) {
    this[BODY].parsed(this).data = value;
  },
};

const METADATA_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: EventWithBody): EventMetadata {
    return this[BODY].parsed(this).metadata as EventMetadata;
  },
  set(this: EventWithBody, value: EventMetadata) {
    this[BODY].parsed(this).metadata = value;
  },
};

/**
 * Adds `data` and `metadata` to `event` as own, enumerable accessors over the JSON body held in
 * `buffer[from, to)`, parsed when either is first read. The event's other fields are added after this call,
 * so that its keys keep the order of the event type (id, type, data, metadata, streamId, revision, position)
 * and all decoded events share one hidden class.
 */
export function addLazyBody(event: RecordedEvent, buffer: Buffer, from: number, to: number): void {
  Object.defineProperty(event, BODY, { value: new LazyBody(buffer, from, to) });
  Object.defineProperty(event, 'data', DATA_ACCESSOR);
  Object.defineProperty(event, 'metadata', METADATA_ACCESSOR);
}

/**
 * The checksum was checked when the record was read, so a body that is not JSON was written so (or damaged in
 * memory since): reported as damage to the event, like a failed checksum, rather than as a bare SyntaxError out
 * of whatever first read the event's data.
 */
function parseBody(buffer: Buffer, from: number, to: number, event: RecordedEvent): [EventMetadata, unknown] {
  try {
    return JSON.parse(buffer.toString('utf8', from, to)) as [EventMetadata, unknown];
  } catch (error) {
    throw new EventStoreCorruptionError(
      `Event store log is damaged: the body of event ${event.id} at position ${event.position} is not ` +
        `valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
}
