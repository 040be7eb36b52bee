import { EventStoreCorruptionError, type EventMetadata, type RecordedEvent } from '../event-store.port';

/**
 * Where a decoded event keeps its unparsed body. A symbol, and not enumerable, so that spreading,
 * `JSON.stringify`, `Object.keys`, `structuredClone` and deep equality do not see it.
 */
const BODY = Symbol('event body');

type EventWithBody = RecordedEvent & { [BODY]: LazyBody };

/**
 * The JSON body `[metadata, data]` of one record, parsed on first use. Until then it holds the read buffer and
 * the body's offsets (so the event keeps that buffer alive); once parsed, only the values. The metadata alone is
 * parsed when only it is read (who did it, when: what every subscriber reads), so that an upload's rows are parsed
 * only by those that read them.
 */
class LazyBody {
  metadata: EventMetadata | undefined = undefined;
  data: unknown = undefined;
  /** Where the data's JSON starts, once the metadata alone was parsed. */
  private dataFrom = -1;

  constructor(
    private bytes: Buffer | null,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** Parses the body on the first call (one `JSON.parse` for both fields); later calls return at once. */
  parsed(event: RecordedEvent): this {
    if (this.bytes !== null) {
      if (this.dataFrom >= 0) this.data = parseJson(this.bytes, this.dataFrom, this.to - 1, event);
      else
        [this.metadata, this.data] = parseJson(this.bytes, this.from, this.to, event) as [
          EventMetadata,
          unknown,
        ];
      this.bytes = null;
    }
    return this;
  }

  /** The metadata, parsed alone when the body is `[{...},...]` as the log writes it (else with the data). */
  metadataOf(event: RecordedEvent): EventMetadata {
    if (this.bytes === null || this.dataFrom >= 0) return this.metadata as EventMetadata;
    const whole = this.bytes[this.from] === BYTE['['] && this.bytes[this.to - 1] === BYTE[']'];
    const end = whole ? objectEnd(this.bytes, this.from + 1, this.to) : -1;
    if (end < 0 || this.bytes[end] !== BYTE[',']) return this.parsed(event).metadata as EventMetadata;
    this.metadata = parseJson(this.bytes, this.from + 1, end, event) as EventMetadata;
    this.dataFrom = end + 1;
    return this.metadata;
  }
}

/** The bytes of JSON's punctuation that finding the metadata's end looks at. */
const BYTE = { '[': 0x5b, ']': 0x5d, '{': 0x7b, '}': 0x7d, '"': 0x22, '\\': 0x5c, ',': 0x2c } as const;

/** The offset just after the JSON object starting at `from` (-1 when none starts there, or it does not end). */
function objectEnd(bytes: Buffer, from: number, to: number): number {
  if (bytes[from] !== BYTE['{']) return -1;
  let depth = 0;
  let inString = false;
  for (let at = from; at < to; at += 1) {
    const byte = bytes[at];
    if (inString) {
      if (byte === BYTE['\\']) at += 1;
      else if (byte === BYTE['"']) inString = false;
    } else if (byte === BYTE['"']) inString = true;
    else if (byte === BYTE['{']) depth += 1;
    else if (byte === BYTE['}'] && --depth === 0) return at + 1;
  }
  return -1;
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
    return this[BODY].metadataOf(this);
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
function parseJson(buffer: Buffer, from: number, to: number, event: RecordedEvent): unknown {
  try {
    return JSON.parse(buffer.toString('utf8', from, to)) as unknown;
  } catch (error) {
    throw new EventStoreCorruptionError(
      `Event store log is damaged: the body of event ${event.id} at position ${event.position} is not ` +
        `valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      { cause: error },
    );
  }
}
