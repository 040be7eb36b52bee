import { open as openFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import type { UploadRecord } from './csv-records';
import { formatBytes } from './csv-byte-guard';
import { UploadRejectedError } from './field-error';
import { SAVE_AS_CSV_UTF8 } from './upload-format';
import type { UploadLimits } from './upload-limits';

/**
 * The parts of exceljs's streaming WorkbookReader that read one part of a workbook each. WorkbookReader.parse reads
 * the zip front to back by its local headers, which trusts sizes a file can lie about and writes every sheet met
 * before the shared strings to a temporary file, decompressed, whatever its size. Here the zip is read by its
 * central directory instead (yauzl: each part's declared size checked before it is read, and held to while it is
 * decompressed), and the parts are handed to the reader in the order it needs them: relationships, workbook,
 * styles, shared strings, then the first sheet only. These methods are not exceljs's documented API: the version is
 * pinned exactly, and xlsx-records.spec.ts reads workbooks exceljs writes.
 */
interface WorkbookParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: SheetRows }>;
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

type SheetRows = AsyncIterable<{ number: number; values: unknown }>;

/**
 * How large (decompressed) the parts of a workbook may be, against the upload's byte limit: the first sheet is
 * streamed (and its rows counted against the row limit), so it may be several times the file; the shared strings
 * and styles are held in memory while the sheet is read. A valid workbook of 150,000 rows is well inside both; a
 * "zip bomb" of a few MB that would decompress to gigabytes is refused before anything is decompressed.
 */
const SHEET_BYTES_PER_FILE_BYTE = 8;
const PART_BYTES_PER_FILE_BYTE = 2;

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache', // without the styles exceljs cannot tell a date from a number
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

/**
 * Streams the rows of the first sheet of an Excel workbook (.xlsx), each with its row number as the spreadsheet
 * shows it, cells as text: dates (cells Excel formats as dates) as YYYY-MM-DD, numbers as they are stored
 * (412345678, 33312), rich text as its text, formulas as their cached result. Rows Excel does not store (blank
 * ones) are not given.
 *
 * A zip keeps its index (the central directory) at its end, so the file cannot be read as it arrives: it is
 * written to a temporary file first (counted against the byte limit as it streams in, never held in memory), read
 * from there, and deleted when reading ends, however it ends.
 */
