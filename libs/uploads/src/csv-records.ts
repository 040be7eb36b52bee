import { Readable, pipeline } from 'node:stream';
import { parse } from 'fast-csv';
import { CsvByteGuard } from './csv-byte-guard';
import { CsvDelimiter, detectDelimiter, holdsFirstLine } from './detect-delimiter';
import { UploadRejectedError } from './field-error';
import { readAhead, thenTheRest, type ReadAhead } from './read-ahead';
import type { UploadLimits } from './upload-limits';

/** One record of a file (a CSV record, a spreadsheet row) and the line it starts on (the first line is 1). */
export interface UploadRecord {
  line: number;
  cells: string[];
}

/** The records of a CSV file, and its delimiter once known. */
export interface CsvRecords {
  records: AsyncGenerator<UploadRecord, void, undefined>;
  delimiter(): CsvDelimiter;
}

/** The header line is read before parsing starts, to choose the delimiter; it cannot be longer than this. */
const MAX_HEAD_BYTES = 64 * 1024;
/** The most fed to fast-csv at once. */
const SLICE_BYTES = 64 * 1024;

/**
 * Streams the records of a CSV file given as UTF-8 bytes (no byte-order mark), each with the physical line it
 * starts on: a blank line is a record of its own (fast-csv gives it no cells), and a record spans one line more
 * for each line break inside its quoted values. Holds about a megabyte of the file at most (fast-csv's input
 * buffer of 16 slices of 64 KB); more is read only as records are taken.
 *
 * CRLF, LF or CR line ends, RFC 4180 quoting, ',' ';' or tab found from the header line. The file is refused at
 * once (UploadRejectedError) for broken quoting or more bytes than the limit (see CsvByteGuard), and reading
 * stops there.
 */
export function csvRecords(bytes: AsyncIterator<Buffer>, limits: UploadLimits): CsvRecords {
  let delimiter: CsvDelimiter = ',';
  async function* records(): AsyncGenerator<UploadRecord, void, undefined> {
    const head = await readHead(bytes);
    delimiter = detectDelimiter(head.text);
    const rows = parse<string[], string[]>({ delimiter, headers: false });
    // highWaterMark 1: read no further ahead of the parser than one chunk, so a refusal stops reading soon.
    const checked = Readable.from(checkedBytes(head, bytes, new CsvByteGuard(delimiter, limits)), {
      highWaterMark: 1,
    });
    pipeline(checked, rows, () => {
      // Errors reach the consumer through `rows`, which pipeline destroys with them.
    });
    let line = 1;
    try {
      for await (const cells of rows as AsyncIterable<string[]>) {
        const record = { line, cells };
        line += 1 + lineBreaksIn(cells);
        yield record;
      }
    } catch (error) {
      throw asRejection(error, line);
    }
  }
  return { records: records(), delimiter: () => delimiter };
}

/** Line breaks inside a record's quoted values (CRLF counts once), most records have none. */
function lineBreaksIn(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) continue;
    for (let i = 0; i < cell.length; i += 1) {
      const char = cell.charCodeAt(i);
      if (char === 0x0a) breaks += 1;
      else if (char === 0x0d && cell.charCodeAt(i + 1) !== 0x0a) breaks += 1;
    }
  }
  return breaks;
}

interface Head extends ReadAhead {
  text: string;
}

/** Reads chunks until they hold the header line (or MAX_HEAD_BYTES, or the end of the file). */
async function readHead(input: AsyncIterator<Buffer>): Promise<Head> {
  let text = '';
  const ahead = await readAhead(input, (chunks, bytes) => {
    text = Buffer.concat(chunks).toString('utf8', 0, Math.min(bytes, MAX_HEAD_BYTES));
    return bytes >= MAX_HEAD_BYTES || holdsFirstLine(text);
  });
  return { ...ahead, text };
}

/**
 * The file's bytes, each slice checked by the guard before fast-csv sees it. A large chunk (a whole file
 * given as one string, say) is cut into slices: fast-csv parses a chunk whole and buffers all its rows.
 */
async function* checkedBytes(
  head: Head,
  input: AsyncIterator<Buffer>,
  guard: CsvByteGuard,
): AsyncGenerator<Buffer> {
  for await (const chunk of thenTheRest(head, input)) yield* checkedSlices(chunk, guard);
  guard.end();
}

function* checkedSlices(chunk: Buffer, guard: CsvByteGuard): Generator<Buffer> {
  for (let start = 0; start < chunk.length; start += SLICE_BYTES) {
    const slice = chunk.subarray(start, start + SLICE_BYTES);
    guard.admit(slice);
    yield slice;
  }
}

/**
 * Our own refusals pass through. fast-csv's parse errors quote the file's content, so they are replaced;
 * the byte guard catches broken quoting first, so this is a safety net. Anything else (the source failing,
 * the client going away) is not about the file and propagates as it is.
 */
function asRejection(error: unknown, line: number): unknown {
  if (error instanceof UploadRejectedError) return error;
  if (error instanceof Error && /^Parse Error/.test(error.message)) {
    return UploadRejectedError.because(`The file is not valid CSV from line ${line} on.`, line);
  }
  return error;
}
