import { csvRecords, type UploadRecord } from './csv-records';
import { UploadRejectedError } from './field-error';
import { cellsByColumn, cellsPastHeader, readHeader, type UploadHeader } from './upload-header';
import { SNIFF_BYTES, TextEncoding, sniffFormat, utf8Text } from './upload-format';
import { CSV_COLUMNS, CsvCells } from './template';
import { UploadLimits, uploadLimits } from './upload-limits';
import { xlsxRecords } from './xlsx-records';
import { readAhead, thenTheRest, type ReadAhead } from './read-ahead';

/**
 * One data row of the file: its cells by column, or why its cells cannot be read. `row` is the spreadsheet's line
 * number: the header is line 1 (when it is the first line), blank lines count, and a record whose quoted values
 * span lines is numbered by the line it starts on.
 */
export type ParsedRow =
  { row: number; cells: CsvCells; problem?: undefined } | { row: number; cells: null; problem: string };

/** Where an upload's bytes come from: a Node Readable (a request, a file, busboy's file stream) or any async iterable. */
export type UploadSource = AsyncIterable<Uint8Array | string>;

export interface ParseUploadHooks {
  /** Told each remark about the file that does not refuse it: columns ignored, the encoding it was read in. */
  onWarning?: (warning: string) => void;
}

export const WINDOWS_1252_WARNING =
  'The file is not UTF-8 text: it was read as Windows-1252 (Western European), as Excel\'s "CSV (Comma delimited)" ' +
  'saves it. Check that names with accents read right; "CSV UTF-8" leaves no doubt.';

/**
 * Streams the data rows of an uploaded file, whatever way an admin saved it, holding about a megabyte of it at most
 * (an .xlsx file is written to a temporary file first: see xlsxRecords). Backpressure is the consumer's: more is read
 * only as rows are taken.
 *
 * What the file is comes from its first bytes, never its name or content type (see sniffFormat): an Excel workbook
 * (its first sheet), or text in UTF-8 (with or without a byte-order mark), UTF-16 (with one) or Windows-1252,
 * delimited by ',', ';' or tab (see csvRecords). Anything else is refused with how to save it instead.
 *
 * - the header row is the first non-blank one, its columns in any order and named as people name them (readHeader);
 * - a row with fewer cells than the header has its missing cells read as empty (a spreadsheet drops empty trailing
 *   cells); empty cells past the header are ignored; a CSV row with more non-empty cells is yielded with a
 *   `problem`, so every such row can be listed (in a workbook they are ignored, with a warning);
 * - the file is refused at once, by throwing UploadRejectedError, for a format it cannot read, a header without a
 *   required column, broken quoting or a passed limit (bytes or rows). Reading stops there: the rest of the source
 *   is left unread, for the caller to drain or destroy (an HTTP handler answers first, then closes the connection).
 */
export async function* parseUpload(
  source: UploadSource,
  limits: UploadLimits = uploadLimits(),
  hooks: ParseUploadHooks = {},
): AsyncGenerator<ParsedRow, void, undefined> {
  const warn = hooks.onWarning ?? (() => undefined);
  const input = bufferIterator(source);
  const start = await readStart(input);
  const format = sniffFormat(start.bytes);
  if (format.kind === 'refused') throw UploadRejectedError.because(format.message);

  let records: AsyncIterable<UploadRecord>;
  let strayCells: ((used: number, width: number) => string) | null = null;
  if (format.kind === 'xlsx') {
    records = xlsxRecords(start.chunks, input, limits);
  } else {
    const onEncoding = (encoding: TextEncoding) => {
      if (encoding === 'windows-1252') warn(WINDOWS_1252_WARNING);
    };
    const text = utf8Text(thenTheRest(start, input), format, onEncoding);
    const csv = csvRecords(text[Symbol.asyncIterator](), limits);
    records = csv.records;
    strayCells = (used, width) =>
      `The row has ${used} cells; the header has ${width} columns (is a value holding ${printable(csv.delimiter())} not quoted?).`;
  }

  let header: UploadHeader | null = null;
  let rows = 0;
  let strayWarned = false;
  for await (const { line, cells } of records) {
    if (isBlank(cells)) continue;
    if (header === null) {
      const reading = readHeader(cells, line);
      if (reading.errors) throw new UploadRejectedError(reading.errors);
      header = reading.header;
      for (const warning of header.warnings) warn(warning);
      continue;
    }
    rows += 1;
    if (rows > limits.maxRows) {
      throw UploadRejectedError.because(
        `The file has more than ${limits.maxRows.toLocaleString('en')} rows.`,
        line,
      );
    }
    const past = cellsPastHeader(cells, header);
    if (past > 0 && strayCells !== null) {
      yield { row: line, cells: null, problem: strayCells(header.width + past, header.width) };
      continue;
    }
    if (past > 0 && !strayWarned) {
      strayWarned = true;
      warn(`Cells right of the header's last column are ignored (the first on line ${line}).`);
    }
    yield { row: line, cells: cellsByColumn(cells, header) };
  }
  if (header === null) {
    throw UploadRejectedError.because(
      `The file is empty: it needs a header row such as ${CSV_COLUMNS.join(',')}.`,
    );
  }
}

/** The file's first chunks: at least SNIFF_BYTES, unless the file is shorter. */
interface Start extends ReadAhead {
  bytes: Buffer;
}

async function readStart(input: AsyncIterator<Buffer>): Promise<Start> {
  const ahead = await readAhead(input, (_chunks, bytes) => bytes >= SNIFF_BYTES);
  const { chunks } = ahead;
  return { ...ahead, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) };
}

/**
 * The source's chunks as Buffers, read with `next` only: never `return`, which would destroy a request stream
 * before it is answered.
 */
function bufferIterator(source: UploadSource): AsyncIterator<Buffer> {
  const input = source[Symbol.asyncIterator]();
  return {
    async next() {
      const next = await input.next();
      return next.done ? next : { done: false, value: asBuffer(next.value) };
    },
  };
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

function printable(delimiter: string): string {
  return delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
}
