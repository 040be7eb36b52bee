import { Readable, pipeline } from 'node:stream';
import { parse } from 'fast-csv';
import { CsvByteGuard } from './csv-byte-guard';
import { CsvDelimiter, detectDelimiter, holdsFirstLine } from './detect-delimiter';
import { UploadRejectedError } from './field-error';
import { headerErrors, withoutTrailingEmpty } from './upload-header';
import { CSV_COLUMNS, CsvCells } from './template';
import { UploadLimits, uploadLimits } from './upload-limits';

/** One data row of the file: its cells by column, or why its cells cannot be read. */
export type ParsedRow =
  { row: number; cells: CsvCells; problem?: undefined } | { row: number; cells: null; problem: string };

/** Where an upload's bytes come from: a Node Readable (a request, a file, busboy's file stream) or any async iterable. */
export type UploadSource = AsyncIterable<Uint8Array | string>;

/** The header line is read before parsing starts, to choose the delimiter; it cannot be longer than this. */
const MAX_HEAD_BYTES = 64 * 1024;
/** The most fed to fast-csv at once. */
const SLICE_BYTES = 64 * 1024;

/**
 * Streams the data rows of an uploaded CSV file, numbered from 1 (blank lines are not rows), holding about
 * a megabyte of it at most (fast-csv's input buffer of 16 slices of 64 KB). Backpressure is the consumer's:
 * more is read only as rows are taken.
 *
 * Reading (UTF-8 with or without a BOM, CRLF or LF, RFC 4180 quoting, ',' or ';' found from the header line):
 * - the header row must be the template's columns (see `headerErrors`);
 * - a row with fewer cells than the template has its missing trailing cells read as empty (a spreadsheet
 *   drops empty trailing cells); empty cells after the last column are ignored; a row with more non-empty
 *   cells is yielded with a `problem`, so every such row can be listed;
 * - the file is refused at once, by throwing UploadRejectedError, for a wrong header, broken quoting or a
 *   passed limit (bytes or rows). Reading stops there: the rest of the source is left unread, for the
 *   caller to drain or destroy (an HTTP handler answers first, then closes the connection).
 */
export async function* parseUpload(
  source: UploadSource,
  limits: UploadLimits = uploadLimits(),
): AsyncGenerator<ParsedRow, void, undefined> {
  const input = source[Symbol.asyncIterator]();
  const head = await readHead(input);
  const delimiter = detectDelimiter(head.text);
  const rows = parse<string[], string[]>({ delimiter, headers: false });
  // highWaterMark 1: read no further ahead of the parser than one chunk, so a refusal stops reading soon.
  const bytes = Readable.from(checkedBytes(head, input, new CsvByteGuard(delimiter, limits)), {
    highWaterMark: 1,
  });
  pipeline(bytes, rows, () => {
    // Errors reach the consumer through `rows`, which pipeline destroys with them.
  });

  let rowNumber = 0;
  let headerSeen = false;
  try {
    for await (const cells of rows as AsyncIterable<string[]>) {
      if (isBlank(cells)) continue;
      if (!headerSeen) {
        rejectWrongHeader(cells);
        headerSeen = true;
        continue;
      }
      rowNumber += 1;
      if (rowNumber > limits.maxRows) {
        throw UploadRejectedError.because(
          `The file has more than ${limits.maxRows.toLocaleString('en')} rows.`,
        );
      }
      yield toParsedRow(rowNumber, cells, delimiter);
    }
  } catch (error) {
    throw asRejection(error, rowNumber);
  }
  if (!headerSeen) {
    throw UploadRejectedError.because(`The file is empty: it needs the header row ${CSV_COLUMNS.join(',')}.`);
  }
}

interface Head {
  chunks: Buffer[];
  text: string;
  ended: boolean;
}

/** Reads chunks until they hold the header line (or MAX_HEAD_BYTES, or the end of the file). */
async function readHead(input: AsyncIterator<Uint8Array | string>): Promise<Head> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  let text = '';
  while (bytes < MAX_HEAD_BYTES && !holdsFirstLine(text)) {
    const next = await input.next();
    if (next.done) return { chunks, text, ended: true };
    const chunk = asBuffer(next.value);
    chunks.push(chunk);
    bytes += chunk.length;
    text = Buffer.concat(chunks).toString('utf8', 0, Math.min(bytes, MAX_HEAD_BYTES));
  }
  return { chunks, text, ended: false };
}

/**
 * The file's bytes, each slice checked by the guard before fast-csv sees it. A large chunk (a whole file
 * given as one string, say) is cut into slices: fast-csv parses a chunk whole and buffers all its rows.
 */
async function* checkedBytes(
  head: Head,
  input: AsyncIterator<Uint8Array | string>,
  guard: CsvByteGuard,
): AsyncGenerator<Buffer> {
  for (const chunk of head.chunks) yield* checkedSlices(chunk, guard);
  for (let next = head.ended ? null : await input.next(); next && !next.done; next = await input.next()) {
    yield* checkedSlices(asBuffer(next.value), guard);
  }
  guard.end();
}

function* checkedSlices(chunk: Buffer, guard: CsvByteGuard): Generator<Buffer> {
  for (let start = 0; start < chunk.length; start += SLICE_BYTES) {
    const slice = chunk.subarray(start, start + SLICE_BYTES);
    guard.admit(slice);
    yield slice;
  }
}

function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** A line with nothing but blanks (or only empty cells): not a row. */
function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

function rejectWrongHeader(cells: readonly string[]): void {
  const errors = headerErrors(cells);
  if (errors.length > 0) throw new UploadRejectedError(errors);
}

function toParsedRow(row: number, values: readonly string[], delimiter: CsvDelimiter): ParsedRow {
  if (values.length > CSV_COLUMNS.length) {
    const used = withoutTrailingEmpty(values).length;
    if (used > CSV_COLUMNS.length) {
      return {
        row,
        cells: null,
        problem: `The row has ${used} cells; the template has ${CSV_COLUMNS.length} columns (is a value holding "${delimiter}" not quoted?).`,
      };
    }
  }
  return { row, cells: toCells(values) };
}

function toCells(values: readonly string[]): CsvCells {
  return {
    email: values[0] ?? '',
    date_of_birth: values[1] ?? '',
    first_name: values[2] ?? '',
    middle_names: values[3] ?? '',
    last_name: values[4] ?? '',
    preferred_name: values[5] ?? '',
    mobile: values[6] ?? '',
    job_role: values[7] ?? '',
  };
}

/**
 * Our own refusals pass through. fast-csv's parse errors quote the file's content, so they are replaced;
 * the byte guard catches broken quoting first, so this is a safety net. Anything else (the source failing,
 * the client going away) is not about the file and propagates as it is.
 */
function asRejection(error: unknown, lastRow: number): unknown {
  if (error instanceof UploadRejectedError) return error;
  if (error instanceof Error && /^Parse Error/.test(error.message)) {
    return UploadRejectedError.because(`The file is not valid CSV after data row ${lastRow}.`);
  }
  return error;
}
