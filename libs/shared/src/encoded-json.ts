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
  if (!isPlainObject(value) || !Object.values(value).some((field) => field instanceof EncodedJson)) {
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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}
