import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

/** What every refusal of a file the upload cannot read tells the admin to do. */
export const SAVE_AS_CSV_UTF8 =
  'save it from the spreadsheet as "CSV UTF-8 (Comma delimited)" (or as an Excel workbook, .xlsx) and upload that';

/** The text encodings an upload is read in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * What a file is, from its first bytes (never from its name or content type, which browsers and HR systems get
 * wrong): an Excel workbook (a zip), text with a byte-order mark, text without one (UTF-8 or Windows-1252, told
 * apart at its first non-ASCII byte), or something the upload cannot read.
 */
export type UploadFormat =
  | { kind: 'xlsx' }
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | null; bomBytes: number }
  | { kind: 'refused'; message: string };

/** Bytes the sniffing needs, at least (fewer only when the file is shorter). */
export const SNIFF_BYTES = 8;

const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];
const OLE2_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** Reads the format from the start of the file (`head`: its first bytes, as many as have arrived). */
export function sniffFormat(head: Buffer): UploadFormat {
  if (startsWith(head, ZIP_LOCAL_FILE)) return { kind: 'xlsx' };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', encoding: 'utf-8', bomBytes: 3 };
  if (startsWith(head, [0xff, 0xfe, 0x00, 0x00]) || startsWith(head, [0x00, 0x00, 0xfe, 0xff])) {
    return { kind: 'refused', message: `The file is UTF-32 text: ${SAVE_AS_CSV_UTF8}.` };
  }
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bomBytes: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bomBytes: 2 };
  if (startsWith(head, OLE2_COMPOUND_FILE)) {
    return { kind: 'refused', message: `The file is an Excel 97-2003 workbook (.xls): ${SAVE_AS_CSV_UTF8}.` };
  }
  if (startsWith(head, PDF))
    return { kind: 'refused', message: `The file is a PDF document: ${SAVE_AS_CSV_UTF8}.` };
  if (head.includes(0)) {
    return {
      kind: 'refused',
      message: `The file is not text the upload can read (it holds NUL bytes: UTF-16 without a byte-order mark, or not a spreadsheet at all): ${SAVE_AS_CSV_UTF8}.`,
    };
  }
  return { kind: 'text', encoding: null, bomBytes: 0 };
}

function startsWith(bytes: Buffer, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * A text file's bytes as UTF-8, without a byte-order mark, for the CSV parser. UTF-8 passes through untouched
 * (the common case costs a check of the chunks up to the first non-ASCII byte, and nothing after); UTF-16 and
 * Windows-1252 are transcoded with iconv-lite, chunk by chunk.
 *
 * A file without a byte-order mark is UTF-8 when its first non-ASCII character is valid UTF-8, else Windows-1252
 * (what Excel's "CSV (Comma delimited)" writes in Western Europe, the Americas and Australia): every byte before
 * it is ASCII, which both encodings read alike. `onEncoding` is told the encoding once it is known.
 */
export async function* utf8Text(
  chunks: AsyncIterable<Buffer>,
  format: Extract<UploadFormat, { kind: 'text' }>,
  onEncoding: (encoding: TextEncoding) => void = () => undefined,
): AsyncGenerator<Buffer> {
  let encoding: TextEncoding | null = format.encoding;
  if (encoding !== null) onEncoding(encoding);
  let decoder =
    encoding === null || encoding === 'utf-8' ? null : iconv.getDecoder(encoding, { stripBOM: false });
  let skip = format.bomBytes;
  let pending: Buffer | null = null;
  for await (const next of chunks) {
    let chunk = next;
    if (skip > 0) {
      const skipped = Math.min(skip, chunk.length);
      chunk = chunk.subarray(skipped);
      skip -= skipped;
    }
    if (pending !== null) {
      chunk = Buffer.concat([pending, chunk]);
      pending = null;
    }
    if (chunk.length === 0) continue;
    if (encoding === null) {
      if (isAscii(chunk)) {
        yield chunk;
        continue;
      }
      // A character cut by the chunk's end waits for the rest of it before the bytes are judged.
      const complete = completeUtf8Length(chunk);
      if (isAscii(chunk.subarray(0, complete))) {
        if (complete > 0) yield chunk.subarray(0, complete);
        pending = chunk.subarray(complete);
        continue;
      }
      encoding = isUtf8(chunk.subarray(0, complete)) ? 'utf-8' : 'windows-1252';
      onEncoding(encoding);
      if (encoding === 'windows-1252') decoder = iconv.getDecoder(encoding);
    }
    yield decoder === null ? chunk : Buffer.from(decoder.write(chunk), 'utf8');
  }
  if (pending !== null) {
    // The file ends in the middle of what would be a UTF-8 character: it is not UTF-8.
    if (encoding === null) onEncoding('windows-1252');
    yield Buffer.from(iconv.decode(pending, 'windows-1252'), 'utf8');
  }
  const rest = decoder?.end();
  if (rest) yield Buffer.from(rest, 'utf8');
}

/** The length of `bytes` without a UTF-8 sequence its end cuts short (its lead byte asks for more bytes). */
export function completeUtf8Length(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(4, end); back += 1) {
    const byte = bytes[end - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for its lead
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
}
