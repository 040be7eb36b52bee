/**
 * Where encodeList writes a list before copying it out (synchronously: one list at a time); made on first use, grown
 * as needed.
 */
let scratch: Buffer = Buffer.alloc(0);
/** encodeList's first scratch buffer: an upload's chunk of 1,000 rows is about 150 KB. */
const SCRATCH_BYTES = 256 * 1024;

/**
 * A value already encoded as JSON (UTF-8 bytes): a large part of an event built ahead of time, while there was time
 * for it, and written as it is. JSON.stringify sees the value itself (toJSON decodes it), so a writer that does not
 * know this class still writes the same JSON; the embedded event store splices the bytes in (see jsonParts).
 */
export class EncodedJson<T> {
  private constructor(readonly bytes: Buffer) {}

  static encode<T>(value: T): EncodedJson<T> {
    return new EncodedJson<T>(Buffer.from(JSON.stringify(value), 'utf8'));
  }

  /**
   * A list encoded item by item into one buffer: the same bytes as `encode`, without ever making the whole list's
   * JSON as one string (a large string goes straight to V8's old generation, where only a full collection frees it).
   */
  static encodeList<T>(items: readonly T[]): EncodedJson<T[]> {
    let length = 0;
    const write = (text: string) => {
      const needed = length + Buffer.byteLength(text, 'utf8');
      if (needed > scratch.length) {
        const larger = Buffer.allocUnsafe(Math.max(needed, scratch.length * 2, SCRATCH_BYTES));
        scratch.copy(larger, 0, 0, length);
        scratch = larger;
      }
      length += scratch.write(text, length, 'utf8');
    };
    write('[');
    // Every index, as JSON.stringify writes a list: what is not JSON (undefined, a function) and holes as null.
    for (let index = 0; index < items.length; index += 1)
      write(`${index > 0 ? ',' : ''}${JSON.stringify(items[index]) ?? 'null'}`);
    write(']');
    // A buffer of its own, of the exact length: the scratch buffer is written again by the next list.
    const bytes = Buffer.allocUnsafeSlow(length);
    scratch.copy(bytes, 0, 0, length);
    return new EncodedJson<T[]>(bytes);
  }

  toJSON(): T {
    return JSON.parse(this.bytes.toString('utf8')) as T;
  }
}

/**
 * The JSON of a value as pieces: text, and the bytes of the EncodedJson it holds, as they are. An EncodedJson is
 * spliced in where it is the value or one of the value's own properties; deeper ones are encoded as JSON.stringify
 * does (through toJSON). Joined, the pieces are JSON.stringify(value) (undefined for the pieces [] ).
 */
export function jsonParts(value: unknown): (string | Buffer)[] {
  if (value instanceof EncodedJson) return [value.bytes];
  if (!isPlainObject(value) || !holdsEncoded(value)) {
    const text = JSON.stringify(value);
    return text === undefined ? [] : [text];
  }
  const parts: (string | Buffer)[] = [];
  let text = '{';
  for (const [key, field] of Object.entries(value)) {
    const prefix = `${text.length > 1 || parts.length > 0 ? ',' : ''}${JSON.stringify(key)}:`;
    if (field instanceof EncodedJson) {
      parts.push(text + prefix, field.bytes);
      text = '';
    } else {
      const encoded = JSON.stringify(field);
      if (encoded !== undefined) text += prefix + encoded;
    }
  }
  parts.push(`${text}}`);
  return parts;
}

/** Whether one of the object's own properties is an EncodedJson (looked at without building a list: every append). */
function holdsEncoded(value: Record<string, unknown>): boolean {
  for (const key in value) if (Object.hasOwn(value, key) && value[key] instanceof EncodedJson) return true;
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}
