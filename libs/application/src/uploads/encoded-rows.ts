/**
 * Where encodeRows writes a list before copying it out (synchronously: one list at a time); made on first use, grown
 * as needed.
 */
let scratch: Buffer = Buffer.alloc(0);
/** encodeRows' first scratch buffer: an upload's chunk of 1,000 rows is about 150 KB. */
const SCRATCH_BYTES = 256 * 1024;

/**
 * A chunk of an upload's rows already encoded as the JSON list they are recorded as (UTF-8 bytes), built while the
 * file was still being read, so that recording the preview only writes bytes (see ChunksEncodedAhead).
 */
export class EncodedRows {
  private constructor(readonly bytes: Buffer) {}

  /**
   * A list encoded item by item into one buffer: the bytes of JSON.stringify(items), without ever making the whole
   * list's JSON as one string (V8 puts a large string straight in the old generation, where only a full collection
   * frees it).
   */
  static encode(items: readonly unknown[]): EncodedRows {
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
    return new EncodedRows(bytes);
  }

  /**
   * The JSON of an object whose `rows` property is this list: `fields` encoded as JSON.stringify does, then the
   * list's bytes as they are (the data of an UploadRowsRecorded event, for NewEvent.encodedData).
   */
  asPropertyOf(fields: Record<string, unknown>): Buffer {
    const { rows: _replaced, ...others } = fields;
    const head = JSON.stringify({ ...others, rows: 0 });
    // `"rows":0}` ends the head: the list goes where the 0 stands.
    return Buffer.concat([Buffer.from(head.slice(0, -2), 'utf8'), this.bytes, Buffer.from('}', 'utf8')]);
  }
}
