import { Readable } from 'node:stream';
import { UTF8_BOM } from './template';

/** Lines per chunk of the stream: large enough to keep the stream cheap, small enough to keep it streaming. */
const LINES_PER_CHUNK = 500;

/**
 * A CSV file for spreadsheets (the duplicates report, the audit log): UTF-8 with a BOM (for Excel), CRLF line ends,
 * a header row of `columns`, then one line per item as `lineOf` writes it. Streamed in chunks of lines as the items
 * come (they may be read a page at a time), so a large file is never one string.
 */
export function csvDownload<Item>(
  columns: readonly string[],
  items: Iterable<Item> | AsyncIterable<Item>,
  lineOf: (item: Item) => string,
): Readable {
  return Readable.from(csvChunks(columns, items, lineOf), { objectMode: false });
}

async function* csvChunks<Item>(
  columns: readonly string[],
  items: Iterable<Item> | AsyncIterable<Item>,
  lineOf: (item: Item) => string,
): AsyncGenerator<Buffer> {
  let lines = [UTF8_BOM + columns.join(',')];
  for await (const item of items) {
    lines.push(lineOf(item));
    if (lines.length >= LINES_PER_CHUNK) {
      yield Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
      lines = [];
    }
  }
  if (lines.length > 0) yield Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