export async function* xlsxRecords(
  head: readonly Buffer[],
  input: AsyncIterator<Buffer>,
  limits: UploadLimits,
): AsyncGenerator<UploadRecord, void, undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'invitations-upload-'));
  let zip: yauzl.ZipFile | null = null;
  const path = join(dir, 'upload.xlsx');
  try {
    await spool(head, input, path, limits.maxBytes);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  try {
    // Loaded for the first workbook only: most uploads are CSV, and the gateway and each validation worker would
    // otherwise hold exceljs and its dependencies (tens of MB, for every collection to mark) for nothing.
    const [{ default: ExcelJS }, { default: zipReader }] = await Promise.all([
      import('exceljs'),
      import('yauzl'),
    ]);
    zip = await openZip(zipReader, path);
    const entries = await entriesOf(zip);
    const part = async (name: string, maxBytes: number): Promise<Readable | null> => {
      const entry = entries.get(name);
      if (entry === undefined) return null;
      if (entry.uncompressedSize > maxBytes) {
        throw UploadRejectedError.because(
          `The workbook's part ${name} is larger than the upload can read (${formatBytes(maxBytes)} unpacked): ${SAVE_AS_CSV_UTF8}.`,
        );
      }
      const stream = await zip!.openReadStreamPromise(entry);
      // Text, not bytes: exceljs decodes each chunk on its own, which breaks a character cut by a chunk's end.
      stream.setEncoding('utf8');
      return stream;
    };
    const partBytes = PART_BYTES_PER_FILE_BYTE * limits.maxBytes;

    const workbookXml = await part('xl/workbook.xml', partBytes);
    const rels = await part('xl/_rels/workbook.xml.rels', partBytes);
    if (workbookXml === null || rels === null) {
      throw UploadRejectedError.because(
        `The file is a zip archive but not an Excel workbook: ${SAVE_AS_CSV_UTF8}.`,
      );
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, READER_OPTIONS) as unknown as WorkbookParts;
    await reader._parseRels(rels);
    await reader._parseWorkbook(workbookXml);
    const styles = await part('xl/styles.xml', partBytes);
    if (styles !== null) await reader._parseStyles(styles);
    const sharedStrings = await part('xl/sharedStrings.xml', partBytes);
    if (sharedStrings !== null) for await (const _ of reader._parseSharedStrings(sharedStrings));

    const sheetPath = firstSheetPath(reader);
    const sheet =
      sheetPath === null ? null : await part(sheetPath, SHEET_BYTES_PER_FILE_BYTE * limits.maxBytes);
    if (sheet === null) throw UploadRejectedError.because('The workbook has no sheet to read.');
    const sheetNo = /(\d+)\.xml$/.exec(sheetPath!)?.[1] ?? '1';
    for (const { eventType, value } of reader._parseWorksheet(sheet, sheetNo)) {
      if (eventType !== 'worksheet') continue;
      let previous = 0;
      for await (const row of value) {
        // A row without its number (allowed, though Excel always writes it) follows the one before.
        const line = Number.isInteger(row.number) && row.number > previous ? row.number : previous + 1;
        previous = line;
        yield { line, cells: cellTexts(row.values) };
      }
    }
  } catch (error) {
    throw asRejection(error);
  } finally {
    zip?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes the upload to `path` as it arrives, refusing it as soon as it passes the byte limit. */
async function spool(head: readonly Buffer[], input: AsyncIterator<Buffer>, path: string, maxBytes: number) {
  const file = await openFile(path, 'wx', 0o600);
  try {
    let bytes = 0;
    const write = async (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw UploadRejectedError.because(`The file is larger than the limit of ${formatBytes(maxBytes)}.`);
      }
      await file.write(chunk);
    };
    for (const chunk of head) await write(chunk);
    for (let next = await input.next(); !next.done; next = await input.next()) await write(next.value);
  } finally {
    await file.close();
  }
}

async function openZip(zipReader: typeof yauzl, path: string): Promise<yauzl.ZipFile> {
  try {
    // validateEntrySizes: a part that decompresses to more than its declared size fails as it is read.
    return await zipReader.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    });
  } catch {
    throw UploadRejectedError.because(
      `The file looks like an Excel workbook but cannot be opened: ${SAVE_AS_CSV_UTF8}.`,
    );
  }
}

function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** The part of the first sheet in the workbook's tab order that is not hidden (the one Excel opens on). */
function firstSheetPath(reader: WorkbookParts): string | null {
  const sheets = reader.model?.sheets ?? [];
  const sheet = sheets.find((s) => s.state === undefined || s.state === 'visible') ?? sheets[0];
  const target = reader.workbookRels?.find((rel) => rel.Id === sheet?.rId)?.Target;
  if (target === undefined) return null;
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

/** A row's cells (exceljs's values: 1-based, sparse) as text, 0-based. */
function cellTexts(values: unknown): string[] {
  const cells: string[] = [];
  if (!Array.isArray(values)) return cells;
  for (let column = 1; column < values.length; column += 1) cells.push(cellText(values[column]));
  return cells;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return object.richText
        .map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : ''))
        .join('');
    }
    if ('result' in object) return cellText(object.result);
    if (typeof object.error === 'string') return object.error;
    if ('text' in object) return cellText(object.text);
  }
  return '';
}

/**
 * Our refusals pass through, and so do the system's errors (a full disk, say: not the file's fault). Anything else
 * thrown while the zip and its XML are read is about the file: a workbook the readers cannot make sense of.
 */
function asRejection(error: unknown): unknown {
  if (error instanceof UploadRejectedError) return error;
  if (error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string') return error;
  return UploadRejectedError.because(`The workbook cannot be read (it may be damaged): ${SAVE_AS_CSV_UTF8}.`);
}
